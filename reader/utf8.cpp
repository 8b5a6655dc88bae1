// Checking that a file is UTF-8 text before reading it.
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

}  // namespace

std::optional<encoding_problem> check_utf8(std::string_view bytes) {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        i += plain_ascii_prefix(bytes.substr(i));
        if (i == n) break;
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

namespace factlint {

bool valid_utf8(std::string_view bytes) {
    // check_utf8 stops at a NUL byte too (a file holding one is refused).
    for (std::size_t at = 0;;) {
        const auto problem = reader_detail::check_utf8(bytes.substr(at));
        if (!problem) return true;
        if (!problem->nul) return false;
        at += problem->offset + 1;
    }
}

}  // namespace factlint
