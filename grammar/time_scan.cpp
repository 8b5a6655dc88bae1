// find_times: a cheap hand-written scan that calls the X3 grammar only where
// a time phrase can start (a digit at a word boundary, or a word that can
// begin one: a month, a weekday, this/last/next, now, Q3, fiscal, …) and
// skips everything else without allocating. Around each phrase it reads
// the few words that change its meaning: since/until/by/from/between
// before it, a second date after it, early/late/mid/the end of.
//
// When is a bare four-digit number a year (SPEC §4.3)?
//  * never after a currency sign, "#", "No.", inside a number ("2,019",
//    "2019.5"), before "%" or a unit/count noun ("2019 people", "1500 km");
//  * after in/since/until/through/during/before/after/early/late/mid/circa/
//    around/fiscal: any year 1000..2199;
//  * after the/of/to/from/by/for/and/between/or a season: 1900..2100;
//  * otherwise (standing alone) 1900..2100, unless a lower-case plural
//    follows ("2000 homes") or a capitalised word that does not start the
//    sentence comes before it ("Windows 2000").
//
// Context that changes what a phrase means (beyond SPEC §4.3's defaults):
//  * future markers: a month without a year is the most recent one not
//    after the document date, unless a word of the future comes before it
//    in its clause (will, would, shall, expected, scheduled, planned,
//    due, set to, plans to, as soon as, as early as, effective; "by" or
//    "until" right before a month): then it is the next one (this month
//    included). Days without a year and weekdays take the same markers,
//    but not by/until (as often past: "through Oct. 19"); a past word
//    (said, was, had, last, ago, …) met first stops the search;
//  * "a year ago", "a year earlier", "last year", "year-earlier" in a
//    sentence that (or one of the two sentences before it) speaks of a
//    quarter name the latest quarter ended by the document date, a year
//    back, as earnings stories mean them; "the year-ago quarter/period"
//    always does; "the quarter", "the latest quarter" are that quarter;
//  * seasons are three-month spans normalized "1998-SU"; "the weekend"
//    is Saturday–Sunday, normalized "1998-W33-WE";
//  * years spoken as words ("nineteen ninety-six", "the year two
//    thousand") are years; decades as words need "the" ("the nineties",
//    not "in his nineties"); a capitalised month between an article and a
//    lower-case noun ("a June agreement", not "the May government") needs
//    no preposition.
// Vague references ("recently", "the future", "soon") are matched with
// basis vague and no span (grammar/time_vague.cpp); the checker keeps them
// apart from the dates it attaches to figures.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <utility>

#include "grammar/parse.hpp"
#include "grammar/time_core.hpp"
#include "grammar/time_keywords.hpp"
#include "grammar/time_vague.hpp"
#include "grammar/time_words.hpp"

