#include "checker/words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

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

constexpr std::string_view total_words[] = {"total"};
constexpr std::string_view plan_words[] = {"due", "set", "going"};
// The first words of find_totals' markers after a total (patterns.cpp).
constexpr std::string_view marker_leads[] = {"including",  "of",         "split",  "divided", "made",
                                             "consisting", "comprising", "broken", "shared"};

// The lists' own exception class: "-ed" words that are not past forms.
constexpr unsigned not_past = 1u << 30;

struct class_list {
    std::span<const std::string_view> words;
    unsigned classes;
};
constexpr class_list all_lists[] = {
    {start_verbs, start_verb},
    {end_verbs, end_verb},
    {event_verbs, event_verb},
    {future_markers, future},
    {present_markers, present},
    {past_markers, past},
    {not_past_ed, not_past},
    {rise_words, rise},
    {fall_words, fall},
    {noun_stops, noun_stop},
    {clause_conjunctions, conjunction},
    {verb_date_fillers, filler},
    {total_words, total_word},
    {plan_words, plan_word},
    {marker_leads, marker_lead},
};

// A word's classes once all the lists that name it are known: the -ed rule
// applied, the exception class dropped.
constexpr unsigned with_ed_rule(std::string_view w, unsigned c) {
    if (!(c & past) && w.size() > 4 && w.ends_with("ed") && !(c & not_past)) c |= past;
    return c & ~not_past;
}

// Every list folded into one open-addressing table, built by the compiler:
// a word's classes cost two masked loads, a multiplication and one
// comparison of 16 bytes (this runs per token).
constexpr std::array<detail::word_slot, detail::table_size> build_slots() {
    std::array<detail::word_slot, detail::table_size> t{};
    const auto slot_for = [&t](std::string_view w) -> detail::word_slot& {
        std::uint64_t low = 0, high = 0;
        for (std::size_t k = 0; k < w.size(); ++k) {
            const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(w[k]));
            if (k < 8)
                low |= byte << (8 * k);
            else
                high |= byte << (8 * (k - 8));
        }
        std::size_t h = detail::slot_of(low, w.size());
        while (t[h].classes != 0 && !(t[h].low == low && t[h].high == high && t[h].size == w.size()))
            h = (h + 1) & (t.size() - 1);
        t[h].low = low, t[h].high = high, t[h].size = static_cast<std::uint32_t>(w.size());
        return t[h];
    };
    for (const class_list& l : all_lists)
        for (std::string_view w : l.words) {
            if (w.empty() || w.size() > padded_room) throw "a listed word has 1 to 16 bytes";
            slot_for(w).classes |= l.classes | detail::listed;
        }
    for (const class_list& l : all_lists)
        for (std::string_view w : l.words) {
            detail::word_slot& s = slot_for(w);
            s.classes = with_ed_rule(w, s.classes & ~detail::listed) | detail::listed;
        }
    return t;
}

}  // namespace

constinit const std::array<detail::word_slot, detail::table_size> detail::word_slots = build_slots();

unsigned classes_of(std::string_view w) {
    if (w.size() > padded_room) return detail::ed_rule(w.data(), w.size());
    char padded[padded_room] = {};
    std::copy(w.begin(), w.end(), padded);
    return classes_of_padded(padded, w.size());
}

unsigned classes_by_lists(std::string_view w) {
    unsigned c = 0;
    for (const class_list& l : all_lists)
        if (std::find(l.words.begin(), l.words.end(), w) != l.words.end()) c |= l.classes;
    return with_ed_rule(w, c);
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
