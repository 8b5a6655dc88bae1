// From the words of a figure to the interval they allow (SPEC §4.2).
#pragma once

#include <cstddef>
#include <string_view>

#include "claims/interval.hpp"

namespace factlint {

enum class hedge_kind {
    none,         // "2,500": the precision interval
    approximate,  // about, around, roughly, some, an estimated, close to
    nearly,       // nearly, almost, just under: [a - t*v, v]
    above,        // more than, over, above, upwards of: (v, inf)
    at_least,     // at least: [v, inf)
    below,        // less than, fewer than, under, below: (-inf, v)
    at_most,      // at most, up to, no more than: (-inf, v]
    exact,        // exactly, precisely: the stated digits only
};

// The hedge a lower-case word or phrase names; none when it names none.
[[nodiscard]] hedge_kind hedge_from_words(std::string_view words);
[[nodiscard]] std::string_view hedge_name(hedge_kind h);

// The interval a stated figure allows.
//   value     the stated value with scale applied (8.5 billion -> 8.5e9)
//   half_unit half a unit of the last significant digit, in the same scale
//             (2,500 -> 50; 8.5 billion -> 0.05e9; 64% -> 0.5)
//   tolerance the hedge tolerance t (SPEC default 0.10)
[[nodiscard]] interval stated_interval(double value, double half_unit, hedge_kind hedge,
                                       double tolerance = 0.10);

// The interval of a range "2,000 to 3,000": the two precision intervals' hull.
[[nodiscard]] interval range_interval(double low, double low_half_unit, double high, double high_half_unit,
                                      hedge_kind hedge, double tolerance = 0.10);

// Half a unit of the last significant digit of a digit string as written
// ("2,500" -> 50, "50,000" -> 5000, "4.5" -> 0.05, "4.50" -> 0.005, "7" -> 0.5).
[[nodiscard]] double half_unit_of_digits(std::string_view digits);

// Figures longer than this many characters are not read (their value would
// not be exact, and the grammars refuse them before asking for it).
inline constexpr std::size_t max_figure_chars = 64;

// The value of a digit string as written, thousands commas dropped
// ("2,500" -> 2500, "4.50" -> 4.5); read with std::from_chars, so it is the
// same for the prose grammar and the claims file.
[[nodiscard]] double value_of_digits(std::string_view digits);

// Both of a digit string, read in one pass: {value_of_digits(digits),
// half_unit_of_digits(digits)}, the same doubles.
struct digits_figure {
    double value = 0;
    double half_unit = 0;
};
[[nodiscard]] digits_figure figure_of_digits(std::string_view digits);

}  // namespace factlint
