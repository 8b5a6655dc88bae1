// Internal to the claims-file parser (grammar/claims_file*.cpp): the X3
// grammar of one line's structure, behind an X3-free face. Offsets are bytes
// into the line passed in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::grammar::claims_lines {

// What went wrong on a line, and where.
struct line_error {
    std::size_t offset = 0;
    std::string message;
};

// A line's indentation and its first word.
struct line_head {
    std::size_t indent = 0;    // bytes of leading blanks
    std::string_view keyword;  // into the line; empty when it does not start with a word
    std::size_t rest = 0;      // first byte after the keyword
};
[[nodiscard]] line_head read_head(std::string_view line);

struct phrase {
    std::string text;
    std::size_t offset = 0;  // the opening quote
};

// Each reader returns a value or sets `error`.
[[nodiscard]] std::optional<std::string> read_claim_id(std::string_view line, std::size_t from,
                                                       line_error& error);
// The phrases of a `name`, `where` or `source` line into `phrases` (its
// strings reused; true), or false and `error`.
[[nodiscard]] bool read_phrases(std::string_view line, std::size_t from, std::string_view keyword,
                                std::vector<phrase>& phrases, line_error& error);
// `tolerance P%`: the fraction (0.02 for 2%).
[[nodiscard]] std::optional<double> read_tolerance(std::string_view line, std::size_t from,
                                                   line_error& error);

// The byte where a `#` comment starts (outside quotes), or line.size().
[[nodiscard]] std::size_t comment_start(std::string_view line);

}  // namespace factlint::grammar::claims_lines
