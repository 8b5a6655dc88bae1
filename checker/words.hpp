// Word lists the extractor reads prose with: verbs that start or end an
// event, tense markers, stop words. Kept in one place so a reader can see
// (and extend) the vocabulary without reading the patterns.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace factlint::words {

// A word's classes as bits, so that a token is classified once and its
// patterns test a bit instead of looking a word up again.
enum word_class : unsigned {
    start_verb = 1u << 0,
    end_verb = 1u << 1,
    event_verb = 1u << 2,
    future = 1u << 3,
    present = 1u << 4,
    past = 1u << 5,  // a past marker: listed, or an -ed form that is not an exception
    rise = 1u << 6,
    fall = 1u << 7,
    noun_stop = 1u << 8,
    conjunction = 1u << 9,
    filler = 1u << 10,
    total_word = 1u << 11,   // "total": where find_totals looks for "a total of"
    plan_word = 1u << 12,    // "due", "set", "going": future markers only before "to" and a verb
    marker_lead = 1u << 13,  // the first word of a marker after a total ("including", "of", "split"…)
};

// Every class of a lower-case word (0 for most words of prose).
[[nodiscard]] unsigned classes_of(std::string_view lower_word);

// The same for a word of `size` bytes at `p` that has at least
// `padded_room` readable bytes from its start (a buffer padded past its
// end): the tokenizer's way, inline, with no copy of the word.
inline constexpr std::size_t padded_room = 16;
[[nodiscard]] inline unsigned classes_of_padded(const char* p, std::size_t size);

// The lists read one by one, with no table: what classes_of must give
// for every word (held by a unit test).
[[nodiscard]] unsigned classes_by_lists(std::string_view lower_word);

[[nodiscard]] bool is_start_verb(std::string_view w);          // began, opened, signed, declared…
[[nodiscard]] bool is_end_verb(std::string_view w);            // ended, withdrew, closed…
[[nodiscard]] bool is_event_verb(std::string_view w);          // took place, occurred, happened…
[[nodiscard]] bool is_future_marker(std::string_view w);       // will, expected, projected, due…
[[nodiscard]] bool is_present_marker(std::string_view w);      // is, are, has, now, currently…
[[nodiscard]] bool is_past_marker(std::string_view w);         // was, were, rose, fell, -ed verbs…
[[nodiscard]] bool is_rise_word(std::string_view w);           // rose, grew, up, increase…
[[nodiscard]] bool is_fall_word(std::string_view w);           // fell, dropped, down, decline…
[[nodiscard]] bool is_noun_stop(std::string_view w);           // words that end a counted noun phrase
[[nodiscard]] bool is_clause_conjunction(std::string_view w);  // and, but, while, which…
// Words that may stand between a verb and the date it governs ("ended
// officially in", "began on").
[[nodiscard]] bool is_verb_date_filler(std::string_view w);

namespace detail {

// A listed word as the table holds it: its bytes as two little-endian
// 64-bit words, zero past its end (every listed word has 16 bytes or
// fewer), its size, and its classes (with `listed` set; 0 for an empty slot).
struct word_slot {
    std::uint64_t low = 0, high = 0;
    std::uint32_t size = 0;
    unsigned classes = 0;
};
inline constexpr unsigned listed = 1u << 31;
inline constexpr unsigned table_bits = 11;  // about a sixth full: one probe for most words
inline constexpr std::size_t table_size = std::size_t{1} << table_bits;
extern const std::array<word_slot, table_size> word_slots;

constexpr std::size_t slot_of(std::uint64_t low, std::size_t size) {
    return static_cast<std::size_t>(((low + size) * 0x9E3779B97F4A7C15ull) >> (64 - table_bits));
}

inline std::uint64_t load_8(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
}

// The bytes of a word of n bytes that its first and second 8-byte loads keep.
constexpr std::uint64_t low_mask(std::size_t n) { return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1; }
constexpr std::uint64_t high_mask(std::size_t n) {
    return n <= 8 ? 0 : n >= 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1;
}
// low_mask by look-up for n up to padded_room: no branch on the word's size
// (words of prose are shorter and longer than eight bytes unpredictably).
inline constexpr std::array<std::uint64_t, padded_room + 1> low_masks = [] {
    std::array<std::uint64_t, padded_room + 1> m{};
    for (std::size_t n = 0; n <= padded_room; ++n) m[n] = low_mask(n);
    return m;
}();

// Past forms by their ending: "-ed" words of five bytes and more that no
// list names.
inline unsigned ed_rule(const char* p, std::size_t size) {
    return size > 4 && p[size - 2] == 'e' && p[size - 1] == 'd' ? unsigned{past} : 0u;
}

}  // namespace detail

inline unsigned classes_of_padded(const char* p, std::size_t size) {
    if (size - 1 < padded_room) {  // 1 to 16 bytes: a listed word may be this one
        const std::uint64_t low = detail::load_8(p) & detail::low_masks[size];
        const std::uint64_t high = size > 8 ? detail::load_8(p + 8) & detail::high_mask(size) : 0;
        for (std::size_t h = detail::slot_of(low, size);; h = (h + 1) & (detail::table_size - 1)) {
            const detail::word_slot& s = detail::word_slots[h];
            if (s.classes == 0) break;
            if (s.low == low && s.high == high && s.size == size) return s.classes & ~detail::listed;
        }
    }
    return detail::ed_rule(p, size);
}

}  // namespace factlint::words
