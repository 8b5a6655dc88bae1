// A set of words for the name index: every word that occurs in some key.
// The scan looks each word of a sentence up here first; a word no key holds
// cannot be part of a match, so the automaton skips it without being fed its
// bytes (most words of prose, whatever the claims).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factlint {

class word_set {
public:
    // Adds each space-separated word of `words` not in the set yet.
    void insert_words(std::string_view words);
    [[nodiscard]] bool contains(std::string_view word) const;

private:
    struct entry {
        std::uint32_t offset = 0;  // into text_
        std::uint32_t length = 0;  // 0: an empty slot
    };
    [[nodiscard]] static std::uint64_t hash(std::string_view word);
    [[nodiscard]] std::string_view word_at(const entry& e) const {
        return {text_.data() + e.offset, e.length};
    }
    // The slot holding `word`, or the empty slot where it would go.
    [[nodiscard]] std::size_t slot_of(std::string_view word) const;
    void insert(std::string_view word);
    void grow();

    std::string text_;          // each word once, one after another
    std::vector<entry> slots_;  // open addressing, a power of two, at most half full
    std::size_t count_ = 0;
};

}  // namespace factlint
