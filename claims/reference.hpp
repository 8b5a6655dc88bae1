// Reference claims: vetted facts loaded from *.claims files (SPEC §5).
#pragma once

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

private:
    friend const reference_value* value_in_force(const reference_claim&, const time_span&,
                                                 const series_index*);
    struct entry {
        time_span span;       // the days the value is in force
        std::uint32_t value;  // its place in the claim's values
    };
    std::vector<entry> by_start_;       // spans with a first day, by that day
    std::vector<day_number> reach_;     // reach_[k]: the last day of by_start_[0..k]'s spans
    std::vector<entry> without_start_;  // `until` and timeless values: from the start of time
};

// The value of a series in force over a span of time, or nullptr:
// `as of` carries forward until a later value; `in` holds for its span only.
// With the claim's series_index (built from this very claim), the same
// value found through it.
[[nodiscard]] const reference_value* value_in_force(const reference_claim& c, const time_span& when,
                                                    const series_index* index = nullptr);
// The newest value of a series by its time (for FL104), or nullptr.
[[nodiscard]] const reference_value* newest_value(const reference_claim& c);

}  // namespace factlint
