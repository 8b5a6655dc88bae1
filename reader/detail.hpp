// Pieces of the reader shared between its translation units. Not part of the
// public contract (reader/document.hpp is).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reader/document.hpp"

namespace factlint::reader_detail {

// Where the readers put sentences: the document's list, handed to the
// caller's batches (reader/document.hpp) once it holds one. A reader calls
// sentence_done() after each sentence it finished, when it holds no
// reference into the list.
class sentence_flow {
public:
    sentence_flow(document& doc, const sentence_batches* batches)
        : doc_(doc),
          batches_(batches),
          limit_(batches ? std::max<std::size_t>(batches->size, 1) : SIZE_MAX),
          prose_limit_(batches ? batches->prose_bytes : SIZE_MAX) {}
    void sentence_done() {
        if (doc_.sentences.size() >= limit_ || doc_.prose.bytes() >= prose_limit_) hand_over();
    }
    // The rest, at the end of the document.
    void finish() {
        if (batches_ && !doc_.sentences.empty()) hand_over();
    }

private:
    void hand_over();
    document& doc_;
    const sentence_batches* batches_;
    std::size_t limit_;        // sentences held before a hand-over (none without batches)
    std::size_t prose_limit_;  // bytes of doc.prose held before one
};

// The prose of one block (paragraph, heading, list item, table cell) being
// assembled, with the runs that map it back to the source.
class prose_builder {
public:
    prose_builder() {
        text_.reserve(1024);
        runs_.reserve(64);
    }

    // Append source[at, at + length): verbatim, so it becomes (part of) a run.
    void append_source(std::string_view source, std::size_t at, std::size_t length);
    // Append text that is not in the source (a decoded entity, the space a
    // line break becomes). `anchor`, when known, is the source offset the
    // replaced markup starts at: it is recorded as a zero-length run.
    void append_replacement(std::string_view text, std::optional<std::size_t> anchor = {});

    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] const std::vector<sentence::run>& runs() const { return runs_; }
    [[nodiscard]] bool has_prose() const;
    void clear();

    // Drops the text before `at` (where a sentence starts, all sentences
    // before it emitted: emit_sentences with more_follows) and the runs that only it
    // needed; the rest is renumbered from 0 and maps to the source as
    // before. A block of 50 MB was otherwise held whole, with a run for
    // each of its lines (docs/performance.md, part 36).
    void drop_before(std::size_t at);
    // Where the text dropped last ended in the source, when a sentence
    // starting in replaced text needs the run before it and it was dropped.
    [[nodiscard]] std::optional<std::size_t> dropped_end() const { return dropped_end_; }

private:
    std::string text_;
    std::vector<sentence::run> runs_;
    std::optional<std::size_t> dropped_end_;
    // emit_sentences' lists, kept from one block to the next.
    std::vector<std::pair<std::size_t, std::size_t>> scratch_sentences_;
    std::vector<sentence::run> scratch_runs_;
    friend std::size_t emit_sentences(prose_builder& prose, std::size_t block, bool heading,
                                      std::string_view source, prose_store& store, std::vector<sentence>& out,
                                      sentence_flow* flow, bool more_follows);
};

// split_sentences (reader/document.hpp) into a list the caller keeps from
// one block to the next: no allocation per block.
void split_sentences(std::string_view prose, std::vector<std::pair<std::size_t, std::size_t>>& out);

// The next '.', '!' or '?' at or after a position. memchr finds each of
// the three (an eight-byte loop testing for all three was 3% of a whole
// check); each one found is kept until passed, so the prose is read once
// for each mark, and the rare '!' and '?' cost nearly nothing.
class mark_finder {
public:
    // Each mark's first place is found at once, so that none is ever
    // unknown and `next` asks only whether one was passed.
    explicit mark_finder(std::string_view prose);

    // Index of the next mark at or after i (prose.size() if none). The
    // rare two are asked about only once the nearer of them is passed.
    std::size_t next(std::size_t i) {
        if (period_ < i) period_ = find('.', i);
        if (rare_ < i) rare_ = std::min(next_of('!', i, exclamation_), next_of('?', i, question_));
        return std::min(period_, rare_);
    }

private:
    [[nodiscard]] std::size_t find(char c, std::size_t i) const;

    // The kept place is the first at or after every i asked so far; past
    // the end (prose.size()) it stays.
    std::size_t next_of(char c, std::size_t i, std::size_t& kept) const {
        if (kept < i) kept = find(c, i);
        return kept;
    }

    std::string_view prose_;
    std::size_t period_, exclamation_, question_;
    std::size_t rare_;  // the nearer of exclamation_ and question_
};

