// Whole-text byte passes of the reader, 16 bytes at a time with SSE2 where
// the machine has it, else eight at a time in a 64-bit word. The portable
// forms are kept callable so that the tests can hold the two together.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "reader/detail.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factlint::reader_detail {

namespace {

constexpr std::uint64_t high = 0x8080808080808080ULL;
constexpr std::uint64_t ones = 0x0101010101010101ULL;

std::uint64_t load_word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// High bits of a word where a byte is not ASCII or may be NUL: a byte's high
// bit set, or set by subtracting one from a zero byte. (A borrow can flag
// bytes after a real NUL too; the byte loop then looks at them one by one.)
std::uint64_t unusual_bytes(std::uint64_t w) { return ((w - ones) | w) & high; }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool is_plain_byte(char c) { return c != 0 && static_cast<unsigned char>(c) < 0x80; }

}  // namespace

std::size_t plain_ascii_prefix_portable(std::string_view bytes) {
    std::size_t i = 0;
    // The four words of a 32-byte block are tested at once.
    while (bytes.size() - i >= 32) {
        const char* p = bytes.data() + i;
        if (unusual_bytes(load_word(p)) | unusual_bytes(load_word(p + 8)) | unusual_bytes(load_word(p + 16)) |
            unusual_bytes(load_word(p + 24))) {
            break;
        }
        i += 32;
    }
    while (bytes.size() - i >= 8 && unusual_bytes(load_word(bytes.data() + i)) == 0) i += 8;
    while (i < bytes.size() && is_plain_byte(bytes[i])) ++i;
    return i;
}

std::size_t plain_ascii_prefix(std::string_view bytes) {
#if defined(__SSE2__)
    const char* const begin = bytes.data();
    const char* p = begin;
    const char* const end = begin + bytes.size();
    const __m128i zero = _mm_setzero_si128();
    // Four vectors a step: a byte with its high bit set shows in the OR of
    // them, a NUL in their unsigned minimum.
    while (end - p >= 64) {
        const auto* v = reinterpret_cast<const __m128i*>(p);
        const __m128i a = _mm_loadu_si128(v);
        const __m128i b = _mm_loadu_si128(v + 1);
        const __m128i c = _mm_loadu_si128(v + 2);
        const __m128i d = _mm_loadu_si128(v + 3);
        const __m128i any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
        const __m128i least = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
        if ((_mm_movemask_epi8(any) | _mm_movemask_epi8(_mm_cmpeq_epi8(least, zero))) != 0) break;
        p += 64;
    }
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto unusual =
            static_cast<unsigned>(_mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
        if (unusual != 0) return static_cast<std::size_t>(p - begin) + std::countr_zero(unusual);
        p += 16;
    }
    const auto done = static_cast<std::size_t>(p - begin);
    return done + plain_ascii_prefix_portable(bytes.substr(done));
#else
    return plain_ascii_prefix_portable(bytes);
#endif
}

// Characters are bytes less continuation bytes (10xxxxxx), counted eight
// at a time: a byte's bit 7 set and bit 6 clear flags one, the flags add up
// in per-byte counters (at most 255 words before they could overflow), and
// the counters are summed once, in 16-bit lanes.
std::size_t count_chars_portable(std::string_view bytes) {
    constexpr std::uint64_t low_bytes = 0x00FF00FF00FF00FFULL;
    const std::size_t words = bytes.size() / 8;
    std::size_t continuation = 0;
    for (std::size_t first = 0; first < words; first += 255) {
        const std::size_t last = std::min(words, first + 255);
        std::uint64_t counters = 0;
        for (std::size_t k = first; k < last; ++k) {
            const std::uint64_t w = load_word(bytes.data() + 8 * k);
            counters += (w & ~(w << 1)) >> 7 & ones;
        }
        const std::uint64_t pairs = (counters & low_bytes) + (counters >> 8 & low_bytes);
        continuation += static_cast<std::size_t>((pairs * 0x0001000100010001ULL) >> 48);
    }
    for (std::size_t i = 8 * words; i < bytes.size(); ++i)
        continuation += is_continuation_byte(bytes[i]) ? 1 : 0;
    return bytes.size() - continuation;
}

std::size_t count_chars(std::string_view bytes) {
#if defined(__SSE2__)
    // Continuation bytes 0x80..0xBF are the signed bytes below 0xC0 (-64).
    // Each compare gives -1 per such byte; four compares summed and
    // subtracted count up to 4 per byte lane a step, 63 steps before a lane
    // could overflow; psadbw then adds the lanes up.
    const __m128i lead_bottom = _mm_set1_epi8(-64);
    const __m128i zero = _mm_setzero_si128();
    const char* p = bytes.data();
    const std::size_t steps = bytes.size() / 64;
    std::size_t continuation = 0;
    for (std::size_t first = 0; first < steps; first += 63) {
        const std::size_t n = std::min<std::size_t>(steps - first, 63);
        __m128i counters = zero;
        for (std::size_t k = 0; k < n; ++k, p += 64) {
            const auto* v = reinterpret_cast<const __m128i*>(p);
            const __m128i a = _mm_cmplt_epi8(_mm_loadu_si128(v), lead_bottom);
            const __m128i b = _mm_cmplt_epi8(_mm_loadu_si128(v + 1), lead_bottom);
            const __m128i c = _mm_cmplt_epi8(_mm_loadu_si128(v + 2), lead_bottom);
            const __m128i d = _mm_cmplt_epi8(_mm_loadu_si128(v + 3), lead_bottom);
            counters = _mm_sub_epi8(counters, _mm_add_epi8(_mm_add_epi8(a, b), _mm_add_epi8(c, d)));
        }
        const __m128i sums = _mm_sad_epu8(counters, zero);
        continuation += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
                        static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
    }
    const std::size_t done = 64 * steps;
    return done - continuation + count_chars_portable(bytes.substr(done));
#else
    return count_chars_portable(bytes);
#endif
}

std::size_t count_block_chars(std::string_view bytes) {
#if defined(__SSE2__)
    // The OR of all the 64-byte steps shows any high bit; without one, every
    // byte is a character.
    if (bytes.size() % 64 == 0) {
        __m128i any = _mm_setzero_si128();
        for (const char* p = bytes.data(); p != bytes.data() + bytes.size(); p += 64) {
            const auto* v = reinterpret_cast<const __m128i*>(p);
            any =
                _mm_or_si128(any, _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                               _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3))));
        }
        if (_mm_movemask_epi8(any) == 0) return bytes.size();
    }
#endif
    return count_chars(bytes);
}

}  // namespace factlint::reader_detail
