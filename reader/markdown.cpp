// Markdown through md4c. Prose comes from paragraphs, headings, list items
// and table cells (block quotes hold paragraphs). Code (blocks and spans),
// raw HTML, image text, autolinked URLs and link destinations are not prose;
// link text is. HTML comments holding factlint directives become
// doc.directives.
//
// md4c hands each piece of text over as a pointer into the buffer it
// parses, which is doc.source itself, so `pointer - source.data()` is the
// piece's source offset: the prose runs are exact.
#include <md4c.h>

#include <exception>
#include <limits>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

// md4c's defaults (CommonMark) plus tables and bare URL/e-mail autolinks
// (so that the numbers in a bare URL are not read as prose).
// Strikethrough stays off: a "~" in prose usually means "about"
// ("~2,500 troops"), and md4c would read a pair of them as deleted text.
constexpr unsigned parser_flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEAUTOLINKS;

struct link_state {
    std::string href;      // a copy: md4c may free its detail after enter_span
    bool decided = false;  // autolink or not, known at the link's first text
    bool autolink = false;
};

class markdown_reader {
public:
    markdown_reader(document& doc, std::size_t first_block, sentence_flow& flow, std::size_t settle_at)
        : doc_(doc), block_(first_block), flow_(flow), settle_at_(settle_at), next_settle_(settle_at) {}

    void run(std::size_t body_offset) {
        MD_PARSER parser{};
        parser.abi_version = 0;
        parser.flags = parser_flags;
        parser.enter_block = &markdown_reader::enter_block;
        parser.leave_block = &markdown_reader::leave_block;
        parser.enter_span = &markdown_reader::enter_span;
        parser.leave_span = &markdown_reader::leave_span;
        parser.text = &markdown_reader::text;
        const std::string_view source = doc_.source;
        md_parse(source.data() + body_offset, static_cast<MD_SIZE>(source.size() - body_offset), &parser,
                 this);
        if (failure_) std::rethrow_exception(failure_);
        end_block();
        flush_html();
    }

private:
    // A block's end hands sentences to the caller (sentence_flow), whose
    // checking may throw, and any step may run out of memory: never
    // through md4c's C frames. The exception is kept, md4c told to stop (a
    // callback's nonzero answer), and run() throws it again.
    template <typename Step>
    int guarded(Step step) {
        try {
            step();
            return 0;
        } catch (...) {
            failure_ = std::current_exception();
            return -1;
        }
    }

    static int enter_block(MD_BLOCKTYPE type, void* /*detail*/, void* self) {
        auto& r = *static_cast<markdown_reader*>(self);
        return r.guarded([&r, type] {
            r.end_block();
            r.flush_html();
            r.heading_ = type == MD_BLOCK_H;
        });
    }

    static int leave_block(MD_BLOCKTYPE /*type*/, void* /*detail*/, void* self) {
        auto& r = *static_cast<markdown_reader*>(self);
        return r.guarded([&r] {
            r.end_block();
            r.flush_html();
            r.heading_ = false;
        });
    }

