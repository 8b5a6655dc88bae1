#include "claims/word_set.hpp"

#include <algorithm>
#include <cstring>

namespace factlint {

void word_set::insert_words(std::string_view words) {
    std::size_t i = 0;
    while (i < words.size()) {
        const std::size_t end = std::min(words.find(' ', i), words.size());
        if (end > i) insert(words.substr(i, end - i));
        i = end + 1;
    }
}

bool word_set::contains(std::string_view word) const {
    if (slots_.empty() || word.empty()) return false;
    return slots_[slot_of(word)].length != 0;
}

std::size_t word_set::slot_of(std::string_view word) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = hash(word) & mask;; s = (s + 1) & mask) {
        const entry& e = slots_[s];
        if (e.length == 0) return s;
        if (e.length == word.size() && std::memcmp(text_.data() + e.offset, word.data(), word.size()) == 0)
            return s;
    }
}

void word_set::insert(std::string_view word) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    const std::size_t s = slot_of(word);
    if (slots_[s].length != 0) return;  // there already
    slots_[s] = {static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(word.size())};
    text_.append(word);
    ++count_;
}

// Doubling as words come keeps the table sized to the distinct words (a
// phrase shared by many claims is in the keys many times).
void word_set::grow() {
    std::vector<entry> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(16, 2 * old.size()), entry{});
    for (const entry& e : old)
        if (e.length != 0) slots_[slot_of(word_at(e))] = e;
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
