// Internal to report/: the per-format writers and the helpers they share.
// Not included outside report/ and its tests (it pulls in nlohmann::json).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace factlint::report_detail {

void write_text(const report_input& in, std::ostream& out);
void write_json(const report_input& in, std::ostream& out);
void write_sarif(const report_input& in, std::ostream& out);
void write_github(const report_input& in, std::ostream& out);
void write_gcc(const report_input& in, std::ostream& out);

// A number for JSON output: whole values within 2^53 become integers (so
// 2500 prints as 2500, not 2500.0); infinities and NaN become null.
[[nodiscard]] nlohmann::ordered_json json_number(double v);

// One-line JSON text; invalid UTF-8 in strings is replaced (U+FFFD) rather
// than throwing, so bad input never aborts a report.
[[nodiscard]] std::string dump_json(const nlohmann::ordered_json& j, int indent = -1);

// Number of UTF-8 characters (code points) in `s`.
[[nodiscard]] std::size_t utf8_length(std::string_view s);

// Byte offset of the 1-based character column `column` in `line`; a column
// past the end maps to line.size().
[[nodiscard]] std::size_t utf8_offset(std::string_view line, int column);

// "1 error", "2 errors".
[[nodiscard]] std::string plural(std::size_t n, std::string_view singular, std::string_view plural_form);

}  // namespace factlint::report_detail
