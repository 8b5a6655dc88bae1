// Internal to the time grammar (grammar/time_*.cpp): the one date phrase
// the X3 grammar reads at a candidate start, before it is resolved against
// the document date. X3-free, so the scanner and the resolver stay plain C++.
#pragma once

#include <optional>
#include <string>

#include "claims/time.hpp"
#include "grammar/parse.hpp"

namespace factlint::grammar::time_detail {

enum class core_form {
    year,       // "2019", "fiscal 2023", "mid-2021"
    decade,     // "1990s", "'90s"
    century,    // "19th century"
    month,      // "July 2021", "2021-12"; month_only when no year
    day,        // "Dec. 9, 2021", "2021-12-09"; month-day without year too
    quarter,    // "Q3 2023", "third quarter of 2023"; no year: relative
    half,       // "first half of 2023"
    weekday,    // "Monday"
    relative,   // "this year", "last month", "next week", "yesterday"
    present,    // "now", "currently", "at present", "still", "to date"
    year_span,  // "2019/20", "2003-11": two years in one token
    day_span,   // "4 to 22 January 2017", "November 15th through 19th": days of one month
    season,     // "last fall", "this summer", "the winter of 1994": part 1 spring .. 4 winter
};

struct time_core {
    core_form form = core_form::year;
    int year = 0;                          // 0: not written (month, day or quarter without a year)
    int year2 = 0;                         // year_span's second year
    unsigned day2 = 0;                     // day_span's last day
    unsigned month = 0;                    // 1..12
    unsigned day = 0;                      // 1..31
    unsigned part = 0;                     // quarter 1..4, half 1..2, weekday 1 (Monday)..7
    int shift = 0;                         // relative: -1 last, 0 this, +1 next; days for yesterday/tomorrow
    granularity unit = granularity::year;  // relative: the unit shifted
    bool week = false;                     // relative unit is a week (no week grain in claims)
    bool fiscal = false;
    bool two_digit_year = false;  // "'90s", "10/30/89": century chosen by the resolver
    bool needs_context = false;   // "May", "March", "Jan": a month alone that may be a word
    bool past = false;            // "this past spring": the latest one that has ended
    bool shifted_year = false;    // "next year's first quarter": the year is the document's + shift
    // Set by the scanner: a future marker ("will", "expected to", "by",
    // "until", "scheduled", …) comes before the phrase in its sentence, so
    // a month, day or weekday without a year is the next one, not the
    // latest (see resolve()).
    bool future = false;
};

// Reads one time phrase starting exactly at `first`; on success advances
// `first` past it. Never reads past `last`.
[[nodiscard]] std::optional<time_core> parse_core(const char*& first, const char* last);
// The same, with every word form tried at a word (parse_core tries at a
// word only the forms that can begin with its first letter, and "now" or
// "still" before the others, which cannot read them): the slow path
// the unit tests hold parse_core against.
[[nodiscard]] std::optional<time_core> parse_core_every_form(const char*& first, const char* last);

// Whether parse_core may read a phrase at the run of digits at `p`: false
// only where it reads none (time_scan.cpp, where the scanner asks it before
// every attempt at digits; a unit test holds it against parse_core).
[[nodiscard]] bool digits_may_start(const char* p, const char* last);

// The phrase as a span, basis and TIMEX-like value. Relative phrases use
// `document_date`; without it the span is nullopt.
struct resolved_time {
    std::optional<time_span> span;
    time_basis basis = time_basis::explicit_;
    std::string normalized;
};
[[nodiscard]] resolved_time resolve(const time_core& core, const std::optional<time_span>& document_date);

// "2 years ago", "a year earlier": `count` units before the document date's
// own unit; "a decade ago" is the year ten years back.
[[nodiscard]] resolved_time resolve_ago(granularity unit, bool week, int count,
                                        const std::optional<time_span>& document_date);

// The latest quarter that has ended by the document date, `years_back`
// years earlier: "the quarter", "the latest quarter" (0); "the year-ago
// quarter", or "a year ago" in a sentence about a quarter (1).
[[nodiscard]] resolved_time resolve_latest_quarter(int years_back,
                                                   const std::optional<time_span>& document_date);

// "the weekend" (shift 0: the latest one begun by the document date, or with
// `future` the next), "this weekend", "last weekend", "next weekend":
// Saturday and Sunday, normalized "1990-W32-WE".
[[nodiscard]] resolved_time resolve_weekend(int shift, bool this_week, bool future,
                                            const std::optional<time_span>& document_date);

// TIMEX-like value of an explicit span at its granularity: "2021", "2021-12".
[[nodiscard]] std::string timex_of(const time_span& s);

}  // namespace factlint::grammar::time_detail
