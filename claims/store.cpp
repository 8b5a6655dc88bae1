// The claim store and its name index. Names and `where` phrases are
// normalized once into Aho-Corasick keys; a sentence is normalized the same
// way and scanned in one pass, so the cost of a scan depends on the text and
// the hits, not on how many claims are loaded.
#include "claims/store.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <tuple>

#include "claims/id_table.hpp"

namespace factlint {

// ---- normalization ------------------------------------------------------------

namespace {

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }
char lower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

// Copies ASCII letters and digits lowered to `out` (which may be `alnum`
// itself): for those bytes, setting bit 5 lowers a letter and leaves a digit
// as it is, so eight bytes go at once.
void lower_alnum(const char* alnum, std::size_t n, char* out) {
    std::size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, alnum + k, 8);
        chunk |= 0x2020202020202020ULL;
        std::memcpy(out + k, &chunk, 8);
    }
    for (; k < n; ++k) out[k] = static_cast<char>(alnum[k] | 0x20);
}

void append_lower(std::string& to, std::string_view alnum) {
    const std::size_t at = to.size();
    to.append(alnum);
    lower_alnum(to.data() + at, alnum.size(), to.data() + at);
}

// A trailing plural "s" is optional: dropped from a lower-case word of four
// letters or more ("troops" -> "troop", not "us" or "gas"), but not after
// another "s" ("class").
bool drops_plural_s(std::string_view lowered) {
    return lowered.size() > 3 && lowered.back() == 's' && lowered[lowered.size() - 2] != 's';
}

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
        if (c == 0x98 || c == 0x99) return char_class::apostrophe;  // ‘ ’
        if ((c >= 0x80 && c <= 0x95) || (c >= 0x9C && c <= 0x9F) || c == 0xA6 || c == 0xAF) {
            return char_class::separator;  // spaces, hyphens, dashes, double quotes, …
        }
    }
    return char_class::word;
}

// Where the normalizer's words go: the normalized text, after what it holds
// already (so index keys go straight into one arena), and, when `offsets`
// is given, the input byte of each normalized byte.
class text_output {
public:
    text_output(std::string& text, std::vector<std::size_t>* offsets)
        : text_(text), offsets_(offsets), base_(text.size()) {}

    void reserve(std::size_t input_size) {
        text_.reserve(text_.size() + input_size + 1);
        if (offsets_ != nullptr) offsets_->reserve(offsets_->size() + input_size + 1);
    }
    // A word begins; `previous_end` is the input byte after the word before.
    void begin_word(std::size_t previous_end) {
        if (text_.size() != base_) {
            text_.push_back(' ');
            if (offsets_ != nullptr)
                offsets_->push_back(previous_end);  // a space maps to the end of the word before it
        }
        word_start_ = text_.size();
    }
    void put(char c, std::size_t from) {
        text_.push_back(c);
        if (offsets_ != nullptr) offsets_->push_back(from);
    }
    // ASCII letters and digits, lower-cased; input bytes from `from` on.
    void put_lower(std::string_view run, std::size_t from) {
        append_lower(text_, run);
        if (offsets_ != nullptr)
            for (std::size_t k = 0; k < run.size(); ++k) offsets_->push_back(from + k);
    }
    [[nodiscard]] std::string_view word() const { return std::string_view(text_).substr(word_start_); }
    void drop_last() {
        text_.pop_back();
        if (offsets_ != nullptr) offsets_->pop_back();
    }
    void end_word(std::size_t /*word_end*/) {}
    void finish(std::size_t input_size, std::size_t last_word_end) {
        if (offsets_ != nullptr) offsets_->push_back(text_.size() == base_ ? input_size : last_word_end);
    }

private:
    std::string& text_;
    std::vector<std::size_t>* offsets_;  // null: index keys need only the text
    std::size_t base_;                   // text_.size() before this input
    std::size_t word_start_ = 0;
};

