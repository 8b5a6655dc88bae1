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
    std::string summary;       // one line
    severity level = severity::error;
};

struct run_summary {
    std::size_t files = 0;          // files checked
    std::size_t skipped = 0;        // files that could not be read
    std::size_t claims = 0;         // claim records extracted
    std::size_t errors = 0, warnings = 0, infos = 0;
};

struct report_input {
    std::span<const finding> findings;          // already in output order
    run_summary summary;
    std::span<const rule_description> rules;    // every rule, for SARIF's tool driver
    // The text of line `line` of `file` (no line ending), for underlining.
    std::function<std::optional<std::string>(const std::string& file, int line)> source_line;
    bool color = false;                         // text only
    std::string version;                        // factlint version
    std::string help_uri_base;                  // rule doc pages: base + "FL101.md"
    std::string information_uri;                // project home page (SARIF driver); may be empty
};

void write_report(output_format format, const report_input& in, std::ostream& out);

}  // namespace factlint
