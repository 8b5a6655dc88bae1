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
    text_reader(document& doc, std::size_t first_block, sentence_flow& flow)
        : doc_(doc), starts_(doc.lines.line_starts()), block_(first_block), flow_(flow) {
        joined_.reserve(1024);
    }

    // Line by line, from the starts the document's line index found (the
    // same line endings: "\n", "\r\n", a lone "\r").
    void run(std::size_t at) {
        std::size_t k =
            static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), at) - starts_.begin());
        // The body may start inside a line (after front matter it does not,
        // but the index is the truth): that line's rest is read first.
        if (k > 0 && at < doc_.source.size()) on_line(k - 1, at);
        for (; k < starts_.size(); ++k) on_line(k, starts_[k]);
        end_paragraph();
    }

private:
    // Line k from byte `from` on, without its line ending and its blanks at
    // either end (empty for a blank line).
    [[nodiscard]] line_piece piece(std::size_t k, std::size_t from) const {
        const std::string_view s = doc_.source;
        std::size_t end = k + 1 < starts_.size() ? starts_[k + 1] : s.size();
        if (end > from && s[end - 1] == '\n') --end;
        if (end > from && s[end - 1] == '\r') --end;
        std::size_t begin = from;
        while (begin < end && is_blank(s[begin])) ++begin;
        while (end > begin && is_blank(s[end - 1])) --end;
        return {begin, end};
    }

    void on_line(std::size_t k, std::size_t from) {
        const line_piece p = piece(k, from);
        if (p.begin == p.end) {
            end_paragraph();
            return;
        }
        if (doc_.source[p.begin] == '#' && read_directive(p.begin, p.end)) {
            end_paragraph();
            return;
        }
        if (!in_paragraph_) {
            in_paragraph_ = true;
            first_line_ = k;
            first_ = p.begin;
        }
        last_end_ = p.end;
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
    // or more lines always has prose. Its lines are not listed: a sentence
    // finds them from the line index, walking forward (line_, line_piece_).
    void end_paragraph() {
        if (!in_paragraph_) return;
        in_paragraph_ = false;
        const std::string_view paragraph = std::string_view(doc_.source).substr(first_, last_end_ - first_);
        line_ = first_line_;
        line_piece_ = piece(line_, first_);
        sentence_splitter splitter(paragraph);
        while (splitter.next(sentence_round, sentences_)) {
            for (const auto& [b, e] : sentences_) {
                const std::size_t begin = first_ + b;
                // A sentence starts and ends at a byte that is not
                // whitespace: within a line.
                while (line_piece_.end <= begin) {
                    ++line_;
                    line_piece_ = piece(line_, starts_[line_]);
                }
                add_sentence(begin, first_ + e);
                flow_.sentence_done();
            }
        }
        ++block_;
    }

    void add_sentence(std::size_t begin, std::size_t end) {
        const std::string_view source = doc_.source;
        if (end <= line_piece_.end) {
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
        line_piece p = line_piece_;
        for (std::size_t k = line_; p.begin < end;) {
            if (k != line_) {
                joined_ += ' ';
                from = p.begin;
            }
            const std::size_t to = std::min(end, p.end);
            runs_.push_back({joined_.size(), from, to - from});
            joined_.append(source.substr(from, to - from));
            if (p.end >= end || ++k >= starts_.size()) break;
            p = piece(k, starts_[k]);
        }
        s.text = doc_.prose.keep_text(joined_);
        s.runs = doc_.prose.keep_runs(runs_);
    }

    // Sentences split at a time: a paragraph of very many short ones is
    // never listed whole (sentence_splitter).
    static constexpr std::size_t sentence_round = 1024;

    document& doc_;
    std::span<const std::uint32_t> starts_;  // of the document's lines
    std::size_t block_;
    sentence_flow& flow_;
    // The paragraph being read: its first line, where its text starts
    // (that line's first byte that is not blank) and ends.
    bool in_paragraph_ = false;
    std::size_t first_line_ = 0, first_ = 0, last_end_ = 0;
    // The line of the sentence being added, and its piece.
    std::size_t line_ = 0;
    line_piece line_piece_;
    std::vector<std::pair<std::size_t, std::size_t>> sentences_;  // of the paragraph, a round at a time
    std::string joined_;                                          // the text of a sentence across lines
    std::vector<sentence::run> runs_;
};

}  // namespace

void read_plain_text(document& doc, std::size_t body_offset, std::size_t first_block, sentence_flow& flow) {
    text_reader(doc, first_block, flow).run(body_offset);
}

}  // namespace factlint::reader_detail
