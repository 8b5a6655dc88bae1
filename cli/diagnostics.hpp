// Errors the command line reports before any checking starts (config
// files, missing inputs), in the one form editors and CI parse:
// "FILE:LINE:COL: error: MESSAGE" (or "warning:" for what does not stop a run).
#pragma once

#include <string>

namespace factlint::cli {

struct located_error {
    std::string file;
    int line = 1;  // 1-based; a whole-file error points at 1:1
    int column = 1;
    std::string message;
};

[[nodiscard]] inline std::string format_located(const located_error& e, const char* level = "error") {
    // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive)
    // on a chain of operator+ over std::string temporaries.
    std::string out = e.file;
    out += ':';
    out += std::to_string(e.line < 1 ? 1 : e.line);
    out += ':';
    out += std::to_string(e.column < 1 ? 1 : e.column);
    out += ": ";
    out += level;
    out += ": ";
    out += e.message;
    return out;
}

}  // namespace factlint::cli
