// The conformance harness: factlint's grammars measured against third-party
// suites read from ../shared/conformance at run time (never copied here).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "claims/time.hpp"

namespace factlint::conformance {

// One case factlint got wrong, for the failure lists the grammar authors read.
struct failure {
    std::string input;
    std::string expected;
    std::string got;
};

// The score of one suite or model: the cases in scope, those right, and the
// cases left out, counted per named exclusion category.
struct suite_score {
    std::string name;
    int in_scope = 0;
    int right = 0;
    std::map<std::string, int> excluded;
    int all_cases = 0;  // every case but those not supported on .NET, scope ignored
    int all_right = 0;
    std::vector<failure> failures;
    std::vector<failure> exclusions;       // category in `expected`, for reviewing the scope
    std::vector<failure> false_positives;  // matches where the suite marks nothing (TempEval)
    std::string note;                      // extra figures printed under the table

    [[nodiscard]] double share() const { return in_scope == 0 ? 0.0 : double(right) / in_scope; }
};

// A named reason to leave a case out of scope; the name is what the score
// table prints, the reason is for the reader of docs/conformance.md.
template <typename Case>
struct exclusion_rule {
    std::string_view name;
    bool (*applies)(const Case&);
};

// The first rule that applies to `c`, or nullptr: a case is counted under
// exactly one category, the first in the list.
template <typename Case>
const exclusion_rule<Case>* first_exclusion(const std::vector<exclusion_rule<Case>>& rules, const Case& c) {
    for (const auto& rule : rules)
        if (rule.applies(c)) return &rule;
    return nullptr;
}

// ---- helpers (harness.cpp) --------------------------------------------------

[[nodiscard]] std::string read_text_file(const std::filesystem::path& p);
// Parses a JSON file, skipping a UTF-8 byte-order mark if present.
[[nodiscard]] nlohmann::json read_json_file(const std::filesystem::path& p);
[[nodiscard]] std::string lower_ascii(std::string_view s);
[[nodiscard]] bool contains_word_regex(std::string_view lowered_text, const char* ecmascript_pattern);

// Recognizers-Text offsets are .NET string indices (UTF-16 code units); ours
// are bytes. Byte offset of each UTF-16 index 0..length (inclusive).
[[nodiscard]] std::vector<std::size_t> utf16_to_byte_offsets(std::string_view utf8);

// Does `a` equal `b` within a relative tolerance of 1e-9 (absolute near 0)?
[[nodiscard]] bool same_number(double a, double b);

[[nodiscard]] std::string quoted_span(std::string_view text, std::size_t begin, std::size_t end);

// Counts an excluded case under its category and keeps it for review.
void exclude(suite_score& s, std::string_view category, std::string_view input);

// Writes <dir>/<name>.txt with one block per failure and
// <dir>/<name>.excluded.txt with each excluded case and its category.
void write_failures(const std::filesystem::path& dir, const suite_score& s);

}  // namespace factlint::conformance
