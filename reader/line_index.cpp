// Positions: byte offsets to line and column, and prose bytes to source bytes.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "claims/huge_pages.hpp"
#include "reader/detail.hpp"

namespace factlint {

namespace {

constexpr std::size_t block_size = 1024;  // locate() counts at most two blocks of a long line

using reader_detail::count_chars;

}  // namespace

// Lines end at "\n", "\r\n" or a lone "\r" (as in CommonMark, so that line
// numbers agree with what md4c sees). A final line ending does not start
// another, empty line.
line_index::line_index(std::string_view source) : source_(source) {
    block_chars_.reserve(source.size() / block_size + 1);
    block_chars_.push_back(0);
    for (std::size_t at = block_size; at <= source.size(); at += block_size)
        block_chars_.push_back(block_chars_.back() +
                               reader_detail::count_block_chars(source.substr(at - block_size, block_size)));
    // Lines of 48 bytes on average (news text runs longer): the room is
    // mapped at once, cheaper even where a fifth of it is used than a page
    // fault for each 4 KB as the starts fill it (claims/huge_pages.hpp).
    reserve_huge(starts_, source.size() / 48 + 1);
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
