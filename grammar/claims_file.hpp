// The reference claims file format (SPEC §5), parsed with the same X3
// grammars as prose.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claims/reference.hpp"
#include "claims/storage.hpp"

namespace factlint::grammar {

struct claims_file_error {
    source_location where;  // file, 1-based line and column of the offending text
    std::string message;    // "expected a quoted name after `name`"
    std::string line_text;  // the whole line, for the caret display
};

struct claims_file {
    std::vector<reference_claim> claims;      // views into `storage`: keep it as long as them
    std::unique_ptr<claims_storage> storage;  // the content, phrases and values the claims view
    std::vector<claims_file_error> errors;    // empty when the file is valid
};

// Parses one file's content. Checks inside one file: syntax, id form,
// duplicate ids, mixed unit dimensions in one claim, overlapping scopes with
// disjoint values, period end before start, impossible dates. The content
// is kept in the result's storage.
[[nodiscard]] claims_file parse_claims_file(std::string_view path, std::string content);

// "FILE:LINE:COL: error: MESSAGE", the line, and a caret under the column.
[[nodiscard]] std::string format_error(const claims_file_error& e);

}  // namespace factlint::grammar
