#include "checker/words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace factlint::words {

namespace {

constexpr std::string_view start_verbs[] = {
    "began",       "begun",     "begin",     "begins",      "started",  "start",     "starts",
    "launched",    "launch",    "opened",    "open",        "opens",    "signed",    "formed",
    "invaded",     "deployed",  "declared",  "established", "founded",  "created",   "introduced",
    "inaugurated", "commenced", "initiated", "instituted",  "unveiled", "enacted",   "imposed",
    "adopted",     "entered",   "arrived",   "erupted",     "broke",    "announced", "built",
};
constexpr std::string_view end_verbs[] = {
    "ended",    "end",    "ends",      "concluded", "finished", "withdrew",   "withdrawn",
    "defeated", "closed", "completed", "expired",   "lifted",   "terminated", "dissolved",
    "stopped",  "ceased", "halted",    "abolished", "repealed", "scrapped",   "wound",
};
constexpr std::string_view event_verbs[] = {"happened", "occurred", "took",   "held",
                                            "struck",   "hit",      "passed", "approved"};
constexpr std::string_view future_markers[] = {
    "will",     "'ll",       "shall",     "expected",    "expects",   "expect",  "projected", "projects",
    "forecast", "forecasts", "predicted", "predicts",    "plans",     "planned", "plan",      "aims",
    "due",      "scheduled", "proposed",  "targets",     "targeted",  "intends", "budgeted",  "would",
    "could",    "might",     "estimates", "anticipated", "envisaged", "set",     "going",     "outlook",
};
constexpr std::string_view present_markers[] = {
    "is",        "are",    "am",     "has",       "have",     "remains",  "remain",  "stands",  "now",
    "currently", "still",  "today",  "presently", "employs",  "serves",   "holds",   "owns",    "operates",
    "totals",    "counts", "houses", "exceeds",   "contains", "includes", "numbers", "reaches", "hosts",
};
constexpr std::string_view past_markers[] = {
    "was",     "were", "had",   "did",    "rose",   "fell",     "grew",   "began", "spent", "held",
    "said",    "took", "gave",  "made",   "saw",    "lost",     "won",    "paid",  "sold",  "bought",
    "left",    "came", "went",  "became", "built",  "sank",     "shrank", "slid",  "cut",   "ago",
    "brought", "drew", "stood", "fought", "led",    "met",      "ran",    "sent",  "spoke", "told",
    "thought", "kept", "hit",   "wrote",  "struck", "withdrew", "broke",  "chose", "fled",  "flew",
};
constexpr std::string_view not_past_ed[] = {
    "need", "speed", "feed", "seed", "proceed", "exceed", "succeed", "indeed", "hundred", "red",
    "bed",  "shed",  "bred", "led",  "fled",    "breed",  "greed",   "weed",   "deed",    "embed",
};
constexpr std::string_view rise_words[] = {
    "rose",     "risen",     "rise",     "rises",    "grew",   "grown",  "grow",      "grows",   "increased",
    "increase", "increases", "climbed",  "climb",    "climbs", "jumped", "jump",      "jumps",   "surged",
    "surge",    "surges",    "soared",   "soar",     "gained", "gain",   "up",        "higher",  "rising",
    "growth",   "boosted",   "expanded", "advanced", "leapt",  "leaped", "rebounded", "doubled",
};
constexpr std::string_view fall_words[] = {
    "fell",    "fallen",   "fall",      "falls",    "dropped",   "drop",       "drops", "declined",
    "decline", "declines", "decreased", "decrease", "decreases", "slumped",    "slump", "plunged",
    "plunge",  "slid",     "slide",     "sank",     "shrank",    "shrunk",     "down",  "lower",
    "falling", "tumbled",  "slipped",   "dipped",   "eased",     "contracted", "lost",  "cut",
};
constexpr std::string_view noun_stops[] = {
    "of",     "in",    "on",      "at",           "for",     "to",       "from",   "by",    "with",
    "and",    "or",    "but",     "the",          "a",       "an",       "that",   "which", "who",
    "is",     "are",   "was",     "were",         "has",     "have",     "had",    "will",  "would",
    "this",   "last",  "next",    "since",        "as",      "than",     "per",    "each",  "up",
    "down",   "over",  "under",   "into",         "their",   "its",      "his",    "her",   "our",
    "said",   "says",  "more",    "less",         "fewer",   "about",    "around", "after", "before",
    "during", "while", "between", "against",      "among",   "compared", "versus", "vs",    "a year",
    "be",     "been",  "being",   "there",        "these",   "those",    "it",     "they",  "we",
    "if",     "when",  "where",   "so",           "because", "although", "though", "not",   "only",
    "also",   "just",  "still",   "now",          "then",    "year",     "years",  "month", "months",
    "week",   "weeks", "day",     "days",         "ago",     "earlier",  "later",  "each",  "every",
    "apiece", "total", "overall", "respectively", "some",    "all",      "both",   "such",  "own",
};
constexpr std::string_view clause_conjunctions[] = {"and",      "but",     "while", "which", "whereas",
                                                    "although", "though",  "who",   "when",  "after",
                                                    "before",   "because", "as",    "since"};
constexpr std::string_view verb_date_fillers[] = {
    "in",   "on",   "at",    "by", "during", "around", "officially", "formally", "finally", "first", "only",
    "back", "late", "early", "as", "of",     "was",    "were",       "had",      "been",    "is",    "be"};

// The lists' own exception class: "-ed" words that are not past forms.
constexpr unsigned not_past = 1u << 31;

// Every list folded into one open-addressing table, built once: a word's
// classes cost one short hash and one comparison (this runs per token).
// std::unordered_map's string hash alone cost more than the rest of the
// look-up.
class word_table {
public:
    word_table() {
        auto add = [this](const auto& list, unsigned c) {
            for (std::string_view w : list) insert(w, c);
        };
        add(start_verbs, start_verb);
        add(end_verbs, end_verb);
        add(event_verbs, event_verb);
        add(future_markers, future);
        add(present_markers, present);
        add(past_markers, past);
        add(not_past_ed, not_past);
        add(rise_words, rise);
        add(fall_words, fall);
        add(noun_stops, noun_stop);
        add(clause_conjunctions, conjunction);
        add(verb_date_fillers, filler);
    }
    [[nodiscard]] unsigned find(std::string_view w) const {
        if (w.empty() || w.size() > longest_) return 0;
        for (std::size_t h = hash(w);; h = (h + 1) & (size - 1)) {
            const std::string_view k = words_[h];
            if (k.empty()) return 0;
            if (k.size() == w.size() && same_bytes(k, w)) return classes_[h];
        }
    }

private:
    static constexpr unsigned size_bits = 10;
    static constexpr std::size_t size = std::size_t{1} << size_bits;  // over twice the words
    // Length and the first two and last two bytes: enough to spread the
    // lists' words, and no loop over the word.
    static std::size_t hash(std::string_view w) {
        const auto at = [&w](std::size_t i) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>(w[i]));
        };
        const std::size_t n = w.size();
        const std::uint32_t k =
            at(0) | at(n > 1 ? 1 : 0) << 8 | at(n - 1) << 16 | at(n > 1 ? n - 2 : 0) << 24;
        return ((k ^ static_cast<std::uint32_t>(n) * 0x9E3779B9u) * 0x85EBCA6Bu) >> (32 - size_bits);
    }
    // Words of a dozen bytes at most: a plain loop beats a call to memcmp.
    static bool same_bytes(std::string_view a, std::string_view b) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    void insert(std::string_view w, unsigned c) {
        std::size_t h = hash(w);
        while (!words_[h].empty() && words_[h] != w) h = (h + 1) & (size - 1);
        words_[h] = w;
        classes_[h] |= c;
        longest_ = std::max(longest_, w.size());
    }
    std::array<std::string_view, size> words_{};
    std::array<unsigned, size> classes_{};
    std::size_t longest_ = 0;
};

const word_table& table() {
    static const word_table t;
    return t;
}

}  // namespace

unsigned classes_of(std::string_view w) {
    unsigned c = table().find(w);
    if (!(c & past) && w.size() > 4 && w.ends_with("ed") && !(c & not_past)) c |= past;
    return c & ~not_past;
}

bool is_start_verb(std::string_view w) { return classes_of(w) & start_verb; }
bool is_end_verb(std::string_view w) { return classes_of(w) & end_verb; }
bool is_event_verb(std::string_view w) { return classes_of(w) & event_verb; }
bool is_future_marker(std::string_view w) { return classes_of(w) & future; }
bool is_present_marker(std::string_view w) { return classes_of(w) & present; }
bool is_past_marker(std::string_view w) { return classes_of(w) & past; }
bool is_rise_word(std::string_view w) { return classes_of(w) & rise; }
bool is_fall_word(std::string_view w) { return classes_of(w) & fall; }
bool is_noun_stop(std::string_view w) { return classes_of(w) & noun_stop; }
bool is_clause_conjunction(std::string_view w) { return classes_of(w) & conjunction; }
bool is_verb_date_filler(std::string_view w) { return classes_of(w) & filler; }

}  // namespace factlint::words