namespace factlint::grammar {
namespace {

using namespace time_detail;  // the word helpers of time_words.hpp
using time_detail::core_form;
using time_detail::time_core;
using doc_date = std::optional<time_span>;

// One table look-up per byte in the scanning loop.
constexpr std::uint8_t letter = 1, digit_char = 2;
constexpr std::array<std::uint8_t, 256> char_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = letter;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = digit_char;
    return t;
}();

// ---- bare years -----------------------------------------------------------

constexpr std::array<std::string_view, 16> strong_year_context{
    "in",    "since", "until", "till",  "through", "during", "before", "after",
    "early", "late",  "mid",   "circa", "around",  "fiscal", "pre",    "post"};
constexpr std::array<std::string_view, 17> weak_year_context{
    "the", "of",     "to",     "from",   "by",   "for",    "and",  "between", "or",
    "on",  "spring", "summer", "autumn", "fall", "winter", "year", "at"};
constexpr std::array<std::string_view, 40> count_nouns{
    "people",  "persons", "men",      "women",   "children", "troops",   "soldiers", "workers",
    "jobs",    "homes",   "houses",   "units",   "students", "patients", "cases",    "deaths",
    "km",      "miles",   "meters",   "metres",  "feet",     "ft",       "tons",     "tonnes",
    "kg",      "acres",   "hectares", "dollars", "euros",    "pounds",   "percent",  "per",
    "barrels", "mw",      "gw",       "votes",   "points",   "m",        "cm",       "mm"};

// The three lists above in one table: one hash look-up per word instead of
// a comparison with each of up to 40 words.
enum : std::uint16_t { yc_strong = 1, yc_weak = 2, yc_count_noun = 4 };
constexpr keyword_table year_context{
    {strong_year_context, yc_strong}, {weak_year_context, yc_weak}, {count_nouns, yc_count_noun}};

bool currency_before(const char* limit, const char* at) {
    const char* p = at;
    while (p > limit && p[-1] == ' ') --p;
    if (p == limit) return false;
    const char c = p[-1];
    if (c == '$' || c == '#') return true;
    if (p - limit >= 2 && std::memcmp(p - 2, "\xC2\xA3", 2) == 0) return true;      // £
    if (p - limit >= 3 && std::memcmp(p - 3, "\xE2\x82\xAC", 3) == 0) return true;  // €
    const word_ref w = word_before(limit, c == '.' ? p - 1 : p);
    return is(w, "no") || is(w, "number") || is(w, "usd") || is(w, "eur");
}

bool starts_sentence(const char* limit, const char* at) {
    const char* p = at;
    while (p > limit && is_space(p[-1])) --p;
    return p == limit || p[-1] == '.' || p[-1] == '!' || p[-1] == '?' || p[-1] == '\n' || p[-1] == '#' ||
           p[-1] == '"' || p[-1] == '(' || p[-1] == ':' || p[-1] == '*' || p[-1] == '>' || p[-1] == '-';
}

bool plausible_year(const char* limit, const char* begin, const char* end, const char* text_end, int year) {
    if (end < text_end && *end == '%') return false;
    if (end + 1 < text_end && (*end == ',' || *end == '.' || *end == ':') && is_digit(end[1])) return false;
    if (currency_before(limit, begin)) return false;
    const word_ref next = word_after(end, text_end);
    if (year_context.classes(next) & yc_count_noun) return false;
    const word_ref prev = word_before(limit, begin);
    const std::uint16_t prev_context = year_context.classes(prev);
    const bool hyphenated = begin > limit && begin[-1] == '-';  // "mid-2019", "pre-2008"
    if (hyphenated || (prev_context & yc_strong)) return year >= 1000 && year <= 2199;
    if (year < 1900 || year > 2100) return false;
    if (prev_context & yc_weak) return true;
    if (next && !is_upper(*next.begin) && next.size() > 3 && lower(next.end[-1]) == 's' &&
        (next.end == text_end || !is_alnum(*next.end)))
        return false;
    if (prev && is_upper(*prev.begin) && !starts_sentence(limit, prev.begin)) return false;
    return true;
}

// ---- where a phrase may start ---------------------------------------------

// Digits start a phrase at a word boundary: not inside a number, a word,
// a path or a version ("v2019", "1.2019", "/2019/"); "mid-2019" is fine.
bool digit_start_ok(const char* limit, const char* p) {
    if (p == limit) return true;
    const char c = p[-1];
    if (is_alnum(c) || c == '/' || c == '.' || c == ',' || c == '_' || c == '@' || c == '#' || c == ':' ||
        c == '+' || c == '=' || c == '&' || c == '$')
        return false;
    if (c == '-') {
        const word_ref w = word_before(limit, p - 1);
        return is(w, "mid") || is(w, "pre") || is(w, "post") || is(w, "early") || is(w, "late");
    }
    return true;
}

// Words (lower case, letters only) at which the X3 grammar is tried.
constexpr std::array<std::string_view, 69> core_words{
    "january",   "february",  "march",     "april",    "may",      "june",      "july",    "august",
    "september", "october",   "november",  "december", "jan",      "feb",       "mar",     "apr",
    "jun",       "jul",       "aug",       "sep",      "sept",     "oct",       "nov",     "dec",
    "monday",    "tuesday",   "wednesday", "thursday", "friday",   "saturday",  "sunday",  "this",
    "last",      "next",      "current",   "previous", "coming",   "yesterday", "today",   "tomorrow",
    "now",       "currently", "presently", "nowadays", "still",    "first",     "second",  "third",
    "fourth",    "fiscal",    "q",         "fy",       "spring",   "summer",    "fall",    "autumn",
    "winter",    "nineteen",  "eighteen",  "year",     "twenties", "thirties",  "forties", "fifties",
    "sixties",   "seventies", "eighties",  "nineties", "tonight"};

// Some core words start a date only before a few words, because every
// alternative of the X3 grammar (time_core.cpp) that begins with them
// needs one of those next: a shift word ("this", "last", "next", …) a unit,
// season, month, weekday, "fiscal", "past" or "half"; an ordinal ("first",
// "2nd") "quarter" or "half"; "year" "two" ("the year two thousand").
// Other words skip the grammar attempt, which cost about 1,700 instructions
// each for the commonest words of prose ("this", "first", "year").
constexpr std::array<std::string_view, 6> shift_words{"this",     "current", "last",
                                                      "previous", "next",    "coming"};
constexpr std::array<std::string_view, 8> ordinal_words{"first", "second", "third", "fourth",
                                                        "1st",   "2nd",    "3rd",   "4th"};
constexpr std::array<std::string_view, 14> after_shift{"year",   "month", "quarter", "decade", "century",
                                                       "week",   "half",  "fiscal",  "past",   "spring",
                                                       "summer", "fall",  "autumn",  "winter"};

// core_words begins with the 24 month names and abbreviations, then the 7 weekdays.
constexpr std::size_t months_and_weekdays = 31;
static_assert(core_words[23] == "dec" && core_words[24] == "monday" && core_words[30] == "sunday");

// Words that start a phrase read by hand ("two years ago", "at present").
constexpr std::array<std::string_view, 2> ago_words{"ago", "earlier"};
constexpr std::array<std::string_view, 2> present_words{"present", "date"};
constexpr std::array<std::string_view, 2> quarter_period_words{"quarter", "period"};
constexpr std::array<std::string_view, 1> weekend_words{"weekend"};
constexpr std::array<std::string_view, 1> moment_words{"moment"};

// What may follow a day number before its month: "12 of May", "4 to 22
// January", "4 and 5 June" (day_may_follow).
constexpr std::array<std::string_view, 6> day_joins{"of", "to", "through", "till", "until", "and"};

// What an ordinal, or "year", needs next (grammar_may_start).
constexpr std::array<std::string_view, 2> quarter_half_words{"quarter", "half"};
constexpr std::array<std::string_view, 1> year_words{"year"};
constexpr std::array<std::string_view, 1> two_words{"two"};

constexpr keyword_table keywords{
    {core_words, kw_core},
    {std::span(core_words).first(months_and_weekdays), kw_month_weekday},
    {ago_words, kw_ago | kw_vague},
    {present_words, kw_present},
    {quarter_period_words, kw_quarter_period},
    {weekend_words, kw_weekend},
    {vague_trigger_words, kw_vague},
    {moment_words, kw_vague},
    {shift_words, kw_shift},
    {ordinal_words, kw_ordinal},
    {after_shift, kw_after_shift},
    {quarter_half_words, kw_quarter_half},
    {year_words, kw_year},
    {two_words, kw_two},
};

// The classes of the words on_word acts on, and for each first letter a
// bit per length such a word has: most words are rejected by one look-up
// before the keyword table's hash.
constexpr std::uint16_t acted_on = kw_core | kw_ago | kw_present | kw_quarter_period | kw_weekend | kw_vague;
constexpr std::array<std::uint16_t, 26> keyword_lengths = keywords.lengths_by_first_letter(acted_on);

constexpr detail::word_filter keyword_filter = keywords.filter(acted_on);

// Of the words on_word acts on, those word_may_act says yes to whatever
// follows them: all but the shift words, ordinals and "year", which need
// one of the words of next_word_filter next.
constexpr bool acts_alone(std::uint16_t classes) {
    return (classes & (acted_on & ~kw_core)) != 0 || (classes & kw_month_weekday) != 0 ||
           ((classes & kw_core) != 0 && (classes & (kw_shift | kw_ordinal | kw_year)) == 0);
}

constexpr detail::word_filter alone_filter = keywords.filter_where(acts_alone);

// What a shift word, an ordinal or "year" needs next (grammar_may_start).
constexpr detail::word_filter next_word_filter =
    keywords.filter(kw_after_shift | kw_month_weekday | kw_quarter_half | kw_two);

// The words scanner::future_marked looks for before a month, day or weekday
// without a year: a word of the future ("will", "expected", "due"); "by",
// "until" or "till" right before a month; a word of the past that stops the
// search ("said", "was", "ago"); and the first words of "is to", "set to",
// "plans for", "as soon as".
constexpr std::array<std::string_view, 15> future_words{
    "will",    "ll",       "shall",    "would", "expected", "expects",   "expect",  "scheduled",
    "planned", "planning", "supposed", "due",   "upcoming", "effective", "tomorrow"};
constexpr std::array<std::string_view, 3> right_before_words{"by", "until", "till"};
constexpr std::array<std::string_view, 14> past_words{"said",  "was",       "were",     "had",  "did",
                                                      "ended", "announced", "reported", "told", "began",
                                                      "last",  "ago",       "earlier",  "since"};
constexpr std::array<std::string_view, 2> be_words{"is", "are"};
constexpr std::array<std::string_view, 3> set_words{"set", "plans", "plan"};
constexpr std::array<std::string_view, 2> soon_words{"soon", "early"};
enum : std::uint16_t { m_future = 1, m_right_before = 2, m_past = 4, m_be = 8, m_set = 16, m_soon = 32 };
constexpr keyword_table markers{
    {future_words, m_future}, {right_before_words, m_right_before},
    {past_words, m_past},     {be_words, m_be},
    {set_words, m_set},       {soon_words, m_soon},
};
constexpr std::array<std::uint16_t, 26> marker_lengths = markers.lengths_by_first_letter(0xFFFF);

bool maybe_marker(word_ref w) {
    return w.size() < 16 &&
           (marker_lengths[static_cast<std::size_t>(lower(*w.begin) - 'a')] & (1u << w.size()));
}

bool maybe_keyword(word_ref letters) {
    return letters.size() < 16 &&
           (keyword_lengths[static_cast<std::size_t>(lower(*letters.begin) - 'a')] & (1u << letters.size()));
}

// Lower-case "may", "mar" and "march" are a verb and a noun: the grammar
// (time_core.cpp) reads them only before a day or a year ("may 5", "march
// 2019", "may, 2019", "march of 2019", "may in nineteen ninety"), never
// alone nor before "this year". Whether what follows the word (letters up
// to `end`) can be such a day or year: blanks and commas, then a digit or
// "of", "in", "nineteen" or "eighteen".
bool day_or_year_may_follow(const char* p, const char* end) {
    if (p < end && *p == '.') ++p;  // "mar."
    while (p < end) {
        if (is_space(*p) || *p == ',')
            ++p;
        else if (end - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0')
            p += 2;
        else
            break;
    }
    if (p == end) return false;
    if (is_digit(*p)) return true;
    const word_ref next = word_after(p, end);
    return is(next, "of") || is(next, "in") || is(next, "nineteen") || is(next, "eighteen");
}

bool lower_case_may_or_march(word_ref letters) {
    return *letters.begin == 'm' && (is(letters, "may") || is(letters, "march") || is(letters, "mar"));
}

// `classes` are those of `letters`, a core word.
bool grammar_may_start(word_ref letters, std::uint16_t classes, const char* end) {
    if ((classes & kw_month_weekday) && lower_case_may_or_march(letters))
        return day_or_year_may_follow(letters.end, end);
    // Months, weekdays, "now", "today": no need to look at the next word.
    if ((classes & (kw_shift | kw_ordinal | kw_year)) == 0) return true;
    const char* after = letters.end;
    if (after < end && *after == '-') ++after;  // "first-quarter"
    const std::uint16_t next = keywords.classes(word_after(after, end));
    if (classes & kw_shift) return (next & (kw_after_shift | kw_month_weekday)) != 0;
    if (classes & kw_ordinal) return (next & kw_quarter_half) != 0;
    if (classes & kw_year) return (next & kw_two) != 0;
    return true;
}

// Whether the grammar is tried at a core word, whose letters end its word
// unless it is "fy" or "q" ("FY2019", "Q3").
bool core_may_start(word_ref letters, const char* word_end, std::uint16_t classes, const char* end) {
    return (letters.end == word_end || is(letters, "fy") || is(letters, "q")) &&
           grammar_may_start(letters, classes, end);
}

// Whether the scanner may do more at a word than pass over it: the part of
// scanner::on_word that needs no state.
bool word_may_act(word_ref letters, const char* word_end, const char* end) {
    const std::uint16_t kw = keywords.classes(letters);
    if ((kw & kw_core) && core_may_start(letters, word_end, kw, end)) return true;
    return (kw & (acted_on & ~kw_core)) != 0;
}

// ---- where a phrase may start at digits -----------------------------------

bool ordinal_suffix_at(const char* q, const char* end) {
    if (end - q < 2) return false;
    const std::string_view two(q, 2);
    return two == "st" || two == "nd" || two == "rd" || two == "th";
}

// Blanks as the grammar's `sp` reads them: spaces, tabs, line breaks, no-break spaces.
const char* skip_blanks(const char* r, const char* end) {
    while (r < end && (is_space(*r) || (*r == '\xC2' && end - r >= 2 && r[1] == '\xA0')))
        r += *r == '\xC2' ? 2 : 1;
    return r;
}

// After the dash of "4-22 January" (at r): blanks, one or two digits, an
// optional ordinal suffix ending the word, blanks, then "of" or a month.
// Scores and ages ("6-3", "31-year-old") have none of it.
bool second_day_may_follow(const char* r, const char* end) {
    r = skip_blanks(r, end);
    const char* digits = r;
    while (r < end && is_digit(*r) && r - digits < 3) ++r;
    if (r == digits || r - digits > 2) return false;
    if (ordinal_suffix_at(r, end)) r += 2;
    if (r == end || is_alnum(*r) || *r == '_') return false;
    const char* next_begin = skip_blanks(r, end);
    if (next_begin == r || next_begin == end) return false;
    const word_ref next = word_after(next_begin, end);
    return next.begin == next_begin && (is(next, "of") || (keywords.classes(next) & kw_month_weekday) != 0);
}

// After one or two digits ending at q: a phrase needs an ordinal suffix
// ("21st century"), '/' ("12/9/2021"), after two digits 's' or an
// apostrophe and 's' ("90s", "90's"), a dash and a second day before a
// month ("4-22 January"), or blanks and then such a dash, "of", a month or
// a word joining two days (to, through, till, until, and). Any other word
// ("million", "minutes", "in") rules the day out.
bool day_may_follow(const char* q, const char* end, bool two_digits) {
    if (q == end) return false;
    const char c = *q;
    if (ordinal_suffix_at(q, end)) return true;
    if (c == '/') return true;
    if (c == 's') return two_digits;
    if (c == '\'') return two_digits && end - q >= 2 && q[1] == 's';
    if (c == '-') return second_day_may_follow(q + 1, end);
    if (c == '\xE2') {
        if (end - q >= 3 && std::memcmp(q, "\xE2\x80\x93", 3) == 0) return second_day_may_follow(q + 3, end);
        if (end - q >= 3 && std::memcmp(q, "\xE2\x80\x99", 3) == 0)
            return two_digits && end - q >= 4 && q[3] == 's';
        return true;
    }
    if (is_alnum(c) || c == '_') return false;  // the digits end no word
    const char* r = skip_blanks(q, end);
    if (r == q || r == end) return false;
    if (*r == '-') return second_day_may_follow(r + 1, end);  // "4 - 22 January"
    if (*r == '\xE2') return true;                            // "4 – 22 January"
    const word_ref next = word_after(r, end);
    return (keywords.classes(next) & kw_month_weekday) != 0 || is_one_of(next, day_joins);
}

}  // namespace

// Every phrase the grammar reads from a digit (time_core.cpp's digit_core)
// starts with a run of one, two or four digits ("9 May", "12/9/2021", "the
// 90s", "2019"): at a run of three or of five and more it reads none, and
// the attempt is skipped; so it is at one or two digits that nothing after
// can make a day or a decade.
bool time_detail::digits_may_start(const char* p, const char* end) {
    const char* q = p;
    while (q < end && q - p < 5 && is_digit(*q)) ++q;
    const auto n = q - p;
    return n == 4 || ((n == 1 || n == 2) && day_may_follow(q, end, n == 2));
}

namespace {

// ---- a phrase and the words around it -------------------------------------

struct phrase {
    const char* begin;
    const char* end;
    time_core core;
};

// "early", "late", "mid-", "the end of", "so far", "the" (before a decade
// or quarter): modifiers that belong to the phrase's text.
const char* extend_modifiers(const char* limit, const char* begin, const time_core& c) {
    const char* b = begin;
    word_ref w = word_before(limit, b);
    if (b > limit && b[-1] == '-' &&
        (is(w = word_before(limit, b - 1), "mid") || is(w, "early") || is(w, "late")))
        return w.begin;
    if (is(w, "early") || is(w, "late") || is(w, "mid")) return w.begin;
    if (is(w, "far") && is(word_before(limit, w.begin), "so")) return word_before(limit, w.begin).begin;
    if ((is(w, "earlier") || is(w, "later")) && c.form == core_form::relative) return w.begin;
    if (is(w, "of")) {
        const word_ref noun = word_before(limit, w.begin);
        if (is(noun, "end") || is(noun, "beginning") || is(noun, "start") || is(noun, "middle")) {
            const word_ref the = word_before(limit, noun.begin);
            return is(the, "the") ? the.begin : noun.begin;
        }
    }
    const bool takes_the = c.form == core_form::decade || c.form == core_form::century ||
                           c.form == core_form::quarter || c.form == core_form::half ||
                           c.form == core_form::season;
    if (takes_the && is(w, "the")) return w.begin;
    return b;
}

constexpr std::array<std::string_view, 19> month_context{
    "in",   "of",  "since", "until", "till",   "by",      "last",   "next",  "this",   "early",
    "late", "mid", "from",  "to",    "during", "through", "before", "after", "between"};

// "the Sunday Times", "Saturday Night Live", "the Mail on Sunday": a
// weekday inside a title.
constexpr std::array<std::string_view, 16> title_words{
    "times", "telegraph", "mirror", "independent", "express", "business", "programme", "live",
    "night", "post",      "herald", "people",      "sport",   "mail",     "tribune",   "bloody"};

bool names_a_title(const char* limit, const phrase& ph, const char* text_end) {
    if (ph.end < text_end && *ph.end == ' ') {
        const word_ref next = word_after(ph.end, text_end);
        if (next && next.begin == ph.end + 1 && is_upper(*next.begin) && is_one_of(next, title_words))
            return true;
    }
    const word_ref on = word_before(limit, ph.begin);
    return is(on, "on") && is(word_before(limit, on.begin), "mail");
}

// Every check that needs the text around the phrase: bare years and lone
// ambiguous month names.
// A season alone ("the summer", "in winter") needs a word before it that
// makes it a time; "fall" and "spring" are verbs and nouns too, so they need
// "the" and no "of" after them ("the fall of the wall"); a capitalised
// season inside a sentence is a name ("the Summer Olympics").
bool season_acceptable(const char* limit, const char* text_end, const phrase& ph) {
    const word_ref prev = word_before(limit, ph.begin);
    if (is_upper(*ph.begin) && !starts_sentence(limit, ph.begin)) return false;
    const word_ref w{ph.begin, ph.end};
    if (is(word_after(ph.end, text_end), "of")) return false;  // "the winter of nineteen ninety-four"
    if (is(w, "fall") || is(w, "spring")) return is(prev, "the");
    static constexpr std::array<std::string_view, 10> before{"the", "in",    "during", "early", "late",
                                                             "mid", "since", "until",  "by",    "through"};
    return is_one_of(prev, before);
}

// "the March accession", "a June agreement": a capitalised month between an
// article and a lower-case noun modifies that noun as its date. ("May" is
// left out: "the May government" names a person.)
bool month_before_noun(const char* limit, const char* text_end, const phrase& ph) {
    static constexpr std::array<std::string_view, 3> articles{"the", "a", "an"};
    static constexpr std::array<std::string_view, 12> function_words{
        "of", "to", "and", "or", "on", "in", "for", "from", "by", "with", "at", "is"};
    if (ph.core.month == 5 || !is_one_of(word_before(limit, ph.begin), articles)) return false;
    if (ph.end == text_end || *ph.end != ' ') return false;
    const word_ref next = word_after(ph.end, text_end);
    return next.begin == ph.end + 1 && next.size() > 2 && !is_upper(*next.begin) &&
           (next.end == text_end || !is_alnum(*next.end)) && !is_one_of(next, function_words);
}

bool acceptable(const char* limit, const char* text_end, const phrase& ph) {
    const time_core& c = ph.core;
    static constexpr std::array<std::string_view, 5> seasons{"spring", "summer", "fall", "autumn", "winter"};
    if (c.form == core_form::season && c.year == 0 && is_one_of(word_after(ph.begin, text_end), seasons))
        return season_acceptable(limit, text_end, ph);
    if (c.form == core_form::year && !c.fiscal && is_digit(*ph.begin))
        return plausible_year(limit, ph.begin, ph.end, text_end, c.year);
    if (c.form == core_form::year && is_alpha(*ph.begin)) {
        // "nineteen ninety-six people" counts, as "1996 people" does.
        const word_ref next = word_after(ph.end, text_end);
        return !(next && ((year_context.classes(next) & yc_count_noun) ||
                          (!is_upper(*next.begin) && next.size() > 3 && lower(next.end[-1]) == 's')));
    }
    if (c.form == core_form::weekday && c.shift == 0) return !names_a_title(limit, ph, text_end);
    if (c.form == core_form::decade && c.two_digit_year && is_alnum(*ph.begin))
        return is(word_before(limit, ph.begin), "the");  // "the 70s", "the seventies", not "in his 70s"
    if (c.form == core_form::month && c.year == 0 && c.needs_context && c.shift == 0 && is_upper(*ph.begin)) {
        const char* b = ph.begin;
        if (b > limit && b[-1] == '-') return true;  // "mid-March"
        return is_one_of(word_before(limit, b), month_context) || extend_modifiers(limit, b, c) != b ||
               month_before_noun(limit, text_end, ph);
    }
    return true;
}

// The phrase at p, and whether the words around it allow it alone (a
// lone "May" does not; "May to June" may still be a range).
std::optional<phrase> core_at(const char* p, const char* end) {
    const char* it = p;
    auto core = time_detail::parse_core(it, end);
    if (!core) return std::nullopt;
    return phrase{p, it, *core};
}

// ---- ranges ---------------------------------------------------------------

enum class lead { none, since, until, by, from, between };

lead lead_word(word_ref w) {
    if (is(w, "since") || is(w, "starting") || is(w, "beginning")) return lead::since;
    if (is(w, "until") || is(w, "till") || is(w, "through") || is(w, "thru")) return lead::until;
    if (is(w, "by")) return lead::by;
    if (is(w, "from")) return lead::from;
    if (is(w, "between")) return lead::between;
    return lead::none;
}

// The word that sets a phrase's kind, and where it begins: "since 2019",
// "by 2030", "from …", "starting on …".
std::pair<lead, const char*> lead_before(const char* limit, const char* begin) {
    word_ref w = word_before(limit, begin);
    if (!w) return {lead::none, begin};
    if (is(w, "on") || is(w, "in")) {
        const word_ref verb = word_before(limit, w.begin);
        if (is(verb, "starting") || is(verb, "beginning")) return {lead::since, verb.begin};
        return {lead::none, begin};
    }
    const lead l = lead_word(w);
    return {l, l == lead::none ? begin : w.begin};
}

// The connector after a first date: "to", "through", "until", "and" (after
// "between"), a dash; returns where the second date would start.
const char* connector(const char* p, const char* end, lead before) {
    const char* q = skip_space(p, end);
    if (q < end && (*q == '-' || *q == '/' || *q == '~')) return skip_space(q + 1, end);
    if (end - q >= 3 && (std::memcmp(q, "\xE2\x80\x93", 3) == 0 || std::memcmp(q, "\xE2\x80\x94", 3) == 0))
        return skip_space(q + 3, end);
    const word_ref w = word_after(q, end);
    if (!w || w.end == end || !is_space(*w.end)) return nullptr;
    const bool to = is(w, "to") || is(w, "through") || is(w, "until") || is(w, "till") || is(w, "thru");
    if (to || (is(w, "and") && before == lead::between)) return skip_space(w.end, end);
    return nullptr;
}

bool has_year(const time_core& c) {
    switch (c.form) {
        case core_form::year:
        case core_form::year_span:
        case core_form::decade:
        case core_form::century: return true;
        case core_form::month:
        case core_form::day:
        case core_form::day_span:
        case core_form::quarter:
        case core_form::half: return c.year != 0;
        default: return false;
    }
}

// "from March to June 2021": the first date borrows the second's year.
void borrow_year(time_core& first, const time_core& second) {
    if (has_year(first) || !has_year(second) || second.year == 0) return;
    if (first.form != core_form::month && first.form != core_form::day) return;
    const unsigned second_month = second.form == core_form::quarter ? second.part * 3 : second.month;
    first.year = first.month > second_month && second_month != 0 ? second.year - 1 : second.year;
}

std::optional<phrase> second_date(const char* limit, const phrase& first, const char* end, lead before) {
    const char* q = connector(first.end, end, before);
    if (!q || q >= end) return std::nullopt;
    if (!(is_alnum(*q) || *q == '\'')) return std::nullopt;
    const char* it = q;
    auto core = time_detail::parse_core(it, end);
    if (!core) return std::nullopt;
    // "2010-2015-86" is a phone number, not a range.
    if ((end - it >= 2 && *it == '-' && is_digit(it[1])) || core->form == core_form::year_span)
        return std::nullopt;
    const bool led = before == lead::from || before == lead::between;
    // Without from/between, only two dates with years ("2003 to 2011") or
    // two named months or days ("Feb 28th to March 1st") make a range.
    const auto named = [](const time_core& c) {
        return (c.form == core_form::month || c.form == core_form::day) && c.two_digit_year == false;
    };
    const bool both_years = has_year(first.core) && has_year(*core);
    if (!led && !both_years && !(named(first.core) && named(*core) && is_alpha(*first.begin) == is_alpha(*q)))
        return std::nullopt;
    if (core->form == core_form::present || core->form == core_form::weekday) {
        if (!led) return std::nullopt;
    }
    phrase ph{q, it, *core};
    if (core->form == core_form::year && !acceptable(limit, end, ph) && !led) return std::nullopt;
    return ph;
}

// ---- building the match ---------------------------------------------------

time_match make_match(const char* base, const char* begin, const char* end, time_detail::resolved_time r) {
    time_match m;
    m.begin = static_cast<std::size_t>(begin - base);
    m.end = static_cast<std::size_t>(end - base);
    m.span = r.span;
    m.basis = r.basis;
    m.normalized = std::move(r.normalized);
    return m;
}

time_basis combined(time_basis a, time_basis b) {
    if (a == time_basis::explicit_) return b;
    return a;
}

time_match since_match(time_match m, const doc_date& doc) {
    m.kind = time_kind::since;
    if (m.span) m.span->to = doc && doc->to >= m.span->from ? doc->to : open_end;
    return m;
}

time_match until_match(time_match m, bool by) {
    m.kind = time_kind::until;
    m.is_by = by;
    if (m.span) m.span->from = open_start;
    return m;
}

// ---- impossible days ------------------------------------------------------

// A day number of one or two digits with an optional ordinal suffix, ending
// a word: "30", "31st". Returns its end, or nullptr.
const char* day_number_at(const char* p, const char* end, unsigned& day) {
    const char* q = p;
    day = 0;
    while (q < end && is_digit(*q) && q - p < 3) day = day * 10 + static_cast<unsigned>(*q++ - '0');
    if (q == p || q - p > 2) return nullptr;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (static_cast<std::size_t>(end - q) >= 2 && std::string_view(q, 2) == suffix) q += 2;
    return q < end && is_alnum(*q) ? nullptr : q;
}

// ", 2021" or " 2021" after a day: the year, and where it ends.
const char* year_after_day(const char* p, const char* end, int& year) {
    const char* q = p;
    if (q < end && *q == ',') ++q;
    if (q < end && *q == ' ') ++q;
    year = 0;
    const char* digits = q;
    while (q < end && is_digit(*q) && q - digits < 5) year = year * 10 + (*q++ - '0');
    if (q - digits != 4 || (q < end && is_alnum(*q))) return nullptr;
    return q;
}

bool day_too_big(unsigned day, unsigned month, int year) {
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 &&
           day > days_in_month(year ? year : 2000, month);
}

// "February 30, 2021", "April 31", "30 February 2021": a day the month
// does not have (February 29 only in a leap year, or with no year). The
// whole phrase is skipped, so that it yields neither a month nor a year
// record. These return its end, or nullptr when the phrase is not one.
//
// Day first: a number of one or two digits, a space and a month.
const char* impossible_day_first(const char* p, const char* end) {
    if (!is_digit(*p)) return nullptr;
    unsigned day = 0;
    const char* q = day_number_at(p, end, day);
    // Only 29 to 31 can be missing from a month: "12 people" never pays for
    // a grammar attempt on "people".
    if (!q || day < 29 || day > 31 || q + 1 >= end || *q != ' ' || !is_alpha(q[1])) return nullptr;
    const char* it = q + 1;
    const auto month = time_detail::parse_core(it, end);
    if (!month || month->form != core_form::month || month->shift != 0) return nullptr;
    return day_too_big(day, month->month, month->year) ? it : nullptr;
}

// Month first: the month phrase the scanner found, then a day number.
const char* impossible_day_after(const time_core& month, const char* month_end, const char* end) {
    if (month.form != core_form::month || month.year != 0 || month.shift != 0) return nullptr;
    if (month_end + 1 >= end || *month_end != ' ' || !is_digit(month_end[1])) return nullptr;
    unsigned day = 0;
    const char* q = day_number_at(month_end + 1, end, day);
    if (!q) return nullptr;
    int year = 0;
    if (const char* y = year_after_day(q, end, year)) q = y;
    return day_too_big(day, month.month, year) ? q : nullptr;
}

struct scanner {
    const char* base;
    const char* end;
    const doc_date& doc;
    const char* limit;  // end of the previous match: phrases never overlap
    std::vector<time_match>& out;

