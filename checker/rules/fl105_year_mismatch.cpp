// FL105 year-mismatch: a figure is right for another year than the one it
// is given for ("$8.5 billion in 2022" when that was the 2023 figure).
#include <fmt/format.h>

#include "checker/reference_check.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

void year_mismatch(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        const reference_verdict v = judge(ctx, r);
        if (v.what != reference_verdict::kind::not_compared && r.time) count_examined(ctx);
        if (v.what != reference_verdict::kind::other_year || !r.time) continue;
        const reference_claim& c = *v.claim;
        const reference_value& matched = *v.matched;
        std::string message =
            fmt::format("\"{}\" is given for {}, but it is the reference value of {} for {}", r.text,
                        describe(*r.time), c.id, describe(*matched.when));
        if (r.basis == time_basis::relative && r.time_written)
            message +=
                fmt::format(" (the relative date resolves to {} by the document date)", describe(*r.time));
        if (v.expected != nullptr)
            message += fmt::format("; the value for {} is {}", describe(*r.time),
                                   describe_reference(c, *v.expected));
        else
            message += fmt::format("; the reference has no value for {}", describe(*r.time));
        finding& f = emit(out, "FL105", r, std::move(message));
        f.related.push_back(
            reference_location(c, matched.where, "reference value " + std::string(matched.text)));
        add_source_note(f, c);
        f.fingerprint = fingerprint_of("FL105", c.id, r.value, r.time);
    }
}

}  // namespace factlint::rules
