// The reference claim store and its name index: one pass over a sentence
// finds every claim named in it, at a cost that does not grow with the
// number of claims (Aho-Corasick over normalized names).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claims/record.hpp"
#include "claims/reference.hpp"
#include "claims/storage.hpp"

namespace factlint {

namespace compiled {
class output;
class input;
}  // namespace compiled
struct compiled_store_access;

// Normalized form of a name or of prose for matching: lower case, "U.S." and
// "US" alike, hyphens as spaces, runs of spaces folded, a trailing plural "s"
// of each word optional. `offsets[i]` is the byte of the input that
// normalized byte i came from (offsets.size() == text.size() + 1).
struct normalized_text {
    std::string text;
    std::vector<std::size_t> offsets;
};
[[nodiscard]] normalized_text normalize_for_matching(std::string_view input);

namespace store_detail {
// The index's shortcut for a name of ASCII letters and spaces only: its
// normalized text (normalize_for_matching's) written at `to`, which has
// room for phrase.size() bytes; the bytes written, or npos for any other
// name. Declared for the tests that hold it against the normalizer.
[[nodiscard]] std::size_t normalize_plain(std::string_view phrase, char* to);
// Whether every chain of links from every node (node k links to
// link[k]) ends at node 0, the root, with no cycle and no link out of
// range: what a compiled index read back must hold before a scan follows
// its links. Linear in the nodes, whatever the links.
[[nodiscard]] bool links_reach_root(std::span<const std::uint32_t> link);
}  // namespace store_detail

struct name_hit {
    std::size_t claim = 0;  // index into claim_store::claims()
    std::size_t begin = 0;  // byte range in the searched text
    std::size_t end = 0;
};

class claim_store {
public:
    claim_store();
    ~claim_store();
    claim_store(claim_store&&) noexcept;
    claim_store& operator=(claim_store&&) noexcept;

    // Keeps what claims added before or after view (claims/storage.hpp) for
    // as long as the store lives.
    void keep(std::unique_ptr<claims_storage> storage) { storages_.push_back(std::move(storage)); }
    // Adds a claim; the caller has already checked the id is unique.
    void add(reference_claim claim);
    void reserve(std::size_t claims) { claims_.reserve(claims); }
    // Adds claims in bulk (ids unique among them and the store's), without
    // moving them one by one when the store is empty.
    void add_all(std::vector<reference_claim> claims);
    // Builds the index; call once after the last add.
    void build_index();

    [[nodiscard]] const std::vector<reference_claim>& claims() const { return claims_; }

    // What a claim's name can link in a sentence (checker/match.cpp): a
    // figure, for a claim with values or a period; a date, for one with a
    // date or a period. A sentence with neither kind need not be scanned.
    // Counted as claims are added.
    struct link_kinds {
        bool figures = false;
        bool dates = false;
        void count(const reference_claim& c);
    };
    [[nodiscard]] link_kinds links() const { return links_; }
    // The claim of id `id`, or nullptr. Safe from several threads at once;
    // the first call after the claims were added hashes every id.
    [[nodiscard]] const reference_claim* find(std::string_view id) const;
    // The claim record `r` was matched to, or nullptr when its claim_id is
    // empty: the claim at the record's claim_place when the matcher set it
    // (checker/match.cpp), else its id looked up.
    [[nodiscard]] const reference_claim* claim_of(const claim_record& r) const;
    // The series index (reference.hpp) of one of the store's claims with
    // more than series_values values, or nullptr: built with the index.
    [[nodiscard]] const series_index* series_of(const reference_claim& c) const;
    static constexpr std::size_t series_values = 16;
    [[nodiscard]] bool empty() const { return claims_.empty(); }

    // Every name of a claim found in `text`, whole words only, in order of
    // position. A claim with `where` phrases is found only when one of them
    // is in `text` too (SPEC §6). A phrase shared by many claims is found
    // once and costs nothing per claim until one of those claims is named.
    [[nodiscard]] std::vector<name_hit> scan(std::string_view text) const;
    // The same for a text whose byte after its end may be read and is no
    // ASCII letter or digit (the tokenizer's padded lower-case copy of a
    // sentence): a word's end is found without testing the text's end at
    // every byte. Upper or lower case gives the same hits.
    [[nodiscard]] std::vector<name_hit> scan_padded(std::string_view text) const;

private:
    // Writes and reads the store (claims/compiled_store.cpp); the index's
    // part is here, with the index.
    friend struct compiled_store_access;
    void save_index(compiled::output& out) const;
    // The claims of a store read back, to an empty store, with the link
    // kinds add_all would count by a pass over them, counted by the reader
    // as it made them: 100,000 claims are 14 MB, and each pass over them
    // took a millisecond or more of a cache hit.
    void add_counted(std::vector<reference_claim> claims, link_kinds links);
    // The index read back, and the series indexes made for `long_series`
    // (the places of the claims of more than series_values values, in
    // order, which the reader found as it made the claims).
    bool load_index(compiled::input& in, std::uint32_t key_text_base,
                    const std::vector<std::uint32_t>& long_series);
    [[nodiscard]] std::string_view index_key_text() const;  // what the index's key words view

    [[nodiscard]] std::vector<name_hit> scan_text(std::string_view text, bool padded) const;

    // A series index for each claim of many values, by the claim's place
    // (the places found here, or given).
    void index_series();
    void index_series(const std::vector<std::uint32_t>& long_series);

    struct index;
    std::vector<std::unique_ptr<claims_storage>> storages_;
    std::vector<reference_claim> claims_;
    std::vector<std::pair<std::uint32_t, std::unique_ptr<series_index>>> series_;  // by claim
    std::unique_ptr<index> index_;
    link_kinds links_;
};

}  // namespace factlint