    // Tries a phrase at p; returns where scanning goes on, or nullptr.
    const char* try_at(const char* p) {
        if (const char* skip = impossible_day_first(p, end)) return skip;
        auto first = core_at(p, end);
        if (!first) return nullptr;
        if (const char* skip = impossible_day_after(first->core, first->end, end)) return skip;
        const bool alone_ok = acceptable(limit, end, *first);
        if (!alone_ok && first->core.form != core_form::month) return nullptr;
        const char* begin = extend_modifiers(limit, p, first->core);
        const auto [before, lead_begin] = lead_before(limit, begin);
        if (auto second = second_date(limit, *first, end, before)) {
            emit_range(*first, *second, before == lead::from || before == lead::between ? lead_begin : begin);
            return second->end;
        }
        if (!alone_ok) return nullptr;
        if (may_be_future(*first))
            first->core.future = future_marked(begin, first->core.form == core_form::month);
        auto r = time_detail::resolve(first->core, doc);
        const time_core& c = first->core;
        if (c.form == core_form::relative && c.unit == granularity::year && c.shift == -1 && !c.week &&
            about_a_quarter(begin, first->end))
            r = time_detail::resolve_latest_quarter(1, doc);  // "last year" beside "the third quarter"
        if (!r.span && r.basis == time_basis::none) return nullptr;
        time_match m = make_match(base, begin, first->end, std::move(r));
        m.fiscal = first->core.fiscal;
        if (first->core.form == core_form::year_span || first->core.form == core_form::day_span) {
            m.kind = time_kind::span;
            if (before == lead::from || before == lead::between)
                m.begin = static_cast<std::size_t>(lead_begin - base);
        }
        if (before == lead::since) m = since_match(std::move(m), doc);
        if (before == lead::until || before == lead::by) m = until_match(std::move(m), before == lead::by);
        if (before == lead::since || before == lead::until || before == lead::by)
            m.begin = static_cast<std::size_t>(lead_begin - base);
        push(std::move(m));
        return first->end;
    }

