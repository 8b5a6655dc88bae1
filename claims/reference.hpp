// Reference claims: vetted facts loaded from *.claims files (SPEC §5).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/interval.hpp"
#include "claims/precision.hpp"
#include "claims/time.hpp"

namespace factlint {

struct source_location {
    std::string file;
    int line = 0;    // 1-based
    int column = 0;  // 1-based, UTF-8 characters
};

// Where a claim or value was written. The claims and everything they view
// are owned by their claim_store (claims/storage.hpp).
struct claim_position {
    std::string_view file;  // empty in a reference_value: the file of its claim
    int line = 0;           // 1-based
    int column = 0;         // 1-based, UTF-8 characters
};

// When a value of a series is in force (SPEC §5 `value Q [TIME]`).
enum class value_scope {
    timeless,  // no time: always
    as_of,     // `as of D`: from D until the next later value of the series
    in,        // `in D`: that day, month or year only
    from,      // `from D`: from D on
    from_to,   // `from D to D`
    until,     // `until D`
};

struct reference_value {
    std::string_view text;  // "about 2,500 troops as of 2023-08", as written
    double value = 0;       // scale applied, in `unit`
    interval range;         // what the reference's own words allow (before tolerance)
    hedge_kind hedge = hedge_kind::none;
    std::string_view unit = "count";  // interned (claims/interned.hpp)
    std::string_view noun;
    value_scope scope = value_scope::timeless;
    std::optional<time_span> when;  // D (or the from..to hull) for scoped values
    claim_position where;
};

struct reference_claim {
    std::string_view id;
    std::span<const std::string_view> names;   // as written
    std::span<const std::string_view> wheres;  // as written
    std::span<const reference_value> values;
    std::optional<time_span> date;    // `date D`: an event
    std::optional<time_span> period;  // `period D to D`: a state; to may be open_end
    double tolerance = 0;             // extra relative tolerance (0.02 for `tolerance 2%`)
    std::string_view source;
    claim_position where;  // the `claim` line
};

// The interval a reference value allows, with the claim's extra tolerance.
[[nodiscard]] interval allowed_interval(const reference_claim& c, const reference_value& v);

// The values of one claim by the days each is in force, for a claim of
// many values (a monthly series over fifty years has 600): value_in_force
// then looks only at the values whose days can meet the time asked about,
// where it worked out the days of every value of the series for every
// record checked against it (docs/performance.md part 25).
class series_index {
public:
    explicit series_index(const reference_claim& c);

    // Whether first_meeting and nearest may be asked: every value of the
    // claim is in one unit (unit()); a claim of mixed units is searched
    // value by value.
    [[nodiscard]] bool by_interval() const { return by_interval_; }
    [[nodiscard]] std::string_view unit() const { return unit_; }
    // The first value in file order (its place in the claim's values) whose
    // allowed interval (allowed_interval) may meet `r` and that `accept`
    // takes, or UINT32_MAX. "May meet": every value that overlaps() `r`,
    // and a few that only touch it; `accept` decides. `r` is in unit().
    // A figure that disagrees with the value in force was compared with
    // every value of the series, 25,000 of them in one test
    // (docs/performance.md part 35).
    template <typename Accept>
    [[nodiscard]] std::uint32_t first_meeting(const interval& r, Accept&& accept) const;
    // The first value in file order whose `value` lies nearest to `x`, a
    // finite number in unit(), or UINT32_MAX: what a search of every value
    // by |x - value| finds, the first of equal distances winning (values
    // that are not finite, or whose distance is not, are never nearest).
    [[nodiscard]] std::uint32_t nearest(double x) const;

private:
    void index_by_interval(const reference_claim& c);
    void fill_tree(std::size_t node, std::size_t first, std::size_t last,
                   const std::vector<interval>& allowed);
    template <typename Accept>
    void first_below(std::size_t node, std::size_t first, std::size_t last, std::size_t end, double low,
                     Accept& accept, std::uint32_t& best) const;

    friend const reference_value* value_in_force(const reference_claim&, const time_span&,
                                                 const series_index*);
    struct entry {
        time_span span;       // the days the value is in force
        std::uint32_t value;  // its place in the claim's values
    };
    std::vector<entry> by_start_;       // spans with a first day, by that day
    std::vector<day_number> reach_;     // reach_[k]: the last day of by_start_[0..k]'s spans
    std::vector<entry> without_start_;  // `until` and timeless values: from the start of time

    // The values by the low end of their allowed interval, and a tree over
    // that order (node 1 the root, node n's children 2n and 2n + 1, each
    // node a half of its parent's range) of the highest high end and the
    // first value in file order below each node: the values that can meet
    // [a, b] start at or below b and reach a, and a node whose first value
    // comes after the best found so far holds no better one.
    bool by_interval_ = false;
    std::string_view unit_;
    std::vector<std::uint32_t> by_low_;
    std::vector<double> lows_;
    std::vector<double> high_below_;
    std::vector<std::uint32_t> first_below_;
    std::size_t leaves_ = 0;
    // The claim's finite values, each once, ascending, and the first place
    // in the file of each.
    std::vector<double> distinct_values_;
    std::vector<std::uint32_t> first_of_value_;
    std::vector<std::uint32_t> unordered_;  // NaN bounds: overlaps() every interval, always offered
};

template <typename Accept>
std::uint32_t series_index::first_meeting(const interval& r, Accept&& accept) const {
    std::uint32_t best = UINT32_MAX;
    for (const std::uint32_t i : unordered_)
        if (i < best && accept(i)) best = i;
    const auto end =
        static_cast<std::size_t>(std::upper_bound(lows_.begin(), lows_.end(), r.high) - lows_.begin());
    if (end > 0) first_below(1, 0, leaves_, end, r.low, accept, best);
    return best;
}

template <typename Accept>
void series_index::first_below(std::size_t node, std::size_t first, std::size_t last, std::size_t end,
                               double low, Accept& accept, std::uint32_t& best) const {
    if (first >= end || high_below_[node] < low || first_below_[node] >= best) return;
    if (last - first == 1) {
        if (accept(by_low_[first])) best = by_low_[first];
        return;
    }
    const std::size_t middle = first + (last - first) / 2;
    // The half whose first value comes earlier first: what it finds prunes the other.
    if (first_below_[2 * node] <= first_below_[2 * node + 1]) {
        first_below(2 * node, first, middle, end, low, accept, best);
        first_below(2 * node + 1, middle, last, end, low, accept, best);
    } else {
        first_below(2 * node + 1, middle, last, end, low, accept, best);
        first_below(2 * node, first, middle, end, low, accept, best);
    }
}

// The value of a series in force over a span of time, or nullptr:
// `as of` carries forward until a later value; `in` holds for its span only.
// With the claim's series_index (built from this very claim), the same
// value found through it.
[[nodiscard]] const reference_value* value_in_force(const reference_claim& c, const time_span& when,
                                                    const series_index* index = nullptr);
// The newest value of a series by its time (for FL104), or nullptr.
[[nodiscard]] const reference_value* newest_value(const reference_claim& c);

}  // namespace factlint