// The scanner's current word: a std::string's append and push_back cost
// more than the rest of the per-word work.
class word_buffer {
public:
    word_buffer() : bytes_(64) {}
    void clear() { size_ = 0; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::string_view view() const { return {bytes_.data(), size_}; }
    [[nodiscard]] char operator[](std::size_t i) const { return bytes_[i]; }
    void pop_back() { --size_; }
    void push_back(char c) {
        make_room(1);
        bytes_[size_++] = c;
    }
    // ASCII letters and digits only (lower_alnum).
    void append_lower(std::string_view alnum) {
        make_room(alnum.size());
        lower_alnum(alnum.data(), alnum.size(), bytes_.data() + size_);
        size_ += alnum.size();
    }

private:
    void make_room(std::size_t n) {
        if (size_ + n > bytes_.size()) bytes_.resize(std::max(2 * bytes_.size(), size_ + n));
    }
    std::vector<char> bytes_;
    std::size_t size_ = 0;
};

// Normalizes `input` word by word into an output (text_output above, or the
// scanner of claim_store::scan, which runs the automaton on the words as
// they come instead of building the text first).
template <typename Output>
class normalizer {
public:
    normalizer(std::string_view input, Output& out) : in_(input), out_(out) { out_.reserve(input.size()); }

    void run() {
        std::size_t i = 0;
        while (i < in_.size()) i = step(i);
        end_word();
        out_.finish(in_.size(), word_end_);
    }

private:
    std::size_t step(std::size_t i) {
        const auto c = static_cast<unsigned char>(in_[i]);
        if (ascii_alnum(c)) {
            if (!in_word_ && ascii_alpha(c)) {
                if (const std::size_t after = abbreviation(i); after != i) return after;
            }
            // The whole run of ASCII letters and digits at once, as emitting
            // it byte by byte would (what ends it is read by the next step).
            std::size_t j = i + 1;
            while (j < in_.size() && ascii_alnum(static_cast<unsigned char>(in_[j]))) ++j;
            if (!in_word_) {
                out_.begin_word(word_end_);
                in_word_ = true;
            }
            out_.put_lower(in_.substr(i, j - i), i);
            word_end_ = j;
            return j;
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
        std::size_t letters = 0;
        while (j < in_.size() && ascii_alpha(static_cast<unsigned char>(in_[j]))) {
            if (j + 1 < in_.size() && ascii_alnum(static_cast<unsigned char>(in_[j + 1]))) break;
            ++letters;
            if (++j < in_.size() && in_[j] == '.') {
                ++j;
                continue;
            }
            break;
        }
        if (letters < 2) return i;
        // The letters sit at even distances: "U.S." is U at i, S at i + 2.
        for (std::size_t k = 0; k < letters; ++k)
            emit(lower(static_cast<unsigned char>(in_[i + 2 * k])), i + 2 * k, j);
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
            out_.begin_word(word_end_);
            in_word_ = true;
        }
        out_.put(c, from);
        word_end_ = word_end;
    }

    // Ends the current word, without its optional plural "s" (not from an
    // abbreviation: "U.S." stays "us").
    void end_word() {
        if (!in_word_) return;
        const std::string_view w = out_.word();
        if (!abbreviation_ && drops_plural_s(w)) out_.drop_last();
        out_.end_word(word_end_);
        in_word_ = false;
        abbreviation_ = false;
    }

    std::string_view in_;
    Output& out_;
    bool in_word_ = false;
    bool abbreviation_ = false;
    std::size_t word_end_ = 0;  // in the input: the byte after the current/last word
};

}  // namespace

normalized_text normalize_for_matching(std::string_view input) {
    normalized_text out;
    text_output to(out.text, &out.offsets);
    normalizer(input, to).run();
    return out;
}

// ---- the index ----------------------------------------------------------------

