// Positions: byte offsets to line and column, and prose bytes to source bytes.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "reader/document.hpp"

namespace factlint {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

constexpr std::size_t block_size = 1024;  // locate() counts at most two blocks of a long line

// Characters are bytes less continuation bytes (10xxxxxx), counted eight
// at a time: a byte's bit 7 set and bit 6 clear flags one, the flags add up
// in per-byte counters (at most 255 words before they could overflow), and
// the counters are summed once, in 16-bit lanes.
std::size_t count_chars(std::string_view bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t low_bytes = 0x00FF00FF00FF00FFULL;
    const std::size_t words = bytes.size() / 8;
    std::size_t continuation = 0;
    for (std::size_t first = 0; first < words; first += 255) {
        const std::size_t last = std::min(words, first + 255);
        std::uint64_t counters = 0;
        for (std::size_t k = first; k < last; ++k) {
            std::uint64_t w;
            std::memcpy(&w, bytes.data() + 8 * k, sizeof w);
            counters += (w & ~(w << 1)) >> 7 & ones;
        }
        const std::uint64_t pairs = (counters & low_bytes) + (counters >> 8 & low_bytes);
        continuation += static_cast<std::size_t>((pairs * 0x0001000100010001ULL) >> 48);
    }
    for (std::size_t i = 8 * words; i < bytes.size(); ++i)
        continuation += is_continuation_byte(bytes[i]) ? 1 : 0;
    return bytes.size() - continuation;
}

}  // namespace

// Lines end at "\n", "\r\n" or a lone "\r" (as in CommonMark, so that line
// numbers agree with what md4c sees). A final line ending does not start
// another, empty line.
line_index::line_index(std::string_view source) : source_(source) {
    block_chars_.reserve(source.size() / block_size + 1);
    block_chars_.push_back(0);
    for (std::size_t at = block_size; at <= source.size(); at += block_size)
        block_chars_.push_back(block_chars_.back() + count_chars(source.substr(at - block_size, block_size)));
    starts_.reserve(source.size() / 48 + 1);
    starts_.push_back(0);
    const char* const begin = source.data();
    const std::size_t n = source.size();
    if (std::memchr(begin, '\r', n) == nullptr) {
        // The common case, "\n" only: let memchr find them.
        for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', n - (p - begin))));) {
            ++p;
            if (p == begin + n) break;
            starts_.push_back(static_cast<std::size_t>(p - begin));
        }
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const char c = source[i];
        if (c != '\n' && c != '\r') continue;
        if (c == '\r' && i + 1 < n && source[i + 1] == '\n') ++i;
        if (i + 1 < n) starts_.push_back(i + 1);
    }
}

line_index::position line_index::locate(std::size_t byte) const {
    byte = std::min(byte, source_.size());
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), byte);
    const auto line = static_cast<std::size_t>(next - starts_.begin());  // >= 1: starts_[0] == 0
    const std::size_t start = starts_[line - 1];
    // Counting from the line start would make every position on one long
    // line cost the whole line (quadratic on a 50 MB single-line file).
    const std::size_t chars = byte - start < block_size ? count_chars(source_.substr(start, byte - start))
                                                        : chars_before(byte) - chars_before(start);
    return {static_cast<int>(line), static_cast<int>(chars) + 1};
}

std::size_t line_index::chars_before(std::size_t byte) const {
    const std::size_t block = byte / block_size;
    return block_chars_[block] + count_chars(source_.substr(block * block_size, byte - block * block_size));
}

std::string_view line_index::line_text(int line) const {
    if (line < 1 || line > line_count()) return {};
    const auto index = static_cast<std::size_t>(line);
    const std::size_t start = starts_[index - 1];
    std::size_t end = index < starts_.size() ? starts_[index] : source_.size();
    while (end > start && (source_[end - 1] == '\n' || source_[end - 1] == '\r')) --end;
    return source_.substr(start, end - start);
}

namespace {

// The last run that starts at or before text byte i, or nullptr.
const sentence::run* run_at_or_before(std::span<const sentence::run> runs, std::size_t i) {
    const auto next = std::upper_bound(runs.begin(), runs.end(), i,
                                       [](std::size_t x, const sentence::run& r) { return x < r.at; });
    if (next == runs.begin()) return nullptr;
    return &*(next - 1);
}

}  // namespace

std::size_t sentence::source_offset(std::size_t i) const {
    if (verbatim) return verbatim_at + std::min(i, text.size());
    if (runs.empty()) return 0;
    const run* r = run_at_or_before(runs, i);
    if (r == nullptr) return runs.front().source_at;
    if (i < r->at + r->length) return r->source_at + (i - r->at);
    return r->source_at + r->length;
}

std::size_t sentence::source_end_offset(std::size_t i) const {
    if (verbatim || i == 0 || runs.empty()) return source_offset(i);
    const run* r = run_at_or_before(runs, i - 1);
    if (r != nullptr && i - 1 < r->at + r->length) return r->source_at + (i - r->at);
    return source_offset(i);
}

}  // namespace factlint
