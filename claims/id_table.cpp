#include "claims/id_table.hpp"

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

}  // namespace factlint