namespace {
using node_id = std::uint32_t;
constexpr std::uint32_t none = UINT32_MAX;

// What a key found at a node means: a claim's name, or a `where` phrase
// (`claim` is then the phrase's number, shared by every claim that has it).
struct key_output {
    std::uint32_t claim = 0;
    std::uint32_t length = 0;  // bytes of the key, its leading space included
    bool is_where = false;
};

// A key in the builder's arena, with its first 16 bytes packed big-endian so
// that most comparisons while sorting touch no other memory.
struct key_ref {
    std::uint64_t head = 0, next = 0;
    std::uint32_t offset = 0, length = 0;
    std::uint32_t claim = 0;
    bool is_where = false;
};

std::uint64_t packed(std::string_view s, std::size_t from) {
    std::uint64_t v = 0;
    for (std::size_t i = from; i < from + 8; ++i)
        v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
    return v;
}

// A phrase of ASCII letters and spaces only, the most common kind of name:
// normalize_plain gives it the normalizer's result without the normalizer's
// character classes (no abbreviation, apostrophe or separator other than
// the space can occur in it).
bool is_plain(std::string_view phrase) {
    return std::all_of(phrase.begin(), phrase.end(),
                       [](char c) { return c == ' ' || ascii_alpha(static_cast<unsigned char>(c)); });
}

// Appends the words of a plain phrase: lower case, one space between words,
// a trailing plural "s" dropped as the normalizer does.
void normalize_plain(std::string_view phrase, std::string& out) {
    const std::size_t base = out.size();
    for (std::size_t at = 0; at < phrase.size();) {
        if (phrase[at] == ' ') {
            ++at;
            continue;
        }
        std::size_t end = at + 1;
        while (end < phrase.size() && phrase[end] != ' ') ++end;
        if (out.size() != base) out.push_back(' ');
        append_lower(out, phrase.substr(at, end - at));
        if (drops_plural_s(std::string_view(out).substr(out.size() - (end - at)))) out.pop_back();
        at = end;
    }
}

// The byte of a sorted key at `depth`: from its packed head while there is
// one, so that most of the trie is built without touching the arena.
unsigned char byte_at(const key_ref& k, std::string_view arena, std::size_t depth) {
    if (depth < 8) return static_cast<unsigned char>(k.head >> (56 - 8 * depth));
    if (depth < 16) return static_cast<unsigned char>(k.next >> (56 - 8 * (depth - 8)));
    return static_cast<unsigned char>(arena[k.offset + depth]);
}

}  // namespace

struct claim_store::index {
    // id -> index into claims_, built with the name index; views into the
    // claims, so an add() after it clears the map and find() searches.
    id_table ids;
    bool ids_current = true;

    std::array<node_id, 256> root_next{};   // dense at the root
    std::vector<std::uint32_t> edge_begin;  // per node, into edge_byte/edge_target (CSR)
    std::vector<unsigned char> edge_byte;   // sorted within a node
    std::vector<node_id> edge_target;
    std::vector<node_id> fail;
    std::vector<node_id> dict;             // nearest proper suffix node with outputs, 0 if none
    std::vector<std::uint32_t> out_begin;  // per node, into outputs (CSR)
    std::vector<key_output> outputs;
    std::uint32_t longest_key = 0;  // bytes, its leading space included
    // The keys, " words" one after another; the key-word table views it.
    std::string key_text;
    // Each distinct word of the keys, numbered in order of first appearance:
    // a word of the text that is not here cannot be inside a match, so the
    // scan skips it without feeding its bytes to the automaton (most words
    // of prose, whatever the claims).
    id_table key_words;
    // The `where` phrases of claim c: where_ids[where_begin[c] .. where_begin[c + 1]).
    std::vector<std::uint32_t> where_begin;
    std::vector<std::uint32_t> where_ids;

    [[nodiscard]] node_id child(node_id n, unsigned char b) const {
        if (n == 0) return root_next[b];
        const auto first = edge_byte.begin() + edge_begin[n];
        const auto last = edge_byte.begin() + edge_begin[n + 1];
        const auto it = std::lower_bound(first, last, b);
        return it != last && *it == b ? edge_target[static_cast<std::size_t>(it - edge_byte.begin())] : 0;
    }
    [[nodiscard]] bool has_output(node_id n) const { return out_begin[n] != out_begin[n + 1]; }

    void build(const std::vector<reference_claim>& claims);

private:
    void number_key_words();
    void build_trie(const std::vector<key_ref>& keys, std::string_view arena);
    void build_links();
};

