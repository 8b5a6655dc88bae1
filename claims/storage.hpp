// What the reference claims of one file point into: the file's content, the
// few texts that are not in it as written (unescaped phrases, nouns), and
// the names, `where` phrases and values of all its claims in two flat
// arrays. A claim is a handful of views and spans into these, so loading
// 100,000 claims makes a few large allocations instead of a million small
// ones. Kept behind a pointer by its owner (claim_store), so it never moves.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "claims/reference.hpp"

namespace factlint {

// Texts kept for views into them: equal texts are kept once, and a kept
// text never moves (the set's nodes stay put as it grows or is moved).
class kept_texts {
public:
    [[nodiscard]] std::string_view keep(std::string_view text) {
        if (text.empty()) return {};
        if (const auto it = texts_.find(text); it != texts_.end()) return *it;
        return *texts_.emplace(text).first;
    }

private:
    struct hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_set<std::string, hash, std::equal_to<>> texts_;
};

// One claims file as read, before its parse or its compiled store's read.
struct claims_text {
    std::string path;
    std::string content;
};

struct claims_storage {
    std::string path;                       // the claims' `where.file`
    std::string content;                    // the file as read: ids, phrases, value texts and sources view it
    kept_texts texts;                       // phrases with escapes (unescaped), nouns
    std::vector<std::string_view> phrases;  // each claim's names, then its wheres
    std::vector<reference_value> values;    // each claim's values, claim after claim
    // What the views point into when it is not `content`: a store read back
    // from the cache views the cache file's bytes (claims/compiled_store.hpp).
    std::shared_ptr<const void> kept;
    // A piece of a file parsed apart from the rest (checker/claims_parse.cpp):
    // `path` and `content` are empty, its claims view those of the storage
    // before it, and its arrays continue that storage's. The compiled store
    // writes such storages as one file.
    bool continues_previous = false;
};

}  // namespace factlint