    // A month, day or weekday without a year whose resolution depends on
    // tense; "Wednesday's ruling" is a name for a past event.
    [[nodiscard]] bool may_be_future(const phrase& ph) const {
        const time_core& c = ph.core;
        if (c.shift != 0 || c.year != 0) return false;
        if (c.form == core_form::weekday)
            return !(end - ph.end >= 2 && (*ph.end == '\'' || *ph.end == '\xE2') && ph.end[1] != ' ');
        return c.form == core_form::month || c.form == core_form::day;
    }

    // Whether a word before the phrase in its clause marks the future
    // ("will", "expected to", "scheduled", "as soon as"; "by" or "until"
    // right before a month), looking back at most ten words and stopping at
    // punctuation or a word of the past ("said", "was"). "through Oct. 19"
    // and "by Wednesday" are as often past as future, so only months take
    // by/until.
    [[nodiscard]] bool future_marked(const char* begin, bool month) const {
        const char* p = begin;
        for (int n = 0; n < 10; ++n) {
            const word_ref w = word_before(base, p);
            if (!w) return false;
            p = w.begin;
            if (!maybe_marker(w)) continue;  // most words: one look-up
            const std::uint16_t c = markers.classes(w);
            if (n == 0 && month && (c & m_right_before)) return true;
            if (c & m_past) return false;
            // "lower-than-expected earnings" is an adjective, not a plan.
            if ((c & m_future) && !(w.begin > base && w.begin[-1] == '-')) return true;
            if ((c & (m_be | m_set | m_soon)) == 0) continue;
            const word_ref next = word_after(w.end, end);
            if ((c & m_be) && is(next, "to")) return true;  // "is to resume trading Tuesday"
            if ((c & m_set) && (is(next, "to") || is(next, "for"))) return true;
            if ((c & m_soon) && is(next, "as") && is(word_before(base, w.begin), "as"))
                return true;  // "as soon as", "as early as"
        }
        return false;
    }

