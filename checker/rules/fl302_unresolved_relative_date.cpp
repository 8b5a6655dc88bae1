// FL302 unresolved-relative-date: a relative date ("last year") in a claim
// that matches a reference claim, with no document date to resolve it.
#include <fmt/format.h>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

void unresolved_relative_date(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        if (!r.unresolved_relative || r.claim_id.empty()) continue;
        count_examined(ctx);
        finding& f =
            emit(out, "FL302", r,
                 fmt::format("\"{}\" matches reference claim {}, but its relative date cannot be resolved "
                             "without a document date; it was not compared",
                             r.text, r.claim_id));
        f.notes.push_back("add `date:` to the front matter, or pass --as-of YYYY-MM-DD");
        f.fingerprint = fingerprint_of("FL302", r.claim_id, r.value, std::nullopt);
    }
}

}  // namespace factlint::rules