    static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
        auto& r = *static_cast<markdown_reader*>(self);
        return r.guarded([&r, type, detail] {
            if (type == MD_SPAN_IMG) ++r.image_depth_;
            if (type == MD_SPAN_A) {
                const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
                r.links_.push_back({std::string(a->href.text, a->href.size)});
            }
        });
    }

    static int leave_span(MD_SPANTYPE type, void* /*detail*/, void* self) {
        auto& r = *static_cast<markdown_reader*>(self);
        if (type == MD_SPAN_IMG && r.image_depth_ > 0) --r.image_depth_;
        if (type == MD_SPAN_A && !r.links_.empty()) r.links_.pop_back();
        return 0;
    }

    static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
        auto& r = *static_cast<markdown_reader*>(self);
        return r.guarded([&r, type, text, size] { r.on_text(type, std::string_view(text, size)); });
    }

    void on_text(MD_TEXTTYPE type, std::string_view piece) {
        if (type == MD_TEXT_HTML) {
            note_html(piece);
            return;
        }
        flush_html();
        if (type == MD_TEXT_CODE || type == MD_TEXT_LATEXMATH || image_depth_ > 0 || in_autolink(piece))
            return;
        switch (type) {
            case MD_TEXT_SOFTBR:
            case MD_TEXT_BR: prose_.append_replacement(" "); break;
            case MD_TEXT_NULLCHAR: prose_.append_replacement("\uFFFD", offset_of(piece)); break;
            case MD_TEXT_ENTITY: append_entity(piece); break;
            default: append_text(piece); break;
        }
        if (prose_.text().size() >= next_settle_) emit_settled();
    }

    // A long block's sentences that no text to come can change go out
    // before the block ends, and their text is dropped: a 50 MB paragraph
    // was held whole, 24 bytes more for each of its lines. The next try
    // waits until the text kept has doubled, so that a tail no sentence
    // can settle yet (a long stretch with no end) is not split again and
    // again.
    void emit_settled() {
        const std::size_t before = doc_.sentences_before + doc_.sentences.size();
        const std::size_t settled =
            emit_sentences(prose_, block_, heading_, doc_.source, doc_.prose, doc_.sentences, &flow_, true);
        if (doc_.sentences_before + doc_.sentences.size() != before) block_has_sentences_ = true;
        prose_.drop_before(settled);
        next_settle_ = std::max(settle_at_, 2 * prose_.text().size());
    }

    // Where a piece md4c handed over sits in the source, if it is there at
    // all (md4c passes a few literal strings of its own, e.g. for breaks).
    std::optional<std::size_t> offset_of(std::string_view piece) const {
        const char* base = doc_.source.data();
        const char* end = base + doc_.source.size();
        if (piece.data() < base || piece.data() + piece.size() > end) return std::nullopt;
        return static_cast<std::size_t>(piece.data() - base);
    }

    void append_text(std::string_view piece) {
        if (const auto at = offset_of(piece)) {
            prose_.append_source(doc_.source, *at, piece.size());
        } else {
            prose_.append_replacement(piece);
        }
    }

    void append_entity(std::string_view piece) {
        if (auto decoded = decode_entity(piece)) {
            prose_.append_replacement(*decoded, offset_of(piece));
        } else {
            append_text(piece);
        }
    }

    // The text of <https://example.org/2024> or a bare URL is the URL: not
    // prose. A link whose text differs from its destination keeps its text.
    bool in_autolink(std::string_view piece) {
        if (links_.empty()) return false;
        link_state& link = links_.back();
        if (!link.decided) {
            link.decided = true;
            const std::string_view href = link.href;
            link.autolink = href == piece || (href.substr(0, 7) == "http://" && href.substr(7) == piece) ||
                            (href.substr(0, 7) == "mailto:" && href.substr(7) == piece);
        }
        return link.autolink;
    }

    void end_block() {
        if (prose_.has_prose() || block_has_sentences_) {
            emit_sentences(prose_, block_, heading_, doc_.source, doc_.prose, doc_.sentences, &flow_);
            ++block_;
        }
        prose_.clear();
        block_has_sentences_ = false;
        next_settle_ = settle_at_;
    }

    // Raw HTML arrives in pieces (a line at a time in an HTML block); a
    // comment may span several, so the source range they cover is scanned
    // once the HTML ends.
    void note_html(std::string_view piece) {
        const auto at = offset_of(piece);
        if (!at) return;
        if (!html_begin_) html_begin_ = *at;
        html_end_ = std::max(html_end_, *at + piece.size());
    }

    void flush_html() {
        if (!html_begin_) return;
        scan_comments(*html_begin_, html_end_);
        html_begin_.reset();
        html_end_ = 0;
    }

    void scan_comments(std::size_t begin, std::size_t end) {
        const std::string_view html = std::string_view(doc_.source).substr(begin, end - begin);
        for (std::size_t open = html.find("<!--"); open != std::string_view::npos;) {
            const std::size_t close = html.find("-->", open + 4);
            if (close == std::string_view::npos) return;
            if (auto d = parse_directive(html.substr(open + 4, close - open - 4))) {
                const auto pos = doc_.lines.locate(begin + open);
                d->line = pos.line;
                d->column = pos.column;
                doc_.directives.push_back(std::move(*d));
            }
            open = html.find("<!--", close + 3);
        }
    }

    document& doc_;
    std::size_t block_;
    sentence_flow& flow_;
    const std::size_t settle_at_;  // block text from which settled sentences go out early
    std::size_t next_settle_;
    bool block_has_sentences_ = false;  // some went out early
    std::exception_ptr failure_;
    bool heading_ = false;
    int image_depth_ = 0;
    std::vector<link_state> links_;
    prose_builder prose_;
    std::optional<std::size_t> html_begin_;
    std::size_t html_end_ = 0;
};

}  // namespace

void read_markdown(document& doc, std::size_t body_offset, std::size_t first_block, sentence_flow& flow,
                   std::size_t settle_at) {
    markdown_reader(doc, first_block, flow, settle_at).run(body_offset);
}

}  // namespace factlint::reader_detail
