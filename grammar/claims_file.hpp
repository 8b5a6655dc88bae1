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

namespace claims_quantity {
class shapes;
}

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

private:
    std::unique_ptr<claims_quantity::shapes> shapes_;
};

// "FILE:LINE:COL: error: MESSAGE", the line, and a caret under the column.
[[nodiscard]] std::string format_error(const claims_file_error& e);

}  // namespace factlint::grammar
