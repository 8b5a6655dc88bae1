#include "claims/id_table.hpp"

#include "claims/compiled_io.hpp"
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

std::pair<std::uint32_t, bool> id_table::insert(std::string_view id, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const std::uint64_t hash = id_table_detail::hash_of(id);
    slot& s = slots_[slot_of(id, hash)];
    if (s.check != 0) return {s.value, false};
    s = {id, value, id_table_detail::check_of(hash)};
    ++size_;
    return {value, true};
}

void id_table::rehash(std::size_t slots) {
    std::vector<slot> old;
    reserve_huge(old, slots);  // 100,000 claim ids take 6 MB of slots
    old.resize(slots);
    old.swap(slots_);
    for (const slot& s : old)
        if (s.check != 0) slots_[slot_of(s.id, id_table_detail::hash_of(s.id))] = s;
}

void id_table::save(compiled::output& out) const {
    out.put(std::uint64_t{slots_.size()});
    for (const slot& s : slots_) {
        out.put(s.check);
        if (s.check == 0) continue;
        out.put(s.value);
        out.put_view(s.id);
    }
    out.put(std::uint64_t{size_});
}

bool id_table::load(compiled::input& in, std::uint32_t values) {
    std::uint64_t slots = 0;
    if (!in.get(slots)) return false;
    // A power of two; each slot takes four bytes at least.
    if (slots != 0 && (slots < 16 || (slots & (slots - 1)) != 0 || slots > in.remaining() / 4))
        return in.fail();
    slots_.clear();
    reserve_huge(slots_, slots);
    slots_.resize(slots);
    std::uint64_t used = 0;
    for (slot& s : slots_) {
        if (!in.get(s.check)) return false;
        if (s.check == 0) continue;
        if (!in.get(s.value) || !in.get_view(s.id)) return false;
        if (s.value >= values) return in.fail();
        ++used;
    }
    std::uint64_t size = 0;
    if (!in.get(size)) return false;
    // At most half full, or a probe for a missing id could run forever.
    if (used != size || 2 * used > slots) return in.fail();
    size_ = size;
    return true;
}

}  // namespace factlint
