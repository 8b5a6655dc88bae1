#include "claims/time.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <chrono>

namespace factlint {

namespace chr = std::chrono;

bool valid_date(int year, unsigned month, unsigned day) {
    if (year < -30000 || year > 30000) return false;
    return chr::year_month_day{chr::year{year}, chr::month{month}, chr::day{day}}.ok();
}

unsigned days_in_month(int year, unsigned month) {
    return static_cast<unsigned>(
        chr::year_month_day_last{chr::year{year}, chr::month_day_last{chr::month{month}}}.day());
}

day_number to_day_number(civil_date d) {
    const chr::sys_days days{chr::year_month_day{chr::year{d.year}, chr::month{d.month}, chr::day{d.day}}};
    return static_cast<day_number>(days.time_since_epoch().count());
}

civil_date to_civil(day_number n) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{n}}};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day())};
}

time_span time_span::day(int y, unsigned m, unsigned d) {
    const day_number n = to_day_number({y, m, d});
    return {n, n, granularity::day};
}

time_span time_span::month(int y, unsigned m) {
    return {to_day_number({y, m, 1}), to_day_number({y, m, days_in_month(y, m)}), granularity::month};
}

time_span time_span::quarter(int y, unsigned q) {
    const unsigned first = (q - 1) * 3 + 1;
    return {to_day_number({y, first, 1}), to_day_number({y, first + 2, days_in_month(y, first + 2)}),
            granularity::quarter};
}

time_span time_span::year(int y) {
    return {to_day_number({y, 1, 1}), to_day_number({y, 12, 31}), granularity::year};
}

time_span time_span::decade(int first_year) {
    return {to_day_number({first_year, 1, 1}), to_day_number({first_year + 9, 12, 31}), granularity::decade};
}

granularity coarser(granularity a, granularity b) { return std::max(a, b); }

time_span time_span::hull(const time_span& a, const time_span& b) {
    return {std::min(a.from, b.from), std::max(a.to, b.to), coarser(a.grain, b.grain)};
}

bool overlaps(const time_span& a, const time_span& b) { return a.from <= b.to && b.from <= a.to; }
bool before(const time_span& a, const time_span& b) { return a.to < b.from; }
bool after(const time_span& a, const time_span& b) { return a.from > b.to; }

namespace {
day_number start_of(day_number d, granularity g) {
    if (d == open_start || d == open_end) return d;
    const civil_date c = to_civil(d);
    switch (g) {
        case granularity::day: return d;
        case granularity::month: return to_day_number({c.year, c.month, 1});
        case granularity::quarter: return to_day_number({c.year, (c.month - 1) / 3 * 3 + 1, 1});
        case granularity::year: return to_day_number({c.year, 1, 1});
        case granularity::decade: return to_day_number({c.year - ((c.year % 10) + 10) % 10, 1, 1});
        case granularity::century: return to_day_number({c.year - ((c.year % 100) + 100) % 100, 1, 1});
    }
    return d;
}

day_number end_of(day_number d, granularity g) {
    if (d == open_start || d == open_end) return d;
    const civil_date c = to_civil(d);
    switch (g) {
        case granularity::day: return d;
        case granularity::month: return to_day_number({c.year, c.month, days_in_month(c.year, c.month)});
        case granularity::quarter: {
            const unsigned last = (c.month - 1) / 3 * 3 + 3;
            return to_day_number({c.year, last, days_in_month(c.year, last)});
        }
        case granularity::year: return to_day_number({c.year, 12, 31});
        case granularity::decade: return to_day_number({c.year - ((c.year % 10) + 10) % 10 + 9, 12, 31});
        case granularity::century: return to_day_number({c.year - ((c.year % 100) + 100) % 100 + 99, 12, 31});
    }
    return d;
}
}  // namespace

time_span coarsened(const time_span& s, granularity g) {
    if (g <= s.grain) return s;
    return {start_of(s.from, g), end_of(s.to, g), g};
}

