// Vague references to time: words that place a statement in the past, the
// present or the future without naming a span. TimeML values them
// PAST_REF, PRESENT_REF and FUTURE_REF; factlint reports them (basis
// `vague`, no interval) and never attaches them to a figure.
//
// What is read, and what is left alone because it is as often no time at all:
//  * past: "recently" ("more/most/until recently"), "recent" before a noun or
//    a plural unit ("recent talks", "in recent years"; not "the most recent
//    quarter", a quarter), "previously", "formerly", "the past" standing
//    alone ("in the past", not "the past two years", a duration), "past
//    years", "the past/last few/several months", "years ago", "several
//    years ago", "long ago" (a count before "ago" is a date: see try_ago),
//    "earlier" ending a clause ("as he said earlier."), "then-current";
//  * future: "the future", "the near/distant/foreseeable future", "in
//    future" (not "future" before a noun: annotators disagree), "soon" (not
//    "soon after", an event's time, nor beside a past-tense verb, "the
//    drummer soon left"; "as soon as possible" whole), "the
//    coming months", "the near/short/long term", "the months ahead", "a
//    later date";
//  * present: "current" before a noun ("current prices"; not "the current
//    quarter", read as a quarter, and not "current account");
//  * now: "these days", "at the moment", "for the moment" are the document
//    date, like "nowadays" (basis `document`).
// Not read: "once", "already", "yet", "then", "the time", "one day": each
// is more often no time at all than a reference to one.
#include "grammar/time_vague.hpp"

