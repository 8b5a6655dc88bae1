// Internal to the claims-file parser: the quantity of a `value` line
// ("about 2,500 troops", "$8.5 billion", "12.5%"), read by the prose
// grammar once per shape of the text and then reused for every value of the
// same shape. A large claims file repeats a handful of shapes ("$9.9
// million", "about 99.9%") hundreds of thousands of times.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/id_table.hpp"
#include "claims/reference.hpp"
#include "claims/storage.hpp"

namespace factlint::grammar::claims_quantity {

// What parse_quantity makes of `text` (trimmed), as a reference value:
// value, range, hedge, unit and noun (kept in `texts`); nullopt when it is
// not one quantity.
[[nodiscard]] std::optional<reference_value> read_with_grammar(std::string_view text, kept_texts& texts);

// The same results as read_with_grammar, for text whose one figure is in
// digits: the figure's digits are replaced by a placeholder to form the
// text's shape, the grammar reads the first text of each shape, and later
// texts of that shape take its hedge, unit, scale and noun with their own
// digits' value and precision. Anything the grammar might read differently
// for other digits (ranges, signs, dashes, "between", "to", attached scale
// letters, non-ASCII bytes, number words) goes to the grammar every time.
class reader {
public:
    // Nouns are kept in `texts`, which must outlive the values read.
    explicit reader(kept_texts& texts) : texts_(texts) {}

    [[nodiscard]] std::optional<reference_value> read(std::string_view text);

    // How many shapes were met (for tests).
    [[nodiscard]] std::size_t shapes() const { return shapes_.size(); }

private:
    // The first text of a shape; [begin, end) is its figure's digits.
    [[gnu::noinline]] std::optional<reference_value> read_new_shape(std::string_view text, std::size_t begin,
                                                                    std::size_t end);

    struct shape {
        bool usable = false;  // false: the grammar reads every text of this shape
        double scale = 1;
        hedge_kind hedge = hedge_kind::none;
        std::string_view unit;  // interned
        std::string_view noun;  // in texts_
    };
    kept_texts& texts_;
    // The shapes met, by key (the text with its figure's digits made 9s):
    // the id table's hash reads a key eight bytes at a time, where
    // std::hash of a std::string cost about as much as the rest of a read.
    std::vector<shape> shapes_;
    std::deque<std::string> keys_;  // what shape_of views; a deque, so they never move
    id_table shape_of_;             // key -> its number in shapes_
    std::string key_;               // reused for each look-up
};

}  // namespace factlint::grammar::claims_quantity
