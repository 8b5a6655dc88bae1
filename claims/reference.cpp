// Which reference value holds when (SPEC §5, §6).
#include "claims/reference.hpp"

#include <cmath>
#include <cstdint>
#include <tuple>

namespace factlint {
namespace {

// The start of the next value of the series that replaces an `as of` or
// `from` value: the earliest later `as of`/`from`. `in` values do not end a
// carry-forward; they are preferred while they hold because they are more
// specific.
day_number carry_forward_end(const reference_claim& c, const reference_value& v) {
    day_number end = open_end;
    for (const auto& u : c.values) {
        if (&u == &v || !u.when) continue;
        if (u.scope != value_scope::as_of && u.scope != value_scope::from) continue;
        if (u.when->from > v.when->from && u.when->from < end) end = u.when->from;
    }
    return end == open_end ? open_end : end - 1;
}

// The days a value is in force.
time_span in_force_span(const reference_claim& c, const reference_value& v) {
    if (!v.when || v.scope == value_scope::timeless) return {open_start, open_end, granularity::century};
    switch (v.scope) {
        case value_scope::as_of:
        case value_scope::from: return {v.when->from, carry_forward_end(c, v), v.when->grain};
        case value_scope::until: return {open_start, v.when->to, v.when->grain};
        default: return *v.when;  // in, from_to
    }
}

bool inside(const time_span& inner, const time_span& outer) {
    return inner.from >= outer.from && inner.to <= outer.to;
}

// `in D` holds only when the claim's time lies within D ("2023" is not "in
// 2023-05"); the other scopes hold when they overlap the claim's time.
bool holds(const reference_value& v, const time_span& span, const time_span& when) {
    if (v.scope == value_scope::in) return inside(when, span);
    return overlaps(span, when);
}

std::int64_t length(const time_span& s) { return static_cast<std::int64_t>(s.to) - s.from; }

int scope_rank(value_scope s) {
    switch (s) {
        case value_scope::in: return 3;
        case value_scope::as_of:
        case value_scope::from:
        case value_scope::from_to: return 2;
        case value_scope::until: return 1;
        case value_scope::timeless: return 0;
    }
    return 0;
}

day_number start_of(const reference_value& v) {
    if (!v.when || v.scope == value_scope::timeless || v.scope == value_scope::until) return open_start;
    return v.when->from;
}

}  // namespace

interval allowed_interval(const reference_claim& c, const reference_value& v) {
    interval r = v.range;
    const double by = c.tolerance * std::abs(v.value);
    if (by > 0) {
        r.low -= by;
        r.high += by;
    }
    return r;
}

const reference_value* value_in_force(const reference_claim& c, const time_span& when) {
    const reference_value* best = nullptr;
    // Larger is better: covers the whole claim time, narrower, more specific
    // scope, later start, later in the file.
    std::tuple<bool, std::int64_t, int, day_number> best_key{};
    for (const auto& v : c.values) {
        const time_span span = in_force_span(c, v);
        if (!holds(v, span, when)) continue;
        const std::tuple<bool, std::int64_t, int, day_number> key{inside(when, span), -length(span),
                                                                  scope_rank(v.scope), start_of(v)};
        if (best == nullptr || key >= best_key) {
            best = &v;
            best_key = key;
        }
    }
    return best;
}

const reference_value* newest_value(const reference_claim& c) {
    const reference_value* best = nullptr;
    for (const auto& v : c.values) {
        if (best == nullptr || start_of(v) >= start_of(*best)) best = &v;
    }
    return best;
}

}  // namespace factlint
