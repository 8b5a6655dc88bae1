// The typed record of one claim found in prose (SPEC §3): what `extract`
// prints and what every rule reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claims/interval.hpp"
#include "claims/precision.hpp"
#include "claims/time.hpp"

namespace factlint {

enum class record_kind { quantity, date, period, change };
[[nodiscard]] std::string_view record_kind_name(record_kind k);

enum class tense { unknown, past, present, future };

// What a date says about an event or state named in its sentence (SPEC §6).
enum class event_role { none, start, end, date };

// A byte range [begin, end) of the original file.
struct byte_span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A change statement ("rose 6.2% to $1.34 billion from $1.26 billion").
// Indices refer to the document's list of records.
struct change_info {
    enum class direction { up, down } dir = direction::up;
    bool has_percent = false;     // "6.2%"
    interval percent;             // the stated change in percent, as an interval
    bool percent_points = false;  // "0.8 percentage points": not a relative change
    double percent_value = 0;
    int delta_index = -1;  // index (in the sentence's records) of the stated difference D
    int to_index = -1;     // the new value X
    int from_index = -1;   // the old value Y
};

struct claim_record {
    record_kind kind = record_kind::quantity;
    byte_span span;    // in the original file
    std::string text;  // the words of the claim as written

    // kind == quantity (and the figures a change refers to)
    double value = 0;  // scale applied; a range's midpoint
    interval range;    // what the words allow (precision, hedge, range)
    hedge_kind hedge = hedge_kind::none;
    std::string hedge_text;      // "about", or empty
    std::string unit = "count";  // "count", "currency:USD", "percent", "area:km2", …
    std::string noun;            // counted noun phrase, or empty
    std::string scale;           // "million", "bn", … or empty
    bool is_range = false;

    // the time the claim is about
    std::optional<time_span> time;  // for kind == period: the period itself
    time_basis basis = time_basis::none;
    std::optional<byte_span> time_span_source;  // where the time expression was written
    bool unresolved_relative = false;           // a relative date with no document date (FL302)

    // sentence context the matcher and the rules need
    byte_span sentence;
    std::size_t sentence_index = 0;
    std::size_t clause_index = 0;
    tense verb_tense = tense::unknown;
    bool forecast = false;               // will, expect, projected, forecast, by YEAR
    event_role role = event_role::none;  // for dates: start/end verb governing it

    // kind == change
    std::optional<change_info> change;

    // A total with its enumerated parts ("a total of $38 million: $21 million
    // … and $12 million"). Indices refer to the document's list of records.
    struct total_info {
        bool exhaustive = false;  // "a total of", "split between", "made up of"
        std::string marker;       // the words that announced the parts
        std::vector<int> parts;
    };
    std::optional<total_info> total;

    // the reference claim it matched, or empty
    std::string claim_id;
    std::optional<byte_span> claim_name_span;  // where the claim's name was found

    // Normalized subject for consistency rules (FL201): the claim id, or the
    // counted noun phrase of two or more words; empty when there is none.
    std::string subject;
};

}  // namespace factlint
