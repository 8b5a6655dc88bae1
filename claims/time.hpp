// Calendar days, the spans prose refers to, and how coarse they are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace factlint {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
using day_number = std::int32_t;
inline constexpr day_number open_end = INT32_MAX;    // "to present", "since 2019"
inline constexpr day_number open_start = INT32_MIN;  // "until 2019"

enum class granularity { day, month, quarter, year, decade, century };

// The basis of a claim's time (SPEC §3).
enum class time_basis : std::uint8_t {
    none,       // unknown: a past-tense statement with no date
    explicit_,  // a date written in the sentence
    relative,   // "this year", "last month": resolved against the document date
    document,   // present tense, "currently", "now": the document date itself
    vague,      // "recently", "soon", "the future": a direction in time, no span (an extension of SPEC §3)
};

struct civil_date {
    int year = 0;
    unsigned month = 0;  // 1..12
    unsigned day = 0;    // 1..31
};

[[nodiscard]] bool valid_date(int year, unsigned month, unsigned day);
[[nodiscard]] day_number to_day_number(civil_date d);
[[nodiscard]] civil_date to_civil(day_number n);
[[nodiscard]] unsigned days_in_month(int year, unsigned month);

// An inclusive span of days: "2023" is [2023-01-01, 2023-12-31] at year granularity.
struct time_span {
    day_number from = 0;
    day_number to = 0;
    granularity grain = granularity::day;

    static time_span day(int y, unsigned m, unsigned d);
    static time_span month(int y, unsigned m);
    static time_span quarter(int y, unsigned q);
    static time_span year(int y);
    static time_span decade(int first_year);  // "the 1990s": 1990..1999
    // From the start of a to the end of b, at the coarser of their grains.
    static time_span hull(const time_span& a, const time_span& b);

    [[nodiscard]] bool contains(day_number d) const { return d >= from && d <= to; }
    bool operator==(const time_span&) const = default;
};

[[nodiscard]] bool overlaps(const time_span& a, const time_span& b);
// Does a fall wholly before / after b?
[[nodiscard]] bool before(const time_span& a, const time_span& b);
[[nodiscard]] bool after(const time_span& a, const time_span& b);

// A span widened to whole units of a coarser grain ("2021-12-31" at month
// grain is December 2021). Used to compare dates at the coarser granularity
// of the two (FL102).
[[nodiscard]] time_span coarsened(const time_span& s, granularity g);
[[nodiscard]] granularity coarser(granularity a, granularity b);

// The span of the document date at its own granularity, shifted by whole
// units: "last year" is shifted(document year, year, -1).
[[nodiscard]] time_span shifted(const time_span& s, granularity unit, int count);

[[nodiscard]] std::string_view granularity_name(granularity g);
[[nodiscard]] std::string_view basis_name(time_basis b);
// ISO form of a day: "2024-06-01"; open ends print as "present"/"start".
[[nodiscard]] std::string iso_date(day_number d);
// A span as people write it: "2023", "December 2021", "2021-12-09",
// "2003 to 2011".
[[nodiscard]] std::string describe(const time_span& s);

// Parse an ISO-like date "2024", "2024-06", "2024-06-15" (used for --as-of
// and front matter); nullopt when malformed or impossible.
[[nodiscard]] std::optional<time_span> parse_iso_date(std::string_view text);

}  // namespace factlint
