#include "claims/compiled_io.hpp"

#include <algorithm>
#include <limits>

namespace factlint::compiled {
namespace {

constexpr std::size_t max_place = std::numeric_limits<std::uint32_t>::max();

}  // namespace

output::output(std::vector<std::string_view> bases)
    : arena_number_(static_cast<std::uint32_t>(bases.size())) {
    for (std::size_t i = 0; i < bases.size(); ++i)
        bases_.push_back({reinterpret_cast<std::uintptr_t>(bases[i].data()), bases[i].size(),
                          static_cast<std::uint32_t>(i)});
    std::sort(bases_.begin(), bases_.end(), [](const base& a, const base& b) { return a.begin < b.begin; });
}

view_code output::code_of(std::string_view v) {
    const auto p = reinterpret_cast<std::uintptr_t>(v.data());
    // A base holds the view if the view ends inside it (an empty view at
    // its end included). The last base used first; else the last base
    // starting at or before the view.
    auto holds = [&](const base& b) {
        return p >= b.begin && p - b.begin <= b.size && v.size() <= b.size - (p - b.begin);
    };
    if (v.data() != nullptr && !bases_.empty()) {
        std::size_t at = last_base_;
        if (!holds(bases_[at])) {
            const auto after = std::upper_bound(bases_.begin(), bases_.end(), p,
                                                [](std::uintptr_t q, const base& b) { return q < b.begin; });
            at = after == bases_.begin() ? bases_.size()
                                         : static_cast<std::size_t>(after - bases_.begin()) - 1;
        }
        if (at < bases_.size() && holds(bases_[at])) {
            const base& b = bases_[at];
            last_base_ = at;
            if (b.size > max_place) ok_ = false;
            return {b.number, static_cast<std::uint32_t>(p - b.begin), static_cast<std::uint32_t>(v.size())};
        }
    }
    if (v.empty()) {  // a default view, or one of a literal: read back as a default view
        return {no_base, 0, 0};
    }
    return {arena_number_, arena_place(v), static_cast<std::uint32_t>(v.size())};
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

void output::grow(std::size_t capacity) {
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    prepare_for_filling(bigger.get(), capacity);
    if (used_ > 0) std::memcpy(bigger.get(), body_.get(), used_);
    body_ = std::move(bigger);
    capacity_ = capacity;
}

byte_buffer output::bytes() && {
    const std::uint64_t arena_size = arena_.size();
    append(arena_.data(), arena_.size());
    append(&arena_size, sizeof arena_size);
    return {std::move(body_), used_};
}

input::input(std::string_view bytes, std::vector<std::string_view> bases, std::string& arena_copy,
             byte_source* source)
    : begin_(bytes.data()),
      at_(bytes.data()),
      end_(bytes.data() + bytes.size()),
      filled_(bytes.data()),
      source_(source),
      bases_(std::move(bases)) {
    // The arena's size is in the last eight bytes, the arena before them;
    // a source reads them first, out of order. The caller's room (`bytes`)
    // is writable when it gives a source.
    auto* const room = const_cast<char*>(bytes.data());
    std::uint64_t arena_size = 0;
    if (bytes.size() < sizeof arena_size ||
        (source_ != nullptr && !source_->last(room + bytes.size() - sizeof arena_size, sizeof arena_size))) {
        fail();
        return;
    }
    std::memcpy(&arena_size, end_ - sizeof arena_size, sizeof arena_size);
    if (arena_size > bytes.size() - sizeof arena_size ||
        (source_ != nullptr && !source_->last(room + bytes.size() - sizeof arena_size - arena_size,
                                              static_cast<std::size_t>(arena_size) + sizeof arena_size))) {
        fail();
        return;
    }
    end_ -= sizeof arena_size + arena_size;
    arena_copy.assign(end_, arena_size);
    bases_.push_back(arena_copy);
    if (source_ == nullptr) filled_ = end_;
}

bool input::fill(std::size_t n) {
    const auto in_buffer = static_cast<std::size_t>(filled_ - at_);
    if (source_ == nullptr || n > left()) return fail();
    // The bytes asked for and a piece more, so that a store's many small
    // numbers cost few reads; never past the arena.
    constexpr std::size_t piece = std::size_t{256} << 10;
    const std::size_t want =
        std::min(static_cast<std::size_t>(end_ - filled_), std::max(n - in_buffer, piece));
    if (!source_->next(const_cast<char*>(filled_), want)) return fail();
    filled_ += want;
    return true;
}

}  // namespace factlint::compiled
