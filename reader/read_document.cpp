// Reading a draft: check its encoding, read its front matter, then its
// Markdown or plain-text body into sentences and directives.
#include <algorithm>
#include <cstdio>
#include <limits>

#include "claims/huge_pages.hpp"
#include "reader/detail.hpp"

namespace factlint {

using namespace reader_detail;

namespace {

bool has_prefix(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// What is judged of the whole file before its lines are indexed (the
// index keeps 32-bit offsets).
std::optional<read_error> check_form(const document& doc) {
    const std::string_view s = doc.source;
    if (has_prefix(s, "\xFF\xFE") || has_prefix(s, "\xFE\xFF")) {
        return read_error{doc.path, 0, 0, "UTF-16 text is not supported; convert to UTF-8"};
    }
    if (s.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return read_error{doc.path, 0, 0, "file too large (4 GiB or more)"};
    }
    return std::nullopt;
}

std::optional<read_error> check_encoding(document& doc) {
    const std::string_view s = doc.source;
    const auto problem = check_utf8(s);
    if (!problem) return std::nullopt;
    const auto pos = doc.lines.locate(problem->offset);
    std::string message = "binary file (NUL byte)";
    if (!problem->nul) {
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "invalid UTF-8 (byte 0x%02x)",
                      static_cast<unsigned>(problem->byte));
        message = buffer;
    }
    return read_error{doc.path, pos.line, pos.column, std::move(message)};
}

void warn_bad_date(document& doc, const front_matter& fm) {
    const auto pos = doc.lines.locate(*fm.bad_date_offset);
    std::string shown(fm.bad_date_text.substr(0, 40));
    if (fm.bad_date_text.size() > 40) shown += "...";
    doc.warnings.push_back({doc.path, pos.line, pos.column,
                            "front matter date \"" + shown +
                                "\" is not a calendar date (YYYY-MM-DD); ignored, relative dates fall "
                                "back to --as-of"});
}

// The front-matter title is prose: one sentence, heading-like, block 0.
void add_title(document& doc, const front_matter& fm) {
    sentence title;
    title.text = std::string_view(doc.source).substr(*fm.title_offset, fm.title_length);
    title.verbatim = true;
    title.verbatim_at = static_cast<std::uint32_t>(*fm.title_offset);
    title.block = 0;
    title.heading = true;
    doc.sentences.push_back(std::move(title));
}

}  // namespace

void reader_detail::sentence_flow::hand_over() {
    batches_->take(doc_);
    doc_.sentences_before += doc_.sentences.size();
    doc_.sentences.clear();  // its memory kept for the next batch
    doc_.prose.recycle();    // and the prose's: what the taker keeps, it copied
}

input_format format_for_path(std::string_view path) {
    if (path == "-") return input_format::markdown;
    const std::size_t slash = path.find_last_of("/\\");
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return input_format::text;
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == "md" || ext == "markdown" ? input_format::markdown : input_format::text;
}

std::optional<read_error> read_document(std::string path, std::string bytes, input_format format,
                                        document& doc, const sentence_batches* batches) {
    doc.path = std::move(path);
    doc.source = std::move(bytes);
    if (has_prefix(doc.source, "\xEF\xBB\xBF")) doc.source.erase(0, 3);  // offsets count from after it
    doc.format = format;
    doc.date.reset();
    doc.date_offset.reset();
    doc.sentences.clear();
    doc.sentences_before = 0;
    doc.prose.clear();
    doc.directives.clear();
    doc.warnings.clear();
    if (auto error = check_form(doc)) return error;
    doc.lines = line_index(doc.source);
    if (auto error = check_encoding(doc)) return error;

    const front_matter fm = read_front_matter(doc.source);
    doc.date = fm.date;
    doc.date_offset = fm.date_offset;
    if (fm.bad_date_offset) warn_bad_date(doc, fm);
    // In huge pages when the input is large: a 5 MB input's sentences fill
    // 2 MB, page fault by page fault otherwise (claims/huge_pages.hpp).
    // Handed over in batches, they never outgrow one.
    const std::size_t expected = doc.source.size() / 120 + 1;
    reserve_huge(doc.sentences, batches ? std::min(expected, batches->size) : expected);
    sentence_flow flow(doc, batches);
    std::size_t first_block = 0;
    if (fm.title_offset) {
        add_title(doc, fm);
        flow.sentence_done();
        first_block = 1;
    }
    if (format == input_format::markdown) {
        read_markdown(doc, fm.body_offset, first_block, flow);
    } else {
        read_plain_text(doc, fm.body_offset, first_block, flow);
    }
    flow.finish();
    return std::nullopt;
}

}  // namespace factlint
