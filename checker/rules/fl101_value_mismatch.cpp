// FL101 value-mismatch: a figure contradicts the reference value in force
// at the time it is about.
#include <fmt/format.h>
#include <cmath>

#include "checker/reference_check.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"
#include "claims/unit.hpp"

namespace factlint::rules {

namespace {
// "million" written for "billion" is the commonest slip in figures.
std::string thousand_hint(const claim_record& r, const reference_claim& c, const reference_value& v) {
    const interval allowed = allowed_interval(c, v);
    const interval stated = range_in(r, v.unit);
    if (!stated.bounded()) return {};  // "more than $50 million" scaled still overlaps anything
    if (overlaps(scaled(stated, 1000), allowed))
        return "; the figures differ by a factor of 1,000: million where billion was meant?";
    if (overlaps(scaled(stated, 0.001), allowed))
        return "; the figures differ by a factor of 1,000: billion where million was meant?";
    return {};
}
}  // namespace

void value_mismatch(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        const reference_verdict v = judge(ctx, r);
        if (v.what != reference_verdict::kind::not_compared) count_examined(ctx);
        if (v.what != reference_verdict::kind::mismatch || v.expected == nullptr) continue;
        const reference_claim& c = *v.claim;
        const reference_value& expected = *v.expected;
        const std::string when = r.time ? " for " + describe(*r.time) : "";
        std::string message = fmt::format("\"{}\"{} conflicts with the reference value of {}: {}", r.text,
                                          when, c.id, describe_reference(c, expected));
        const interval reference = allowed_interval(c, expected);
        const auto factor = convert(1.0, expected.unit, r.unit);
        message +=
            fmt::format(" (the draft's words allow {}, the reference {})", format_interval_like(r, r.range),
                        format_interval_like(r, scaled(reference, factor.value_or(1.0))));
        message += thousand_hint(r, c, expected);
        finding& f = emit(out, "FL101", r, std::move(message));
        f.related.push_back(
            reference_location(c, expected.where, "reference value " + std::string(expected.text)));
        add_source_note(f, c);
        if (const auto in_units = convert(expected.value, expected.unit, r.unit))
            f.fix = r.hedge_text.empty() ? format_like(r, *in_units)
                                         : fmt::format("{} {}", r.hedge_text, format_like(r, *in_units));
        f.fingerprint = fingerprint_of("FL101", c.id, r.value, r.time);
    }
}

}  // namespace factlint::rules
