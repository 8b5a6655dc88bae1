// The edges of the name index's word trie below its root: (node, word
// number) -> child node, in one array of slots probed in turn. A node has a
// handful of children at most (the words that follow a name's first words),
// so a per-node child list would be mostly empty; one table serves them all
// with one probe per step of the scan.
#pragma once

#include <cstddef>
#include <cstdint>

#include "claims/compiled_array.hpp"
#include "claims/compiled_io.hpp"

namespace factlint {

class edge_table {
public:
    // Room for `edges` without growing (the index knows how many at most).
    void reserve(std::size_t edges) {
        if (2 * edges > slots_.size()) rehash(capacity_for(edges));
    }
    void clear() {
        slots_.clear();
        size_ = 0;
    }
    // The child of `node` by `word`, or 0 (the root is no node's child).
    [[nodiscard]] std::uint32_t find(std::uint32_t node, std::uint32_t word) const {
        if (slots_.empty()) return 0;
        const slot& s = slots_[slot_of(node, word)];
        return s.child;
    }
    // Adds an edge that is not there yet.
    void insert(std::uint32_t node, std::uint32_t word, std::uint32_t child) {
        if (2 * (size_ + 1) > slots_.size()) rehash(capacity_for(2 * (size_ + 1)));
        slots_.edit(slot_of(node, word)) = {node, word, child};
        ++size_;
    }

    // Written into a compiled store and read back (claims/compiled_io.hpp),
    // in place when it can be; a table read back has nodes below `nodes`
    // only, or load fails.
    void save(compiled::output& out) const {
        out.put_array(slots_);
        out.put(std::uint64_t{size_});
    }
    bool load(compiled::input& in, std::uint32_t nodes) {
        std::uint64_t size = 0;
        if (!in.get_array(slots_) || !in.get(size)) return false;
        if (!slots_.empty() && (slots_.size() < 16 || (slots_.size() & (slots_.size() - 1)) != 0))
            return in.fail();
        std::uint64_t used = 0;
        for (const slot& s : slots_) {
            if (s.child == 0) continue;
            if (s.child >= nodes || s.node >= nodes) return in.fail();
            ++used;
        }
        // At most half full, or a probe for a missing edge could run forever.
        if (used != size || 2 * used > slots_.size()) return in.fail();
        size_ = size;
        return true;
    }

private:
    struct slot {
        std::uint32_t node = 0, word = 0;
        std::uint32_t child = 0;  // 0: a free slot
    };

    static std::size_t capacity_for(std::size_t edges) {
        std::size_t slots = 16;
        while (slots < 2 * edges) slots *= 2;
        return slots;
    }
    // Its slot, or the free one it would take.
    [[nodiscard]] std::size_t slot_of(std::uint32_t node, std::uint32_t word) const {
        const std::size_t mask = slots_.size() - 1;
        // The node's bits reach the low bits of the product only from the
        // high half: fold it down.
        std::uint64_t h = ((std::uint64_t{node} << 32) | word) * 0x9E3779B97F4A7C15ULL;
        std::size_t at = static_cast<std::size_t>(h ^ (h >> 32)) & mask;
        while (slots_[at].child != 0 && (slots_[at].node != node || slots_[at].word != word))
            at = (at + 1) & mask;
        return at;
    }
    void rehash(std::size_t slots) {
        const compiled_array<slot> old = std::move(slots_);
        slots_.reserve_huge(slots);
        slots_.resize(slots);
        for (const slot& s : old)
            if (s.child != 0) slots_.edit(slot_of(s.node, s.word)) = s;
    }

    compiled_array<slot> slots_;  // a power of two in size, at most half full
    std::size_t size_ = 0;
};

}  // namespace factlint
