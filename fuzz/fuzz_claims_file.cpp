// libFuzzer target: the reference claims file parser (SPEC §5).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "grammar/claims_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    const auto file = factlint::grammar::parse_claims_file("fuzz.claims", std::string(content));
    for (const auto& e : file.errors) (void)factlint::grammar::format_error(e);
    return 0;
}
