// A closed or half-open numeric interval: what a stated figure allows.
#pragma once

#include <limits>
#include <string>

namespace factlint {

inline constexpr double infinity = std::numeric_limits<double>::infinity();

struct interval {
    double low = -infinity;
    double high = infinity;
    bool low_open = false;   // (low, … : the bound itself is excluded
    bool high_open = false;  // …, high) : the bound itself is excluded

    static interval point(double v) { return {v, v, false, false}; }
    static interval closed(double lo, double hi) { return {lo, hi, false, false}; }

    [[nodiscard]] bool contains(double v) const;
    [[nodiscard]] double midpoint() const;
    [[nodiscard]] bool bounded() const { return low > -infinity && high < infinity; }
};

// Two figures conflict only when their intervals share no point.
[[nodiscard]] bool disjoint(const interval& a, const interval& b);
[[nodiscard]] bool overlaps(const interval& a, const interval& b);

// Interval arithmetic, used to judge arithmetic stated in prose (FL203, FL204).
// Open bounds propagate; division by an interval containing 0 gives (-inf, inf).
[[nodiscard]] interval operator+(const interval& a, const interval& b);
[[nodiscard]] interval operator-(const interval& a, const interval& b);
[[nodiscard]] interval operator*(const interval& a, const interval& b);
[[nodiscard]] interval operator/(const interval& a, const interval& b);
[[nodiscard]] interval scaled(const interval& a, double factor);
[[nodiscard]] interval widened(const interval& a, double relative_tolerance);

// "[2450, 2550]", "(90, inf)": for messages.
[[nodiscard]] std::string to_string(const interval& a);

}  // namespace factlint
