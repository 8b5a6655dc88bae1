// Plain text: paragraphs are separated by blank lines, and the lines of a
// paragraph are joined with a space. A line "# factlint-disable FL201"
// (any directive after '#') is a directive, not prose, and ends the
// paragraph before it.
//
// The paragraph is not copied out to be split: the sentence splitter reads
// the source from the paragraph's first byte to its last, where the gap
// between two lines (blanks, a line ending, blanks) is whitespace as the
// joining space is, so it finds the same sentences. Only a sentence that
// crosses a line is then joined into the document's prose store; one
// within a line is a view of the source.
#include <algorithm>
#include <cstdint>
#include <span>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// A line of a paragraph, without its blanks at either end (never empty).
struct line_piece {
    std::size_t begin = 0;
    std::size_t end = 0;
};

class text_reader {
public:
    text_reader(document& doc, std::size_t first_block) : doc_(doc), block_(first_block) {
        pieces_.reserve(64);
        joined_.reserve(1024);
    }

    // Line by line, from the starts the document's line index found (the
    // same line endings: "\n", "\r\n", a lone "\r").
    void run(std::size_t at) {
        const std::string_view s = doc_.source;
        const std::span<const std::size_t> starts = doc_.lines.line_starts();
        auto next = std::upper_bound(starts.begin(), starts.end(), at);
        while (at < s.size()) {
            const std::size_t following = next == starts.end() ? s.size() : *next;
            on_line(at, content_end(s, at, following));
            at = following;
            if (next != starts.end()) ++next;
        }
        end_paragraph();
    }

private:
    // The end of the line [begin, following) without its line ending.
    static std::size_t content_end(std::string_view s, std::size_t begin, std::size_t following) {
        std::size_t end = following;
        if (end > begin && s[end - 1] == '\n') --end;
        if (end > begin && s[end - 1] == '\r') --end;
        return end;
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
        pieces_.push_back({begin, end});
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

    // A line never starts or ends with whitespace, so a paragraph of one
    // or more lines always has prose.
    void end_paragraph() {
        if (pieces_.empty()) return;
        const std::size_t first = pieces_.front().begin;
        const std::string_view source = doc_.source;
        const std::string_view paragraph = source.substr(first, pieces_.back().end - first);
        std::size_t line = 0;
        split_sentences(paragraph, sentences_);
        for (const auto& [b, e] : sentences_) {
            const std::size_t begin = first + b;
            const std::size_t end = first + e;
            // A sentence starts and ends at a byte that is not whitespace:
            // within a line.
            while (pieces_[line].end <= begin) ++line;
            add_sentence(line, begin, end);
        }
        ++block_;
        pieces_.clear();
    }

    void add_sentence(std::size_t line, std::size_t begin, std::size_t end) {
        const std::string_view source = doc_.source;
        if (end <= pieces_[line].end) {
            // Nearly every sentence: built whole, each member stored once
            // (not zeroed first), its bounds known to be within the source.
            doc_.sentences.push_back(sentence{.text = std::string_view(source.data() + begin, end - begin),
                                              .runs = {},
                                              .block = block_,
                                              .verbatim_at = static_cast<std::uint32_t>(begin),
                                              .verbatim = true,
                                              .heading = false});
            return;
        }
        sentence& s = doc_.sentences.emplace_back();
        s.block = block_;
        // Across lines: the pieces joined with a space, as the reader joins
        // the lines of a paragraph.
        joined_.clear();
        runs_.clear();
        std::size_t from = begin;
        for (std::size_t k = line; k < pieces_.size() && pieces_[k].begin < end; ++k) {
            if (k != line) {
                joined_ += ' ';
                from = pieces_[k].begin;
            }
            const std::size_t to = std::min(end, pieces_[k].end);
            runs_.push_back({joined_.size(), from, to - from});
            joined_.append(source.substr(from, to - from));
        }
        s.text = doc_.prose.keep_text(joined_);
        s.runs = doc_.prose.keep_runs(runs_);
    }

    document& doc_;
    std::size_t block_;
    std::vector<line_piece> pieces_;                              // the lines of the paragraph being read
    std::vector<std::pair<std::size_t, std::size_t>> sentences_;  // of the paragraph
    std::string joined_;                                          // the text of a sentence across lines
    std::vector<sentence::run> runs_;
};

}  // namespace

void read_plain_text(document& doc, std::size_t body_offset, std::size_t first_block) {
    text_reader(doc, first_block).run(body_offset);
}

}  // namespace factlint::reader_detail
