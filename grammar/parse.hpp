// The plain face of the Spirit X3 grammars: nothing here includes Boost.
// Offsets are bytes into the text passed in.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/precision.hpp"
#include "claims/reference.hpp"
#include "claims/time.hpp"

namespace factlint::grammar {

// ---- where the scanners stop ----------------------------------------------

// The positions of a stretch of prose at which the quantity scanner and the
// time scanner may find something (a digit, a sign, a word either knows),
// found in one pass over its words for both: each scanner then looks at
// those alone, instead of walking every word itself. Most sentences of
// prose hold none of either.
struct scan_starts {
    std::vector<std::size_t> quantity;
    std::vector<std::size_t> time;
};
void find_scan_starts(std::string_view text, scan_starts& starts);

// ---- quantities (SPEC §4.1, §4.2) ------------------------------------------

struct quantity_match {
    std::size_t begin = 0;  // the whole match, hedge included
    std::size_t end = 0;
    std::size_t number_begin = 0;                  // the figure itself (after the hedge and currency sign)
    double value = 0;                              // scale applied; for a range the midpoint
    double low = 0, high = 0;                      // a range's two bounds (both == value otherwise)
    double half_unit = 0;                          // half a unit of the last significant digit, scale applied
    double low_half_unit = 0, high_half_unit = 0;  // for ranges
    bool is_range = false;
    hedge_kind hedge = hedge_kind::none;
    std::string hedge_text;      // "about", "more than", … as written, lower case
    std::string unit = "count";  // "count", "currency:USD", "percent", "percent_point", "area:km2", …
    std::string scale;           // "million", "bn", "k", … or empty
    bool negative = false;
    bool unit_written = false;  // a unit or currency was written (not just a bare number)
    bool number_words = false;  // spelled out ("two thousand", "a dozen")
};

// Every quantity in a stretch of prose, in order, non-overlapping. Things
// that are not quantities (§4.1: phone numbers, versions, ratings, times of
// day, list numbering, model names, URLs, postal codes) are not returned.
// Bare four-digit years are returned (the caller drops those the time
// grammar reads as dates).
[[nodiscard]] std::vector<quantity_match> find_quantities(std::string_view text);
// The same from the starts find_scan_starts gave (`starts.quantity`): in
// increasing order, a superset of the places the scan acts at. Every
// position of the text is such a list, and gives the same matches.
[[nodiscard]] std::vector<quantity_match> find_quantities(std::string_view text,
                                                          std::span<const std::size_t> starts);
// The same into `out` (emptied first), reusing its storage.
void find_quantities(std::string_view text, std::span<const std::size_t> starts,
                     std::vector<quantity_match>& out);
// The same from all that find_scan_starts gave for `text`: a word among its
// starts is one it found to open a figure, and is not asked again.
void find_quantities(std::string_view text, const scan_starts& starts, std::vector<quantity_match>& out);

// Parses one whole quantity ("about 2,500 troops", "$8.5 billion",
// "78 million cubic meters"); nullopt unless all of `text` (trimmed) is one.
// `noun` receives trailing words that are not a unit ("troops").
[[nodiscard]] std::optional<quantity_match> parse_quantity(std::string_view text,
                                                           std::string* noun = nullptr);

// ---- time expressions (SPEC §4.3) ------------------------------------------

enum class time_kind {
    point,  // "in 2019", "December 2021", "Dec. 9, 2021", "this year"
    span,   // "2003–2011", "from 2003 to 2011", "between 2019 and 2021"
    since,  // "since 2019": from the date to the document date / open end
    until,  // "until 2019", "through 2019", "by 2019"
};

struct time_match {
    std::size_t begin = 0;
    std::size_t end = 0;
    time_kind kind = time_kind::point;
    std::optional<time_span> span;  // nullopt: relative with no document date, or basis vague
    time_basis basis = time_basis::explicit_;
    bool is_by = false;  // "by 2030": a target date (forecast when after the document date)
    bool fiscal = false;
    std::string normalized;  // TIMEX-like value: "2021-12", "2021", "199X", "PRESENT_REF";
                             // basis vague: "PAST_REF", "PRESENT_REF" or "FUTURE_REF"
};

// Every time expression in a stretch of prose, in order, non-overlapping.
// Relative expressions resolve against `document_date` (its own granularity
// for "now"); without it they come back with basis relative and no span.
[[nodiscard]] std::vector<time_match> find_times(std::string_view text,
                                                 const std::optional<time_span>& document_date);
// The same from `starts.time` of find_scan_starts (see find_quantities).
[[nodiscard]] std::vector<time_match> find_times(std::string_view text,
                                                 const std::optional<time_span>& document_date,
                                                 std::span<const std::size_t> starts);
// The same into `out` (emptied first), reusing its storage.
void find_times(std::string_view text, const std::optional<time_span>& document_date,
                std::span<const std::size_t> starts, std::vector<time_match>& out);

// Parses one whole date as written in a claims file or on the command line:
// "2021-12-31", "2023-08", "2008", "December 2021", "Dec. 9, 2021".
[[nodiscard]] std::optional<time_span> parse_date(std::string_view text);

}  // namespace factlint::grammar
