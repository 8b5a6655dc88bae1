// FL104 stale-value: a present-tense figure repeats an older value of a
// series that has a newer one.
#include <fmt/format.h>

#include "checker/reference_check.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"
#include "claims/unit.hpp"

namespace factlint::rules {

void stale_value(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        const reference_verdict v = judge(ctx, r);
        if (v.what != reference_verdict::kind::not_compared && r.basis == time_basis::document)
            count_examined(ctx);
        if (v.what != reference_verdict::kind::stale) continue;
        const reference_claim& c = *v.claim;
        finding& f = emit(
            out, "FL104", r,
            fmt::format("\"{}\" is stated as current, but it is the value of {} {}; the newer "
                        "value is {}",
                        r.text, c.id, describe_reference(c, *v.matched), describe_reference(c, *v.expected)));
        f.related.push_back(
            reference_location(c, v.expected->where, "newer value " + std::string(v.expected->text)));
        add_source_note(f, c);
        if (const auto in_units = convert(v.expected->value, v.expected->unit, r.unit))
            f.fix = r.hedge_text.empty() ? format_like(r, *in_units)
                                         : fmt::format("{} {}", r.hedge_text, format_like(r, *in_units));
        f.fingerprint = fingerprint_of("FL104", c.id, r.value, r.time);
    }
}

}  // namespace factlint::rules