namespace factlint::grammar::time_detail {
namespace {

constexpr std::string_view past_ref = "PAST_REF";
constexpr std::string_view present_ref = "PRESENT_REF";
constexpr std::string_view future_ref = "FUTURE_REF";

constexpr std::array<std::string_view, 9> plural_units{
    "days", "weeks", "months", "years", "decades", "quarters", "periods", "generations", "centuries"};
constexpr std::array<std::string_view, 8> singular_units{"day",    "week",    "month",  "year",
                                                         "decade", "quarter", "period", "century"};
constexpr std::array<std::string_view, 3> vague_counts{"few", "several", "many"};

// The first character after `at` that is not a space, or 0 at the end.
char next_char(const char* at, const char* end) {
    const char* p = skip_space(at, end);
    return p < end ? *p : '\0';
}

// Does a clause end right after `at` ("said earlier.", "in the past,")?
bool clause_ends(const char* at, const char* end) {
    const char c = next_char(at, end);
    return c == '\0' || c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '!' || c == '?' ||
           c == '"';
}

// Begins the phrase at "the" when it comes right before `begin`.
const char* with_article(const char* limit, const char* begin) {
    const word_ref w = word_before(limit, begin);
    return is(w, "the") ? w.begin : begin;
}

vague_reference make(const char* begin, const char* end, std::string_view value) {
    return vague_reference{begin, end, value, false};
}

// "(the) few/several/many months", "(the) couple of years" after `w`
// ("past", "last", "coming"); the unit's end, or nullptr.
const char* vague_count_then_units(word_ref w, const char* end) {
    word_ref count = word_after(w.end, end);
    if (is(count, "couple") && is(word_after(count.end, end), "of"))
        count = word_after(count.end, end);
    else if (!is_one_of(count, vague_counts))
        return nullptr;
    const word_ref unit = word_after(count.end, end);
    return is_one_of(unit, plural_units) ? unit.end : nullptr;
}

std::optional<vague_reference> past_word(const char* limit, word_ref w, const char* end) {
    const word_ref prev = word_before(limit, w.begin);
    if (is(prev, "this")) return std::nullopt;  // "this past spring": a season
    if (const char* units_end = vague_count_then_units(w, end))
        return make(with_article(limit, w.begin), units_end, past_ref);
    if (is(w, "last")) return std::nullopt;
    const word_ref next = word_after(w.end, end);
    if (is_one_of(next, plural_units)) return make(with_article(limit, w.begin), next.end, past_ref);
    // "the past" on its own: not "the past two years" (a duration) nor "the
    // past president".
    static constexpr std::array<std::string_view, 23> after_bare{
        "and",  "or",    "but",  "when",  "as", "is", "was", "were", "has", "have", "had", "to",
        "that", "which", "will", "would", "it", "he", "she", "they", "we",  "i",    "you"};
    if (!is(prev, "the")) return std::nullopt;
    if (clause_ends(w.end, end) || is_one_of(next, after_bare)) return make(prev.begin, w.end, past_ref);
    return std::nullopt;
}

std::optional<vague_reference> recent_word(const char* limit, word_ref w, const char* end) {
    if (is(w, "recently")) {
        const word_ref prev = word_before(limit, w.begin);
        const bool degree = is(prev, "more") || is(prev, "most") || is(prev, "until");
        return make(degree ? prev.begin : w.begin, w.end, past_ref);
    }
    if (w.end < end && *w.end == '-') return std::nullopt;  // "recent-vintage"
    const word_ref next = word_after(w.end, end);
    if (is_one_of(next, plural_units)) return make(w.begin, next.end, past_ref);
    if (is_one_of(next, singular_units)) return std::nullopt;  // "the most recent quarter"
    return make(w.begin, w.end, past_ref);
}

std::optional<vague_reference> future_word(const char* limit, word_ref w, const char* end) {
    // "the Future Combat Systems": a capitalised "Future" after "the" or "in"
    // (the only words it is read after) is a name.
    if (is_upper(*w.begin)) return std::nullopt;
    if (w.end < end && *w.end == '-') return std::nullopt;
    static constexpr std::array<std::string_view, 6> modifiers{"near",      "distant",    "foreseeable",
                                                               "immediate", "indefinite", "far"};
    const char* begin = w.begin;
    word_ref prev = word_before(limit, w.begin);
    if (is_one_of(prev, modifiers)) {
        begin = prev.begin;
        prev = word_before(limit, prev.begin);
    }
    if (is(prev, "the")) return make(prev.begin, w.end, future_ref);
    // "in future"; "future returns" is an adjective that TimeBank and
    // Recognizers-Text disagree on (both annotate "the future").
    if (begin == w.begin && is(prev, "in")) return make(w.begin, w.end, future_ref);
    return std::nullopt;
}

constexpr std::array<std::string_view, 3> past_auxiliaries{"was", "were", "had"};

// A verb in the past tense: a common irregular one, or a word in "-ed"
// ("dropped", "joined"; not "need", "speed", "feed"). Only after "soon":
// before it, "expected soon" is a plan.
bool past_verb(word_ref w) {
    static constexpr std::array<std::string_view, 16> irregular{
        "was",  "were", "had",  "became", "began", "came", "went", "left",
        "made", "took", "gave", "found",  "saw",   "got",  "fell", "rose"};
    if (is_one_of(w, irregular)) return true;
    return w.size() > 4 && lower(w.end[-2]) == 'e' && lower(w.end[-1]) == 'd' && lower(w.end[-3]) != 'e';
}

std::optional<vague_reference> soon_word(const char* limit, word_ref w, const char* end) {
    const word_ref prev = word_before(limit, w.begin);
    const word_ref next = word_after(w.end, end);
    if (is(prev, "as")) {
        // "as soon as possible"; "as soon as next week" leaves the date to its own reader.
        const word_ref last = word_after(next.end, end);
        if (is(next, "as") && (is(last, "possible") || is(last, "practicable")))
            return make(prev.begin, last.end, future_ref);
        return std::nullopt;
    }
    static constexpr std::array<std::string_view, 4> event_after{"after", "afterward", "afterwards",
                                                                 "thereafter"};
    if (is_one_of(next, event_after)) return std::nullopt;  // "soon after the war": that war's time
    // In a past narrative "soon" is shortly after the story's moment, no
    // future: "the drummer soon left", "it was soon clear".
    if (is_one_of(prev, past_auxiliaries) || past_verb(next)) return std::nullopt;
    return make(w.begin, w.end, future_ref);
}

// "the near term", "the months ahead", "the coming weeks", "a later date".
std::optional<vague_reference> ahead_word(const char* limit, word_ref w, const char* end) {
    const word_ref prev = word_before(limit, w.begin);
    const word_ref next = word_after(w.end, end);
    if (is(w, "coming")) {
        if (!is_one_of(next, plural_units)) return std::nullopt;
        return make(with_article(limit, w.begin), next.end, future_ref);
    }
    if (is(w, "term")) {
        if (!(is(prev, "near") || is(prev, "short") || is(prev, "long")) || is(next, "of"))
            return std::nullopt;
        const word_ref the = word_before(limit, prev.begin);
        if (!is(the, "the")) return std::nullopt;
        return make(the.begin, w.end, future_ref);
    }
    if (is(w, "ahead")) {
        if (!is_one_of(prev, plural_units)) return std::nullopt;
        const word_ref the = word_before(limit, prev.begin);
        if (!is(the, "the")) return std::nullopt;
        return make(the.begin, w.end, future_ref);
    }
    if (is(w, "later") && is(next, "date") && (is(prev, "a") || is(prev, "some")))
        return make(prev.begin, next.end, future_ref);
    return std::nullopt;
}

std::optional<vague_reference> current_word(const char* limit, word_ref w, const char* end) {
    // "the then-current rules", "then current": the present of a past story.
    if (w.begin > limit && w.begin[-1] == '-') {
        const word_ref then = word_before(limit, w.begin - 1);
        if (is(then, "then") && then.end == w.begin - 1) return make(then.begin, w.end, past_ref);
        return std::nullopt;
    }
    if (const word_ref then = word_before(limit, w.begin); is(then, "then"))
        return make(then.begin, w.end, past_ref);
    const word_ref next = word_after(w.end, end);
    // An adjective before a lower-case noun; "the current" alone is a flow.
    if (!next || is_upper(*next.begin) || (w.end < end && *w.end == '-')) return std::nullopt;
    static constexpr std::array<std::string_view, 6> not_time{"account", "accounts", "affairs",
                                                              "flow",    "flows",    "density"};
    if (is_one_of(next, not_time)) return std::nullopt;
    return make(w.begin, w.end, present_ref);
}

// "these days", "at the moment", "for the moment": now.
std::optional<vague_reference> now_phrase(const char* limit, word_ref w, const char* end) {
    const word_ref next = word_after(w.end, end);
    if (is(w, "these")) {
        if (!is(next, "days") || (next.end < end && is_alpha(*next.end))) return std::nullopt;
        return vague_reference{w.begin, next.end, present_ref, true};
    }
    const word_ref the = word_before(limit, w.begin);
    if (!is(the, "the") && !is(the, "this")) return std::nullopt;
    const word_ref at = word_before(limit, the.begin);
    if (!is(at, "at") && !is(at, "for")) return std::nullopt;
    if (is(next, "of") || is(next, "when") || is(next, "that")) return std::nullopt;  // a moment of the story
    return vague_reference{at.begin, w.end, present_ref, true};
}

// "years ago", "several years ago", "long ago", when no count came before
// "ago"; "earlier" ending a clause.
std::optional<vague_reference> ago_word(const char* limit, word_ref w, const char* end) {
    const word_ref prev = word_before(limit, w.begin);
    if (is(w, "earlier")) {
        if (!clause_ends(w.end, end) || is_one_of(prev, plural_units) || is_one_of(prev, singular_units))
            return std::nullopt;
        return make(w.begin, w.end, past_ref);
    }
    if (is(prev, "long")) {
        const word_ref not_word = word_before(limit, prev.begin);
        return make(is(not_word, "not") ? not_word.begin : prev.begin, w.end, past_ref);
    }
    if (!is_one_of(prev, plural_units)) return std::nullopt;
    const char* begin = prev.begin;
    const word_ref count = word_before(limit, prev.begin);
    if (is_one_of(count, vague_counts) || is(count, "some")) {
        begin = count.begin;
        if (const word_ref a = word_before(limit, count.begin); is(count, "few") && is(a, "a"))
            begin = a.begin;
    }
    return make(begin, w.end, past_ref);
}

}  // namespace

std::optional<vague_reference> vague_at(const char* limit, word_ref w, const char* end) {
    if (w.end < end && is_digit(*w.end)) return std::nullopt;
    switch (lower(*w.begin)) {
        case 'a': return is(w, "ago") ? ago_word(limit, w, end) : ahead_word(limit, w, end);
        case 'c': return is(w, "coming") ? ahead_word(limit, w, end) : current_word(limit, w, end);
        case 'e': return ago_word(limit, w, end);
        case 'f':
            if (is(w, "formerly")) return make(w.begin, w.end, past_ref);
            return future_word(limit, w, end);
        case 'l':
            if (is(w, "last")) return past_word(limit, w, end);
            return ahead_word(limit, w, end);
        case 'm': return now_phrase(limit, w, end);
        case 'p':
            if (is(w, "previously")) return make(w.begin, w.end, past_ref);
            return past_word(limit, w, end);
        case 'r': return recent_word(limit, w, end);
        case 's': return soon_word(limit, w, end);
        case 't': return is(w, "these") ? now_phrase(limit, w, end) : ahead_word(limit, w, end);
        default: return std::nullopt;
    }
}

}  // namespace factlint::grammar::time_detail