    // Whether the sentence around [b, e), or one of the two before it in
    // the same paragraph, speaks of a quarter ("third-quarter profit", "the
    // quarter", "quarterly"): then "a year ago" and "last year" name the same
    // quarter a year before, as earnings stories mean them ("Sales rose to
    // $5 million from $4 million a year earlier" after a sentence on the
    // third quarter).
    [[nodiscard]] bool about_a_quarter(const char* b, const char* e) const {
        const auto boundary = [&](const char* p) {
            return (*p == '.' || *p == '!' || *p == '?') && p + 1 < end && is_space(p[1]) &&
                   !(p > base && is_upper(p[-1]) && (p - 1 == base || !is_alpha(p[-2])));  // "U.S. ", "J. "
        };
        const auto paragraph = [&](const char* p) { return *p == '\n' && p + 1 < end && p[1] == '\n'; };
        const char* from = b;
        for (int n = 0, sentences = 0; from > base && n < 1500; --from, ++n) {
            if (from - 1 > base && paragraph(from - 2)) break;
            if (boundary(from - 1) && ++sentences == 3) break;
        }
        const char* to = e;
        for (int n = 0; to < end && n < 600; ++to, ++n)
            if (boundary(to) || paragraph(to)) break;
        static constexpr std::string_view word = "quarter";
        for (const char* p = from; p + word.size() <= to; ++p)
            if (lower(*p) == 'q' && is(word_ref{p, p + word.size()}, word)) return true;
        return false;
    }