// split_sentences a round at a time, for a paragraph of very many
// sentences: its list of all of them (16 bytes each) took more memory
// than its text when they were short (docs/performance.md, part 36). The
// marks are found once for the whole paragraph, not again each round.
//
// With `more_follows`, `prose` is the start of a block whose text goes on:
// the splitter gives only the sentences that no text still to come can
// change (up to the first end mark whose reading looks at bytes past the
// end, and the 16 KiB pieces of a stretch known to be longer), and
// settled_end() is then where the rest starts, a sentence's first byte.
class sentence_splitter {
public:
    explicit sentence_splitter(std::string_view prose, bool more_follows = false)
        : prose_(prose), marks_(prose), more_follows_(more_follows) {}
    // Fills `out` (cleared first) with the next sentences, `most` of them
    // or a few more (a long stretch cut in pieces) or those left; false
    // once none are left.
    bool next(std::size_t most, std::vector<std::pair<std::size_t, std::size_t>>& out);
    // With more_follows, once next() has said false: where the sentences
    // given end and the text still to be split starts.
    [[nodiscard]] std::size_t settled_end() const { return begin_; }

private:
    std::string_view prose_;
    mark_finder marks_;
    std::size_t begin_ = 0;  // where the next sentence starts
    std::size_t at_ = 0;     // where the search for its end goes on
    bool more_follows_ = false;
    bool done_ = false;
};

// The first byte of the run of bytes other than whitespace that ends at
// `end` (`begin` at the most): the start of the word before a period.
// Eight bytes at a time; the portable form one byte at a time.
[[nodiscard]] const char* word_start(const char* begin, const char* end);
[[nodiscard]] const char* word_start_portable(const char* begin, const char* end);

// Splits the block's prose into sentences and appends them to `out`; their
// text views `source` where it is verbatim, else text kept in `store`.
// `flow`, when given, is the one `out` belongs to: told of each sentence.
// With `more_follows` (the block goes on), only the sentences no text to
// come can change (sentence_splitter), and the return is where the rest
// starts (the whole prose's size otherwise).
std::size_t emit_sentences(prose_builder& prose, std::size_t block, bool heading, std::string_view source,
                           prose_store& store, std::vector<sentence>& out, sentence_flow* flow = nullptr,
                           bool more_follows = false);

// YAML front matter at the start of a file.
struct front_matter {
    std::size_t body_offset = 0;  // where the document proper starts (0: no front matter)
    std::optional<time_span> date;
    std::optional<std::size_t> date_offset;
    // A `date:` whose value is not a calendar date ("2021-02-30", "soon"):
    // ignored, but the reader warns, since relative dates then lose their anchor.
    std::optional<std::size_t> bad_date_offset;
    std::string_view bad_date_text;
    std::optional<std::size_t> title_offset;
    std::size_t title_length = 0;
};
[[nodiscard]] front_matter read_front_matter(std::string_view source);

// The words of a directive ("factlint-disable FL201,FL202"), without the
// comment markers around them; nullopt when they are not a directive.
[[nodiscard]] std::optional<directive> parse_directive(std::string_view words);

// Fill doc.sentences and doc.directives from the body of the source
// (source[body_offset..]); block numbers start at `first_block`.
// A Markdown block's sentences go out before it ends once its text reaches
// `settle_at` bytes (those that no text to come can change): tests ask for
// small values, to compare with a block read whole.
constexpr std::size_t markdown_settle_at = 64 * 1024;
void read_markdown(document& doc, std::size_t body_offset, std::size_t first_block, sentence_flow& flow,
                   std::size_t settle_at = markdown_settle_at);
void read_plain_text(document& doc, std::size_t body_offset, std::size_t first_block, sentence_flow& flow);

// Decode an HTML character reference ("&amp;", "&#8212;", "&#x2014;") to
// UTF-8; nullopt when unknown (then it is kept as written).
[[nodiscard]] std::optional<std::string> decode_entity(std::string_view entity);

// Offset of the first byte that is not valid UTF-8, or of a NUL byte.
struct encoding_problem {
    std::size_t offset = 0;
    unsigned char byte = 0;
    bool nul = false;
};
[[nodiscard]] std::optional<encoding_problem> check_utf8(std::string_view bytes);

// Whole-text byte passes (reader/bytes.cpp): SSE2 where there is SSE2; the
// portable forms give the same answers (the tests hold them together).
// The length of the run of ASCII bytes other than NUL that `bytes` starts with.
[[nodiscard]] std::size_t plain_ascii_prefix(std::string_view bytes);
[[nodiscard]] std::size_t plain_ascii_prefix_portable(std::string_view bytes);
// Bytes that are not UTF-8 continuation bytes (10xxxxxx): in valid UTF-8,
// the characters.
[[nodiscard]] std::size_t count_chars(std::string_view bytes);
[[nodiscard]] std::size_t count_chars_portable(std::string_view bytes);
// count_chars for the line index's blocks: a block with no byte of 0x80 or
// above (most blocks of English prose) is all characters, and a test for
// that is cheaper than counting.
[[nodiscard]] std::size_t count_block_chars(std::string_view bytes);

}  // namespace factlint::reader_detail
