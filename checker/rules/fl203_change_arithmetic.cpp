// FL203 change-arithmetic: a change statement does not add up ("rose 6.2% to
// X from Y", "down P% (D) from YEAR", "fell by D to X"), judged with the
// intervals the stated figures allow.
#include <fmt/format.h>
#include <cmath>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"
#include "claims/unit.hpp"

namespace factlint::rules {

namespace {

std::string percent_interval(const interval& p) {
    auto bound = [](double v) {
        return std::isinf(v) ? std::string(v > 0 ? "inf" : "-inf") : fmt::format("{:.1f}", v);
    };
    return fmt::format("{}{}, {}{}", p.low_open ? '(' : '[', bound(p.low), bound(p.high),
                       p.high_open ? ')' : ']');
}

const claim_record* figure(const rule_context& ctx, int index) {
    return index < 0 ? nullptr : &ctx.records[static_cast<std::size_t>(index)];
}

// A figure's interval in the unit of the change's new value; a bare number
// ("from 54.1 million") is taken in the same unit.
interval in_unit_of(const claim_record& r, const claim_record* like) {
    if (like == nullptr || r.unit == "count" || !compatible_units(r.unit, like->unit)) return r.range;
    return range_in(r, like->unit);
}

struct computed_change {
    interval value;   // in percent or percentage points
    std::string how;  // the arithmetic, for the message
};

std::optional<computed_change> compute(const rule_context& ctx, const change_info& c) {
    const claim_record* to = figure(ctx, c.to_index);
    const claim_record* from = figure(ctx, c.from_index);
    const claim_record* delta = figure(ctx, c.delta_index);
    const bool up = c.dir == change_info::direction::up;
    const interval hundred = interval::point(100);
    if (c.percent_points) {
        if (to == nullptr || from == nullptr || to->unit != "percent" || from->unit != "percent")
            return std::nullopt;
        const interval diff = up ? to->range - from->range : from->range - to->range;
        return computed_change{diff, fmt::format("from {} to {} is {} percentage points", from->text,
                                                 to->text, percent_interval(diff))};
    }
    if (to != nullptr && (to->unit == "percent" || to->unit == "percent_point"))
        return std::nullopt;  // a rate's change
    if (to != nullptr && from != nullptr) {
        const interval x = in_unit_of(*to, to), y = in_unit_of(*from, to);
        if (y.low <= 0) return std::nullopt;
        const interval pct = (up ? x - y : y - x) / y * hundred;
        return computed_change{pct, fmt::format("from {} to {} is a {} of {}%", from->text, to->text,
                                                up ? "rise" : "fall", percent_interval(pct))};
    }
    if (to != nullptr && delta != nullptr) {
        const interval x = in_unit_of(*to, to), d = in_unit_of(*delta, to);
        const interval y = up ? x - d : x + d;
        if (y.low <= 0) return std::nullopt;
        const interval pct = d / y * hundred;
        return computed_change{
            pct, fmt::format("{} {} {} implies an earlier value of {}, a change of {}%", to->text,
                             up ? "after a rise of" : "after a fall of", delta->text,
                             format_interval_like(*to, y), percent_interval(pct))};
    }
    if (from != nullptr && delta != nullptr) {
        const interval y = in_unit_of(*from, from), d = in_unit_of(*delta, from);
        if (y.low <= 0) return std::nullopt;
        const interval pct = d / y * hundred;
        return computed_change{
            pct, fmt::format("{} of {} is {}%", delta->text, from->text, percent_interval(pct))};
    }
    return std::nullopt;
}

}  // namespace

void change_arithmetic(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& r : ctx.records) {
        if (!r.change) continue;
        const change_info& c = *r.change;
        count_examined(ctx);
        if (c.has_percent) {
            const auto computed = compute(ctx, c);
            if (!computed || overlaps(computed->value, c.percent)) continue;
            finding& f =
                emit(out, "FL203", r,
                     fmt::format("the change does not add up: {}, but the text says {}{} {}", computed->how,
                                 format_number(c.percent_value),
                                 c.percent_points ? " percentage points" : "%", percent_interval(c.percent)));
            f.notes.push_back(
                "each figure stands for the interval its digits allow (half a unit of the last digit)");
            f.fingerprint = fingerprint_of("FL203", r.text, c.percent_value, r.time);
            continue;
        }
        // No percent: a stated difference must match the two figures.
        const claim_record* to = figure(ctx, c.to_index);
        const claim_record* from = figure(ctx, c.from_index);
        const claim_record* delta = figure(ctx, c.delta_index);
        if (to == nullptr || from == nullptr || delta == nullptr) continue;
        const interval x = in_unit_of(*to, to), y = in_unit_of(*from, to), d = in_unit_of(*delta, to);
        const interval diff = c.dir == change_info::direction::up ? x - y : y - x;
        if (overlaps(diff, d)) continue;
        finding& f =
            emit(out, "FL203", r,
                 fmt::format("the change does not add up: from {} to {} is a difference of {}, but the text "
                             "says {}",
                             from->text, to->text, format_interval_like(*to, diff), delta->text));
        f.fingerprint = fingerprint_of("FL203", r.text, delta->value, r.time);
    }
}

}  // namespace factlint::rules