    // "the quarter", "the latest quarter", "the most recent quarter" (and
    // "the latest period" beside a quarter): the latest quarter that has
    // ended by the document date.
    const char* try_quarter(word_ref w) {
        if (w.end < end && (*w.end == '-' || is_alnum(*w.end))) return nullptr;  // "quarter-point"
        if (is(word_after(w.end, end), "of")) return nullptr;                    // "the quarter of the vote"
        word_ref prev = word_before(limit, w.begin);
        if (is(prev, "recent") && is(word_before(limit, prev.begin), "most"))
            prev = word_before(limit, prev.begin);
        if (is(prev, "latest") || is(prev, "most")) prev = word_before(limit, prev.begin);
        if (!is(prev, "the")) return nullptr;
        // "the latest period" is a quarter only in a story about one.
        if (is(w, "period") &&
            !(is(word_after(prev.end, end), "latest") && about_a_quarter(prev.begin, w.end)))
            return nullptr;
        push(make_match(base, prev.begin, w.end, time_detail::resolve_latest_quarter(0, doc)));
        return w.end;
    }

    // "the weekend", "this weekend", "this past weekend", "last weekend",
    // "next weekend".
    const char* try_weekend(word_ref w) {
        if (w.end < end && is_alnum(*w.end)) return nullptr;
        word_ref prev = word_before(limit, w.begin);
        int shift = 0;
        bool this_week = false;
        if (is(prev, "past") && is(word_before(limit, prev.begin), "this"))
            prev = word_before(limit, prev.begin), shift = -1;
        else if (is(prev, "this"))
            this_week = true;
        else if (is(prev, "last") || is(prev, "previous"))
            shift = -1;
        else if (is(prev, "next") || is(prev, "coming"))
            shift = 1;
        else if (!is(prev, "the"))
            return nullptr;
        const bool future = shift == 0 && !this_week && future_marked(prev.begin, false);
        push(
            make_match(base, prev.begin, w.end, time_detail::resolve_weekend(shift, this_week, future, doc)));
        return w.end;
    }

