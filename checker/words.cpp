#include "checker/words.hpp"

#include <unordered_map>

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

enum word_class : unsigned {
    start_verb = 1u << 0,
    end_verb = 1u << 1,
    event_verb = 1u << 2,
    future = 1u << 3,
    present = 1u << 4,
    past = 1u << 5,
    not_past = 1u << 6,
    rise = 1u << 7,
    fall = 1u << 8,
    noun_stop = 1u << 9,
    conjunction = 1u << 10,
    filler = 1u << 11,
};

// Every list folded into one table, built once: a word's classes cost one
// hash look-up instead of a scan of every list (this runs per token).
const std::unordered_map<std::string_view, unsigned>& classes() {
    static const auto table = [] {
        std::unordered_map<std::string_view, unsigned> t;
        auto add = [&t](const auto& list, unsigned c) {
            for (std::string_view w : list) t[w] |= c;
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
        return t;
    }();
    return table;
}

unsigned classes_of(std::string_view w) {
    const auto& t = classes();
    const auto it = t.find(w);
    return it == t.end() ? 0u : it->second;
}
}  // namespace

bool is_start_verb(std::string_view w) { return classes_of(w) & start_verb; }
bool is_end_verb(std::string_view w) { return classes_of(w) & end_verb; }
bool is_event_verb(std::string_view w) { return classes_of(w) & event_verb; }
bool is_future_marker(std::string_view w) { return classes_of(w) & future; }
bool is_present_marker(std::string_view w) { return classes_of(w) & present; }

bool is_past_marker(std::string_view w) {
    const unsigned c = classes_of(w);
    if (c & past) return true;
    return w.size() > 4 && w.ends_with("ed") && !(c & not_past);
}

bool is_rise_word(std::string_view w) { return classes_of(w) & rise; }
bool is_fall_word(std::string_view w) { return classes_of(w) & fall; }
bool is_noun_stop(std::string_view w) { return classes_of(w) & noun_stop; }
bool is_clause_conjunction(std::string_view w) { return classes_of(w) & conjunction; }
bool is_verb_date_filler(std::string_view w) { return classes_of(w) & filler; }

}  // namespace factlint::words
