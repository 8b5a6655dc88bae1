// Strings to numbers: claim ids (parser and store), the name index's
// `where` phrases and the words of its keys. One array of slots probed in
// turn, instead of a heap block per entry (a std::unordered_map made one
// per claim, twice per load). It holds views: the strings must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace factlint {

class id_table {
public:
    void reserve(std::size_t ids);
    void clear();
    // Adds `id` with `value` unless it is there: the value it has, and
    // whether it was added.
    std::pair<std::uint32_t, bool> insert(std::string_view id, std::uint32_t value);
    // The value of `id`, or nullptr.
    [[nodiscard]] const std::uint32_t* find(std::string_view id) const;

private:
    struct slot {
        std::string_view id;
        std::uint32_t value = 0;
        std::uint32_t check = 0;  // from the id's hash; 0: a free slot
    };
    // Its slot, or the free one it would take.
    [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
    void rehash(std::size_t slots);

    std::vector<slot> slots_;  // a power of two in size, at most half full
    std::size_t size_ = 0;
};

}  // namespace factlint
