// Every rule's entry point; rule_table.cpp lists them with their codes.
#pragma once

#include <vector>

#include "checker/finding.hpp"
#include "checker/rule.hpp"
#include "claims/record.hpp"

namespace factlint::rules {

void value_mismatch(const rule_context& ctx, std::vector<finding>& out);            // FL101
void date_mismatch(const rule_context& ctx, std::vector<finding>& out);             // FL102
void outside_period(const rule_context& ctx, std::vector<finding>& out);            // FL103
void stale_value(const rule_context& ctx, std::vector<finding>& out);               // FL104
void year_mismatch(const rule_context& ctx, std::vector<finding>& out);             // FL105
void conflicting_values(const rule_context& ctx, std::vector<finding>& out);        // FL201
void conflicting_dates(const rule_context& ctx, std::vector<finding>& out);         // FL202
void change_arithmetic(const rule_context& ctx, std::vector<finding>& out);         // FL203
void total_arithmetic(const rule_context& ctx, std::vector<finding>& out);          // FL204
void future_date(const rule_context& ctx, std::vector<finding>& out);               // FL301
void unresolved_relative_date(const rule_context& ctx, std::vector<finding>& out);  // FL302

// What the rules comparing records across sentences or files read: the
// engine keeps these records of each block for them (FL201's filter is
// comparable_figure, rule_support.hpp).
[[nodiscard]] bool comparable_date(const claim_record& r);          // FL202
[[nodiscard]] bool comparable_across_files(const claim_record& r);  // FL205 (across_files.cpp)

}  // namespace factlint::rules
