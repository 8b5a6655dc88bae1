// Reading a draft: Markdown (CommonMark, through md4c) or plain text, into
// sentences of prose with exact positions in the original file.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/time.hpp"

namespace factlint {

// Byte offset -> 1-based line and column (column counted in UTF-8 characters).
class line_index {
public:
    line_index() = default;
    // `source` is smaller than 4 GiB (the reader refuses larger files
    // first): line starts are kept in 32 bits, 4 bytes a line.
    explicit line_index(std::string_view source);
    struct position {
        int line = 1;
        int column = 1;
    };
    [[nodiscard]] position locate(std::size_t byte) const;
    [[nodiscard]] std::string_view line_text(int line) const;  // without its line ending
    [[nodiscard]] int line_count() const { return static_cast<int>(starts_.size()); }
    // The byte each line starts at, in order (the first is 0).
    [[nodiscard]] std::span<const std::uint32_t> line_starts() const { return starts_; }

private:
    std::string_view source_;
    // A table of short rows has a line every 20 to 30 bytes: 8-byte starts
    // were a third of its size (docs/performance.md, part 36).
    std::vector<std::uint32_t> starts_;
    // Characters before each 1 KiB block of the source, so that locate()
    // stays cheap on a very long line (docs/reliability.md).
    std::vector<std::size_t> block_chars_;
    [[nodiscard]] std::size_t chars_before(std::size_t byte) const;
};

// A stretch of prose text and where each byte of it came from. Markup is
// dropped (emphasis markers, link targets, inline code), so the prose is
// not always a substring of the file: `source_offset` maps back.
struct sentence {
    // A view into the document: into `source` when the sentence was copied
    // from it verbatim (in plain text, every sentence within one line), else
    // into the text its `prose_store` keeps. No copy per sentence.
    std::string_view text;
    // Runs of text copied verbatim from the source: text[at..at+length) ==
    // source[source_at..source_at+length).
    struct run {
        std::size_t at = 0;
        std::size_t source_at = 0;
        std::size_t length = 0;
    };
    std::span<const run> runs;  // kept by the document's prose_store; empty when verbatim
    std::size_t block = 0;      // index of the paragraph/heading/list item it came from
    // A sentence copied verbatim from the source (in plain text, nearly all)
    // keeps no runs: its text is source[verbatim_at, verbatim_at + size).
    // A 50 MB file has about 400,000 sentences: 24 bytes each saved.
    // (The reader refuses files of 4 GiB or more, so 32 bits suffice.)
    std::uint32_t verbatim_at = 0;
    bool verbatim = false;
    bool heading = false;