    void emit_range(phrase first, const phrase& second, const char* begin) {
        borrow_year(first.core, second.core);
        const auto a = time_detail::resolve(first.core, doc);
        const auto b = resolve_after(second.core, a);
        time_match m = make_match(base, begin, second.end, a);
        m.kind = time_kind::span;
        m.fiscal = first.core.fiscal || second.core.fiscal;
        m.basis = combined(a.basis, b.basis);
        m.span.reset();
        if (a.span && b.span && a.span->from <= b.span->to) {
            m.span = time_span::hull(*a.span, *b.span);
            m.normalized = a.normalized + "/" + b.normalized;
        } else {
            m.normalized = a.normalized + "/" + b.normalized;
        }
        push(std::move(m));
    }

    // A range's second date without a year falls in the first's year, or
    // the next ("from November to February").
    [[nodiscard]] time_detail::resolved_time resolve_after(time_core second,
                                                           const time_detail::resolved_time& first) const {
        const bool yearless =
            (second.form == core_form::month || second.form == core_form::day) && second.year == 0;
        if (!yearless || !first.span || first.span->from == open_start)
            return time_detail::resolve(second, doc);
        second.year = to_civil(first.span->from).year;
        second.shift = 0;
        auto r = time_detail::resolve(second, doc);
        if (r.span && r.span->to < first.span->from) {
            ++second.year;
            r = time_detail::resolve(second, doc);
        }
        if (r.span) r.basis = first.basis;
        return r;
    }

    void push(time_match m) {
        out.push_back(std::move(m));
        limit = base + out.back().end;
    }

    // "two years ago", "a decade ago", "a year earlier", "year-earlier", "year-ago".
    const char* try_ago(const char* word_begin, const char* word_end) {
        const char* before = word_begin;
        bool hyphen = false;
        if (before > limit && before[-1] == '-') {
            --before;
            hyphen = true;
        }
        const word_ref unit_w = word_before(limit, before);
        if (!unit_w || (hyphen && unit_w.end != before)) return nullptr;
        granularity unit = granularity::year;
        bool week = false;
        if (!unit_of(unit_w, unit, week)) return nullptr;
        int count = 1;
        const char* begin = unit_w.begin;
        if (!hyphen) {
            const auto [n, count_begin] = count_before(unit_w.begin);
            if (n <= 0) return nullptr;
            count = n;
            begin = count_begin;
        }
        if (unit == granularity::year && count == 1 && !week)
            if (const char* next = try_year_ago_quarter(begin, word_end, hyphen)) return next;
        push(make_match(base, begin, word_end, time_detail::resolve_ago(unit, week, count, doc)));
        return word_end;
    }

    // "the year-ago quarter", "the year-earlier period", "the year-ago third
    // quarter", or "a year ago" in a sentence about a quarter.
    const char* try_year_ago_quarter(const char* begin, const char* word_end, bool hyphen) {
        const char* q = skip_space(word_end, end);
        const char* it = q;
        const auto core = hyphen && q < end && is_alpha(*q) ? time_detail::parse_core(it, end) : std::nullopt;
        if (core && core->form == core_form::quarter && core->year == 0) {
            auto r = time_detail::resolve(*core, doc);
            if (r.span) {
                const int year = to_civil(r.span->from).year - 1;
                r.span = time_span::quarter(year, core->part);
                r.normalized = time_detail::timex_of(*r.span);
            }
            push(make_match(base, with_the(begin), it, std::move(r)));
            return it;
        }
        const word_ref noun = word_after(word_end, end);
        if (hyphen && (is(noun, "quarter") || is(noun, "period"))) {
            push(make_match(base, with_the(begin), noun.end, time_detail::resolve_latest_quarter(1, doc)));
            return noun.end;
        }
        if (!about_a_quarter(begin, word_end)) return nullptr;
        push(make_match(base, begin, word_end, time_detail::resolve_latest_quarter(1, doc)));
        return word_end;
    }

    // "the year-ago quarter", "the comparable year-ago quarter": the
    // phrase starts at "the".
    [[nodiscard]] const char* with_the(const char* begin) const {
        word_ref w = word_before(limit, begin);
        if (is(w, "comparable") || is(w, "same") || is(w, "corresponding")) w = word_before(limit, w.begin);
        return is(w, "the") ? w.begin : begin;
    }

    static bool unit_of(word_ref w, granularity& unit, bool& week) {
        const std::size_t n = w.size() > 1 && lower(w.end[-1]) == 's' ? w.size() - 1 : w.size();
        const word_ref stem{w.begin, w.begin + n};
        week = false;
        if (is(stem, "year"))
            unit = granularity::year;
        else if (is(stem, "month"))
            unit = granularity::month;
        else if (is(stem, "quarter"))
            unit = granularity::quarter;
        else if (is(stem, "decade"))
            unit = granularity::decade;
        else if (is(stem, "day"))
            unit = granularity::day;
        else if (is(stem, "week")) {
            unit = granularity::day;
            week = true;
        } else
            return false;
        return true;
    }

    // The count before a unit word: digits, "a", "an", "one" … "twelve".
    std::pair<int, const char*> count_before(const char* at) const {
        const char* p = at;
        while (p > limit && is_space(p[-1])) --p;
        const char* digits_end = p;
        while (p > limit && is_digit(p[-1])) --p;
        if (p < digits_end && digits_end - p <= 3 && (p == limit || !is_alnum(p[-1]))) {
            int n = 0;
            for (const char* d = p; d < digits_end; ++d) n = n * 10 + (*d - '0');
            return {n, p};
        }
        static constexpr std::array<std::string_view, 14> words{"a",    "an",   "one",    "two",   "three",
                                                                "four", "five", "six",    "seven", "eight",
                                                                "nine", "ten",  "eleven", "twelve"};
        const word_ref w = word_before(limit, at);
        for (std::size_t i = 0; i < words.size(); ++i)
            if (is(w, words[i])) return {i < 2 ? 1 : static_cast<int>(i - 1), w.begin};
        return {0, nullptr};
    }

