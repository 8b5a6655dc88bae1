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

// The first word of a line: anything up to a blank or a quote, so that
// "claim1" is reported whole as an unknown keyword. Inline: it runs once
// per line.
[[nodiscard]] inline line_head read_head(std::string_view line) {
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t p = 0;
    while (p < line.size() && blank(line[p])) ++p;
    line_head head;
    head.indent = p;
    while (p < line.size() && !blank(line[p]) && line[p] != '"') ++p;
    head.rest = p;
    head.keyword = line.substr(head.indent, head.rest - head.indent);
    return head;
}

// A phrase as written between its quotes, and its text: the same bytes
// unless it has escapes (`\"`, `\\`), which `unescaped` holds resolved.
struct phrase {
    std::string_view raw;   // into the line
    std::string unescaped;  // when `escaped`; its memory kept across lines
    bool escaped = false;
    std::size_t offset = 0;  // the opening quote
    [[nodiscard]] std::string_view text() const { return escaped ? std::string_view(unescaped) : raw; }
};

// Each reader returns a value or sets `error`.
// The claim id (a view of `line`) and nothing but blanks after it.
[[nodiscard]] std::optional<std::string_view> read_claim_id(std::string_view line, std::size_t from,
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
