#include "checker/reference_check.hpp"

#include <cmath>
#include <cstdint>

#include "checker/rule_support.hpp"

namespace factlint {

namespace {

bool agrees(const claim_record& r, const reference_claim& c, const reference_value& v) {
    return overlaps(range_in(r, v.unit), allowed_interval(c, v));
}

// The value nearest to the stated one, for a message when none is in force.
const reference_value* nearest_value(const claim_record& r, const reference_claim& c) {
    const reference_value* best = nullptr;
    double best_gap = INFINITY;
    for (const reference_value& v : c.values) {
        const double gap = std::abs(range_in(r, v.unit).midpoint() - v.value);
        if (gap < best_gap) best_gap = gap, best = &v;
    }
    return best;
}

}  // namespace

reference_verdict judge_value(const claim_record& r, const claim_store& store) {
    reference_verdict verdict;
    if (r.kind != record_kind::quantity || r.claim_id.empty() || r.forecast || r.unresolved_relative)
        return verdict;
    const reference_claim* c = store.find(r.claim_id);
    if (c == nullptr || c->values.empty()) return verdict;
    verdict.claim = c;

    if (!r.time) {
        // Time unknown: a conflict only when no value of the series agrees.
        for (const reference_value& v : c->values)
            if (agrees(r, *c, v)) return verdict.what = reference_verdict::kind::consistent, verdict;
        verdict.what = reference_verdict::kind::mismatch;
        verdict.expected = nearest_value(r, *c);
        return verdict;
    }
    const reference_value* in_force = value_in_force(*c, *r.time, store.series_of(*c));
    if (in_force == nullptr && r.basis == time_basis::document) {
        // "The budget is $48.2 million" after the last dated value: the
        // newest value is today's best knowledge; an older one is stale.
        const reference_value* newest = newest_value(*c);
        if (newest != nullptr && agrees(r, *c, *newest))
            return verdict.what = reference_verdict::kind::consistent, verdict;
        for (const reference_value& v : c->values) {
            if (&v == newest || !agrees(r, *c, v)) continue;
            verdict.what = reference_verdict::kind::stale;
            verdict.expected = newest;
            verdict.matched = &v;
            return verdict;
        }
        for (const reference_value& v : c->values)
            if (agrees(r, *c, v)) return verdict.what = reference_verdict::kind::consistent, verdict;
        verdict.what = reference_verdict::kind::mismatch;
        verdict.expected = newest;
        return verdict;
    }
    if (in_force != nullptr && agrees(r, *c, *in_force)) {
        verdict.what = reference_verdict::kind::consistent;
        return verdict;
    }
    verdict.expected = in_force;
    for (const reference_value& v : c->values) {
        if (&v == in_force || !v.when || !agrees(r, *c, v)) continue;
        verdict.matched = &v;
        break;
    }
    if (verdict.matched != nullptr) {
        const bool older =
            in_force != nullptr && in_force->when && verdict.matched->when->from < in_force->when->from;
        if (r.basis == time_basis::document && older) {
            verdict.what = reference_verdict::kind::stale;
            return verdict;
        }
        // Only a value of one stated time is "another year's figure"; an
        // `as of` value may well have held before its date too.
        if (verdict.matched->scope == value_scope::in) {
            verdict.what = reference_verdict::kind::other_year;
            return verdict;
        }
        if (in_force == nullptr) return verdict.what = reference_verdict::kind::not_compared, verdict;
    }
    verdict.what =
        in_force != nullptr ? reference_verdict::kind::mismatch : reference_verdict::kind::not_compared;
    return verdict;
}

reference_verdict judge(const rule_context& ctx, const claim_record& r) {
    // By address, so that a record from elsewhere is told apart safely.
    const auto at = reinterpret_cast<std::uintptr_t>(&r);
    const auto first = reinterpret_cast<std::uintptr_t>(ctx.records.data());
    if (ctx.verdicts == nullptr || at < first || at >= first + ctx.records.size() * sizeof(claim_record))
        return judge_value(r, ctx.store);
    return ctx.verdicts->of((at - first) / sizeof(claim_record), r, ctx.store);
}

}  // namespace factlint
