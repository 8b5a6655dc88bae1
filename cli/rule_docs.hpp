// Rule doc pages (docs/rules/FLxxx.md), embedded in the binary at build time
// by cli/embed_docs.cmake.
#pragma once

#include <span>
#include <string_view>

namespace factlint::cli {

struct embedded_doc {
    std::string_view code;  // the file name without ".md": "FL101"
    std::string_view text;  // the page, as written
};

// Every page, sorted by file name.
[[nodiscard]] std::span<const embedded_doc> embedded_rule_docs();
[[nodiscard]] const embedded_doc* find_rule_doc(std::string_view code);

}  // namespace factlint::cli
