// The typed model: intervals, precision and hedges, time spans, units.
#include <doctest/doctest.h>

#include "claims/interval.hpp"
#include "claims/precision.hpp"
#include "claims/time.hpp"
#include "claims/unit.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace factlint;

namespace {

// value_of_digits and half_unit_of_digits as they were before their fast
// paths (std::from_chars on the digits without commas; std::pow per call):
// what the fast paths must give bit for bit.
double value_by_from_chars(std::string_view digits) {
    std::array<char, max_figure_chars> buffer{};
    std::size_t n = 0;
    for (char c : digits)
        if (c != ',' && n < buffer.size()) buffer[n++] = c;
    double value = 0;
    std::from_chars(buffer.data(), buffer.data() + n, value);
    return value;
}

double half_unit_by_pow(std::string_view digits) {
    std::size_t point = digits.find('.');
    if (point != std::string_view::npos) {
        int decimals = 0;
        for (std::size_t i = point + 1; i < digits.size(); ++i)
            if (digits[i] >= '0' && digits[i] <= '9') ++decimals;
        return 0.5 * std::pow(10.0, -decimals);
    }
    int trailing_zeros = 0;
    bool any_nonzero = false;
    for (char c : digits) {
        if (c < '0' || c > '9') continue;
        if (c == '0') {
            ++trailing_zeros;
        } else {
            trailing_zeros = 0;
            any_nonzero = true;
        }
    }
    if (!any_nonzero) return 0.5;
    return 0.5 * std::pow(10.0, trailing_zeros);
}

// Bit for bit (0.0 and -0.0 differ; NaN never occurs here).
bool same_double(double a, double b) { return std::signbit(a) == std::signbit(b) && a == b; }

}  // namespace

TEST_CASE("model: precision of digits as written (SPEC 4.2)") {
    CHECK(half_unit_of_digits("2,500") == doctest::Approx(50));
    CHECK(half_unit_of_digits("50,000") == doctest::Approx(5000));
    CHECK(half_unit_of_digits("4.5") == doctest::Approx(0.05));
    CHECK(half_unit_of_digits("4.50") == doctest::Approx(0.005));
    CHECK(half_unit_of_digits("7") == doctest::Approx(0.5));
    CHECK(half_unit_of_digits("0") == doctest::Approx(0.5));
}

TEST_CASE("model: value and precision of digits are the same on the fast path and off it") {
    // Off the fast path (more than 15 digits, two points, no digit on a
    // side of the point, other characters, empty) and on it.
    std::vector<std::string> texts{"",
                                   "0",
                                   "7",
                                   "0.0",
                                   "2,500",
                                   "50,000",
                                   "4.50",
                                   "0.1",
                                   "0.3",
                                   "1,234,567.891",
                                   "999999999999999",
                                   "9999999999999999",
                                   "123456789012345678901234567890",
                                   "0.000000000000001",
                                   "0.1234567890123456",
                                   "1.2.3",
                                   "1..2",
                                   ".5",
                                   "5.",
                                   "1e5",
                                   ",,1,,2,,",
                                   "00012.50",
                                   std::string(70, '9'),
                                   "1." + std::string(70, '0'),
                                   "1.2,5",
                                   "1,000.",
                                   "0,000",
                                   "5.0.0",
                                   "12a0",
                                   "1200.5x"};
    std::mt19937 random(7);
    for (int i = 0; i < 20000; ++i) {
        std::string t;
        const int before = 1 + static_cast<int>(random() % 12);
        const int after = static_cast<int>(random() % 8);
        for (int k = 0; k < before; ++k) {
            t += static_cast<char>('0' + random() % 10);
            if ((before - k - 1) % 3 == 0 && k + 1 < before && random() % 2 == 0) t += ',';
        }
        if (after > 0) t += '.';
        for (int k = 0; k < after; ++k) t += static_cast<char>('0' + random() % 10);
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        INFO(t);
        CHECK(same_double(value_of_digits(t), value_by_from_chars(t)));
        CHECK(same_double(half_unit_of_digits(t), half_unit_by_pow(t)));
        const digits_figure f = figure_of_digits(t);
        CHECK(same_double(f.value, value_by_from_chars(t)));
        CHECK(same_double(f.half_unit, half_unit_by_pow(t)));
    }
}

TEST_CASE("model: hedges widen or bound the precision interval") {
    const interval about = stated_interval(2500, 50, hedge_kind::approximate);
    CHECK(about.low == doctest::Approx(2200));
    CHECK(about.high == doctest::Approx(2800));
    const interval bare = stated_interval(8.5e9, 0.05e9, hedge_kind::none);
    CHECK(bare.low == doctest::Approx(8.45e9));
    CHECK(bare.high == doctest::Approx(8.55e9));
    const interval nearly = stated_interval(2000, 500, hedge_kind::nearly);
    CHECK(nearly.high == doctest::Approx(2000));
    CHECK(nearly.low == doctest::Approx(1300));
    const interval more = stated_interval(90e6, 0.5e6, hedge_kind::above);
    CHECK(more.low == doctest::Approx(90e6));
    CHECK(more.low_open);
    CHECK(more.high == infinity);
    const interval exact = stated_interval(12, 0.5, hedge_kind::exact);
    CHECK(exact.low == 12);
    CHECK(exact.high == 12);
    CHECK(hedge_from_words("more than") == hedge_kind::above);
    CHECK(hedge_from_words("up to") == hedge_kind::at_most);
    CHECK(hedge_from_words("banana") == hedge_kind::none);
}

