// FL202 conflicting-dates: one document gives the same event (or the same
// start or end of a period) two dates that do not overlap.
#include <fmt/format.h>
#include <map>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

namespace {
std::string_view role_name(event_role r) {
    switch (r) {
        case event_role::start: return "start";
        case event_role::end: return "end";
        case event_role::date: return "date";
        case event_role::none: return "";
    }
    return "";
}

}  // namespace

bool comparable_date(const claim_record& r) {
    if (r.kind == record_kind::quantity || r.kind == record_kind::change || r.role == event_role::none)
        return false;
    if (!r.time || r.forecast || r.subject.empty()) return false;
    // Unmatched events are compared only on dates written out in full.
    return !r.claim_id.empty() || r.basis == time_basis::explicit_;
}

void conflicting_dates(const rule_context& ctx, std::vector<finding>& out) {
    std::map<std::string, std::vector<const claim_record*>> by_event;
    for (const claim_record& r : ctx.records) {
        if (!comparable_date(r)) continue;
        by_event[r.subject + "|" + std::string(role_name(r.role))].push_back(&r);
        count_examined(ctx);
    }
    for (const auto& [key, group] : by_event) {
        for (std::size_t j = 1; j < group.size(); ++j) {
            const claim_record& later = *group[j];
            for (std::size_t i = 0; i < j && i < max_compared; ++i) {
                const claim_record& earlier = *group[i];
                if (earlier.sentence_index == later.sentence_index || dates_agree(*earlier.time, *later.time))
                    continue;
                const auto at = ctx.doc.lines.locate(earlier.span.begin);
                const std::string what = later.claim_id.empty()
                                             ? fmt::format("\"{}\"", later.subject.substr(6))
                                             : std::string(later.claim_id);
                finding& f = emit(out, "FL202", later,
                                  fmt::format("\"{}\" gives the {} of {} as {}, but line {} gives {}",
                                              later.text, role_name(later.role), what, describe(*later.time),
                                              at.line, describe(*earlier.time)));
                related_location rel;
                rel.file = ctx.doc.path;
                rel.line = at.line;
                rel.column = at.column;
                rel.message =
                    fmt::format("the {} of {} given as \"{}\"", role_name(later.role), what, earlier.text);
                f.related.push_back(std::move(rel));
                f.fix = std::string(earlier.text);
                f.fingerprint =
                    fingerprint_of("FL202", key, static_cast<double>(later.time->from), later.time);
                break;
            }
        }
    }
}

}  // namespace factlint::rules
