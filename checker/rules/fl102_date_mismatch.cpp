// FL102 date-mismatch: a stated date of an event, or of a period's start or
// end, does not overlap the reference date at the coarser granularity of
// the two.
#include <fmt/format.h>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

namespace {

time_span point_of(day_number d, granularity g) { return coarsened({d, d, granularity::day}, g); }

// The reference span a record's role speaks of, and its name for messages.
std::optional<std::pair<time_span, std::string_view>> reference_span(const reference_claim& c,
                                                                     event_role role) {
    if (c.date && role == event_role::date) return std::pair{*c.date, std::string_view("date")};
    if (!c.period) return std::nullopt;
    if (role == event_role::start)
        return std::pair{point_of(c.period->from, c.period->grain), std::string_view("start")};
    if (role == event_role::end && c.period->to != open_end)
        return std::pair{point_of(c.period->to, c.period->grain), std::string_view("end")};
    return std::nullopt;
}

}  // namespace

void date_mismatch(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        if (r.kind == record_kind::quantity || r.kind == record_kind::change) continue;
        if (r.claim_id.empty() || r.role == event_role::none || !r.time || r.forecast) continue;
        const reference_claim* c = ctx.store.claim_of(r);
        if (c == nullptr) continue;
        count_examined(ctx);
        const auto ref = reference_span(*c, r.role);
        if (!ref || dates_agree(*r.time, ref->first)) continue;
        const time_span shown = coarsened(ref->first, r.time->grain);
        finding& f = emit(
            out, "FL102", r,
            fmt::format("\"{}\" conflicts with the reference {} of {}: {}{}", r.text, ref->second, c->id,
                        describe(ref->first), c->source.empty() ? "" : " (" + std::string(c->source) + ")"));
        f.related.push_back(reference_location(
            *c, c->where, "reference " + std::string(ref->second) + " " + iso_date(ref->first.from)));
        add_source_note(f, *c);
        f.fix = describe(shown);
        f.fingerprint = fingerprint_of("FL102", c->id, static_cast<double>(r.time->from), r.time);
    }
}

}  // namespace factlint::rules
