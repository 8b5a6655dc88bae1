// Internal to the claims-file parser: the quantity of a `value` line
// ("about 2,500 troops", "$8.5 billion", "12.5%"), read by the prose
// grammar once per shape of the text and then reused for every value of the
// same shape. A large claims file repeats a handful of shapes ("$9.9
// million", "about 99.9%") hundreds of thousands of times.
#pragma once

#include <cstdint>
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
// The same into `out`'s quantity fields; false (and `out` as it was) when
// it is not one quantity.
[[nodiscard]] bool read_with_grammar(std::string_view text, kept_texts& texts, reference_value& out);

// The shapes met so far, each with what the grammar read for its first
// text: shared by the readers of the files of one claims set, so that a
// set of many small files meets each shape once, not once per file (4,000
// files of 25 claims each sent every file's first values to the grammar:
// a quarter of their load's instructions, docs/performance.md part 25).
class shapes {
public:
    // How many shapes were met (for tests).
    [[nodiscard]] std::size_t size() const { return shapes_.size(); }

private:
    friend class reader;
    struct shape {
        bool usable = false;  // false: the grammar reads every text of this shape
        double scale = 1;
        hedge_kind hedge = hedge_kind::none;
        std::string_view unit;  // interned
        std::string_view noun;  // in texts_
        // The noun as kept in the texts of the reader that used the shape
        // last (reader::noun_of): readers take turns, one file after another.
        std::uint64_t kept_by = 0;
        std::string_view kept_noun;
    };
    std::vector<shape> shapes_;
    std::uint64_t readers_ = 0;  // a number for each reader made
    // What shape_of_ and the shapes' nouns view: a deque, so they never move.
    std::deque<std::string> texts_;
    // A shape's key (the text with its figure's digits made 9s) -> its
    // number in shapes_: the id table's hash reads a key eight bytes at a
    // time, where std::hash of a std::string cost about as much as the rest
    // of a read.
    id_table shape_of_;
};

// The same results as read_with_grammar, for text whose one figure is in
// digits: the figure's digits are replaced by a placeholder to form the
// text's shape, the grammar reads the first text of each shape, and later
// texts of that shape take its hedge, unit, scale and noun with their own
// digits' value and precision. Anything the grammar might read differently
// for other digits (ranges, signs, dashes, "between", "to", attached scale
// letters, non-ASCII bytes, number words) goes to the grammar every time.
class reader {
public:
    // Nouns are kept in `texts`, which must outlive the values read; the
    // shapes met are looked up in and added to `known`, which must outlive
    // the reader only.
    reader(kept_texts& texts, shapes& known) : texts_(texts), known_(known), number_(++known.readers_) {}

    [[nodiscard]] std::optional<reference_value> read(std::string_view text);
    // The same into `out`'s quantity fields (value, hedge, unit, noun,
    // range), the others left as they are; false when it is not one
    // quantity.
    [[nodiscard]] bool read(std::string_view text, reference_value& out);

private:
    // The first text of a shape; [begin, end) is its figure's digits.
    [[gnu::noinline]] bool read_new_shape(std::string_view text, std::size_t begin, std::size_t end,
                                          reference_value& out);
    // The shape's noun kept in texts_: the values of one file view that
    // file's texts only.
    std::string_view noun_of(shapes::shape& s);

    kept_texts& texts_;
    shapes& known_;
    std::uint64_t number_;  // this reader's, in known_ (never 0)
    std::string key_;       // reused for each look-up
};

}  // namespace factlint::grammar::claims_quantity
