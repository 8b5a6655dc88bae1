// The reference claims file format (SPEC §5), parsed with the same X3
// grammars as prose.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claims/reference.hpp"
#include "claims/storage.hpp"

namespace factlint::grammar {

namespace claims_quantity {
class shapes;
}

struct claims_file_error {
    source_location where;  // file, 1-based line and column of the offending text
    std::string message;    // "expected a quoted name after `name`"
    std::string line_text;  // the whole line, for the caret display
};

// A claim id as a piece of a file defines it, for the judgement of
// duplicates across pieces (claims_set_parser::parse_piece).
struct defined_id {
    std::string_view id;         // in the file's content
    int line = 0, column = 0;    // of the id
    std::string_view line_text;  // the `claim` line
    std::uint32_t claim = none;  // its place in the piece's claims, or none when left out
    static constexpr std::uint32_t none = UINT32_MAX;
};

struct claims_file {
    std::vector<reference_claim> claims;      // views into `storage`: keep it as long as them
    std::unique_ptr<claims_storage> storage;  // the content, phrases and values the claims view
    std::vector<claims_file_error> errors;    // empty when the file is valid
    std::vector<defined_id> ids;              // a piece's: every claim id, in order
};

// Where a file's content may be cut into about `pieces` parts of near equal
// size that parse apart as they parse together: the start of each part,
// the first 0. A part starts on a line that opens a claim (`claim` and a
// blank at the start of a line), which closes whatever claim came before
// it; nothing else carries from one line to the next. Fewer parts when
// such lines are fewer.
[[nodiscard]] std::vector<std::size_t> piece_starts(std::string_view content, std::size_t pieces);

// The number of '\n' bytes in `text`: the lines before a piece, which
// numbers the piece's first line.
[[nodiscard]] std::size_t newlines_in(std::string_view text);

// Parses one file's content. Checks inside one file: syntax, id form,
// duplicate ids, mixed unit dimensions in one claim, overlapping scopes with
// disjoint values, period end before start, impossible dates. The content
// is kept in the result's storage.
[[nodiscard]] claims_file parse_claims_file(std::string_view path, std::string content);

// Parses the files of one claims set in turn, as parse_claims_file does
// each. What the grammar read for the shapes of value texts ("$9.9
// million", "about 99.9%") in one file is reused in the next: a set of
// many small files reads each shape once. Each file's result is its own,
// viewing only its own storage.
class claims_set_parser {
public:
    claims_set_parser();
    ~claims_set_parser();
    claims_set_parser(const claims_set_parser&) = delete;
    claims_set_parser& operator=(const claims_set_parser&) = delete;

    [[nodiscard]] claims_file parse(std::string_view path, std::string content);
    // The part of `whole.content` from `begin` to `end` (piece_starts), whose
    // first line is line `first_line` of the file, as parse would read it,
    // but for duplicate ids: these are left to the caller, who sees every
    // piece, and every id is listed in `ids`. The claims view `whole`'s
    // path and content; the result's storage continues_previous.
    [[nodiscard]] claims_file parse_piece(const claims_storage& whole, std::size_t begin, std::size_t end,
                                          int first_line);

private:
    std::unique_ptr<claims_quantity::shapes> shapes_;
};

// What an id defined again is told: "duplicate claim id `ID`, first defined
// at FILE:LINE:COL", alike within a file, across the pieces of one
// (checker/claims_parse.cpp) and across files (checker/claims_loader.cpp).
[[nodiscard]] std::string duplicate_id_message(std::string_view id, std::string_view first_file,
                                               int first_line, int first_column);

// "FILE:LINE:COL: error: MESSAGE", the line, and a caret under the column.
[[nodiscard]] std::string format_error(const claims_file_error& e);

}  // namespace factlint::grammar