TEST_CASE("model: ranges take the hull of both ends") {
    const interval r = range_interval(2000, 500, 3000, 500, hedge_kind::none);
    CHECK(r.low == doctest::Approx(1500));
    CHECK(r.high == doctest::Approx(3500));
}

TEST_CASE("model: disjoint intervals conflict, touching open bounds do not meet") {
    CHECK(disjoint(interval::closed(1, 2), interval::closed(3, 4)));
    CHECK(overlaps(interval::closed(1, 3), interval::closed(3, 4)));
    CHECK(disjoint(interval{1, 3, false, true}, interval::closed(3, 4)));
    CHECK(overlaps(interval{90, infinity, true, true}, interval::closed(94, 94.2)));
}

TEST_CASE("model: interval arithmetic for change statements") {
    // (1.335 - 1.265) / 1.265 .. (1.345 - 1.255) / 1.255: the budget case's 6.2% rise
    const interval x = interval::closed(1.335, 1.345), y = interval::closed(1.255, 1.265);
    const interval pct = (x - y) / y * interval::point(100);
    CHECK(pct.low == doctest::Approx(5.534).epsilon(0.001));
    CHECK(pct.high == doctest::Approx(7.171).epsilon(0.001));
    CHECK(pct.contains(6.2));
    const interval sum = interval::closed(235.5, 236.5) + interval::closed(155.5, 156.5);
    CHECK(sum.low == doctest::Approx(391));
    CHECK(sum.high == doctest::Approx(393));
    CHECK((interval::closed(1, 2) / interval::closed(-1, 1)).low == -infinity);
}

TEST_CASE("model: spans, granularity and coarsening") {
    const time_span dec2021 = time_span::month(2021, 12);
    CHECK(iso_date(dec2021.from) == "2021-12-01");
    CHECK(iso_date(dec2021.to) == "2021-12-31");
    CHECK(overlaps(coarsened(time_span::day(2021, 12, 31), granularity::month), dec2021));
    CHECK_FALSE(
        overlaps(time_span::month(2021, 7), coarsened(time_span::day(2021, 12, 31), granularity::month)));
    CHECK(overlaps(time_span::year(2021), time_span::day(2021, 12, 31)));
    CHECK(describe(time_span::month(2021, 12)) == "December 2021");
    CHECK(describe(time_span::year(2023)) == "2023");
    CHECK(describe(time_span::decade(1990)) == "the 1990s");
    CHECK(describe(time_span::hull(time_span::year(2003), time_span::year(2011))) == "2003 to 2011");
}

TEST_CASE("model: relative shifts") {
    const time_span today = time_span::day(2025, 6, 20);
    CHECK(shifted(coarsened(today, granularity::year), granularity::year, -1) == time_span::year(2024));
    CHECK(shifted(time_span::month(2025, 1), granularity::month, -1) == time_span::month(2024, 12));
    CHECK(shifted(time_span::quarter(2025, 1), granularity::quarter, -1) == time_span::quarter(2024, 4));
}

TEST_CASE("model: ISO dates, impossible dates rejected") {
    CHECK(parse_iso_date("2024") == time_span::year(2024));
    CHECK(parse_iso_date("2024-06") == time_span::month(2024, 6));
    CHECK(parse_iso_date("2024-06-15") == time_span::day(2024, 6, 15));
    CHECK_FALSE(parse_iso_date("2021-02-30"));
    CHECK_FALSE(parse_iso_date("2021-13"));
    CHECK_FALSE(parse_iso_date("20x1"));
    CHECK_FALSE(parse_iso_date("2021-06-15junk"));
    CHECK(parse_iso_date("2024-02-29"));
    // Each part read as std::from_chars reads a whole int: an optional
    // minus, then digits only.
    CHECK(parse_iso_date("-123") == time_span::year(-123));
    CHECK_FALSE(parse_iso_date("+123"));
    CHECK_FALSE(parse_iso_date("2024--6"));
    CHECK_FALSE(parse_iso_date("2024- 6"));
    CHECK_FALSE(parse_iso_date("2024-06-1 "));
    CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("model: units convert within a dimension only") {
    CHECK(convert(1, "area:mi2", "area:km2").value() == doctest::Approx(2.58999));
    CHECK(compatible_units("area:mi2", "area:km2"));
    CHECK_FALSE(compatible_units("currency:USD", "currency:GBP"));
    CHECK_FALSE(convert(1, "currency:USD", "currency:EUR"));
    CHECK(compatible_units("count", "count"));
    CHECK_FALSE(compatible_units("percent", "percent_point"));
}
