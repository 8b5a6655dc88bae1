// FL204 total-arithmetic: a total and its enumerated parts do not add up.
#include <fmt/format.h>

#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint::rules {

void total_arithmetic(const rule_context& ctx, std::vector<finding>& out) {
    for (const claim_record& total : ctx.records) {
        if (!total.total || total.total->parts.empty()) continue;
        count_examined(ctx);
        interval sum = interval::point(0);
        std::string parts_text;
        for (int p : total.total->parts) {
            const claim_record& part = ctx.records[static_cast<std::size_t>(p)];
            sum = sum + range_in(part, total.unit);
            parts_text += parts_text.empty() ? "" : " + ";
            parts_text += part.text;
        }
        const bool exceeds = sum.low > total.range.high ||
                             (sum.low == total.range.high && (sum.low_open || total.range.high_open));
        const bool misses = total.total->exhaustive && disjoint(sum, total.range);
        if (!exceeds && !misses) continue;
        const char* verdict = exceeds ? "exceed" : "do not add up to";
        finding& f =
            emit(out, "FL204", total,
                 fmt::format("the parts {} {} the total \"{}\": {} = {}, the total allows {}",
                             total.total->marker == "a total of" || total.total->exhaustive ? "of this split"
                                                                                            : "listed",
                             verdict, total.text, parts_text, format_interval_like(total, sum),
                             format_interval_like(total, total.range)));
        if (total.total->exhaustive) f.fix = format_like(total, (sum.low + sum.high) / 2);
        f.notes.push_back(fmt::format("\"{}\" announces {}", total.total->marker,
                                      total.total->exhaustive
                                          ? "every part, so they must sum to the total"
                                          : "some of the parts, so they may not exceed the total"));
        f.fingerprint = fingerprint_of("FL204", total.text, total.value, total.time);
    }
}

}  // namespace factlint::rules