    // "at present", "to date".
    const char* try_present(word_ref w) {
        const word_ref prev = word_before(limit, w.begin);
        const bool at_present = is(w, "present") && is(prev, "at");
        const char* after = skip_space(w.end, end);
        const bool to_date = is(w, "date") && is(prev, "to") && !is(word_before(limit, prev.begin), "up") &&
                             (w.end == end || !is_alnum(*w.end)) && (after == end || !is_digit(*after));
        if (!at_present && !to_date) return nullptr;
        time_core c;
        c.form = core_form::present;
        push(make_match(base, prev.begin, w.end, time_detail::resolve(c, doc)));
        return w.end;
    }

    const char* skip_url(const char* p) {
        while (p < end && !is_space(*p)) ++p;
        return p;
    }

    // Skips the rest of a number-like token ("9:30", "2,019", "12/9/2021").
    const char* skip_token(const char* p) {
        while (p < end && (is_alnum(*p) || ((*p == '.' || *p == ',' || *p == ':' || *p == '/' || *p == '-') &&
                                            p + 1 < end && is_alnum(p[1]))))
            ++p;
        return p;
    }

    const char* on_word(const char* p) {
        const char* letters_end = p + 1;
        while (letters_end < end && (char_class[static_cast<unsigned char>(*letters_end)] & letter))
            ++letters_end;
        const char* word_end = letters_end;
        while (word_end < end && char_class[static_cast<unsigned char>(*word_end)]) ++word_end;
        const word_ref letters{p, letters_end};
        if (word_end < end && (*word_end == ':' || *word_end == '.')) {
            if (end - letters_end >= 3 && std::memcmp(letters_end, "://", 3) == 0) return skip_url(p);
            if (is(letters, "www") && *letters_end == '.') return skip_url(p);
        }
        if (p > base && is_alnum(p[-1])) return word_end;
        if (!maybe_keyword(letters)) return word_end;  // the common case
        const std::uint16_t kw = keywords.classes(letters);
        if (kw & kw_core) {
            if (core_may_start(letters, word_end, kw, end))
                if (const char* next = try_at(p)) return next;
        } else if (kw & kw_ago) {
            if (const char* next = try_ago(p, letters_end)) return next;
        } else if (kw & kw_present) {
            if (const char* next = try_present(letters)) return next;
        } else if (kw & kw_quarter_period) {
            if (const char* next = try_quarter(letters)) return next;
        } else if (kw & kw_weekend) {
            if (const char* next = try_weekend(letters)) return next;
        }
        if (kw & kw_vague)
            if (const char* next = try_vague(letters)) return next;
        return word_end;
    }

    // "recently", "the near future", "these days" (time_vague.cpp).
    const char* try_vague(word_ref w) {
        const auto v = vague_at(limit, w, end);
        if (!v) return nullptr;
        if (v->now) {
            time_core c;
            c.form = core_form::present;
            push(make_match(base, v->begin, v->end, time_detail::resolve(c, doc)));
            return v->end;
        }
        time_match m;
        m.begin = static_cast<std::size_t>(v->begin - base);
        m.end = static_cast<std::size_t>(v->end - base);
        m.basis = time_basis::vague;
        m.normalized = v->value;
        push(std::move(m));
        return v->end;
    }

    const char* on_digit(const char* p) {
        if (digit_start_ok(base, p) && time_detail::digits_may_start(p, end))
            if (const char* next = try_at(p)) return next;
        return skip_token(p);
    }

    // One step of the scan at p: a phrase tried, or the byte or word at p
    // passed over. Returns where the scan goes on.
    const char* step(const char* p) {
        const char c = *p;
        const std::uint8_t k = char_class[static_cast<unsigned char>(c)];
        if (k & letter) return on_word(p);
        if (k) return on_digit(p);
        if ((c == '\'' && p + 1 < end && is_digit(p[1])) ||
            (c == '\xE2' && end - p >= 4 && std::memcmp(p, "\xE2\x80\x99", 3) == 0 && is_digit(p[3]))) {
            if (p > base && is_alnum(p[-1])) return p + 1;
            if (const char* next = try_at(p)) return next;
        }
        return p + 1;
    }

    void run(std::span<const std::size_t> starts) {
        const char* p = base;
        std::size_t k = 0;
        while (p < end) {
            // Inside a run of letters and digits (after a phrase that ended
            // there) the walk is not on a word boundary: step as it does.
            if (p > base && is_alnum(p[-1]) && is_alnum(*p)) {
                p = step(p);
                continue;
            }
            // Every step between here and the next start passes over a word
            // or a byte and does nothing else.
            const auto at = static_cast<std::size_t>(p - base);
            while (k < starts.size() && starts[k] < at) ++k;
            if (k == starts.size() || starts[k] >= static_cast<std::size_t>(end - base)) break;
            p = step(base + starts[k]);
        }
    }
};

}  // namespace

namespace detail {
const word_filter& time_word_filter() { return keyword_filter; }
const word_filter& time_alone_word_filter() { return alone_filter; }
const word_filter& time_next_word_filter() { return next_word_filter; }
bool time_word_acts(const char* begin, const char* letters_end, const char* word_end, const char* end) {
    return word_may_act(word_ref{begin, letters_end}, word_end, end);
}
}  // namespace detail

std::vector<time_match> find_times(std::string_view text, const std::optional<time_span>& document_date,
                                   std::span<const std::size_t> starts) {
    std::vector<time_match> out;
    find_times(text, document_date, starts, out);
    return out;
}

void find_times(std::string_view text, const std::optional<time_span>& document_date,
                std::span<const std::size_t> starts, std::vector<time_match>& out) {
    out.clear();
    scanner s{text.data(), text.data() + text.size(), document_date, text.data(), out};
    s.run(starts);
}

std::vector<time_match> find_times(std::string_view text, const std::optional<time_span>& document_date) {
    scan_starts starts;
    find_scan_starts(text, starts);
    return find_times(text, document_date, starts.time);
}

std::optional<time_span> parse_date(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    if (auto iso = parse_iso_date(text)) return iso;
    const char* it = text.data();
    const char* const end = text.data() + text.size();
    const auto core = time_detail::parse_core(it, end);
    if (!core || it != end || !has_year(*core)) return std::nullopt;
    const auto r = time_detail::resolve(*core, std::nullopt);
    if (r.basis != time_basis::explicit_) return std::nullopt;
    return r.span;
}

}  // namespace factlint::grammar
