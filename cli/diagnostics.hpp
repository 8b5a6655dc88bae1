// Errors the command line reports before any checking starts (config
// files, missing inputs), in the one form editors and CI parse:
// "FILE:LINE:COL: error: MESSAGE".
#pragma once

#include <string>

namespace factlint::cli {

struct located_error {
    std::string file;
    int line = 1;  // 1-based; a whole-file error points at 1:1
    int column = 1;
    std::string message;
};

[[nodiscard]] inline std::string format_located(const located_error& e) {
    return e.file + ":" + std::to_string(e.line < 1 ? 1 : e.line) + ":" +
           std::to_string(e.column < 1 ? 1 : e.column) + ": error: " + e.message;
}

}  // namespace factlint::cli
