// Which reference value holds when (SPEC §5, §6).
#include "claims/reference.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

namespace factlint {
namespace {

// When each `as of` or `from` value of a series stops being in force: the
// day before the next later `as of`/`from` value starts (open_end when
// none does). `in` values do not end a carry-forward; they are preferred
// while they hold because they are more specific. Found by a search of the
// sorted starts: looking through every value for each value made a look-up
// in a series of 2,000 values take 19 ms, and one of 8,000 never ended on
// a long draft (docs/performance.md part 23).
class carry_forward_ends {
public:
    explicit carry_forward_ends(const reference_claim& c) {
        for (const auto& u : c.values)
            if (u.when && (u.scope == value_scope::as_of || u.scope == value_scope::from))
                starts_.push_back(u.when->from);
        if (!std::is_sorted(starts_.begin(), starts_.end())) std::sort(starts_.begin(), starts_.end());
    }
    // For an `as of` or `from` value (which has a `when`).
    [[nodiscard]] day_number end_of(const reference_value& v) const {
        const auto next = std::upper_bound(starts_.begin(), starts_.end(), v.when->from);
        return next == starts_.end() ? open_end : *next - 1;
    }

private:
    std::vector<day_number> starts_;
};

// The days a value is in force.
time_span in_force_span(const carry_forward_ends& ends, const reference_value& v) {
    if (!v.when || v.scope == value_scope::timeless) return {open_start, open_end, granularity::century};
    switch (v.scope) {
        case value_scope::as_of:
        case value_scope::from: return {v.when->from, ends.end_of(v), v.when->grain};
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

namespace {

// The best of the values in force at `when`, offered in any order: larger
// is better by (covers the whole claim time, narrower, more specific scope,
// later start, later in the file).
class best_in_force {
public:
    best_in_force(const reference_claim& c, const time_span& when) : c_(c), when_(when) {}

    void offer(std::uint32_t value, const time_span& span) {
        const reference_value& v = c_.values[value];
        if (!holds(v, span, when_)) return;
        const key k{inside(when_, span), -length(span), scope_rank(v.scope), start_of(v), value};
        if (best_ == nullptr || k > best_key_) {
            best_ = &v;
            best_key_ = k;
        }
    }
    [[nodiscard]] const reference_value* best() const { return best_; }

private:
    using key = std::tuple<bool, std::int64_t, int, day_number, std::uint32_t>;
    const reference_claim& c_;
    const time_span& when_;
    const reference_value* best_ = nullptr;
    key best_key_{};
};

}  // namespace

series_index::series_index(const reference_claim& c) {
    const carry_forward_ends ends(c);
    for (std::uint32_t i = 0; i < c.values.size(); ++i) {
        const time_span span = in_force_span(ends, c.values[i]);
        (span.from == open_start ? without_start_ : by_start_).push_back({span, i});
    }
    std::sort(by_start_.begin(), by_start_.end(),
              [](const entry& a, const entry& b) { return a.span.from < b.span.from; });
    reach_.reserve(by_start_.size());
    day_number reach = open_start;
    for (const entry& e : by_start_) reach_.push_back(reach = std::max(reach, e.span.to));
    index_by_interval(c);
}

void series_index::index_by_interval(const reference_claim& c) {
    unit_ = c.values.empty() ? std::string_view() : c.values.front().unit;
    by_interval_ = std::all_of(c.values.begin(), c.values.end(),
                               [&](const reference_value& v) { return v.unit == unit_; });
    if (!by_interval_) return;
    std::vector<interval> allowed;
    allowed.reserve(c.values.size());
    for (std::uint32_t i = 0; i < c.values.size(); ++i) {
        allowed.push_back(allowed_interval(c, c.values[i]));
        const interval& a = allowed.back();
        (std::isnan(a.low) || std::isnan(a.high) ? unordered_ : by_low_).push_back(i);
    }
    std::stable_sort(by_low_.begin(), by_low_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return allowed[a].low < allowed[b].low; });
    lows_.reserve(by_low_.size());
    for (const std::uint32_t i : by_low_) lows_.push_back(allowed[i].low);
    leaves_ = by_low_.size();
    // A tree over [0, leaves_) cut in halves: at most 4 x leaves_ nodes.
    high_below_.assign(4 * leaves_ + 4, -std::numeric_limits<double>::infinity());
    first_below_.assign(4 * leaves_ + 4, UINT32_MAX);
    if (leaves_ > 0) fill_tree(1, 0, leaves_, allowed);

    std::vector<std::uint32_t> by_value;
    for (std::uint32_t i = 0; i < c.values.size(); ++i)
        if (std::isfinite(c.values[i].value)) by_value.push_back(i);
    std::stable_sort(by_value.begin(), by_value.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return c.values[a].value < c.values[b].value; });
    for (const std::uint32_t i : by_value) {
        if (distinct_values_.empty() || distinct_values_.back() != c.values[i].value) {
            distinct_values_.push_back(c.values[i].value);
            first_of_value_.push_back(i);  // stable: the first place of its value
        }
    }
}

std::uint32_t series_index::nearest(double x) const {
    if (distinct_values_.empty() || !std::isfinite(x)) return UINT32_MAX;
    const std::size_t count = distinct_values_.size();
    const auto right = static_cast<std::size_t>(
        std::lower_bound(distinct_values_.begin(), distinct_values_.end(), x) - distinct_values_.begin());
    const auto gap = [&](std::size_t k) { return std::abs(x - distinct_values_[k]); };
    // The nearest distance is that of a neighbour of x; values further out
    // have distances no smaller, and equal ones (rounding makes them so,
    // far from x) stand next to each other: all of them are asked for the
    // first place, as a search in file order would find it.
    double best_gap = std::numeric_limits<double>::infinity();
    if (right > 0) best_gap = std::min(best_gap, gap(right - 1));
    if (right < count) best_gap = std::min(best_gap, gap(right));
    if (!(best_gap < std::numeric_limits<double>::infinity()))
        return UINT32_MAX;  // overflowed: never nearest
    std::uint32_t best = UINT32_MAX;
    for (std::size_t k = right; k > 0 && gap(k - 1) == best_gap; --k)
        best = std::min(best, first_of_value_[k - 1]);
    for (std::size_t k = right; k < count && gap(k) == best_gap; ++k)
        best = std::min(best, first_of_value_[k]);
    return best;
}

void series_index::fill_tree(std::size_t node, std::size_t first, std::size_t last,
                             const std::vector<interval>& allowed) {
    if (last - first == 1) {
        high_below_[node] = allowed[by_low_[first]].high;
        first_below_[node] = by_low_[first];
        return;
    }
    const std::size_t middle = first + (last - first) / 2;
    fill_tree(2 * node, first, middle, allowed);
    fill_tree(2 * node + 1, middle, last, allowed);
    high_below_[node] = std::max(high_below_[2 * node], high_below_[2 * node + 1]);
    first_below_[node] = std::min(first_below_[2 * node], first_below_[2 * node + 1]);
}

const reference_value* value_in_force(const reference_claim& c, const time_span& when,
                                      const series_index* index) {
    best_in_force best(c, when);
    if (index != nullptr) {
        for (const auto& e : index->without_start_) best.offer(e.value, e.span);
        // The spans that start by the end of `when`, latest start first,
        // until none of those left reaches its first day.
        const auto& starts = index->by_start_;
        auto k = static_cast<std::size_t>(
            std::upper_bound(starts.begin(), starts.end(), when.to,
                             [](day_number day, const series_index::entry& e) { return day < e.span.from; }) -
            starts.begin());
        while (k-- > 0 && index->reach_[k] >= when.from)
            if (starts[k].span.to >= when.from) best.offer(starts[k].value, starts[k].span);
        return best.best();
    }
    const carry_forward_ends ends(c);
    for (std::uint32_t i = 0; i < c.values.size(); ++i) {
        const reference_value& v = c.values[i];
        // Starting after the claim's time, it cannot overlap it: no search.
        if (v.when && (v.scope == value_scope::as_of || v.scope == value_scope::from) &&
            v.when->from > when.to)
            continue;
        best.offer(i, in_force_span(ends, v));
    }
    return best.best();
}

const reference_value* newest_value(const reference_claim& c) {
    const reference_value* best = nullptr;
    for (const auto& v : c.values) {
        if (best == nullptr || start_of(v) >= start_of(*best)) best = &v;
    }
    return best;
}

}  // namespace factlint
