#include "claims/compiled_io.hpp"

#include <algorithm>
#include <limits>

namespace factlint::compiled {
namespace {

constexpr std::uint32_t no_base = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t max_place = std::numeric_limits<std::uint32_t>::max();

}  // namespace

output::output(std::vector<std::string_view> bases)
    : arena_number_(static_cast<std::uint32_t>(bases.size())) {
    for (std::size_t i = 0; i < bases.size(); ++i)
        bases_.push_back({reinterpret_cast<std::uintptr_t>(bases[i].data()), bases[i].size(),
                          static_cast<std::uint32_t>(i)});
    std::sort(bases_.begin(), bases_.end(), [](const base& a, const base& b) { return a.begin < b.begin; });
}

void output::put_view(std::string_view v) {
    const auto p = reinterpret_cast<std::uintptr_t>(v.data());
    // The last base starting at or before the view; it holds the view if
    // the view ends inside it (an empty view at its end included).
    auto after = std::upper_bound(bases_.begin(), bases_.end(), p,
                                  [](std::uintptr_t q, const base& b) { return q < b.begin; });
    if (v.data() != nullptr && after != bases_.begin()) {
        const base& b = *(after - 1);
        if (p - b.begin <= b.size && v.size() <= b.size - (p - b.begin)) {
            if (b.size > max_place) ok_ = false;
            put(b.number), put(static_cast<std::uint32_t>(p - b.begin)),
                put(static_cast<std::uint32_t>(v.size()));
            return;
        }
    }
    if (v.empty()) {  // a default view, or one of a literal: read back as a default view
        put(no_base), put(std::uint32_t{0}), put(std::uint32_t{0});
        return;
    }
    put(arena_number_), put(arena_place(v)), put(static_cast<std::uint32_t>(v.size()));
}

// Texts outside the bases are few and viewed many times (a unit by every
// value that has it): the last place of each recent view is remembered by
// its address before the texts are compared.
std::uint32_t output::arena_place(std::string_view v) {
    auto& recent = recent_[(reinterpret_cast<std::uintptr_t>(v.data()) >> 3) % recent_.size()];
    if (recent.data == v.data() && recent.size == v.size()) return recent.place;
    auto [it, added] = in_arena_.try_emplace(v, static_cast<std::uint32_t>(arena_.size()));
    if (added) arena_.append(v);
    if (arena_.size() > max_place) ok_ = false;
    recent = {v.data(), v.size(), it->second};
    return it->second;
}

std::string output::bytes() const {
    std::string all;
    all.reserve(sizeof(std::uint64_t) + arena_.size() + body_.size());
    const std::uint64_t arena_size = arena_.size();
    all.append(reinterpret_cast<const char*>(&arena_size), sizeof arena_size);
    all.append(arena_);
    all.append(body_);
    return all;
}

input::input(std::string_view bytes, std::vector<std::string_view> bases, std::string& arena_copy)
    : at_(bytes.data()), end_(bytes.data() + bytes.size()), bases_(std::move(bases)) {
    std::uint64_t arena_size = 0;
    if (!get(arena_size) || arena_size > left()) {
        fail();
        return;
    }
    arena_copy.assign(at_, arena_size);
    at_ += arena_size;
    bases_.push_back(arena_copy);
}

bool input::get_text(std::string& s) {
    std::uint64_t n = 0;
    if (!get(n) || n > left()) return fail();
    s.assign(at_, n);
    at_ += n;
    return true;
}

bool input::get_view(std::string_view& v) {
    // One bounds check and one copy for the three numbers: a store has a
    // million views or more.
    std::uint32_t code[3];
    if (sizeof code > left()) return fail();
    std::memcpy(code, at_, sizeof code);
    at_ += sizeof code;
    const auto [number, offset, size] = code;
    if (number == no_base) {
        if (offset != 0 || size != 0) return fail();
        v = {};
        return true;
    }
    if (number >= bases_.size()) return fail();
    const std::string_view b = bases_[number];
    if (offset > b.size() || size > b.size() - offset) return fail();
    v = std::string_view(b.data() + offset, size);
    return true;
}

}  // namespace factlint::compiled
