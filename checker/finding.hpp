// A finding: what every rule produces and every output format renders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/record.hpp"

namespace factlint {

enum class severity { info, warning, error };
[[nodiscard]] std::string_view severity_name(severity s);

struct related_location {
    std::string file;
    int line = 0;
    int column = 0;  // 0 when only the line is known (a claims file entry)
    int end_line = 0;
    int end_column = 0;
    std::string message;
};

struct finding {
    std::string code;  // "FL101"
    std::string name;  // "value-mismatch"
    severity level = severity::error;
    std::string file;
    byte_span span;                                          // in the file's bytes, for underlining
    int line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based; end column exclusive
    std::string message;
    std::vector<std::string> notes;  // extra "note:" lines in text output
    std::vector<related_location> related;
    std::optional<std::string> fix;  // replacement text for the span
    // Stable identity for baselines and SARIF partialFingerprints: rule, claim
    // or subject, normalized value and time; never a line number.
    std::string fingerprint;
};

}  // namespace factlint
