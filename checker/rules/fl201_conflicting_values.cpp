// FL201 conflicting-values: one document states the same figure twice, for
// overlapping times, with values that cannot both be true.
#include <fmt/format.h>
#include <map>

#include "checker/reference_check.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"
#include "claims/unit.hpp"

namespace factlint::rules {

void conflicting_values(const rule_context& ctx, std::vector<finding>& out) {
    std::map<std::string, std::vector<const claim_record*>> by_subject;
    for (const claim_record& r : ctx.records)
        if (comparable_figure(r))
            by_subject[r.subject + "|" + std::string(dimension_of(r.unit))].push_back(&r);
    for (const auto& [key, group] : by_subject)
        if (group.size() > 1)
            for (std::size_t k = 0; k < group.size(); ++k) count_examined(ctx);
    const line_index& lines = ctx.doc.lines;
    for (auto& [subject, group] : by_subject) {
        // Where a reference judges a figure, FL1xx says which one is wrong.
        if (group.size() > 1)
            std::erase_if(group, [&](const claim_record* r) {
                return judge_value(*r, ctx.store).what != reference_verdict::kind::not_compared;
            });
        for (std::size_t j = 1; j < group.size(); ++j) {
            const claim_record& later = *group[j];
            for (std::size_t i = 0; i < j && i < max_compared; ++i) {
                const claim_record& earlier = *group[i];
                if (earlier.sentence_index == later.sentence_index)
                    continue;  // a change statement's two ends
                if (!same_time(*earlier.time, *later.time)) continue;
                const interval a = range_in(earlier, later.unit);
                if (!disjoint(a, later.range)) continue;
                const auto at = lines.locate(earlier.span.begin);
                finding& f = emit(
                    out, "FL201", later,
                    fmt::format("\"{}\" for {} conflicts with \"{}\" on line {} (stated {} vs {})",
                                later.text, describe(*later.time), earlier.text, at.line,
                                format_interval_like(later, later.range), format_interval_like(later, a)));
                related_location rel;
                rel.file = ctx.doc.path;
                rel.line = at.line;
                rel.column = at.column;
                rel.message = fmt::format("the same figure stated as \"{}\"", earlier.text);
                f.related.push_back(std::move(rel));
                f.fingerprint = fingerprint_of("FL201", later.subject, later.value, later.time);
                break;
            }
        }
    }
}

}  // namespace factlint::rules
