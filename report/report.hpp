// Rendering findings: text, json, sarif, github, gcc (SPEC §8). Every format
// renders the same records.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checker/finding.hpp"

namespace factlint {

enum class output_format { text, json, sarif, github, gcc };
[[nodiscard]] std::optional<output_format> parse_output_format(std::string_view name);

struct rule_description {
    std::string code;
    std::string name;
    std::string summary;  // one line
    severity level = severity::error;
};

struct run_summary {
    std::size_t files = 0;    // files checked
    std::size_t skipped = 0;  // files that could not be read
    std::size_t claims = 0;   // claim records extracted
    std::size_t errors = 0, warnings = 0, infos = 0;
};

// The text quoted under a finding: its source line, or around the finding
// a stretch of a long line (a file can be one line of megabytes, with a
// finding every few words: quoting it whole would be quadratic).
struct source_text {
    source_text() = default;
    source_text(std::string line) : text(std::move(line)) {}  // NOLINT: a whole line converts
    std::string text;
    int first_column = 1;     // column of text's first character on its line
    bool cut_before = false;  // the line goes on before text…
    bool cut_after = false;   // …or after it
};

struct report_input {
    std::span<const finding> findings;  // already in output order
    run_summary summary;
    std::span<const rule_description> rules;  // every rule, for SARIF's tool driver
    // The text of the finding's line (no line ending), or a stretch of it
    // around the finding, for underlining.
    std::function<std::optional<source_text>(const finding& f)> source_line;
    bool color = false;           // text only
    std::string version;          // factlint version
    std::string help_uri_base;    // rule doc pages: base + "FL101.md"
    std::string information_uri;  // project home page (SARIF driver); may be empty
};

void write_report(output_format format, const report_input& in, std::ostream& out);

}  // namespace factlint
