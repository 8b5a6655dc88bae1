#include "claims/interned.hpp"

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
    static std::mutex lock;
    // A node never moves: views stay valid.
    static std::unordered_set<std::string, view_hash, std::equal_to<>> words;
    const std::lock_guard<std::mutex> hold(lock);
    if (const auto found = words.find(word); found != words.end()) return *found;
    return *words.emplace(word).first;
}

}  // namespace factlint
