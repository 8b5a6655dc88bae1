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
    // Adds each space-separated word of `words`.
    void insert_words(std::string_view words);
    // Sizes the table; call after the last insert, before contains().
    void finish();
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
    void place(entry e);

    std::string text_;            // the words, one after another
    std::vector<entry> entries_;  // in order of insertion
    std::vector<entry> slots_;    // open addressing, a power of two
};

}  // namespace factlint
