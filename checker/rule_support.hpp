// What rules share: building a finding from a record, and writing figures
// and dates the way a message should show them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "checker/finding.hpp"
#include "checker/rule.hpp"
#include "claims/record.hpp"
#include "claims/reference.hpp"

namespace factlint {

// Earlier statements of one subject or event that a statement is compared
// with at the most, by the rules comparing statements (FL201, FL202, FL205):
// a subject repeated thousands of times (one generated line of megabytes,
// or "new jobs" in every article of a repository) must not make a rule
// quadratic; prose never states one fact this often.
inline constexpr std::size_t max_compared = 64;

// A finding of rule `code` on record `r`; the engine fills in the file,
// line and column, name and final severity.
finding& emit(std::vector<finding>& out, std::string_view code, const claim_record& r, std::string message);

// "$8.5 billion", "2,500", "64%", "78 million cubic meters": `value` written
// in the style of record `like` (its currency sign, scale word and unit).
[[nodiscard]] std::string format_like(const claim_record& like, double value);
// "[$10.05 million, $10.15 million]": an interval in the style of `like`.
[[nodiscard]] std::string format_interval_like(const claim_record& like, const interval& range);
// A plain number with thousands separators and no trailing zeros.
[[nodiscard]] std::string format_number(double value);

// The interval a claim's words allow, in words for a message, only when
// rounding or a hedge makes it differ from the bare value.
[[nodiscard]] std::string interval_note(const claim_record& r);

// The quantity part of a reference value as written ("$8.5 billion in
// 2023" -> "$8.5 billion").
[[nodiscard]] std::string reference_figure(const reference_value& v);
// "$8.5 billion in 2023 (Census Bureau, 2024)".
[[nodiscard]] std::string describe_reference(const reference_claim& c, const reference_value& v);

// Adds the note naming a reference claim's source, when it has one.
void add_source_note(finding& f, const reference_claim& c);

// The related location of a reference claim's line.
[[nodiscard]] related_location reference_location(const reference_claim& c, const claim_position& where,
                                                  std::string message);

// A record's interval expressed in another unit of its dimension.
[[nodiscard]] interval range_in(const claim_record& r, std::string_view unit);

// Two dates agree when they overlap at the coarser granularity of the two
// ("July 2021" and 2021-12-31 do not; "2021" and 2021-12-31 do).
[[nodiscard]] bool dates_agree(const time_span& a, const time_span& b);

// A figure FL201 and FL205 may compare with another of its subject: a dated
// quantity that is not a forecast; without a reference claim, only one
// dated in its own words ("15 awards" and "two awards" of an unnamed year
// are seldom the same figure).
[[nodiscard]] bool comparable_figure(const claim_record& r);
// Two figures speak of the same time: overlapping spans of one granularity.
[[nodiscard]] bool same_time(const time_span& a, const time_span& b);

// A stable fingerprint from the parts that identify a finding.
[[nodiscard]] std::string fingerprint_of(std::string_view code, std::string_view subject, double value,
                                         const std::optional<time_span>& when);

}  // namespace factlint
