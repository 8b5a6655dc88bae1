// The claim store and its name index. Names and `where` phrases are
// normalized once into Aho-Corasick keys; a sentence is normalized the same
// way and scanned in one pass, so the cost of a scan depends on the text and
// the hits, not on how many claims are loaded.
#include "claims/store.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <tuple>
#include <unordered_map>

namespace factlint {

// ---- normalization ------------------------------------------------------------

namespace {

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }
char lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

// Bytes of a UTF-8 sequence starting with `lead` (1 for stray bytes).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

enum class char_class { word, apostrophe, separator };

// Non-ASCII characters that separate words (dashes, spaces, quotes,
// ellipsis) or act as apostrophes; every other one is part of a word.
char_class classify_utf8(std::string_view s) {
    if (s == "\xC2\xA0") return char_class::separator;  // no-break space
    if (s.size() == 3 && s[0] == '\xE2' && s[1] == '\x80') {
        const auto c = static_cast<unsigned char>(s[2]);
        if (c == 0x98 || c == 0x99) return char_class::apostrophe;                   // ‘ ’
        if ((c >= 0x80 && c <= 0x95) || (c >= 0x9C && c <= 0x9F) || c == 0xA6 || c == 0xAF) {
            return char_class::separator;  // spaces, hyphens, dashes, double quotes, …
        }
    }
    return char_class::word;
}

class normalizer {
public:
    explicit normalizer(std::string_view input) : in_(input) {}

    normalized_text run() {
        std::size_t i = 0;
        while (i < in_.size()) i = step(i);
        end_word();
        out_.offsets.push_back(out_.text.empty() ? in_.size() : word_end_);
        return std::move(out_);
    }

private:
    std::size_t step(std::size_t i) {
        const auto c = static_cast<unsigned char>(in_[i]);
        if (ascii_alnum(c)) {
            if (!in_word_ && ascii_alpha(c)) {
                if (const std::size_t after = abbreviation(i); after != i) return after;
            }
            emit(lower(c), i, i + 1);
            return i + 1;
        }
        if (c == '\'') return apostrophe(i, 1);
        if (c < 0x80) return separator(i, 1);
        const std::size_t len = std::min(utf8_length(c), in_.size() - i);
        switch (classify_utf8(in_.substr(i, len))) {
            case char_class::apostrophe: return apostrophe(i, len);
            case char_class::separator: return separator(i, len);
            case char_class::word: break;
        }
        for (std::size_t k = 0; k < len; ++k) emit(in_[i + k], i + k, i + len);
        return i + len;
    }

    // "U.S.", "U.S", "U.K.", "e.g.": single letters joined by dots become
    // one word ("us"). Returns the byte after it, or `i` when there is none.
    std::size_t abbreviation(std::size_t i) {
        std::size_t j = i;
        std::vector<std::size_t> letters;
        while (j < in_.size() && ascii_alpha(static_cast<unsigned char>(in_[j]))) {
            if (j + 1 < in_.size() && ascii_alnum(static_cast<unsigned char>(in_[j + 1]))) break;
            letters.push_back(j++);
            if (j < in_.size() && in_[j] == '.') {
                ++j;
                continue;
            }
            break;
        }
        if (letters.size() < 2) return i;
        for (const std::size_t at : letters) emit(lower(static_cast<unsigned char>(in_[at])), at, j);
        abbreviation_ = true;
        end_word();
        return j;
    }

    // Inside a word an apostrophe joins ("don't" -> "dont") and a possessive
    // "'s" is dropped ("Iraq's" -> "iraq"); elsewhere it separates.
    std::size_t apostrophe(std::size_t i, std::size_t len) {
        if (!in_word_) return separator(i, len);
        const std::size_t s = i + len;
        if (s < in_.size() && (in_[s] == 's' || in_[s] == 'S') &&
            (s + 1 == in_.size() || !ascii_alnum(static_cast<unsigned char>(in_[s + 1])))) {
            word_end_ = s + 1;
            return s + 1;
        }
        word_end_ = s;
        return s;
    }

    std::size_t separator(std::size_t i, std::size_t len) {
        end_word();
        return i + len;
    }

    void emit(char c, std::size_t from, std::size_t word_end) {
        if (!in_word_) {
            if (!out_.text.empty()) {
                out_.text.push_back(' ');
                out_.offsets.push_back(word_end_);  // a space maps to the end of the word before it
            }
            word_start_ = out_.text.size();
            in_word_ = true;
        }
        out_.text.push_back(c);
        out_.offsets.push_back(from);
        word_end_ = word_end;
    }

