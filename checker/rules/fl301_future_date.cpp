// FL301 future-date: an event told in the past tense is dated after the
// document's own date.
#include <fmt/format.h>

#include "checker/engine.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

void future_date(const rule_context& ctx, std::vector<finding>& out) {
    const std::optional<time_span> today = ctx.doc.date ? ctx.doc.date : ctx.options.as_of;
    if (!today) return;
    for (const claim_record& r : ctx.records) {
        if (r.kind == record_kind::quantity || r.kind == record_kind::change || !r.time) continue;
        if (r.role == event_role::none || r.verb_tense != tense::past || r.forecast) continue;
        count_examined(ctx);
        if (r.basis != time_basis::explicit_ || !after(*r.time, *today)) continue;
        finding& f = emit(out, "FL301", r,
                          fmt::format("\"{}\" dates a past event after the document's own date ({})", r.text,
                                      describe(*today)));
        f.notes.push_back("the document date comes from the front matter `date:` or --as-of");
        f.fingerprint = fingerprint_of("FL301", r.subject, static_cast<double>(r.time->from), r.time);
    }
}

}  // namespace factlint::rules
