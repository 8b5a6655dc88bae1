#include "claims/interned.hpp"

#include <mutex>
#include <string>
#include <unordered_set>

namespace factlint {

std::string_view interned(std::string_view word) {
    if (word.empty()) return {};
    static std::mutex lock;
    static std::unordered_set<std::string> words;  // a node never moves: views stay valid
    const std::lock_guard<std::mutex> hold(lock);
    return *words.emplace(word).first;
}

}  // namespace factlint
