// Reference claims: vetted facts loaded from *.claims files (SPEC §5).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// The value of a series in force over a span of time, or nullptr:
// `as of` carries forward until a later value; `in` holds for its span only.
[[nodiscard]] const reference_value* value_in_force(const reference_claim& c, const time_span& when);
// The newest value of a series by its time (for FL104), or nullptr.
[[nodiscard]] const reference_value* newest_value(const reference_claim& c);

}  // namespace factlint
