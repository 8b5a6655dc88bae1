#include "checker/engine.hpp"

#include <algorithm>
#include <map>

#include "checker/rule.hpp"
#include "checker/rule_support.hpp"
#include "checker/suppression.hpp"

namespace factlint {

bool rule_selected(std::string_view code, const check_options& options) {
    auto matches = [&](const std::string& pattern) { return code.starts_with(pattern); };
    if (!options.select.empty() && std::none_of(options.select.begin(), options.select.end(), matches))
        return false;
    return std::none_of(options.ignore.begin(), options.ignore.end(), matches);
}

void place_finding(finding& f, const std::string& file, const line_index& lines,
                   const check_options& options) {
    const rule_info* rule = find_rule(f.code);
    if (rule != nullptr) {
        f.name = rule->name;
        f.level = rule->level;
    }
    if (const auto o = options.severity_overrides.find(f.code); o != options.severity_overrides.end())
        f.level = o->second;
    f.file = file;
    const auto start = lines.locate(f.span.begin);
    const auto end = lines.locate(f.span.end);
    f.line = start.line;
    f.column = start.column;
    f.end_line = end.line;
    f.end_column = end.column;
    for (related_location& r : f.related)
        if (r.file.empty()) r.file = file;
}

namespace {
// Runs of digits (with their separators) that start a word: "2,500" is one.
std::size_t digit_runs(std::string_view text) {
    std::size_t runs = 0;
    bool in_run = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool digit = c >= '0' && c <= '9';
        const bool joins = in_run && (c == ',' || c == '.') && i + 1 < text.size() && text[i + 1] >= '0' &&
                           text[i + 1] <= '9';
        if (digit && !in_run) ++runs;
        in_run = digit || joins;
    }
    return runs;
}

bool by_position(const finding& a, const finding& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
}
}  // namespace

file_result check_document(const document& doc, const claim_store& store, const check_options& options) {
    file_result result;
    result.path = doc.path;
    result.records = extract_records(doc, store, options);
    // Locating every record cost 4% of a check; FL205 places only these.
    result.record_starts.resize(result.records.size());
    result.record_ends.resize(result.records.size());
    for (std::size_t i = 0; i < result.records.size(); ++i) {
        if (!comparable_figure(result.records[i])) continue;
        result.record_starts[i] = doc.lines.locate(result.records[i].span.begin);
        result.record_ends[i] = doc.lines.locate(result.records[i].span.end);
    }

    for (const rule_info& rule : rule_table()) {
        if (rule.run == nullptr || !rule_selected(rule.code, options)) continue;
        std::size_t examined = 0;
        const rule_context ctx{doc, result.records, store, options, &examined};
        rule.run(ctx, result.findings);
        result.examined[std::string(rule.code)] = examined;
    }
    if (options.count_numbers) {
        for (const sentence& s : doc.sentences) result.numbers_seen += digit_runs(s.text);
        for (const claim_record& r : result.records)
            if (r.kind != record_kind::change) result.numbers_read += digit_runs(r.text);
    }
    for (finding& f : result.findings) place_finding(f, doc.path, doc.lines, options);
    if (options.inline_ignores) apply_suppressions(doc, result.findings, rule_selected("FL901", options));
    for (finding& f : result.findings) place_finding(f, doc.path, doc.lines, options);
    std::sort(result.findings.begin(), result.findings.end(), by_position);
    return result;
}

}  // namespace factlint
