#include "claims/precision.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>

namespace factlint {

namespace {
struct hedge_word {
    std::string_view words;
    hedge_kind kind;
};

constexpr std::array hedge_words{
    hedge_word{"about", hedge_kind::approximate},
    hedge_word{"around", hedge_kind::approximate},
    hedge_word{"approximately", hedge_kind::approximate},
    hedge_word{"roughly", hedge_kind::approximate},
    hedge_word{"some", hedge_kind::approximate},
    hedge_word{"an estimated", hedge_kind::approximate},
    hedge_word{"estimated", hedge_kind::approximate},
    hedge_word{"close to", hedge_kind::approximate},
    hedge_word{"approx.", hedge_kind::approximate},
    hedge_word{"circa", hedge_kind::approximate},
    hedge_word{"nearly", hedge_kind::nearly},
    hedge_word{"almost", hedge_kind::nearly},
    hedge_word{"just under", hedge_kind::nearly},
    hedge_word{"just below", hedge_kind::nearly},
    hedge_word{"more than", hedge_kind::above},
    hedge_word{"over", hedge_kind::above},
    hedge_word{"above", hedge_kind::above},
    hedge_word{"upwards of", hedge_kind::above},
    hedge_word{"in excess of", hedge_kind::above},
    hedge_word{"greater than", hedge_kind::above},
    hedge_word{"at least", hedge_kind::at_least},
    hedge_word{"no fewer than", hedge_kind::at_least},
    hedge_word{"no less than", hedge_kind::at_least},
    hedge_word{"less than", hedge_kind::below},
    hedge_word{"fewer than", hedge_kind::below},
    hedge_word{"under", hedge_kind::below},
    hedge_word{"below", hedge_kind::below},
    hedge_word{"at most", hedge_kind::at_most},
    hedge_word{"up to", hedge_kind::at_most},
    hedge_word{"no more than", hedge_kind::at_most},
    hedge_word{"exactly", hedge_kind::exact},
    hedge_word{"precisely", hedge_kind::exact},
};
}  // namespace

hedge_kind hedge_from_words(std::string_view words) {
    for (const hedge_word& h : hedge_words)
        if (h.words == words) return h.kind;
    return hedge_kind::none;
}

std::string_view hedge_name(hedge_kind h) {
    switch (h) {
        case hedge_kind::none: return "none";
        case hedge_kind::approximate: return "approximate";
        case hedge_kind::nearly: return "nearly";
        case hedge_kind::above: return "above";
        case hedge_kind::at_least: return "at_least";
        case hedge_kind::below: return "below";
        case hedge_kind::at_most: return "at_most";
        case hedge_kind::exact: return "exact";
    }
    return "none";
}

namespace {
// Applies a hedge to the precision interval [a, b] of a stated value v.
interval hedged(double v, double a, double b, hedge_kind hedge, double t) {
    const double slack = t * std::abs(v);
    switch (hedge) {
        case hedge_kind::none: return interval::closed(a, b);
        case hedge_kind::approximate: return interval::closed(a - slack, b + slack);
        case hedge_kind::nearly: return interval::closed(a - slack, v);
        case hedge_kind::above: return {v, infinity, true, true};
        case hedge_kind::at_least: return {v, infinity, false, true};
        case hedge_kind::below: return {-infinity, v, true, true};
        case hedge_kind::at_most: return {-infinity, v, true, false};
        case hedge_kind::exact: return interval::point(v);
    }
    return interval::closed(a, b);
}
}  // namespace

interval stated_interval(double value, double half_unit, hedge_kind hedge, double tolerance) {
    const double h = std::abs(half_unit);
    return hedged(value, value - h, value + h, hedge, tolerance);
}

interval range_interval(double low, double low_half_unit, double high, double high_half_unit,
                        hedge_kind hedge, double tolerance) {
    if (low > high) std::swap(low, high), std::swap(low_half_unit, high_half_unit);
    const double a = low - std::abs(low_half_unit);
    const double b = high + std::abs(high_half_unit);
    switch (hedge) {
        case hedge_kind::approximate:
            return interval::closed(a - tolerance * std::abs(low), b + tolerance * std::abs(high));
        case hedge_kind::exact: return interval::closed(low, high);
        default: return interval::closed(a, b);
    }
}

namespace {

// 10^e for every exponent a figure of max_figure_chars can need, each
// computed once with std::pow as half_unit_of_digits always did (the same
// call, so the same double): a table look-up instead of a pow call per
// figure. The exponent is read through a volatile so the compiler cannot
// fold a call at build time with its own (maybe differently rounded) pow.
constexpr int max_power = static_cast<int>(max_figure_chars);
const std::array<double, 2 * max_power + 1>& powers_of_ten() {
    static const auto table = [] {
        std::array<double, 2 * max_power + 1> t{};
        for (int e = -max_power; e <= max_power; ++e) {
            volatile int opaque = e;
            t[static_cast<std::size_t>(e + max_power)] = std::pow(10.0, opaque);
        }
        return t;
    }();
    return table;
}

double power_of_ten(int e) {
    if (e < -max_power || e > max_power) return std::pow(10.0, e);
    return powers_of_ten()[static_cast<std::size_t>(e + max_power)];
}

// Powers of ten a double holds exactly (10^22 is the last one).
constexpr std::array<double, 23> exact_powers_of_ten{1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// One pass over a figure's characters: its digits as an integer, how many,
// where the first point falls (-1: none), and whether it is plain (only
// digits, one point and commas). value_of_digits, half_unit_of_digits and
// figure_of_digits all read a figure through it.
struct digit_scan {
    std::uint64_t integer = 0;  // wraps past 19 digits: see exact_value
    int count = 0, point_at = -1;
    bool plain = true;

    [[nodiscard]] int decimals() const { return point_at < 0 ? 0 : count - point_at; }
};

digit_scan scan_digits(std::string_view digits) {
    digit_scan s;
    for (const char c : digits) {
        const unsigned d = static_cast<unsigned char>(c) - static_cast<unsigned>('0');
        if (d < 10) {
            s.integer = s.integer * 10 + d;
            ++s.count;
        } else if (c == '.' && s.point_at < 0) {
            s.point_at = s.count;
        } else if (c != ',') {
            s.plain = false;
        }
    }
    return s;
}

// value_of_digits for the usual figure: plain, digits on both sides of its
// point, 15 digits at most; -1 for anything else. Why it is the double
// from_chars gives: the digits as an integer m < 10^15 < 2^53 and
// 10^decimals (decimals <= 15) are exact doubles, and IEEE division rounds
// m / 10^decimals to the nearest double, ties to even, as from_chars rounds
// the decimal it reads (Clinger's fast path). Figures are never negative,
// so -1 says "not handled".
double exact_value(const digit_scan& s) {
    if (!s.plain || s.count == 0 || s.count > 15 || s.point_at == 0 || (s.point_at > 0 && s.decimals() == 0))
        return -1;
    return static_cast<double>(s.integer) / exact_powers_of_ten[static_cast<std::size_t>(s.decimals())];
}

// What from_chars reads of the digits without their commas.
double value_read(std::string_view digits) {
    std::array<char, max_figure_chars> buffer{};
    std::size_t n = 0;
    for (char c : digits)
        if (c != ',' && n < buffer.size()) buffer[n++] = c;
    double value = 0;
    std::from_chars(buffer.data(), buffer.data() + n, value);
    return value;
}

// Position of the last significant digit relative to the decimal point:
// decimals count as written ("4.50" -> 0.005); in an integer, trailing
// zeros are not significant ("50,000" -> 5000): counted from its end,
// past what is not a digit, usually one step.
double half_unit(const digit_scan& s, std::string_view digits) {
    if (s.point_at >= 0) return 0.5 * power_of_ten(-s.decimals());
    int trailing_zeros = 0;
    for (std::size_t i = digits.size(); i-- > 0;) {
        const char c = digits[i];
        if (c == '0') {
            ++trailing_zeros;
        } else if (c > '0' && c <= '9') {
            return 0.5 * power_of_ten(trailing_zeros);
        }
    }
    return 0.5;  // "0"
}

}  // namespace

double half_unit_of_digits(std::string_view digits) { return half_unit(scan_digits(digits), digits); }

double value_of_digits(std::string_view digits) {
    const double fast = exact_value(scan_digits(digits));
    return fast >= 0 ? fast : value_read(digits);
}

digits_figure figure_of_digits(std::string_view digits) {
    const digit_scan s = scan_digits(digits);
    const double fast = exact_value(s);
    return {fast >= 0 ? fast : value_read(digits), half_unit(s, digits)};
}

}  // namespace factlint
