// Plain text: paragraphs are separated by blank lines, and the lines of a
// paragraph are joined with a space. A line "# factlint-disable FL201"
// (any directive after '#') is a directive, not prose, and ends the
// paragraph before it.
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
            std::size_t end = at;
            while (end < s.size() && s[end] != '\n' && s[end] != '\r') ++end;
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

    document& doc_;
    std::size_t block_;
    prose_builder prose_;
};

}  // namespace

void read_plain_text(document& doc, std::size_t body_offset, std::size_t first_block) {
    text_reader(doc, first_block).run(body_offset);
}

}  // namespace factlint::reader_detail