    // The source byte of text byte i (i == text.size() maps past the last run).
    // A byte outside every run (a decoded entity, the space a line break
    // became) maps to the end of the run before it, or to the zero-length
    // run the reader records where replaced markup starts.
    [[nodiscard]] std::size_t source_offset(std::size_t i) const;
    // The source offset just past text byte i - 1: use it for the exclusive
    // end of a span, so that "**$8.5 billion**" ends before the closing "**"
    // (source_offset(i) would give where the next run starts).
    [[nodiscard]] std::size_t source_end_offset(std::size_t i) const;
    [[nodiscard]] std::size_t source_begin() const { return source_offset(0); }
    [[nodiscard]] std::size_t source_end() const { return source_end_offset(text.size()); }
};

// Whether `view` lies within `buffer` (pointers compared with
// std::less_equal: a total order, even of unrelated buffers).
[[nodiscard]] bool lies_within(std::string_view view, std::string_view buffer);

// Text kept in chunks that are never reallocated, so that views into it
// stay valid while it grows: one heap block per chunk (from `first_chunk`
// bytes, each next one twice as large, up to 32 times the first) instead
// of one per piece. The list of chunks may grow and move: a chunk moved
// keeps its heap block (a chunk is never as short as a short string's
// inline bytes). A vector, not a deque: libstdc++'s empty deque takes two
// heap blocks (1.2 KB for the two), which a checked document kept until
// the report (docs/performance.md).
class text_store {
public:
    explicit text_store(std::size_t first_chunk) : first_chunk_(std::max<std::size_t>(first_chunk, 64)) {}
    [[nodiscard]] std::string_view keep(std::string_view text);
    // Room for `bytes` more in one chunk, mapped at once when large
    // (claims/huge_pages.hpp): for a caller that knows what it will keep.
    void reserve(std::size_t bytes);
    void clear() { chunks_.clear(); }
    // Whether `view` lies within the text kept.
    [[nodiscard]] bool holds(std::string_view view) const;
    // Forgets the text (every view into it is then invalid) but keeps the
    // last chunk, the largest, for what comes next.
    void recycle();

private:
    std::size_t first_chunk_;
    std::vector<std::string> chunks_;
};

// What sentences view besides the source: their runs, and the text of those
// that are not a verbatim piece of it, in chunks that are never
// reallocated (as text_store's: 64 KiB of text and 4,096 runs first). A
// reader handing sentences over in batches recycles it after each batch
// (sentence_batches).
class prose_store {
public:
    [[nodiscard]] std::string_view keep_text(std::string_view text) {
        bytes_ += text.size();
        return text_.keep(text);
    }
    [[nodiscard]] std::span<const sentence::run> keep_runs(std::span<const sentence::run> runs);
    void clear();
    void recycle();
    // Bytes of text and runs kept since the last clear or recycle.
    [[nodiscard]] std::size_t bytes() const { return bytes_; }

private:
    text_store text_{64 * 1024};
    std::vector<std::vector<sentence::run>> run_chunks_;
    std::size_t bytes_ = 0;
};

// An inline directive: <!-- factlint-disable-next-line FL101 --> in Markdown,
// "# factlint-disable FL201" in plain text.
struct directive {
    enum class kind { disable_next_line, disable, enable, disable_file } what = kind::disable;
    std::vector<std::string> codes;  // empty: every rule
    int line = 0;                    // 1-based line of the directive itself
    int column = 0;
};

struct read_error {
    std::string path;
    int line = 0;  // 0 when the whole file is at fault
    int column = 0;
    std::string message;  // "invalid UTF-8 (byte 0xff)", "binary file (NUL byte)"
};

enum class input_format { markdown, text };

struct document {
    std::string path;    // as given on the command line ("-" for stdin)
    std::string source;  // the file's bytes (a UTF-8 BOM removed, offsets after it)
    input_format format = input_format::markdown;
    std::optional<time_span> date;           // front matter `date:`
    std::optional<std::size_t> date_offset;  // where `date:`'s value is, for messages
    prose_store prose;                       // what `sentences` view besides `source`
    std::vector<sentence> sentences;
    // Sentences read before sentences[0] and handed over in batches
    // (sentence_batches): sentences[i] is the document's sentence
    // sentences_before + i. 0 when the whole document was read at once.
    std::size_t sentences_before = 0;
    std::vector<directive> directives;
    // Problems that did not stop the reading (a front-matter `date:` that is
    // not a calendar date); the CLI prints them as warnings.
    std::vector<read_error> warnings;
    line_index lines;  // over `source`

    document() = default;
    document(const document&) = delete;  // line_index views `source`
    document& operator=(const document&) = delete;
    document(document&&) = delete;
    document& operator=(document&&) = delete;
};

// Format by extension: .md/.markdown -> markdown, anything else -> text;
// standard input is Markdown.
[[nodiscard]] input_format format_for_path(std::string_view path);

// Sentences handed to the caller as they are read, so that a document of
// many short sentences (a long table, a list of figures) is never held as
// a list of all of them: a sentence record can take more memory than its
// text (docs/performance.md, part 36). Once doc.sentences holds `size`,
// or the prose they keep besides the source holds `prose_bytes` (long
// sentences that are not verbatim, as in hard-wrapped text without a
// sentence end: 4,096 pieces of 16 KiB across lines are 64 MB),
// `take` reads them (doc.sentences_before counts those handed over before);
// the reader then drops them and goes on. The last ones are handed over
// before read_document returns, so that doc.sentences is then empty. The
// source stays for the whole document, but the rest of what a batch's
// sentences view (doc.prose: the text of sentences that are not a verbatim
// piece of the source, an entity or a link in them, and every sentence's
// runs) is reused once `take` returns: a taker that keeps words of a
// sentence beyond its batch copies those outside doc.source (the checker's
// document_check does). Kept for the whole document, a Markdown file with
// a link in each sentence took four times its size (docs/performance.md,
// part 37).
struct sentence_batches {
    std::size_t size = 4096;
    std::size_t prose_bytes = std::size_t{1} << 20;
    std::function<void(const document&)> take;
};

// Fills `doc` from `bytes`; on failure returns the error and leaves `doc`
// unspecified (no batch was handed over then: the reader fails before it
// reads a sentence). Never throws on bad input; what `batches->take`
// throws reaches the caller.
[[nodiscard]] std::optional<read_error> read_document(std::string path, std::string bytes,
                                                      input_format format, document& doc,
                                                      const sentence_batches* batches = nullptr);

// Whether `bytes` is UTF-8 (NUL bytes included; no overlong forms,
// surrogates or code points past U+10FFFF): the reader's own test of a file,
// for writers that copy text as it is when it is.
[[nodiscard]] bool valid_utf8(std::string_view bytes);

// Splits a stretch of prose into sentences (abbreviations such as "U.S.",
// "Gen.", "Dec.", "No." do not end one). Exposed for tests.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view prose);

}  // namespace factlint
