// Internal to the grammar (grammar/scan_starts.cpp, quantity.cpp,
// time_scan.cpp): what the one pass over a sentence's words needs to know of
// the words each scanner stops at.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace factlint::grammar::detail {

// For each pair of two bytes of a word (see word_slot), a bit per length of
// the words a scanner may stop at: one table by the first two bytes, one by
// the last two. A word whose bit is clear in either is one the scanner walks
// over without looking at it.
using word_length_table = std::array<std::uint32_t, 32 * 32>;
struct word_filter {
    word_length_table first_two{};
    word_length_table last_two{};
};

// The slot of a word by two bytes, case folded (`& 31`): its first two
// bytes (0 and the byte for a one-letter word), or its last two.
constexpr std::size_t word_slot(unsigned char first, unsigned char second) {
    return (first & 31U) << 5 | (second & 31U);
}
constexpr std::size_t first_slot(std::string_view word) {
    return word_slot(static_cast<unsigned char>(word[0]),
                     word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0);
}
constexpr std::size_t last_slot(std::string_view word) {
    return word_slot(word.size() > 1 ? static_cast<unsigned char>(word[word.size() - 2]) : 0,
                     static_cast<unsigned char>(word.back()));
}
// Files `word` in the filter: its length under its first two bytes and
// under its last two.
constexpr void add_word(word_filter& f, std::string_view word) {
    f.first_two[first_slot(word)] |= 1U << word.size();
    f.last_two[last_slot(word)] |= 1U << word.size();
}

// The words at which the quantity scanner may try a figure (runs of letters
// and digits that start with a letter: leads, number words), and those at
// which the time scanner may try a phrase (letters only: months, weekdays,
// "this", "ago", …).
[[nodiscard]] const word_filter& quantity_word_filter();
[[nodiscard]] const word_filter& time_word_filter();

// The words of quantity_word_filter that are phrase leads and nothing else
// ("a", "in", "at" …: "a dozen", "in excess of"), by lengths and bytes no
// other opener has: such a word opens a figure only before a "$" or before
// a word the quantity scanner knows (quantity.cpp's word_opens_figure). Those words by their first two bytes
// (for words of 13 bytes or fewer).
[[nodiscard]] const word_filter& quantity_phrase_lead_filter();
[[nodiscard]] const word_length_table& quantity_word_lengths();
// By a phrase lead's first two bytes (as word_slot files them), the words
// it goes on with ("in excess", "at least"): bit `letter & 31` for each
// first letter, bit 32 + n for each length n. A word after a phrase lead
// that lacks either bit is not one of its own.
using phrase_lead_next_table = std::array<std::uint64_t, 32 * 32>;
[[nodiscard]] const phrase_lead_next_table& quantity_phrase_lead_next();

// The words of quantity_word_filter that may be number words ("one",
// "twenty"; every length past seven by the last two bytes): the only ones
// that open a figure with no "$", figure or known word after them.
[[nodiscard]] const word_filter& quantity_number_word_filter();

// The words of time_word_filter at which the time scanner may act whatever
// follows them (months, "today", "ago", …), and those (by the same two
// tables) one of which the others ("this", "first", "year": shift words,
// ordinals, "year") need as the next word, after a "-" and blanks
// ("this year", "first-quarter", "the year two thousand").
[[nodiscard]] const word_filter& time_alone_word_filter();
[[nodiscard]] const word_filter& time_next_word_filter();

// Whether the quantity scanner tries a figure at the word text[begin, end),
// a run of letters and digits starting with a letter; whether the time
// scanner may do more at a word than pass over it (its letters
// [begin, letters_end), then digits to word_end). The words the tables
// above rule out are those for which these are false, bar a "$" after the
// word ("US$") and a web address ("http://").
[[nodiscard]] bool quantity_word_opens(std::string_view text, std::size_t begin, std::size_t end);
[[nodiscard]] bool time_word_acts(const char* begin, const char* letters_end, const char* word_end,
                                  const char* end);

// The end of the run of ASCII letters from p (at most `end`): 16 bytes at a
// time where the machine has SSE2, then (or else) as letters_end_portable
// finds it, eight bytes at a time (one word of prose mostly fits in one
// look).
[[nodiscard]] const unsigned char* letters_end(const unsigned char* p, const unsigned char* end);
[[nodiscard]] const unsigned char* letters_end_portable(const unsigned char* p, const unsigned char* end);

}  // namespace factlint::grammar::detail
