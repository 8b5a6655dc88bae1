// Internal to the time grammar (grammar/time_*.cpp): the plain-C++ word
// helpers both the scanner and the vague-reference reader use to look at
// the words around a phrase. ASCII only: a byte of a UTF-8 sequence is
// never a letter here, so it ends a word.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace factlint::grammar::time_detail {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// ---- words around a phrase ------------------------------------------------

struct word_ref {
    const char* begin = nullptr;
    const char* end = nullptr;
    [[nodiscard]] constexpr explicit operator bool() const { return begin != end; }
    [[nodiscard]] constexpr std::size_t size() const { return static_cast<std::size_t>(end - begin); }
};

constexpr bool is(word_ref w, std::string_view lower_word) {
    if (w.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < lower_word.size(); ++i)
        if (lower(w.begin[i]) != lower_word[i]) return false;
    return true;
}

template <std::size_t N>
inline bool is_one_of(word_ref w, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view s) { return is(w, s); });
}

// The letters-only word that ends right before `at` (after skipping
// whitespace), not reaching below `limit`.
inline word_ref word_before(const char* limit, const char* at) {
    const char* p = at;
    while (p > limit && is_space(p[-1])) --p;
    const char* e = p;
    while (p > limit && is_alpha(p[-1])) --p;
    if (p > limit && is_digit(p[-1])) return {};
    return {p, e};
}

// The word that starts at `at` after skipping whitespace.
inline word_ref word_after(const char* at, const char* end) {
    const char* p = at;
    while (p < end && is_space(*p)) ++p;
    const char* b = p;
    while (p < end && is_alpha(*p)) ++p;
    return {b, p};
}

inline const char* skip_space(const char* p, const char* end) {
    while (p < end && is_space(*p)) ++p;
    return p;
}

}  // namespace factlint::grammar::time_detail
