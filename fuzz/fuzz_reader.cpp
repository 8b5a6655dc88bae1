// libFuzzer target: the Markdown and plain-text reader.
#include <cstddef>
#include <cstdint>
#include <string>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    read_as(data, size, factlint::input_format::markdown);
    read_as(data, size, factlint::input_format::text);
    return 0;
}
