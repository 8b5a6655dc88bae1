// Internal to report/: the per-format writers and the helpers they share.
// Not included outside report/ and its tests (it pulls in nlohmann::json).
#pragma once

#include <cstddef>
#include <functional>
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

// Writes `doc` as dump_json(doc, indent) would, with the one value in it
// that is the string array_placeholder replaced by an array of `count`
// elements, element(i) each: one element's JSON built and written at a
// time, not the whole report's (80,000 findings took 1 GB as one SARIF
// document). `depth` is the placeholder's nesting depth (2: a member of an
// object in an array).
inline constexpr std::string_view array_placeholder = "\x01";
void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& doc, int indent, int depth,
                           std::size_t count,
                           const std::function<nlohmann::ordered_json(std::size_t)>& element);

// Number of UTF-8 characters (code points) in `s`.
[[nodiscard]] std::size_t utf8_length(std::string_view s);

// Byte offset of the 1-based character column `column` in `line`; a column
// past the end maps to line.size().
[[nodiscard]] std::size_t utf8_offset(std::string_view line, int column);

// "1 error", "2 errors".
[[nodiscard]] std::string plural(std::size_t n, std::string_view singular, std::string_view plural_form);

}  // namespace factlint::report_detail
