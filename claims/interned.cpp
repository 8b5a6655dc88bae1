#include "claims/interned.hpp"

#include <array>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_set>

namespace factlint {

namespace {

// Hashes a std::string and a view of one alike, so that a word is looked
// up without a copy: building the node of a word already held (a string
// and an allocation, then freed) cost most of a call.
struct view_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::string_view interned(std::string_view word) {
    if (word.empty()) return {};
    // Each thread remembers the words it was given, in a small table
    // indexed by a word's size and ends: a vocabulary of a few dozen
    // words is asked for again with every document, and with several
    // threads the one lock became a wait (futex calls at -j 2 over many
    // files: docs/performance.md part 22). The views it keeps never dangle.
    thread_local std::array<std::string_view, 64> remembered{};
    std::string_view& slot = remembered[(word.size() * 7 + static_cast<unsigned char>(word.front()) * 3 +
                                         static_cast<unsigned char>(word.back())) %
                                        remembered.size()];
    if (slot == word) return slot;
    static std::mutex lock;
    // A node never moves: views stay valid.
    static std::unordered_set<std::string, view_hash, std::equal_to<>> words;
    const std::lock_guard<std::mutex> hold(lock);
    const auto found = words.find(word);
    slot = found != words.end() ? *found : *words.emplace(word).first;
    return slot;
}

}  // namespace factlint
