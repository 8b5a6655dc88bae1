// Internal to the quantity grammar: the words and characters around a figure
// that say it is not a quantity (SPEC §4.1 "Not quantities"): labels and
// model names ("Route 9"), times of day, ratings, phone numbers, versions,
// list numbering, street numbers, numbers inside URLs. Plain C++, no X3.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace factlint::grammar::detail {

// Byte classes, ASCII only (UTF-8 continuation bytes are never letters here).
[[nodiscard]] inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
[[nodiscard]] inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
[[nodiscard]] inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

[[nodiscard]] inline char lower(char c) { return is_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

// Whether `word` is `lower_word` but for the case of A-Z.
[[nodiscard]] inline bool equals_lower(std::string_view word, std::string_view lower_word) {
    if (word.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(word[i]) != lower_word[i]) return false;
    return true;
}

// A list of words of lower-case letters (a to z first, shorter than 32),
// with the lengths its words have by first letter: most words of prose are
// turned away by that one look-up; the rest are compared only with the
// words of their first letter (a list of 96 has 7 beginning with "i").
template <std::size_t N>
class word_list {
public:
    constexpr explicit word_list(const std::array<std::string_view, N>& words) : words_(words) {
        std::array<std::size_t, 27> counts{};
        for (std::string_view w : words) {
            if (w.empty() || w.size() >= 32 || w[0] < 'a' || w[0] > 'z')
                throw "word_list: not a lower-case word";
            const auto letter = static_cast<std::size_t>(w[0] - 'a');
            lengths_[letter] |= std::uint32_t{1} << w.size();
            ++counts[letter + 1];
        }
        for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
        first_ = counts;
        for (std::string_view w : words) by_letter_[counts[static_cast<std::size_t>(w[0] - 'a')]++] = w;
    }
    // Whether some word of the list equals_lower `word`.
    [[nodiscard]] bool holds(std::string_view word) const {
        if (word.empty() || word.size() >= 32) return false;
        const char c = lower(word[0]);
        if (c < 'a' || c > 'z') return false;
        const auto letter = static_cast<std::size_t>(c - 'a');
        if (!(lengths_[letter] >> word.size() & 1U)) return false;
        for (std::size_t i = first_[letter]; i < first_[letter + 1]; ++i)
            if (equals_lower(word, by_letter_[i])) return true;
        return false;
    }
    [[nodiscard]] const std::array<std::string_view, N>& words() const { return words_; }

private:
    std::array<std::string_view, N> words_;
    std::array<std::string_view, N> by_letter_{};  // the words in order of their first letter
    std::array<std::size_t, 27> first_{};          // where each letter's words begin in by_letter_
    std::array<std::uint32_t, 26> lengths_{};
};

// The figure as the filters see it.
struct figure_context {
    std::string_view text;
    std::size_t begin = 0;         // hedge included
    std::size_t number_begin = 0;  // the figure
    std::size_t end = 0;
    bool bare_integer = false;  // digits only, no separator, decimal, sign, scale, unit, currency or hedge
    bool digits = false;        // written in digits (not words)
    bool unit_written = false;
    bool simple_word = false;  // one spelled-out word below a hundred ("ten", "one")
};

// Whether the figure is something else in its context. On true, `skip_to`
// is where scanning resumes (past the whole token, e.g. past "/ 5" of a rating).
[[nodiscard]] bool not_a_quantity(const figure_context& f, std::size_t& skip_to);

// Whether a spelled-out number below a hundred ("one", "two") followed by
// spaces and the word `next_word` ("of", "in", "the") is always dropped by
// not_a_quantity, after a grammar that reads no further than the number:
// a word that shows it counts nothing, and that no unit, range or number
// word begins.
[[nodiscard]] bool drops_number_word_before(std::string_view next_word);

// Whether [number_begin, number_end) is four digits of a year from 1800 to
// 2100.
[[nodiscard]] bool year_digits(std::string_view text, std::size_t number_begin, std::size_t number_end);

// Whether the four digits at [number_begin, number_end) are a year that a
// word before makes a date ("in 2022", "by 2030", "March 2022"): such a year
// begins no range ("rose in 2022 to 13,000", "in 2000 — $1 million").
[[nodiscard]] bool dated_year(std::string_view text, std::size_t number_begin, std::size_t number_end);

// A phone number starting at `pos` ("555-0190", "(555) 123-4567",
// "+44 20 7946 0958", also ISBN-like digit chains): its end, or `pos`.
[[nodiscard]] std::size_t phone_like_end(std::string_view text, std::size_t pos);

// End of the token around a number: digits, letters and the joiners
// ". , : - /" between them ("1.2.3", "12/9/2021", "555-0190", "9:30").
[[nodiscard]] std::size_t token_end(std::string_view text, std::size_t pos);

// The word that ends just before `pos` (spaces skipped, no other punctuation
// in between), or empty.
[[nodiscard]] std::string_view word_before(std::string_view text, std::size_t pos);

}  // namespace factlint::grammar::detail