    // A trailing plural "s" is optional: drop it from words of four letters
    // or more ("troops" -> "troop", not "us" or "gas"), but not from "ss".
    void end_word() {
        if (!in_word_) return;
        const std::size_t len = out_.text.size() - word_start_;
        if (!abbreviation_ && len > 3 && out_.text.back() == 's' && out_.text[out_.text.size() - 2] != 's') {
            out_.text.pop_back();
            out_.offsets.pop_back();
        }
        in_word_ = false;
        abbreviation_ = false;
    }

    std::string_view in_;
    normalized_text out_;
    bool in_word_ = false;
    bool abbreviation_ = false;
    std::size_t word_start_ = 0;  // in out_.text
    std::size_t word_end_ = 0;    // in the input: the byte after the current/last word
};

}  // namespace

normalized_text normalize_for_matching(std::string_view input) { return normalizer(input).run(); }

// ---- the index ----------------------------------------------------------------

namespace {
using node_id = std::uint32_t;

struct key_entry {
    std::string key;  // normalized name or phrase
    std::uint32_t claim = 0;
    bool is_where = false;
    bool operator<(const key_entry& o) const {
        return std::tie(key, claim, is_where) < std::tie(o.key, o.claim, o.is_where);
    }
    bool operator==(const key_entry& o) const = default;
};
}  // namespace

struct claim_store::index {
    std::unordered_map<std::string, std::size_t> ids;

    std::vector<key_entry> entries;            // sorted by key: a node's outputs are contiguous
    std::array<node_id, 256> root_next{};      // dense at the root, where most steps end
    std::vector<std::uint32_t> edge_begin;     // per node, into edge_byte/edge_target (CSR)
    std::vector<unsigned char> edge_byte;      // sorted within a node
    std::vector<node_id> edge_target;
    std::vector<node_id> fail;
    std::vector<node_id> dict;                 // nearest proper suffix node with outputs, 0 if none
    std::vector<std::uint32_t> out_first, out_count;  // into entries

    [[nodiscard]] node_id child(node_id n, unsigned char b) const {
        if (n == 0) return root_next[b];
        const auto first = edge_byte.begin() + edge_begin[n];
        const auto last = edge_byte.begin() + edge_begin[n + 1];
        const auto it = std::lower_bound(first, last, b);
        return it != last && *it == b ? edge_target[static_cast<std::size_t>(it - edge_byte.begin())] : 0;
    }

    void build(const std::vector<reference_claim>& claims);

private:
    void collect_keys(const std::vector<reference_claim>& claims);
    void build_trie();
    void build_links();
};

