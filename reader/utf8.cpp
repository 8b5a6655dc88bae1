// Checking that a file is UTF-8 text before reading it.
#include <cstdint>
#include <cstring>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (overlong forms,
// surrogates and code points above U+10FFFF are invalid).
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    std::size_t n = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (s.size() - i < n) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    return n;
}

constexpr std::uint64_t high = 0x8080808080808080ULL;
constexpr std::uint64_t ones = 0x0101010101010101ULL;

// High bits of a word where a byte is not ASCII or may be NUL: a byte's high
// bit set, or set by subtracting one from a zero byte. (A borrow can flag
// bytes after a real NUL too; the byte loop then looks at them one by one.)
std::uint64_t unusual_bytes(std::uint64_t w) { return ((w - ones) | w) & high; }

// The end of the run of 32-byte blocks from i that are ASCII without NUL
// (most prose): the four words of a block are tested at once.
std::size_t skip_plain_blocks(std::string_view bytes, std::size_t i) {
    while (bytes.size() - i >= 32) {
        std::uint64_t w[4];
        std::memcpy(w, bytes.data() + i, sizeof w);
        if (unusual_bytes(w[0]) | unusual_bytes(w[1]) | unusual_bytes(w[2]) | unusual_bytes(w[3])) break;
        i += 32;
    }
    return i;
}

// Eight bytes at once while the text is ASCII without NUL.
bool plain_ascii_word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return unusual_bytes(w) == 0;
}

}  // namespace

std::optional<encoding_problem> check_utf8(std::string_view bytes) {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        i = skip_plain_blocks(bytes, i);
        if (i == n) break;
        if (n - i >= 8 && plain_ascii_word(bytes.data() + i)) {
            i += 8;
            continue;
        }
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == 0) return encoding_problem{i, b, true};
        if (b < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = sequence_length(bytes, i);
        if (len == 0) return encoding_problem{i, b, false};
        i += len;
    }
    return std::nullopt;
}

}  // namespace factlint::reader_detail
