#include "claims/interval.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>

namespace factlint {

bool interval::contains(double v) const {
    const bool above_low = low_open ? v > low : v >= low;
    const bool below_high = high_open ? v < high : v <= high;
    return above_low && below_high;
}

double interval::midpoint() const {
    if (!bounded()) return low > -infinity ? low : high;
    return (low + high) / 2;
}

bool disjoint(const interval& a, const interval& b) { return !overlaps(a, b); }

bool overlaps(const interval& a, const interval& b) {
    // a ends before b starts, or b ends before a starts (open bounds touch nothing).
    auto ends_before = [](const interval& x, const interval& y) {
        if (x.high < y.low) return true;
        return x.high == y.low && (x.high_open || y.low_open);
    };
    return !ends_before(a, b) && !ends_before(b, a);
}

interval operator+(const interval& a, const interval& b) {
    return {a.low + b.low, a.high + b.high, a.low_open || b.low_open, a.high_open || b.high_open};
}

interval operator-(const interval& a, const interval& b) {
    return {a.low - b.high, a.high - b.low, a.low_open || b.high_open, a.high_open || b.low_open};
}

namespace {
struct bound {
    double v;
    bool open;
};

// 0 * inf is taken as 0: a zero-width factor cancels an unbounded one.
double times(double x, double y) {
    if (x == 0 || y == 0) return 0;
    return x * y;
}

interval hull_of(const std::array<bound, 4>& products) {
    interval r{infinity, -infinity, false, false};
    for (const bound& p : products) {
        if (p.v < r.low || (p.v == r.low && !p.open)) r.low = p.v, r.low_open = p.open;
        if (p.v > r.high || (p.v == r.high && !p.open)) r.high = p.v, r.high_open = p.open;
    }
    return r;
}
}  // namespace

interval operator*(const interval& a, const interval& b) {
    return hull_of({bound{times(a.low, b.low), a.low_open || b.low_open},
                    bound{times(a.low, b.high), a.low_open || b.high_open},
                    bound{times(a.high, b.low), a.high_open || b.low_open},
                    bound{times(a.high, b.high), a.high_open || b.high_open}});
}

interval operator/(const interval& a, const interval& b) {
    if (b.contains(0) || (b.low == 0 && b.low_open) || (b.high == 0 && b.high_open)) return interval{};
    auto inverse = [](double x) { return std::isinf(x) ? 0.0 : 1.0 / x; };
    const interval reciprocal{inverse(b.high), inverse(b.low), b.high_open, b.low_open};
    return a * reciprocal;
}

interval scaled(const interval& a, double factor) {
    if (factor >= 0) return {a.low * factor, a.high * factor, a.low_open, a.high_open};
    return {a.high * factor, a.low * factor, a.high_open, a.low_open};
}

interval widened(const interval& a, double relative_tolerance) {
    const double by = std::abs(a.midpoint()) * relative_tolerance;
    return {a.low - by, a.high + by, a.low_open, a.high_open};
}

namespace {
std::string number_text(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return fmt::format("{:.6g}", v);
}
}  // namespace

std::string to_string(const interval& a) {
    return fmt::format("{}{}, {}{}", a.low_open ? '(' : '[', number_text(a.low), number_text(a.high),
                       a.high_open ? ')' : ']');
}

}  // namespace factlint
