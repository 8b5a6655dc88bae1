// Strings to numbers: claim ids (parser and store), the name index's
// `where` phrases and the words of its keys, the shapes of a claims file's
// quantities (grammar/claims_file_quantity.hpp). One array of slots probed in
// turn, instead of a heap block per entry (a std::unordered_map made one
// per claim, twice per load). It holds views: the strings must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace factlint {

namespace compiled {
class output;
class input;
}  // namespace compiled

// In the header so that a look-up is inlined: the name index looks up every
// word of the sentences it scans.
namespace id_table_detail {

inline std::uint64_t load8(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint64_t load4(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}

// The last 1 to 7 bytes as one number, with loads of fixed size (a copy of
// variable size is a call to memcpy): two overlapping halves, or the first,
// middle and last bytes.
inline std::uint64_t tail_of(const char* p, std::size_t n) {
    if (n >= 4) return (load4(p) << 32) | load4(p + n - 4);
    return (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) | static_cast<unsigned char>(p[n - 1]);
}

// Eight bytes at a time (ids and words are short: most take one or two
// rounds), then mixed so that the low bits used as the slot depend on every
// byte; cheaper than std::hash. Over n bytes given as whole chunks
// (`chunk(k)`: the eight from k) and a last one of 1 to 7 (`tail(k, r)`),
// so that a caller can hash a text it transforms as it reads (the name
// index: a word of prose, lowered) without copying it first.
template <typename Chunk, typename Tail>
inline std::uint64_t hash_chunks(std::size_t n, Chunk chunk, Tail tail) {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = n * multiplier;
    auto mix = [&](std::uint64_t c) {
        h = (h ^ c) * multiplier;
        h ^= h >> 32;
    };
    std::size_t k = 0;
    for (; k + 8 <= n; k += 8) mix(chunk(k));
    if (k < n) mix(tail(k, n - k));
    return h ^ (h >> 29);
}

inline std::uint64_t hash_of(std::string_view s) {
    return hash_chunks(
        s.size(), [&](std::size_t k) { return load8(s.data() + k); },
        [&](std::size_t k, std::size_t r) { return tail_of(s.data() + k, r); });
}

// Two strings alike, with the loads of hash_of: the strings of a table are
// short, and a call to memcmp cost more than the comparison.
inline bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t k = 0;
    for (; k + 8 <= a.size(); k += 8)
        if (load8(a.data() + k) != load8(b.data() + k)) return false;
    return k == a.size() || tail_of(a.data() + k, a.size() - k) == tail_of(b.data() + k, b.size() - k);
}

// Kept in the slot and compared first, so that a probe past another id
// rarely compares the strings; never 0, which marks a free slot.
inline std::uint32_t check_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32) | 1u; }

}  // namespace id_table_detail

// Ids -> numbers for a caller that keeps each number's id itself (a
// store's claims, the first definitions of a claims file's ids): a slot
// holds a check from the id's hash and the number, 8 bytes, where an
// id_table slot holds a view of the id as well, 24. A table of 100,000 ids
// is probed at random, a cache miss per probe, and fresh memory on the
// first run: 2 MB of slots cost that run less than 6 (docs/performance.md
// part 23).
struct id_slot {
    std::uint32_t check = 0;  // id_table_detail::check_of; 0: a free slot
    std::uint32_t number = 0;
};

// The slot of `id` (hashed to `hash`) in `slots`, a power of two in size
// and never full, or the free slot it would take; `id_of(number)` is the
// id of a number in the table.
template <typename Slots, typename IdOf>
[[nodiscard]] std::size_t id_slot_of(const Slots& slots, std::string_view id, std::uint64_t hash,
                                     IdOf id_of) {
    const std::size_t mask = slots.size() - 1;
    const std::uint32_t check = id_table_detail::check_of(hash);
    std::size_t at = hash & mask;
    while (slots[at].check != 0 &&
           (slots[at].check != check || !id_table_detail::same(id_of(slots[at].number), id)))
        at = (at + 1) & mask;
    return at;
}

class id_table {
public:
    void reserve(std::size_t ids);
    void clear();
    // Adds `id` with `value` unless it is there: the value it has, and
    // whether it was added.
    std::pair<std::uint32_t, bool> insert(std::string_view id, std::uint32_t value);
    // Starts fetching the slot where `id` is or would go, for an insert or
    // find of it soon after: a table probed at random waits for a cache
    // miss a probe.
    void prefetch(std::string_view id) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[id_table_detail::hash_of(id) & (slots_.size() - 1)]);
    }
    // The value of `id`, or nullptr.
    [[nodiscard]] const std::uint32_t* find(std::string_view id) const {
        if (slots_.empty()) return nullptr;
        const slot& s = slots_[slot_of(id, id_table_detail::hash_of(id))];
        return s.check != 0 ? &s.value : nullptr;
    }

    // The value of the id whose hash_of is `hash` and for which `is(id)`
    // holds, or nullptr: a look-up for a caller that hashed the text itself.
    // Written into a compiled store and read back (claims/compiled_io.hpp);
    // a table read back holds values below `values` only, or load fails.
    void save(compiled::output& out) const;
    bool load(compiled::input& in, std::uint32_t values);

    template <typename Is>
    [[nodiscard]] const std::uint32_t* find_hashed(std::uint64_t hash, Is is) const {
        if (slots_.empty()) return nullptr;
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t check = id_table_detail::check_of(hash);
        for (std::size_t at = hash & mask; slots_[at].check != 0; at = (at + 1) & mask)
            if (slots_[at].check == check && is(slots_[at].id)) return &slots_[at].value;
        return nullptr;
    }

private:
    struct slot {
        std::string_view id;
        std::uint32_t value = 0;
        std::uint32_t check = 0;  // from the id's hash; 0: a free slot
    };
    // Its slot, or the free one it would take.
    [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const {
        const std::size_t mask = slots_.size() - 1;
        const std::uint32_t check = id_table_detail::check_of(hash);
        std::size_t at = hash & mask;
        while (slots_[at].check != 0 &&
               (slots_[at].check != check || !id_table_detail::same(slots_[at].id, id)))
            at = (at + 1) & mask;
        return at;
    }
    void rehash(std::size_t slots);

    std::vector<slot> slots_;  // a power of two in size, at most half full
    std::size_t size_ = 0;
};

}  // namespace factlint
