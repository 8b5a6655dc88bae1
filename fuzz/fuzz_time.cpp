// libFuzzer target: the time grammar on arbitrary bytes, with a fixed
// document date so that relative expressions resolve too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammar/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const auto document_date = std::optional(factlint::time_span::day(2024, 6, 15));
    for (const auto& t : factlint::grammar::find_times(text, document_date)) {
        if (t.begin > t.end || t.end > text.size()) __builtin_trap();
        if (t.span && t.span->from > t.span->to) __builtin_trap();
    }
    (void)factlint::grammar::find_times(text, std::nullopt);
    (void)factlint::grammar::parse_date(text);
    return 0;
}
