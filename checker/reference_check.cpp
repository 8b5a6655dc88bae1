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
const reference_value* nearest_value(const claim_record& r, const reference_claim& c,
                                     const series_index* index) {
    if (index != nullptr && index->by_interval()) {
        // A long series: its values sorted, searched by halves.
        const double stated = range_in(r, index->unit()).midpoint();
        if (std::isfinite(stated)) {
            const std::uint32_t i = index->nearest(stated);
            return i == UINT32_MAX ? nullptr : &c.values[i];
        }
    }
    const reference_value* best = nullptr;
    double best_gap = INFINITY;
    for (const reference_value& v : c.values) {
        const double gap = std::abs(range_in(r, v.unit).midpoint() - v.value);
        if (gap < best_gap) best_gap = gap, best = &v;
    }
    return best;
}

// The first value of `c`, in file order, that `eligible` accepts and that
// `r` agrees with, or nullptr. A long series is searched through its
// index by allowed interval, asking only the values whose interval can
// meet the figure's: a figure that disagrees with the value in force was
// compared with every value of the series (docs/performance.md part 35).
template <typename Eligible>
const reference_value* first_agreeing(const claim_record& r, const reference_claim& c,
                                      const series_index* index, Eligible eligible) {
    if (index != nullptr && index->by_interval()) {
        const interval stated = range_in(r, index->unit());
        if (!std::isnan(stated.low) && !std::isnan(stated.high)) {
            const std::uint32_t first = index->first_meeting(
                stated, [&](std::uint32_t i) { return eligible(c.values[i]) && agrees(r, c, c.values[i]); });
            return first == UINT32_MAX ? nullptr : &c.values[first];
        }
    }
    for (const reference_value& v : c.values)
        if (eligible(v) && agrees(r, c, v)) return &v;
    return nullptr;
}

constexpr auto any_value = [](const reference_value&) { return true; };

}  // namespace

reference_verdict judge_value(const claim_record& r, const claim_store& store) {
    reference_verdict verdict;
    if (r.kind != record_kind::quantity || r.claim_id.empty() || r.forecast || r.unresolved_relative)
        return verdict;
    const reference_claim* c = store.claim_of(r);
    if (c == nullptr || c->values.empty()) return verdict;
    verdict.claim = c;

    const series_index* series = store.series_of(*c);
    if (!r.time) {
        // Time unknown: a conflict only when no value of the series agrees.
        if (first_agreeing(r, *c, series, any_value) != nullptr)
            return verdict.what = reference_verdict::kind::consistent, verdict;
        verdict.what = reference_verdict::kind::mismatch;
        verdict.expected = nearest_value(r, *c, series);
        return verdict;
    }
    const reference_value* in_force = value_in_force(*c, *r.time, series);
    if (in_force == nullptr && r.basis == time_basis::document) {
        // "The budget is $48.2 million" after the last dated value: the
        // newest value is today's best knowledge; an older one is stale.
        const reference_value* newest = newest_value(*c);
        if (newest != nullptr && agrees(r, *c, *newest))
            return verdict.what = reference_verdict::kind::consistent, verdict;
        const reference_value* older =
            first_agreeing(r, *c, series, [&](const reference_value& v) { return &v != newest; });
        if (older != nullptr) {
            verdict.what = reference_verdict::kind::stale;
            verdict.expected = newest;
            verdict.matched = older;
            return verdict;
        }
        // No value agrees: the newest was asked above, every other just now.
        verdict.what = reference_verdict::kind::mismatch;
        verdict.expected = newest;
        return verdict;
    }
    if (in_force != nullptr && agrees(r, *c, *in_force)) {
        verdict.what = reference_verdict::kind::consistent;
        return verdict;
    }
    verdict.expected = in_force;
    verdict.matched = first_agreeing(
        r, *c, series, [&](const reference_value& v) { return &v != in_force && v.when.has_value(); });
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
