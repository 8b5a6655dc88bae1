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

std::uint64_t load8(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
}
std::uint64_t load4(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}

// The last 1 to 7 bytes as one number, with loads of fixed size (a copy of
// variable size is a call to memcpy): two overlapping halves, or the first,
// middle and last bytes.
std::uint64_t tail_of(const char* p, std::size_t n) {
    if (n >= 4) return (load4(p) << 32) | load4(p + n - 4);
    return (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) | static_cast<unsigned char>(p[n - 1]);
}

// Eight bytes at a time (ids and words are short: most take one or two
// rounds), then mixed so that the low bits used as the slot depend on every
// byte; cheaper than std::hash on the scan's path, which looks up every
// word of a sentence.
std::uint64_t hash_of(std::string_view s) {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = s.size() * multiplier;
    auto mix = [&](std::uint64_t chunk) {
        h = (h ^ chunk) * multiplier;
        h ^= h >> 32;
    };
    std::size_t k = 0;
    for (; k + 8 <= s.size(); k += 8) mix(load8(s.data() + k));
    if (k < s.size()) mix(tail_of(s.data() + k, s.size() - k));
    return h ^ (h >> 29);
}

// Kept in the slot and compared first, so that a probe past another id
// rarely compares the strings; never 0, which marks a free slot.
std::uint32_t check_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }

}  // namespace

std::size_t id_table::slot_of(std::string_view id, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t check = check_of(hash);
    std::size_t at = hash & mask;
    while (slots_[at].check != 0 && (slots_[at].check != check || slots_[at].id != id)) at = (at + 1) & mask;
    return at;
}

std::pair<std::uint32_t, bool> id_table::insert(std::string_view id, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const std::uint64_t hash = hash_of(id);
    slot& s = slots_[slot_of(id, hash)];
    if (s.check != 0) return {s.value, false};
    s = {id, value, check_of(hash)};
    ++size_;
    return {value, true};
}

const std::uint32_t* id_table::find(std::string_view id) const {
    if (slots_.empty()) return nullptr;
    const slot& s = slots_[slot_of(id, hash_of(id))];
    return s.check != 0 ? &s.value : nullptr;
}

void id_table::rehash(std::size_t slots) {
    std::vector<slot> old;
    reserve_huge(old, slots);  // 100,000 claim ids take 6 MB of slots
    old.resize(slots);
    old.swap(slots_);
    for (const slot& s : old)
        if (s.check != 0) slots_[slot_of(s.id, hash_of(s.id))] = s;
}

}  // namespace factlint