// Every key starts with a space, as the scanned text does: a match can only
// start at a word. Keys are sorted so that the trie can be built breadth
// first straight from them (build_trie).
void claim_store::index::build(const std::vector<reference_claim>& claims) {
    std::string& arena = key_text;  // kept: key_words views it
    arena.clear();
    std::vector<key_ref> keys;
    keys.reserve(claims.size() + claims.size() / 2);
    std::size_t phrase_bytes = 0;
    for (const auto& c : claims) {
        for (const auto& n : c.names) phrase_bytes += n.size() + 1;
        for (const auto& w : c.wheres) phrase_bytes += w.size() + 1;
    }
    arena.reserve(phrase_bytes);  // room for every key: a phrase and its leading space at most
    // Normalizes `phrase` into the arena as a key " words"; false (and
    // nothing kept) when it has no words.
    auto normalize = [&](std::string_view phrase, key_ref& k) {
        k.offset = static_cast<std::uint32_t>(arena.size());
        arena.push_back(' ');
        if (is_plain(phrase)) {
            normalize_plain(phrase, arena);
        } else {
            text_output to(arena, nullptr);
            normalizer(phrase, to).run();
        }
        k.length = static_cast<std::uint32_t>(arena.size() - k.offset);
        if (k.length == 1) arena.pop_back();
        return k.length > 1;
    };
    auto add = [&](key_ref k, std::uint32_t owner, bool is_where) {
        const std::string_view key(arena.data() + k.offset, k.length);
        k.head = packed(key, 0), k.next = packed(key, 8);
        k.claim = owner, k.is_where = is_where;
        keys.push_back(k);
    };
    // The `where` phrases of every claim in claim order, length 0 when it
    // has no words: numbered once the arena has stopped growing.
    std::vector<key_ref> wheres;
    where_begin.assign(1, 0);
    for (std::size_t i = 0; i < claims.size(); ++i) {
        for (const auto& n : claims[i].names) {
            if (key_ref k; normalize(n, k)) add(k, static_cast<std::uint32_t>(i), false);
        }
        for (const auto& w : claims[i].wheres) {
            key_ref k;
            if (!normalize(w, k)) k.length = 0;
            wheres.push_back(k);
        }
        where_begin.push_back(static_cast<std::uint32_t>(wheres.size()));
    }
    // A phrase's number is its first claim's; a phrase shared by many claims
    // is one key.
    id_table where_number;  // views into the arena
    std::uint32_t next_where = 0;
    where_ids.clear();
    where_ids.reserve(wheres.size());
    for (const key_ref& k : wheres) {
        if (k.length == 0) {
            where_ids.push_back(none);  // no words: never found, so the claim is never named
            continue;
        }
        const auto [number, is_new] =
            where_number.insert(std::string_view(arena).substr(k.offset + 1, k.length - 1), next_where);
        if (is_new) add(k, next_where++, true);
        where_ids.push_back(number);
    }
    number_key_words();
    auto text = [&](const key_ref& k) { return std::string_view(arena.data() + k.offset, k.length); };
    std::sort(keys.begin(), keys.end(), [&](const key_ref& a, const key_ref& b) {
        if (a.head != b.head) return a.head < b.head;
        if (a.next != b.next) return a.next < b.next;
        if (a.length > 16 || b.length > 16) {
            if (const int c = text(a)
                                  .substr(std::min<std::size_t>(16, a.length))
                                  .compare(text(b).substr(std::min<std::size_t>(16, b.length)));
                c != 0) {
                return c < 0;
            }
        }
        return std::tie(a.length, a.claim, a.is_where) < std::tie(b.length, b.claim, b.is_where);
    });

    // "U.S. troops" and "US troops" of one claim are one key: report it once.
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [&](const key_ref& a, const key_ref& b) {
                               return a.claim == b.claim && a.is_where == b.is_where && text(a) == text(b);
                           }),
               keys.end());
    build_trie(keys, arena);
    build_links();
}

void claim_store::index::number_key_words() {
    key_words.clear();
    std::uint32_t next = 0;
    const std::string_view text(key_text);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t end = std::min(text.find(' ', i), text.size());
        if (end > i && key_words.insert(text.substr(i, end - i), next).second) ++next;
        i = end + 1;
    }
}

