// Hand-made findings that exercise every output format: shared by the
// report unit tests and the SARIF schema-validation program (tests/sarif.cmake).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace factlint::samples {

inline std::vector<finding> report_findings() {
    std::vector<finding> out;

    finding mismatch;  // an error with a note, a related location, a fix and a fingerprint
    mismatch.code = "FL101";
    mismatch.name = "value-mismatch";
    mismatch.level = severity::error;
    mismatch.file = "draft.md";
    mismatch.line = 3, mismatch.column = 18, mismatch.end_line = 3, mismatch.end_column = 41;
    mismatch.message = "about 2,500 U.S. troops does not match the reference value 3,100 (2024)";
    mismatch.notes = {"reference troops-abroad: 3,100 in 2024 (source: ministry report)"};
    mismatch.related = {{"facts/world.claims", 12, 0, 0, 0, "reference claim troops-abroad"}};
    mismatch.fix = "about 3,100 U.S. troops";
    mismatch.fingerprint = "FL101/troops-abroad/2500/2024";
    out.push_back(mismatch);

    finding stale;  // a warning after multibyte characters, related to another sentence
    stale.code = "FL104";
    stale.name = "stale-value";
    stale.level = severity::warning;
    stale.file = "draft.md";
    stale.line = 5, stale.column = 13, stale.end_line = 5, stale.end_column = 24;
    stale.message = "roughly 40% is the 2022 figure; 45% is newer (2024)";
    stale.related = {{"draft.md", 2, 5, 2, 8, "the newer figure is stated here"}};
    stale.fingerprint = "FL104/share-online/40";
    out.push_back(stale);

    finding relative;  // an info spanning two lines after a tab; a message for escaping
    relative.code = "FL302";
    relative.name = "unresolved-relative-date";
    relative.level = severity::info;
    relative.file = "draft.md";
    relative.line = 7, relative.column = 15, relative.end_line = 8, relative.end_column = 4;
    relative.message = "\"last year\" cannot be resolved: no document date, 100% unknown,\nset --as-of";
    out.push_back(relative);

    finding conflict;  // an odd file name, no source line available
    conflict.code = "FL201";
    conflict.name = "conflicting-values";
    conflict.level = severity::warning;
    conflict.file = "notes/a,b: c.md";
    conflict.line = 1, conflict.column = 1, conflict.end_line = 1, conflict.end_column = 5;
    conflict.message = "1200 conflicts with 1,500 on line 9";
    conflict.related = {{"notes/a,b: c.md", 9, 10, 9, 15, "the other value"}};
    conflict.fix = "";
    out.push_back(conflict);
    return out;
}

inline std::vector<rule_description> report_rules() {
    return {
        {"FL101", "value-mismatch", "A value disagrees with the reference", severity::error},
        {"FL104", "stale-value", "A present-tense value is out of date", severity::warning},
        {"FL201", "conflicting-values", "One document states two values", severity::error},
        {"FL302", "unresolved-relative-date", "A relative date has no anchor", severity::info},
    };
}

// The source lines the text format quotes.
inline std::optional<source_text> report_source_line(const finding& f) {
    const std::string& file = f.file;
    const int line = f.line;
    static const std::map<std::pair<std::string, int>, std::string> lines{
        {{"draft.md", 3}, "Today the US has about 2,500 U.S. troops in the region."},
        {{"draft.md", 5}, "Über café — roughly 40% of orders are online."},
        {{"draft.md", 7}, "Spending rose\tlast year to"},
        {{"draft.md", 8}, "$4 million."},
    };
    const auto it = lines.find({file, line});
    if (it == lines.end()) return std::nullopt;
    return it->second;
}

inline report_input report_sample_input(const std::vector<finding>& findings,
                                        const std::vector<rule_description>& rules) {
    report_input in;
    in.findings = findings;
    in.rules = rules;
    in.summary.files = 2;
    in.summary.claims = 15;
    in.summary.errors = 1;
    in.summary.warnings = 2;
    in.summary.infos = 1;
    in.source_line = report_source_line;
    in.version = "0.1.0";
    in.help_uri_base = "https://example.org/factlint/docs/rules/";
    in.information_uri = "https://example.org/factlint";
    return in;
}

}  // namespace factlint::samples
