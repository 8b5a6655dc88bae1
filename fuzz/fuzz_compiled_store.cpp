// libFuzzer target: the compiled claim store (claims/compiled_store.hpp).
// The input is a claims file. A valid one is compiled and read back: the
// store read back must hold the same claims and find the same names.
// Then the bytes are damaged, at places drawn from the input, and read
// again: refused, or a store that scans without fault.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "claims/compiled_store.hpp"
#include "grammar/claims_file.hpp"

namespace {

// Every name of every claim, one after another: what a scan finds in it
// depends on the names, the where phrases and the index.
std::string names_text(const factlint::claim_store& s) {
    std::string text;
    for (const auto& c : s.claims())
        for (const auto n : c.names) text.append(n).append(" and ");
    return text;
}

bool same_hits(const factlint::claim_store& a, const factlint::claim_store& b, std::string_view text) {
    const auto x = a.scan(text), y = b.scan(text);
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i].claim != y[i].claim || x[i].begin != y[i].begin || x[i].end != y[i].end) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = factlint::grammar::parse_claims_file("fuzz.claims",
                                                     std::string(reinterpret_cast<const char*>(data), size));
    if (!file.errors.empty()) return 0;
    factlint::claim_store store;
    store.keep(std::move(file.storage));
    store.add_all(std::move(file.claims));
    store.build_index();
    const auto compiled = factlint::compile_store(store);
    if (!compiled) return 0;

    const std::string content(reinterpret_cast<const char*>(data), size);
    std::vector<factlint::claims_text> texts = {{"fuzz.claims", content}};
    auto bytes = std::make_shared<const std::string>(compiled->view());
    const std::optional<factlint::claim_store> back = factlint::read_compiled_store(*bytes, bytes, texts);
    if (!back || back->claims().size() != store.claims().size()) __builtin_trap();
    for (std::size_t i = 0; i < store.claims().size(); ++i) {
        const auto &c = store.claims()[i], &d = back->claims()[i];
        if (c.id != d.id || c.values.size() != d.values.size() || c.names.size() != d.names.size() ||
            back->find(c.id) != &d)
            __builtin_trap();
    }
    const std::string text = names_text(store);
    if (!same_hits(store, *back, text)) __builtin_trap();

    // Damage drawn from the input itself, so that a finding replays.
    auto damaged = std::make_shared<std::string>(compiled->view());
    std::uint64_t seed = 0x9E3779B97F4A7C15ULL ^ size;
    for (std::size_t i = 0; i < size; ++i) seed = (seed ^ data[i]) * 0x100000001B3ULL;
    for (int k = 0; k < 4; ++k) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        (*damaged)[(seed >> 33) % damaged->size()] = static_cast<char>(seed >> 24);
    }
    texts = {{"fuzz.claims", content}};
    if (const auto hurt = factlint::read_compiled_store(*damaged, damaged, texts)) {
        (void)hurt->scan(text);
        for (const auto& c : hurt->claims()) (void)hurt->find(c.id);
    }
    return 0;
}