// The trie in breadth-first order, straight from the sorted keys: a node
// stands for a run of keys sharing its first `depth` bytes; the keys that
// end there come first in the run (they sort before their extensions) and
// are its outputs, and the rest split by their next byte into its
// children. A node's children are contiguous and come after it, so the
// fail links are computed in one sequential sweep and the scan touches
// nearby memory; edge e leads to node e + 1.
void claim_store::index::build_trie(const std::vector<key_ref>& keys, std::string_view arena) {
    struct run {
        std::uint32_t first, last, depth;  // keys [first, last), sharing `depth` bytes
    };
    std::vector<run> runs{{0, static_cast<std::uint32_t>(keys.size()), 0}};  // one per node
    runs.reserve(arena.size() + 1);  // at most one node per byte of the keys
    edge_begin.clear(), edge_byte.clear(), edge_target.clear(), out_begin.clear(), outputs.clear();
    for (auto* v : {&edge_begin, &out_begin}) v->reserve(arena.size() + 2);
    edge_byte.reserve(arena.size()), edge_target.reserve(arena.size());
    outputs.reserve(keys.size());
    for (std::size_t node = 0; node < runs.size(); ++node) {
        auto [first, last, depth] = runs[node];
        edge_begin.push_back(static_cast<std::uint32_t>(edge_byte.size()));
        out_begin.push_back(static_cast<std::uint32_t>(outputs.size()));
        for (; first < last && keys[first].length == depth; ++first)
            outputs.push_back({keys[first].claim, keys[first].length, keys[first].is_where});
        while (first < last) {
            const unsigned char b = byte_at(keys[first], arena, depth);
            std::uint32_t end = first + 1;
            while (end < last && byte_at(keys[end], arena, depth) == b) ++end;
            edge_byte.push_back(b);
            edge_target.push_back(static_cast<node_id>(runs.size()));
            runs.push_back({first, end, depth + 1});
            first = end;
        }
    }
    edge_begin.push_back(static_cast<std::uint32_t>(edge_byte.size()));
    out_begin.push_back(static_cast<std::uint32_t>(outputs.size()));
    longest_key = 0;
    for (const key_output& o : outputs) longest_key = std::max(longest_key, o.length);
    root_next.fill(0);
    for (std::uint32_t e = edge_begin[0]; e < edge_begin[1]; ++e) root_next[edge_byte[e]] = edge_target[e];
}

void claim_store::index::build_links() {
    const std::size_t nodes = edge_begin.size() - 1;
    fail.assign(nodes, 0);
    dict.assign(nodes, 0);
    // In breadth-first order a node's fail link is final before its children's.
    for (std::size_t u = 0; u < nodes; ++u) {
        for (std::uint32_t e = edge_begin[u]; e < edge_begin[u + 1]; ++e) {
            const node_id v = edge_target[e];
            const unsigned char b = edge_byte[e];
            node_id target = 0;
            if (u != 0) {
                node_id f = fail[u];
                while (f != 0 && child(f, b) == 0) f = fail[f];
                target = child(f, b);
            }
            fail[v] = target;
            dict[v] = has_output(target) ? target : dict[target];
        }
    }
}

// ---- the store ----------------------------------------------------------------

claim_store::claim_store() : index_(std::make_unique<index>()) {}
claim_store::~claim_store() = default;
claim_store::claim_store(claim_store&&) noexcept = default;
claim_store& claim_store::operator=(claim_store&&) noexcept = default;

void claim_store::add(reference_claim claim) {
    claims_.push_back(std::move(claim));
    index_->ids.clear();
    index_->ids_current = false;
}

void claim_store::add_all(std::vector<reference_claim> claims) {
    if (claims_.empty()) {
        claims_ = std::move(claims);
    } else {
        claims_.reserve(claims_.size() + claims.size());
        std::move(claims.begin(), claims.end(), std::back_inserter(claims_));
    }
    index_->ids.clear();
    index_->ids_current = false;
}

void claim_store::build_index() {
    index_->build(claims_);
    index_->ids.clear();
    index_->ids.reserve(claims_.size());
    for (std::size_t i = 0; i < claims_.size(); ++i)
        index_->ids.insert(claims_[i].id, static_cast<std::uint32_t>(i));
    index_->ids_current = true;
}

const reference_claim* claim_store::find(std::string_view id) const {
    if (!index_->ids_current) {
        const auto it =
            std::find_if(claims_.begin(), claims_.end(), [&](const auto& c) { return c.id == id; });
        return it == claims_.end() ? nullptr : &*it;
    }
    const std::uint32_t* i = index_->ids.find(id);
    return i == nullptr ? nullptr : &claims_[*i];
}

