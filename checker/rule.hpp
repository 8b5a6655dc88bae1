// The rule table: one row per rule. Adding a rule touches its source file in
// checker/rules/, one row in rule_table.cpp, docs/rules/FLxxx.md and
// tests/rules/FLxxx/.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "checker/finding.hpp"
#include "claims/record.hpp"
#include "claims/store.hpp"
#include "reader/document.hpp"

namespace factlint {

struct check_options;
class verdict_memo;

// What a rule sees of one document: all its records, or for a rule that
// reads one sentence at a time a block of whole sentences' records (indices
// between records count from the start of the block).
struct rule_context {
    const document& doc;
    const std::vector<claim_record>& records;
    const claim_store& store;
    const check_options& options;
    std::size_t* examined = nullptr;  // records the rule judged, for --stats
    // The verdicts of `records` against the reference, shared by the rules
    // run on them (checker/reference_check.hpp); nullptr: each rule judges.
    verdict_memo* verdicts = nullptr;
};

// A rule calls this for each record (or statement) it actually judges, so
// --stats can show what each rule looked at.
inline void count_examined(const rule_context& ctx) {
    if (ctx.examined != nullptr) ++*ctx.examined;
}

using rule_function = void (*)(const rule_context&, std::vector<finding>&);
using record_filter = bool (*)(const claim_record&);

// How far apart the records a rule compares may be, which decides when the
// engine runs it and which records it keeps for it.
enum class rule_reach : std::uint8_t {
    sentence,  // one record, or one sentence's records: run on each block of sentences as it is read
    document,  // records anywhere in the document: run once, on the records its `keeps` selects
    files,     // records of other files (check_across_files), on the records its `keeps` selects
    findings,  // no records: the engine's own check of the suppressions
};

struct rule_info {
    std::string_view code;     // "FL101"
    std::string_view name;     // "value-mismatch"
    std::string_view summary;  // one line, for `factlint rules` and SARIF
    severity level;            // default severity
    rule_function run;         // nullptr for rules run across files or by the engine
    rule_reach reach;
    record_filter keeps;  // document and files reach: the only records it reads; else nullptr
};

[[nodiscard]] std::span<const rule_info> rule_table();
[[nodiscard]] const rule_info* find_rule(std::string_view code);

}  // namespace factlint
