// Printing claim records for `factlint extract` (SPEC §3): one JSON object
// per line, fields in the order of the spec.
#pragma once

#include <ostream>
#include <string>

#include "claims/record.hpp"
#include "reader/document.hpp"

namespace factlint {

// Writes `r`, found in `file` whose positions `lines` maps, as one line of
// JSON. Columns are 1-based UTF-8 characters; end_column is exclusive.
// date/period records have no value/low/high/unit keys; change records add
// "change": {"direction", "percent", "points"}.
void write_record_jsonl(const claim_record& r, const std::string& file, const line_index& lines,
                        std::ostream& out);
// The same line (its '\n' included), appended to `out`.
void append_record_jsonl(const claim_record& r, const std::string& file, const line_index& lines,
                         std::string& out);

}  // namespace factlint