void claim_store::index::collect_keys(const std::vector<reference_claim>& claims) {
    entries.clear();
    for (std::size_t i = 0; i < claims.size(); ++i) {
        auto add = [&](const std::string& phrase, bool is_where) {
            std::string key = normalize_for_matching(phrase).text;
            if (!key.empty()) entries.push_back({std::move(key), static_cast<std::uint32_t>(i), is_where});
        };
        for (const auto& n : claims[i].names) add(n, false);
        for (const auto& w : claims[i].wheres) add(w, true);
    }
    std::sort(entries.begin(), entries.end());
    // "U.S. troops" and "US troops" are one key: report it once.
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

// Keys are sorted, so each new node's byte is greater than its earlier
// siblings' and children lists come out sorted without searching.
void claim_store::index::build_trie() {
    std::vector<node_id> first_child{0}, next_sibling{0}, last_child{0};
    std::vector<unsigned char> byte{0};
    out_first.assign(1, 0);
    out_count.assign(1, 0);
    std::vector<node_id> path{0};
    const std::string* prev = nullptr;
    for (std::size_t e = 0; e < entries.size(); ++e) {
        const std::string& key = entries[e].key;
        std::size_t lcp = 0;
        if (prev != nullptr) {
            while (lcp < key.size() && lcp < prev->size() && key[lcp] == (*prev)[lcp]) ++lcp;
        }
        if (prev != nullptr && lcp == key.size() && lcp == prev->size()) {
            ++out_count[path.back()];
            continue;
        }
        path.resize(lcp + 1);
        for (std::size_t d = lcp; d < key.size(); ++d) {
            const auto n = static_cast<node_id>(byte.size());
            const node_id parent = path.back();
            byte.push_back(static_cast<unsigned char>(key[d]));
            first_child.push_back(0), next_sibling.push_back(0), last_child.push_back(0);
            out_first.push_back(0), out_count.push_back(0);
            if (first_child[parent] == 0) first_child[parent] = n;
            else next_sibling[last_child[parent]] = n;
            last_child[parent] = n;
            path.push_back(n);
        }
        out_first[path.back()] = static_cast<std::uint32_t>(e);
        out_count[path.back()] = 1;
        prev = &key;
    }
    const std::size_t nodes = byte.size();
    edge_begin.assign(nodes + 1, 0);
    edge_byte.clear(), edge_target.clear();
    root_next.fill(0);
    for (std::size_t n = 0; n < nodes; ++n) {
        edge_begin[n] = static_cast<std::uint32_t>(edge_byte.size());
        for (node_id c = first_child[n]; c != 0; c = next_sibling[c]) {
            edge_byte.push_back(byte[c]);
            edge_target.push_back(c);
            if (n == 0) root_next[byte[c]] = c;
        }
    }
    edge_begin[nodes] = static_cast<std::uint32_t>(edge_byte.size());
}

void claim_store::index::build_links() {
    const std::size_t nodes = edge_begin.size() - 1;
    fail.assign(nodes, 0);
    dict.assign(nodes, 0);
    std::deque<node_id> queue;
    for (std::uint32_t e = edge_begin[0]; e < edge_begin[1]; ++e) queue.push_back(edge_target[e]);
    while (!queue.empty()) {
        const node_id u = queue.front();
        queue.pop_front();
        for (std::uint32_t e = edge_begin[u]; e < edge_begin[u + 1]; ++e) {
            const node_id v = edge_target[e];
            const unsigned char b = edge_byte[e];
            node_id f = fail[u];
            while (f != 0 && child(f, b) == 0) f = fail[f];
            const node_id target = child(f, b);
            fail[v] = target != v ? target : 0;
            dict[v] = out_count[fail[v]] != 0 ? fail[v] : dict[fail[v]];
            queue.push_back(v);
        }
    }
}

void claim_store::index::build(const std::vector<reference_claim>& claims) {
    collect_keys(claims);
    build_trie();
    build_links();
}

// ---- the store ----------------------------------------------------------------

claim_store::claim_store() : index_(std::make_unique<index>()) {}
claim_store::~claim_store() = default;
claim_store::claim_store(claim_store&&) noexcept = default;
claim_store& claim_store::operator=(claim_store&&) noexcept = default;

void claim_store::add(reference_claim claim) {
    index_->ids.emplace(claim.id, claims_.size());
    claims_.push_back(std::move(claim));
}

void claim_store::build_index() { index_->build(claims_); }

const reference_claim* claim_store::find(std::string_view id) const {
    const auto it = index_->ids.find(std::string(id));
    return it == index_->ids.end() ? nullptr : &claims_[it->second];
}

std::vector<name_hit> claim_store::scan(std::string_view text) const {
    std::vector<name_hit> hits;
    const index& ix = *index_;
    if (ix.edge_begin.empty()) return hits;
    const normalized_text norm = normalize_for_matching(text);
    const std::string& t = norm.text;
    node_id state = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto b = static_cast<unsigned char>(t[i]);
        for (;;) {
            const node_id next = ix.child(state, b);
            if (next != 0 || state == 0) {
                state = next;
                break;
            }
            state = ix.fail[state];
        }
        const std::size_t end = i + 1;
        if (end < t.size() && t[end] != ' ') continue;  // whole words only
        for (node_id s = ix.out_count[state] != 0 ? state : ix.dict[state]; s != 0; s = ix.dict[s]) {
            for (std::uint32_t k = 0; k < ix.out_count[s]; ++k) {
                const key_entry& e = ix.entries[ix.out_first[s] + k];
                const std::size_t begin = end - e.key.size();
                if (begin != 0 && t[begin - 1] != ' ') break;  // same key: same verdict
                hits.push_back({e.claim, norm.offsets[begin], norm.offsets[end], e.is_where});
            }
        }
    }
    std::sort(hits.begin(), hits.end(), [](const name_hit& a, const name_hit& b) {
        return std::tie(a.begin, a.end, a.claim, a.is_where) < std::tie(b.begin, b.end, b.claim, b.is_where);
    });
    return hits;
}

}  // namespace factlint
