// Microsoft Recognizers-Text English spec files, read into plain cases.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/conformance/harness.hpp"

namespace factlint::conformance {

struct rt_result {
    std::string text;           // as in the spec (often lower case)
    std::string lowered;        // the input's own bytes over the span, lower case
    std::string type;           // "number", "currency", "datetimeV2.date", "daterange", …
    std::size_t begin = 0;      // bytes into the input
    std::size_t end = 0;        // exclusive
    nlohmann::json resolution;  // null for extractor files
};

struct rt_case {
    std::string input;
    std::string lowered_input;
    std::optional<time_span> reference_date;  // Context.ReferenceDateTime, day grain
    std::string not_supported;                // lower case
    std::string not_supported_by_design;      // lower case
    std::vector<rt_result> results;           // empty: a negative case
};

// Model files (Start/End inclusive) and extractor files (Start/Length) alike.
[[nodiscard]] std::vector<rt_case> read_recognizers_file(const std::filesystem::path& p);

// Common exclusion: .NET is the reference implementation; a case its own
// authors mark as failing on .NET is not a fair test.
[[nodiscard]] bool not_supported_on_dotnet(const rt_case& c);

// Is any expected result's text (lower case) matched by the pattern?
[[nodiscard]] bool any_result_text(const rt_case& c, const char* pattern);

suite_score run_number_model(const std::filesystem::path& file);
suite_score run_percent_model(const std::filesystem::path& file);
suite_score run_currency_model(const std::filesystem::path& file);
suite_score run_dimension_model(const std::filesystem::path& file);
suite_score run_date_extractor(const std::filesystem::path& file, std::string name);
suite_score run_datetime_model(const std::filesystem::path& file);

}  // namespace factlint::conformance
