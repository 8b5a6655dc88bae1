// The typed record of one claim found in prose (SPEC §3): what `extract`
// prints and what every rule reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/boxed.hpp"
#include "claims/interval.hpp"
#include "claims/precision.hpp"
#include "claims/time.hpp"

namespace factlint {

// claim_record::claim_place of a record that matched no claim.
inline constexpr std::uint32_t no_claim = 0xFFFFFFFF;

enum class record_kind : std::uint8_t { quantity, date, period, change };
[[nodiscard]] std::string_view record_kind_name(record_kind k);

enum class tense : std::uint8_t { unknown, past, present, future };

// What a date says about an event or state named in its sentence (SPEC §6).
enum class event_role : std::uint8_t { none, start, end, date };

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

// A document holds hundreds of thousands of these (a 50 MB file: about
// 240,000), so the layout is kept tight (docs/performance.md, "Memory"):
// small fields together, the rare parts behind a pointer, and the words
// as views into the document they were read from.
struct claim_record {
    record_kind kind = record_kind::quantity;
    tense verb_tense = tense::unknown;
    event_role role = event_role::none;  // for dates: start/end verb governing it
    bool is_range = false;
    bool forecast = false;             // will, expect, projected, forecast, by YEAR
    bool unresolved_relative = false;  // a relative date with no document date (FL302)
    bool time_written = false;         // its time was written in the sentence (FL105)
    time_basis basis = time_basis::none;
    hedge_kind hedge = hedge_kind::none;
    // The claim it matched, set with claim_id by the matcher: its place in
    // the store's claims (claim_store::claim_of), or no_claim. In the four
    // bytes the fields above leave before the next eight-byte one.
    std::uint32_t claim_place = no_claim;

    byte_span span;  // in the original file
    // The words of the claim as written: a view into the document's sentence
    // text (its source, or its prose store), valid while the document lives.
    std::string_view text;

    // kind == quantity (and the figures a change refers to)
    double value = 0;  // scale applied; a range's midpoint
    interval range;    // what the words allow (precision, hedge, range)
    // Words of small vocabularies: views of literals or of interned() copies.
    std::string_view hedge_text;      // "about", or empty
    std::string_view unit = "count";  // "count", "currency:USD", "percent", "area:km2", …
    std::string_view noun;            // counted noun phrase (a view like `text`), or empty
    std::string_view scale;           // "million", "bn", … or empty

    // the time the claim is about
    std::optional<time_span> time;  // for kind == period: the period itself

    // sentence context the matcher and the rules need
    byte_span sentence;
    std::uint32_t sentence_index = 0;  // 32 bits: the reader refuses files of 4 GiB or more
    std::uint32_t clause_index = 0;

    // kind == change
    boxed<change_info> change;

    // A total with its enumerated parts ("a total of $38 million: $21 million
    // … and $12 million"). Indices refer to the document's list of records.
    struct total_info {
        bool exhaustive = false;  // "a total of", "split between", "made up of"
        std::string marker;       // the words that announced the parts
        std::vector<int> parts;
    };
    boxed<total_info> total;

    // the reference claim it matched (a view of its id in the claim store,
    // which outlives the records), or empty
    std::string_view claim_id;

    // Normalized subject for consistency rules (FL201): the claim id, or the
    // counted noun phrase of two or more words; empty when there is none.
    std::string subject;
};

}  // namespace factlint
