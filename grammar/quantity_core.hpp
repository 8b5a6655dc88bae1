// Internal to the quantity grammar (grammar/quantity*.cpp): the one figure
// the X3 grammar reads at a candidate start ("about $8.5 billion",
// "two thousand", "61 million cubic meters"). X3-free, so the scanner, the
// range logic and the context filters stay plain C++.
#pragma once

#include <string_view>

#include "claims/precision.hpp"

namespace factlint::grammar::detail {

// What the grammar saw, as pointers into the text; values are computed by
// the caller (digits) or by the grammar's actions (number words).
struct single_quantity {
    const char* begin = nullptr;  // hedge included
    const char* end = nullptr;
    bool allow_hedge = true;
    const char* hedge_end = nullptr;  // hedge words are [begin, hedge_end), trailing space included
    hedge_kind hedge = hedge_kind::none;
    const char* number_begin = nullptr;  // after hedge and currency sign, sign included
    const char* number_end = nullptr;
    std::string_view currency;  // ISO code from a prefix ("$", "€", "USD ") or empty
    bool negative = false;
    std::string_view digits;   // "2,500", "4.5"; empty for number words
    bool words = false;        // spelled out
    bool simple_word = false;  // one word below a hundred ("ten", "one"): needs a noun after it
    double word_value = 0;
    double word_half_unit = 0;
    std::string_view scale_text;  // as written: "million", "bn", "m"
    double scale = 1;
    std::string_view unit;     // unit name ("percent", "area:km2", "currency:USD"); "pounds" is decided later
    bool unit_pounds = false;  // bare "pounds": money or weight, decided by the caller

    // number words, while parsing
    double w_total = 0, w_current = 0, w_place = 1, w_min_scale = 0;
    int w_last = 0;  // see quantity_grammar.cpp: word_state
    int w_items = 0;
};

// Reads one figure starting exactly at `first` (never past `last`). A hedge
// is read only when `allow_hedge`. Units and scale words are part of the
// figure; a counted noun is not.
[[nodiscard]] bool parse_single_quantity(const char* first, const char* last, bool allow_hedge,
                                         single_quantity& out);

}  // namespace factlint::grammar::detail