std::vector<name_hit> claim_store::scan(std::string_view text) const {
    std::vector<name_hit> hits;
    const index& ix = *index_;
    if (ix.edge_begin.empty()) return hits;
    std::vector<std::uint32_t> wheres_seen;  // numbers of the `where` phrases in the text

    // Runs the automaton on the normalized words as the normalizer makes
    // them, rather than on a normalized copy of the text with the input
    // byte of every normalized byte (that copy was a fifth of a check).
    // Keys start with a space, and so does the text: a match can only start
    // at a word, and inside a word that starts no key the automaton rests at
    // the root, whose only edge is the space. Keys end at a word's end, so
    // outputs are read there only.
    class automaton_output {
    public:
        automaton_output(const index& ix, std::vector<name_hit>& hits, std::vector<std::uint32_t>& wheres)
            : ix_(ix), hits_(hits), wheres_(wheres) {
            feed(' ');
        }
        void reserve(std::size_t) {}
        void begin_word(std::size_t) {
            word_.clear();
            first_from_ = 0;
        }
        void put(char c, std::size_t from) {
            if (word_.empty()) first_from_ = from;
            word_.push_back(c);
        }
        void put_lower(std::string_view run, std::size_t from) {
            if (word_.empty()) first_from_ = from;
            word_.append_lower(run);
        }
        [[nodiscard]] std::string_view word() const { return word_.view(); }
        void drop_last() { word_.pop_back(); }
        void end_word(std::size_t word_end) {
            if (ix_.key_words.find(word_.view()) == nullptr) {
                skip_word();
                return;
            }
            if (fed_words_++ > 0) feed(' ');
            // Only words a key could still start at are kept: a single-line
            // file can be one sentence of millions of words.
            while (!starts_.empty() && starts_.front().at + ix_.longest_key < length_) starts_.pop_front();
            starts_.push_back({length_, first_from_});
            for (std::size_t k = 0; k < word_.size(); ++k) {
                feed(word_[k]);
                // Back at the root inside a word: the root's only edge is the
                // space, so nothing can match before the next word.
                if (state_ == 0) {
                    length_ += word_.size() - k - 1;
                    return;
                }
            }
            read_outputs(word_end);
        }
        void finish(std::size_t, std::size_t) {}

    private:
        // A word that no key holds: no match can run through it, so the
        // automaton goes back to the root, where its fail links would take it
        // after the space that follows (whose node is then the next state).
        void skip_word() {
            length_ += (fed_words_++ > 0 ? 1 : 0) + word_.size();
            state_ = 0;
            starts_.clear();
        }

        struct word_start {
            std::size_t at;    // position of its first byte in the normalized text
            std::size_t from;  // the input byte it came from
        };

        void feed(char c) {
            const auto b = static_cast<unsigned char>(c);
            for (;;) {
                const node_id next = ix_.child(state_, b);
                if (next != 0 || state_ == 0) {
                    state_ = next;
                    break;
                }
                state_ = ix_.fail[state_];
            }
            ++length_;
        }

        // The input byte of the word starting at normalized position `at`
        // (a key's first word: one of the last few).
        [[nodiscard]] std::size_t input_of(std::size_t at) const {
            for (auto it = starts_.rbegin(); it != starts_.rend(); ++it)
                if (it->at == at) return it->from;
            return 0;  // unreachable: every key starts at a word
        }

        void read_outputs(std::size_t word_end) {
            for (node_id s = ix_.has_output(state_) ? state_ : ix_.dict[state_]; s != 0; s = ix_.dict[s]) {
                for (std::uint32_t k = ix_.out_begin[s]; k < ix_.out_begin[s + 1]; ++k) {
                    const key_output& o = ix_.outputs[k];
                    if (o.is_where) {
                        wheres_.push_back(o.claim);
                        continue;
                    }
                    // The key's leading space is at length_ - o.length, its first word after it.
                    hits_.push_back({o.claim, input_of(length_ - o.length + 1), word_end});
                }
            }
        }

        const index& ix_;
        std::vector<name_hit>& hits_;
        std::vector<std::uint32_t>& wheres_;
        node_id state_ = 0;
        std::size_t length_ = 0;  // bytes of normalized text fed so far
        std::size_t fed_words_ = 0;
        word_buffer word_;
        std::size_t first_from_ = 0;
        std::deque<word_start> starts_;
    };
    automaton_output out(ix, hits, wheres_seen);
    normalizer(text, out).run();
    // A claim with `where` phrases needs one of them in the text.
    std::erase_if(hits, [&](const name_hit& h) {
        const auto first = ix.where_ids.begin() + ix.where_begin[h.claim];
        const auto last = ix.where_ids.begin() + ix.where_begin[h.claim + 1];
        return first != last && std::none_of(first, last, [&](std::uint32_t w) {
                   return std::find(wheres_seen.begin(), wheres_seen.end(), w) != wheres_seen.end();
               });
    });
    std::sort(hits.begin(), hits.end(), [](const name_hit& a, const name_hit& b) {
        return std::tie(a.begin, a.end, a.claim) < std::tie(b.begin, b.end, b.claim);
    });
    return hits;
}

}  // namespace factlint
