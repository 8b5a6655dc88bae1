#include "claims/precision.hpp"

#include <array>
#include <charconv>
#include <cmath>
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

double half_unit_of_digits(std::string_view digits) {
    // Position of the last significant digit relative to the decimal point:
    // decimals count as written ("4.50" -> 0.005); in an integer, trailing
    // zeros are not significant ("50,000" -> 5000).
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
    if (!any_nonzero) return 0.5;  // "0"
    return 0.5 * std::pow(10.0, trailing_zeros);
}

double value_of_digits(std::string_view digits) {
    std::array<char, max_figure_chars> buffer{};
    std::size_t n = 0;
    for (char c : digits)
        if (c != ',' && n < buffer.size()) buffer[n++] = c;
    double value = 0;
    std::from_chars(buffer.data(), buffer.data() + n, value);
    return value;
}

}  // namespace factlint
