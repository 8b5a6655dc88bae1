// Positions: byte offsets to line and column, and prose bytes to source bytes.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "claims/huge_pages.hpp"
#include "reader/detail.hpp"

namespace factlint {

namespace {

constexpr std::size_t block_size = 1024;  // locate() counts at most two blocks of a long line

using reader_detail::count_chars;

// A file's lines are guessed from four windows of 16 KiB spread over it.
constexpr std::size_t line_windows = 4;
constexpr std::size_t line_window = std::size_t{16} * 1024;

// Line breaks ("\n", or "\r" where there are more of those) in `text`.
std::size_t line_breaks(std::string_view text) {
    const auto count = [text](char c) {
        std::size_t n = 0;
        const char* const end = text.data() + text.size();
        for (const char* p = text.data();
             p != end && (p = static_cast<const char*>(std::memchr(p, c, end - p))); ++p)
            ++n;
        return n;
    };
    return std::max(count('\n'), count('\r'));
}

// The lines of `source`, guessed from the windows (with an eighth more).
// A guess by a fixed line length (48 bytes) was mapped whole, and so held
// 8 MB it never used for 50 MB of news prose, and fell short of a table of
// 30-byte rows, whose starts then grew by doubling, each buffer given up
// kept in memory by the allocator's huge pages (docs/performance.md, part
// 36). A file no larger than the windows keeps that guess: at most a few
// KB, and no pass over a small file's bytes.
std::size_t expected_lines(std::string_view source) {
    constexpr std::size_t sampled = line_windows * line_window;
    if (source.size() <= sampled) return source.size() / 48 + 1;
    std::size_t breaks = 0;
    const std::size_t step = (source.size() - line_window) / (line_windows - 1);
    for (std::size_t w = 0; w < line_windows; ++w)
        breaks += line_breaks(source.substr(w * step, line_window));
    return (breaks + 1) * (source.size() / sampled + 1) * 9 / 8;
}

// Room for the lines still to come when the guess fell short (lines
// shorter between the windows than in them; a file of 64 KiB or less with
// lines under 48 bytes): judged from the lines so far.
[[gnu::noinline]] void room_for_more_lines(std::vector<std::uint32_t>& starts, std::size_t read,
                                           std::size_t total) {
    const std::size_t per_line = std::max<std::size_t>(1, read / starts.size());
    reserve_huge(starts, starts.size() + (total - read) / per_line * 9 / 8 + 64);
}

}  // namespace

// Lines end at "\n", "\r\n" or a lone "\r" (as in CommonMark, so that line
// numbers agree with what md4c sees). A final line ending does not start
// another, empty line.
line_index::line_index(std::string_view source) : source_(source) {
    if (source.size() >= std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("line_index: a source of 4 GiB or more");
    block_chars_.reserve(source.size() / block_size + 1);
    block_chars_.push_back(0);
    for (std::size_t at = block_size; at <= source.size(); at += block_size)
        block_chars_.push_back(block_chars_.back() +
                               reader_detail::count_block_chars(source.substr(at - block_size, block_size)));
    // The room is mapped at once, cheaper than a page fault for each 4 KB
    // as the starts fill it (claims/huge_pages.hpp).
    reserve_huge(starts_, expected_lines(source));
    starts_.push_back(0);
    const char* const begin = source.data();
    const std::size_t n = source.size();
    if (std::memchr(begin, '\r', n) == nullptr) {
        // The common case, "\n" only: let memchr find them.
        for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', n - (p - begin))));) {
            ++p;
            if (p == begin + n) break;
            if (starts_.size() == starts_.capacity()) room_for_more_lines(starts_, p - begin, n);
            starts_.push_back(static_cast<std::uint32_t>(p - begin));
        }
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const char c = source[i];
        if (c != '\n' && c != '\r') continue;
        if (c == '\r' && i + 1 < n && source[i + 1] == '\n') ++i;
        if (i + 1 >= n) continue;
        if (starts_.size() == starts_.capacity()) room_for_more_lines(starts_, i + 1, n);
        starts_.push_back(static_cast<std::uint32_t>(i + 1));
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
