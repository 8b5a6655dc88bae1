// FL205 conflicting-across-files: two documents state the same figure (same
// reference claim or subject), for the same time, with values that cannot
// both hold. An index by subject keeps this linear in the number of figures.
#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "checker/engine.hpp"
#include "checker/rule.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"
#include "claims/huge_pages.hpp"
#include "claims/unit.hpp"

namespace factlint {

// Across articles, a small count of one subject is seldom the same fact
// ("two Brit Awards", "15 Brit awards" in two articles).
bool rules::comparable_across_files(const claim_record& r) {
    return comparable_figure(r) && (!r.claim_id.empty() || r.unit != "count" || r.value >= 1000);
}

void place_finding(finding& f, const std::string& file, const line_index& lines,
                   const check_options& options);

namespace {

struct figure_ref {
    std::size_t file;
    std::size_t record;
};

}  // namespace

void keep_for_across_files(file_result& result, const check_options& options, bool other_files) {
    // Alone, a file is compared with nothing: a 50 MB input's records
    // were copied for no reader (380 page faults).
    const bool compared = other_files && rule_selected("FL205", options);
    auto kept = [&](const claim_record& r) { return compared && rules::comparable_across_files(r); };
    const auto count =
        static_cast<std::size_t>(std::count_if(result.kept_records.begin(), result.kept_records.end(), kept));
    std::vector<claim_record> records;
    std::vector<line_index::position> starts, ends;
    reserve_huge(records, count);
    reserve_huge(starts, count);
    reserve_huge(ends, count);
    std::size_t word_bytes = 0;
    for (std::size_t i = 0; i < result.kept_records.size(); ++i) {
        claim_record& r = result.kept_records[i];
        if (!kept(r)) continue;
        word_bytes += r.text.size() + r.noun.size();
        records.push_back(std::move(r));
        starts.push_back(result.record_starts[i]);
        ends.push_back(result.record_ends[i]);
    }
    // Fresh vectors of their own size: the old ones' blocks go back to the
    // allocator for the next file.
    result.kept_records = std::move(records);
    result.record_starts = std::move(starts);
    result.record_ends = std::move(ends);
    if (count == 0) {
        result.kept_words.reset();
        return;
    }
    // One chunk of their size; the words copied as the records were kept
    // (result.kept_words until now) are read from there, then freed.
    auto words = std::make_unique<text_store>(word_bytes);
    words->reserve(word_bytes);
    for (claim_record& r : result.kept_records) {
        r.text = words->keep(r.text);
        r.noun = words->keep(r.noun);
    }
    result.kept_words = std::move(words);
}

void check_across_files(std::span<file_result> results, const claim_store&, const check_options& options) {
    if (results.size() < 2 || !rule_selected("FL205", options)) return;
    std::unordered_map<std::string, std::vector<figure_ref>> by_subject;
    for (std::size_t f = 0; f < results.size(); ++f)
        for (std::size_t i = 0; i < results[f].kept_records.size(); ++i)
            if (const claim_record& r = results[f].kept_records[i]; rules::comparable_across_files(r))
                by_subject[r.subject + "|" + std::string(dimension_of(r.unit))].push_back({f, i});

    const rule_info* rule = find_rule("FL205");
    for (auto& [subject, figures] : by_subject) {
        for (std::size_t j = 1; j < figures.size(); ++j) {
            const figure_ref later = figures[j];
            const claim_record& b = results[later.file].kept_records[later.record];
            for (std::size_t i = 0; i < j && i < max_compared; ++i) {
                const figure_ref earlier = figures[i];
                if (earlier.file == later.file) continue;
                const claim_record& a = results[earlier.file].kept_records[earlier.record];
                if (!same_time(*a.time, *b.time)) continue;
                const interval ra = range_in(a, b.unit);
                if (!disjoint(ra, b.range)) continue;
                const auto at = results[earlier.file].record_starts[earlier.record];
                finding f;
                f.code = "FL205";
                f.name = rule->name;
                f.level = rule->level;
                f.span = b.span;
                f.file = results[later.file].path;
                f.line = results[later.file].record_starts[later.record].line;
                f.column = results[later.file].record_starts[later.record].column;
                f.end_line = results[later.file].record_ends[later.record].line;
                f.end_column = results[later.file].record_ends[later.record].column;
                f.message =
                    fmt::format("\"{}\" for {} conflicts with \"{}\" in {}:{} (stated {} vs {})", b.text,
                                describe(*b.time), a.text, results[earlier.file].path, at.line,
                                format_interval_like(b, b.range), format_interval_like(b, ra));
                if (const auto o = options.severity_overrides.find("FL205");
                    o != options.severity_overrides.end())
                    f.level = o->second;
                related_location rel;
                rel.file = results[earlier.file].path;
                rel.line = at.line;
                rel.column = at.column;
                rel.message = fmt::format("the same figure stated as \"{}\"", a.text);
                f.related.push_back(std::move(rel));
                f.fingerprint = fingerprint_of("FL205", b.subject, b.value, b.time);
                results[later.file].findings.push_back(std::move(f));
                break;
            }
        }
    }
}

}  // namespace factlint
