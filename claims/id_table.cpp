#include "claims/id_table.hpp"

#include <algorithm>
#include <cstring>

#include "claims/huge_pages.hpp"

namespace factlint {

void id_table::reserve(std::size_t ids) {
    std::size_t slots = 16;
    while (slots < 2 * ids) slots *= 2;
    if (slots > slots_.size()) rehash(slots);
}

void id_table::clear() {
    slots_.clear();
    size_ = 0;
}

namespace {

// Eight bytes at a time (ids and words are short: most take one or two
// rounds), then mixed so that the low bits used as the slot depend on every
// byte; cheaper than std::hash on the scan's path, which looks up every
// word of a sentence.
std::uint64_t hash_of(std::string_view s) {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = s.size() * multiplier;
    for (std::size_t k = 0; k < s.size(); k += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, s.data() + k, std::min<std::size_t>(8, s.size() - k));
        h = (h ^ chunk) * multiplier;
        h ^= h >> 32;
    }
    return h ^ (h >> 29);
}

}  // namespace

std::size_t id_table::slot_of(std::string_view id) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t hash = hash_of(id);
    std::size_t at = hash & mask;
    while (slots_[at].used && slots_[at].id != id) at = (at + 1) & mask;
    return at;
}

std::pair<std::uint32_t, bool> id_table::insert(std::string_view id, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    slot& s = slots_[slot_of(id)];
    if (s.used) return {s.value, false};
    s = {id, value, true};
    ++size_;
    return {value, true};
}

const std::uint32_t* id_table::find(std::string_view id) const {
    if (slots_.empty()) return nullptr;
    const slot& s = slots_[slot_of(id)];
    return s.used ? &s.value : nullptr;
}

void id_table::rehash(std::size_t slots) {
    std::vector<slot> old;
    reserve_huge(old, slots);  // 100,000 claim ids take 6 MB of slots
    old.resize(slots);
    old.swap(slots_);
    for (const slot& s : old)
        if (s.used) slots_[slot_of(s.id)] = s;
}

}  // namespace factlint
