// libFuzzer target: the Markdown and plain-text reader, and Markdown read with
// sentences settled early against the same read whole.
#include <cstddef>
#include <cstdint>
#include <string>

#include "reader/detail.hpp"
#include "reader/document.hpp"

namespace {

void read_as(const std::uint8_t* data, std::size_t size, factlint::input_format format) {
    factlint::document doc;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (factlint::read_document("fuzz.md", bytes, format, doc)) return;
    for (const auto& s : doc.sentences) {
        // Every position must map back inside the source.
        if (s.source_begin() > doc.source.size() || s.source_end() > doc.source.size()) __builtin_trap();
        (void)doc.lines.locate(s.source_begin());
    }
}

// Markdown read with a block's settled sentences sent out early (every few
// bytes here; 64 KiB in the program) must give the sentences it gives
// read whole: the same text, blocks and positions byte by byte.
void settle_early(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    if (!factlint::valid_utf8(bytes) || bytes.find('\0') != std::string::npos) return;
    factlint::document whole, early;
    for (factlint::document* doc : {&whole, &early}) {
        doc->source = bytes;
        doc->lines = factlint::line_index(doc->source);
        factlint::reader_detail::sentence_flow flow(*doc, nullptr);
        factlint::reader_detail::read_markdown(*doc, 0, 0, flow, doc == &whole ? SIZE_MAX : 8);
    }
    if (whole.sentences.size() != early.sentences.size()) __builtin_trap();
    for (std::size_t k = 0; k < whole.sentences.size(); ++k) {
        const factlint::sentence& a = whole.sentences[k];
        const factlint::sentence& b = early.sentences[k];
        if (a.text != b.text || a.block != b.block || a.heading != b.heading) __builtin_trap();
        for (std::size_t i = 0; i <= a.text.size(); ++i)
            if (a.source_offset(i) != b.source_offset(i) || a.source_end_offset(i) != b.source_end_offset(i))
                __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    read_as(data, size, factlint::input_format::markdown);
    read_as(data, size, factlint::input_format::text);
    settle_early(data, size);
    return 0;
}
