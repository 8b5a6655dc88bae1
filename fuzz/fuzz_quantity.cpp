// libFuzzer target: the quantity grammar on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammar/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& q : factlint::grammar::find_quantities(text)) {
        // Matches must stay inside the text and in order.
        if (q.begin > q.end || q.end > text.size()) __builtin_trap();
    }
    std::string noun;
    (void)factlint::grammar::parse_quantity(text, &noun);
    return 0;
}