time_span shifted(const time_span& s, granularity unit, int count) {
    const civil_date c = to_civil(s.from);
    switch (unit) {
        case granularity::day: {
            const day_number d = s.from + count;
            return {d, d, granularity::day};
        }
        case granularity::month: {
            const int months = c.year * 12 + static_cast<int>(c.month) - 1 + count;
            const int y = months >= 0 ? months / 12 : (months - 11) / 12;
            return time_span::month(y, static_cast<unsigned>(months - y * 12) + 1);
        }
        case granularity::quarter: {
            const int quarters = c.year * 4 + static_cast<int>((c.month - 1) / 3) + count;
            const int y = quarters >= 0 ? quarters / 4 : (quarters - 3) / 4;
            return time_span::quarter(y, static_cast<unsigned>(quarters - y * 4) + 1);
        }
        case granularity::year: return time_span::year(c.year + count);
        case granularity::decade: {
            const int first = c.year - ((c.year % 10) + 10) % 10;
            return time_span::decade(first + 10 * count);
        }
        case granularity::century: {
            const int first = c.year - ((c.year % 100) + 100) % 100 + 100 * count;
            return {to_day_number({first, 1, 1}), to_day_number({first + 99, 12, 31}), granularity::century};
        }
    }
    return s;
}

std::string_view granularity_name(granularity g) {
    switch (g) {
        case granularity::day: return "day";
        case granularity::month: return "month";
        case granularity::quarter: return "quarter";
        case granularity::year: return "year";
        case granularity::decade: return "decade";
        case granularity::century: return "century";
    }
    return "day";
}

std::string_view basis_name(time_basis b) {
    switch (b) {
        case time_basis::none: return "none";
        case time_basis::explicit_: return "explicit";
        case time_basis::relative: return "relative";
        case time_basis::document: return "document";
        case time_basis::vague: return "vague";
    }
    return "none";
}

std::string iso_date(day_number d) {
    if (d == open_end) return "present";
    if (d == open_start) return "start";
    const civil_date c = to_civil(d);
    return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

namespace {
constexpr std::array<std::string_view, 12> month_names{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};

std::string describe_point(day_number d, granularity g) {
    if (d == open_end) return "present";
    if (d == open_start) return "the beginning";
    const civil_date c = to_civil(d);
    switch (g) {
        case granularity::day: return iso_date(d);
        case granularity::month: return fmt::format("{} {}", month_names[c.month - 1], c.year);
        case granularity::quarter: return fmt::format("Q{} {}", (c.month - 1) / 3 + 1, c.year);
        case granularity::year: return fmt::format("{}", c.year);
        case granularity::decade: return fmt::format("the {}s", c.year - ((c.year % 10) + 10) % 10);
        case granularity::century: return fmt::format("{}s", c.year);
    }
    return iso_date(d);
}
}  // namespace

std::string describe(const time_span& s) {
    if (s.from == open_start && s.to == open_end) return "any time";
    if (s.to == open_end) return "since " + describe_point(s.from, s.grain);
    if (s.from == open_start) return "until " + describe_point(s.to, s.grain);
    const time_span whole_from = coarsened({s.from, s.from, granularity::day}, s.grain);
    if (whole_from.to >= s.to) return describe_point(s.from, s.grain);
    return describe_point(s.from, s.grain) + " to " + describe_point(s.to, s.grain);
}

std::optional<time_span> parse_iso_date(std::string_view text) {
    // What std::from_chars reads of the whole part (an optional '-', then
    // digits), by hand: 100,000 claims read two dates each through here.
    auto number = [](std::string_view part, std::size_t digits) -> std::optional<int> {
        if (part.size() != digits) return std::nullopt;
        const bool negative = part.front() == '-';
        if (negative && part.size() == 1) return std::nullopt;
        int v = 0;
        for (std::size_t i = negative ? 1 : 0; i < part.size(); ++i) {
            const unsigned d = static_cast<unsigned char>(part[i]) - static_cast<unsigned>('0');
            if (d > 9) return std::nullopt;
            v = v * 10 + static_cast<int>(d);
        }
        return negative ? -v : v;
    };
    const auto year = number(text.substr(0, 4), 4);
    if (!year) return std::nullopt;
    if (text.size() == 4) return time_span::year(*year);
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    const auto month = number(text.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    if (text.size() == 7) return time_span::month(*year, static_cast<unsigned>(*month));
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    const auto day = number(text.substr(8, 2), 2);
    if (!day || !valid_date(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)))
        return std::nullopt;
    return time_span::day(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

}  // namespace factlint
