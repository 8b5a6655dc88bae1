// One row per rule: its code, name, summary, default severity, entry point,
// reach, and for a rule that compares records across sentences the records
// it keeps.
#include <array>

#include "checker/rule.hpp"
#include "checker/rule_support.hpp"
#include "checker/rules/rules.hpp"

namespace factlint {

namespace {
using severity::error, severity::warning, severity::info;

constexpr std::array table{
    rule_info{"FL101", "value-mismatch", "A figure contradicts the reference value in force at its time.",
              error, rules::value_mismatch, rule_reach::sentence, nullptr},
    rule_info{"FL102", "date-mismatch",
              "An event's date, or a period's start or end, contradicts the reference.", error,
              rules::date_mismatch, rule_reach::sentence, nullptr},
    rule_info{"FL103", "outside-period",
              "A figure of a period claim is asserted for a time outside the period.", error,
              rules::outside_period, rule_reach::sentence, nullptr},
    rule_info{"FL104", "stale-value",
              "A present-tense figure repeats an older value while a newer one exists.", warning,
              rules::stale_value, rule_reach::sentence, nullptr},
    rule_info{"FL105", "year-mismatch",
              "A figure is the reference value of another year than the one stated.", error,
              rules::year_mismatch, rule_reach::sentence, nullptr},
    rule_info{"FL201", "conflicting-values",
              "The document states one figure twice, for the same time, with "
              "values that cannot both hold.",
              error, rules::conflicting_values, rule_reach::document, comparable_figure},
    rule_info{"FL202", "conflicting-dates", "The document gives one event, or one period end, two dates.",
              error, rules::conflicting_dates, rule_reach::document, rules::comparable_date},
    rule_info{"FL203", "change-arithmetic",
              "A change statement does not add up: its percent or difference does "
              "not match its figures.",
              error, rules::change_arithmetic, rule_reach::sentence, nullptr},
    rule_info{"FL204", "total-arithmetic", "A total and its enumerated parts do not add up.", error,
              rules::total_arithmetic, rule_reach::sentence, nullptr},
    rule_info{"FL205", "conflicting-across-files",
              "Two documents state one figure, for the same time, with "
              "values that cannot both hold.",
              warning, nullptr, rule_reach::files, rules::comparable_across_files},
    rule_info{"FL301", "future-date", "A past-tense event is dated after the document's own date.", warning,
              rules::future_date, rule_reach::sentence, nullptr},
    rule_info{"FL302", "unresolved-relative-date",
              "A relative date in a matched claim cannot be resolved without "
              "a document date.",
              info, rules::unresolved_relative_date, rule_reach::sentence, nullptr},
    rule_info{"FL901", "unused-suppression", "An inline factlint-disable comment suppressed nothing.",
              warning, nullptr, rule_reach::findings, nullptr},
};
}  // namespace

std::span<const rule_info> rule_table() { return table; }

const rule_info* find_rule(std::string_view code) {
    for (const rule_info& r : table)
        if (r.code == code) return &r;
    return nullptr;
}

}  // namespace factlint
