// Internal to the time scanner (grammar/time_scan.cpp): the classes of the
// words it stops at, found with one hash look-up per word instead of a
// comparison with each word of a list (which was about a twentieth of a
// check: the scanner meets every word of the prose).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "grammar/scan_starts.hpp"
#include "grammar/time_words.hpp"

namespace factlint::grammar::time_detail {

enum keyword_class : std::uint16_t {
    kw_core = 1u << 0,            // the X3 grammar is tried at it (core_words)
    kw_ago = 1u << 1,             // "ago", "earlier"
    kw_present = 1u << 2,         // "present", "date"
    kw_quarter_period = 1u << 3,  // "quarter", "period"
    kw_weekend = 1u << 4,         // "weekend"
    kw_vague = 1u << 5,           // a vague reference may be read around it
    kw_shift = 1u << 6,           // "this", "last", "next", …
    kw_ordinal = 1u << 7,         // "first" … "fourth"
    kw_after_shift = 1u << 8,     // what a shift word needs next to start a date
    kw_month_weekday = 1u << 9,   // a month name or abbreviation, or a weekday
    kw_quarter_half = 1u << 10,   // what an ordinal needs next
    kw_year = 1u << 11,           // "year"
    kw_two = 1u << 12,            // "two", after "year"
};

class keyword_table {
public:
    struct list {
        std::span<const std::string_view> words;
        std::uint16_t classes;
    };

    constexpr keyword_table(std::initializer_list<list> lists) {
        for (const list& l : lists)
            for (std::string_view w : l.words) add(w, l.classes);
    }

    // The classes of a letters-only word, in any case; 0 for other words.
    [[nodiscard]] constexpr std::uint16_t classes(word_ref w) const {
        if (w.size() == 0 || w.size() > max_length) return 0;
        for (std::size_t s = hash(w) & mask;; s = (s + 1) & mask) {
            const slot& e = slots_[s];
            if (e.classes == 0) return 0;
            if (is(w, e.word)) return e.classes;
        }
    }

    // The words whose classes `keep` accepts, by the first two letters and
    // by the last two (detail::word_filter). Defined before filter(), which
    // calls it: clang 14 cannot evaluate a constexpr call to a member
    // template defined further down the class.
    template <class Keep>
    [[nodiscard]] constexpr detail::word_filter filter_where(Keep keep) const {
        detail::word_filter f;
        for (const slot& e : slots_)
            if (e.classes != 0 && keep(e.classes) && e.word[0] >= 'a' && e.word[0] <= 'z')
                detail::add_word(f, e.word);
        return f;
    }
    // The same for the words that have any of `classes`.
    [[nodiscard]] constexpr detail::word_filter filter(std::uint16_t classes) const {
        return filter_where([classes](std::uint16_t c) { return (c & classes) != 0; });
    }

    // For each first letter, a bit per length of the words that have any of
    // `classes` (words that begin with a digit, "1st", are left out).
    [[nodiscard]] constexpr std::array<std::uint16_t, 26> lengths_by_first_letter(
        std::uint16_t classes) const {
        std::array<std::uint16_t, 26> lengths{};
        for (const slot& e : slots_)
            if ((e.classes & classes) != 0 && e.word[0] >= 'a' && e.word[0] <= 'z')
                lengths[static_cast<std::size_t>(e.word[0] - 'a')] |=
                    static_cast<std::uint16_t>(1u << e.word.size());
        return lengths;
    }

private:
    static constexpr std::size_t size = 256;  // a power of two, under half full
    static constexpr std::size_t mask = size - 1;
    static constexpr std::size_t max_length = 15;
    struct slot {
        std::string_view word;
        std::uint16_t classes = 0;
    };

    // By the length and three bytes (the first two and the last), case
    // folded: a few instructions for any word, where a hash of every byte
    // cost as much as the comparison after it. Words alike in those share a
    // slot's neighbourhood; `is` tells them apart.
    static constexpr std::size_t hash(word_ref w) {
        const auto byte = [](char c) { return std::uint32_t{static_cast<unsigned char>(lower(c))}; };
        const std::uint32_t key = byte(w.begin[0]) | byte(w.begin[w.size() > 1 ? 1 : 0]) << 8 |
                                  byte(w.end[-1]) << 16 | static_cast<std::uint32_t>(w.size()) << 24;
        return (key * 2654435761u) >> 24;
    }

    constexpr void add(std::string_view word, std::uint16_t classes) {
        const word_ref w{word.data(), word.data() + word.size()};
        for (std::size_t s = hash(w) & mask;; s = (s + 1) & mask) {
            slot& e = slots_[s];
            if (e.classes == 0) {
                e = {word, classes};
                return;
            }
            if (e.word == word) {
                e.classes = static_cast<std::uint16_t>(e.classes | classes);
                return;
            }
        }
    }

    std::array<slot, size> slots_{};
};

}  // namespace factlint::grammar::time_detail
