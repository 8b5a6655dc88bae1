// Internal to the claims-file parser: reading `value`, `date` and `period`
// lines with the prose grammars, and the checks on a whole claim.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/reference.hpp"
#include "grammar/claims_file_lines.hpp"
#include "grammar/claims_file_quantity.hpp"

namespace factlint::grammar::claims_values {

using claims_lines::line_error;

// `value Q [TIME]`: `text` is the line from the byte `from` on (comment
// removed); error offsets are bytes into `line`. `quantities` remembers
// the shapes of the file's quantities. Read into `out`, a value as
// default-made (the parser's flat array makes its room first: no copy of
// the value on its way there); false on an error, `out` then partly
// written.
[[nodiscard]] bool read_value(std::string_view line, std::size_t from, claims_quantity::reader& quantities,
                              reference_value& out, line_error& error);
// `date D`.
[[nodiscard]] std::optional<time_span> read_event_date(std::string_view line, std::size_t from,
                                                       line_error& error);
// `period D to D|present`.
[[nodiscard]] std::optional<time_span> read_period(std::string_view line, std::size_t from,
                                                   line_error& error);

// The span a value's own words state (not the `as of` carry-forward), used
// to find values of one claim that contradict each other.
[[nodiscard]] time_span stated_span(const reference_value& v);

}  // namespace factlint::grammar::claims_values
