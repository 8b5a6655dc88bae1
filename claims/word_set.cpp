#include "claims/word_set.hpp"

#include <algorithm>
#include <cstring>

namespace factlint {

void word_set::insert_words(std::string_view words) {
    std::size_t i = 0;
    while (i < words.size()) {
        const std::size_t end = std::min(words.find(' ', i), words.size());
        if (end > i) {
            entries_.push_back(
                {static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(end - i)});
            text_.append(words.substr(i, end - i));
        }
        i = end + 1;
    }
}

void word_set::finish() {
    std::size_t capacity = 16;
    while (capacity < 2 * entries_.size()) capacity *= 2;  // at most half full
    slots_.assign(capacity, entry{});
    for (const entry& e : entries_) place(e);
    entries_.clear();
    entries_.shrink_to_fit();
}

void word_set::place(entry e) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash(word_at(e)) & mask;; s = (s + 1) & mask) {
        if (slots_[s].length == 0) {
            slots_[s] = e;
            return;
        }
        if (word_at(slots_[s]) == word_at(e)) return;  // there already
    }
}

bool word_set::contains(std::string_view word) const {
    if (slots_.empty() || word.empty()) return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash(word) & mask;; s = (s + 1) & mask) {
        const entry& e = slots_[s];
        if (e.length == 0) return false;
        if (e.length == word.size() && std::memcmp(text_.data() + e.offset, word.data(), word.size()) == 0)
            return true;
    }
}

// Eight bytes at a time (words are short: most take one or two rounds),
// then mixed so the low bits used as the slot depend on every byte.
std::uint64_t word_set::hash(std::string_view word) {
    constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = word.size() * multiplier;
    std::size_t k = 0;
    for (; k + 8 <= word.size(); k += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, word.data() + k, 8);
        h = (h ^ chunk) * multiplier;
        h ^= h >> 32;
    }
    if (k < word.size()) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, word.data() + k, word.size() - k);
        h = (h ^ chunk) * multiplier;
        h ^= h >> 32;
    }
    return h ^ (h >> 29);
}

}  // namespace factlint
