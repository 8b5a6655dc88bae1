// FL103 outside-period: a positive figure of a state that held for a period
// ("2,500 combat troops") is asserted for a time wholly outside it.
#include <fmt/format.h>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

void outside_period(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        if (r.kind != record_kind::quantity || r.claim_id.empty() || !r.time || r.forecast) continue;
        const reference_claim* c = ctx.store.claim_of(r);
        if (c == nullptr || !c->period || !c->values.empty() || r.range.high <= 0) continue;
        count_examined(ctx);
        const bool before_start = before(*r.time, *c->period);
        const bool after_end = c->period->to != open_end && after(*r.time, *c->period);
        if (!before_start && !after_end) continue;
        finding& f = emit(
            out, "FL103", r,
            fmt::format("\"{}\" is asserted for {}, but {} {} {}",
                        r.noun.empty() ? r.text : fmt::format("{} {}", r.text, r.noun), describe(*r.time),
                        c->id, after_end ? "ended" : "began",
                        describe(time_span{after_end ? c->period->to : c->period->from,
                                           after_end ? c->period->to : c->period->from, granularity::day})));
        f.related.push_back(reference_location(*c, c->where, "period " + describe(*c->period)));
        add_source_note(f, *c);
        f.fingerprint = fingerprint_of("FL103", c->id, r.value, r.time);
    }
}

}  // namespace factlint::rules
