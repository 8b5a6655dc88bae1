// Plain text: paragraphs are separated by blank lines, and the lines of a
// paragraph are joined with a space. A line "# factlint-disable FL201"
// (any directive after '#') is a directive, not prose, and ends the
// paragraph before it.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

class text_reader {
public:
    text_reader(document& doc, std::size_t first_block) : doc_(doc), block_(first_block) {}

    void run(std::size_t at) {
        const std::string_view s = doc_.source;
        while (at < s.size()) {
            const std::size_t end = line_end(s, at);
            on_line(at, end);
            at = end;
            if (at < s.size() && s[at] == '\r') {
                ++at;
                if (at < s.size() && s[at] == '\n') ++at;
            } else if (at < s.size()) {
                ++at;  // '\n'
            }
        }
        end_paragraph();
    }

private:
    // The end of the line starting at `at`. memchr finds the next '\n' and
    // the next '\r' (a byte loop here was 8% of a whole check); each is
    // remembered until passed, so a file of lone '\r's is still read once.
    std::size_t line_end(std::string_view s, std::size_t at) {
        return std::min(next_of(s, at, '\n', next_newline_), next_of(s, at, '\r', next_return_));
    }

    static std::size_t next_of(std::string_view s, std::size_t at, char c, std::size_t& cached) {
        if (cached == unknown || cached < at) {
            const void* p = std::memchr(s.data() + at, c, s.size() - at);
            cached = p ? static_cast<std::size_t>(static_cast<const char*>(p) - s.data()) : s.size();
        }
        return cached;
    }

    void on_line(std::size_t begin, std::size_t end) {
        const std::string_view s = doc_.source;
        while (begin < end && is_blank(s[begin])) ++begin;
        while (end > begin && is_blank(s[end - 1])) --end;
        if (begin == end) {
            end_paragraph();
            return;
        }
        if (s[begin] == '#' && read_directive(begin, end)) {
            end_paragraph();
            return;
        }
        if (!prose_.text().empty()) prose_.append_replacement(" ");
        prose_.append_source(s, begin, end - begin);
    }

    bool read_directive(std::size_t hash, std::size_t end) {
        const std::string_view words = std::string_view(doc_.source).substr(hash + 1, end - hash - 1);
        auto d = parse_directive(words);
        if (!d) return false;
        const auto pos = doc_.lines.locate(hash);
        d->line = pos.line;
        d->column = pos.column;
        doc_.directives.push_back(std::move(*d));
        return true;
    }

    void end_paragraph() {
        if (prose_.has_prose()) {
            emit_sentences(prose_, block_, false, doc_.source, doc_.prose, doc_.sentences);
            ++block_;
        }
        prose_.clear();
    }

    static constexpr std::size_t unknown = SIZE_MAX;
    document& doc_;
    std::size_t block_;
    prose_builder prose_;
    std::size_t next_newline_ = unknown, next_return_ = unknown;
};

}  // namespace

void read_plain_text(document& doc, std::size_t body_offset, std::size_t first_block) {
    text_reader(doc, first_block).run(body_offset);
}

}  // namespace factlint::reader_detail
