// The claim store and its name index. Names and `where` phrases are
// normalized once into Aho-Corasick keys; a sentence is normalized the same
// way and scanned in one pass, so the cost of a scan depends on the text and
// the hits, not on how many claims are loaded.
#include "claims/store.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <mutex>
#include <span>
#include <tuple>

#include "claims/compiled_array.hpp"
#include "claims/compiled_io.hpp"
#include "claims/edge_table.hpp"
#include "claims/huge_pages.hpp"
#include "claims/id_table.hpp"

namespace factlint {

// ---- normalization ------------------------------------------------------------

namespace {

// Bit 0: an ASCII letter; bit 1: an ASCII digit; bit 2: any other ASCII
// byte but the apostrophe (it ends a word and is no part of the next). One
// load per byte in the scan's loops, which test every byte of a sentence.
constexpr std::array<unsigned char, 256> ascii_classes = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c == '\'' ? 0 : 4;
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = 1;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 2;
    return t;
}();
bool ascii_alpha(unsigned char c) { return (ascii_classes[c] & 1) != 0; }
bool ascii_alnum(unsigned char c) { return (ascii_classes[c] & 3) != 0; }
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
    // ASCII letters and digits, lower-cased; input bytes from `from` on
    // (`input_end`: where the input ends, past the run).
    void put_lower(std::string_view run, std::size_t from, const char* /*input_end*/) {
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
// more than the rest of the per-word work. In room of its own up to 64
// bytes (a scan is one sentence: a heap block per scan cost as much as a
// tenth of it), on the heap past that.
class word_buffer {
public:
    word_buffer() = default;
    word_buffer(const word_buffer&) = delete;  // bytes_ may point into the object
    word_buffer& operator=(const word_buffer&) = delete;

    void clear() { size_ = 0; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::string_view view() const { return {bytes_, size_}; }
    [[nodiscard]] char operator[](std::size_t i) const { return bytes_[i]; }
    void pop_back() { --size_; }
    void push_back(char c) {
        make_room(1);
        bytes_[size_++] = c;
    }
    // ASCII letters and digits only (lower_alnum). Eight bytes at a time
    // to the end of the run, past it when the input goes on that far (most
    // words are shorter than eight: a byte loop was a tenth of the scan);
    // bytes past the word are never read.
    void append_lower(std::string_view alnum, const char* input_end) {
        const std::size_t n = alnum.size();
        make_room(n + 8);
        char* to = bytes_ + size_;
        if (static_cast<std::size_t>(input_end - alnum.data()) >= ((n + 7) & ~std::size_t{7})) {
            for (std::size_t k = 0; k < n; k += 8) {
                std::uint64_t chunk = 0;
                std::memcpy(&chunk, alnum.data() + k, 8);
                chunk |= 0x2020202020202020ULL;
                std::memcpy(to + k, &chunk, 8);
            }
        } else {
            lower_alnum(alnum.data(), n, to);
        }
        size_ += n;
    }

private:
    void make_room(std::size_t n) {
        if (size_ + n <= capacity_) return;
        std::vector<char> bigger(std::max(2 * capacity_, size_ + n));
        std::copy_n(bytes_, size_, bigger.data());
        heap_ = std::move(bigger);
        bytes_ = heap_.data();
        capacity_ = heap_.size();
    }
    std::array<char, 64> own_;  // written before read: no need to clear it
    std::vector<char> heap_;
    char* bytes_ = own_.data();
    std::size_t capacity_ = own_.size();
    std::size_t size_ = 0;
};

// For the scan's words of ASCII letters and digits, read lowered straight
// from the input: bit 5 set lowers a letter and leaves a digit.
constexpr std::uint64_t lower_bits = 0x2020202020202020ULL;

// id_table_detail::tail_of of the r bytes at p, lowered.
std::uint64_t lowered_tail(const char* p, std::size_t r) {
    using namespace id_table_detail;
    if (r >= 4) return ((load4(p) | 0x20202020u) << 32) | (load4(p + r - 4) | 0x20202020u);
    auto at = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k] | 0x20)}; };
    return (at(0) << 16) | (at(r >> 1) << 8) | at(r - 1);
}

// id_table_detail::hash_of of the n bytes at p, lowered.
std::uint64_t lowered_hash(const char* p, std::size_t n) {
    using namespace id_table_detail;
    return hash_chunks(
        n, [&](std::size_t k) { return load8(p + k) | lower_bits; },
        [&](std::size_t k, std::size_t r) { return lowered_tail(p + k, r); });
}

// `id` is the n bytes at p, lowered.
bool same_lowered(std::string_view id, const char* p, std::size_t n) {
    using namespace id_table_detail;
    if (id.size() != n) return false;
    std::size_t k = 0;
    for (; k + 8 <= n; k += 8)
        if (load8(id.data() + k) != (load8(p + k) | lower_bits)) return false;
    return k == n || tail_of(id.data() + k, n - k) == lowered_tail(p + k, n - k);
}

// An ASCII byte that ends a word and is not part of the next (a letter or
// digit continues the word, an apostrophe may join or drop "'s").
bool ends_word_outright(unsigned char c) { return (ascii_classes[c] & 4) != 0; }

template <typename Output>
concept takes_whole_words = requires(Output& out, std::string_view run, std::size_t at) {
    out.whole_ascii_word(run, at, at);
};

// Normalizes `input` word by word into an output (text_output above, or the
// scanner of claim_store::scan, which runs the automaton on the words as
// they come instead of building the text first). `padded`: the byte after
// the input may be read and is no ASCII letter or digit, so that a run of
// them is read to its end without a test of the input's end at every byte.
template <typename Output>
class normalizer {
public:
    normalizer(std::string_view input, Output& out, bool padded = false)
        : in_(input), out_(out), padded_(padded) {
        out_.reserve(input.size());
    }

    void run() {
        if constexpr (takes_whole_words<Output>) {
            run_by_words();
        } else {
            std::size_t i = 0;
            while (i < in_.size()) {
                // Between words, a byte that ends a word outright has nothing to
                // end: passed over here, not stepped on (most are spaces).
                while (!in_word_ && ends_word_outright(static_cast<unsigned char>(in_[i])))
                    if (++i == in_.size()) break;
                if (i == in_.size()) break;
                i = step(i);
            }
        }
        end_word();
        out_.finish(in_.size(), word_end_);
    }

private:
    // The loop above for an output that takes whole words (the scanner),
    // with the common case in locals: between words, a run of ASCII letters
    // and digits that what follows ends outright goes to the output at once,
    // as step() would send it; anything else is stepped on until no word is
    // open. (With the state in members, every byte reloaded it.)
    void run_by_words() {
        const auto* const begin = reinterpret_cast<const unsigned char*>(in_.data());
        const auto* const end = begin + in_.size();
        const unsigned char* p = begin;
        while (p != end) {
            const unsigned char c = *p;
            if (ends_word_outright(c)) {
                ++p;
                continue;
            }
            if (ascii_alnum(c)) {
                const unsigned char* q = p + 1;
                if (padded_) {
                    while (ascii_alnum(*q)) ++q;  // the byte after the input ends the run
                } else {
                    while (q != end && ascii_alnum(*q)) ++q;
                }
                // A lone letter before a dot may start an abbreviation: step()
                // looks (tested last: most words end at a space).
                if (q == end || (ends_word_outright(*q) && !(*q == '.' && q == p + 1))) {
                    const auto at = static_cast<std::size_t>(p - begin);
                    const auto to = static_cast<std::size_t>(q - begin);
                    out_.whole_ascii_word(std::string_view(in_.data() + at, to - at), at, to);
                    word_end_ = to;
                    p = q;
                    continue;
                }
            }
            auto i = static_cast<std::size_t>(p - begin);
            do i = step(i);
            while (in_word_ && i < in_.size());
            p = begin + i;
        }
    }

    std::size_t step(std::size_t i) {
        const auto c = static_cast<unsigned char>(in_[i]);
        if (ascii_alnum(c)) {
            // The whole run of ASCII letters and digits at once, as emitting
            // it byte by byte would (what ends it is read by the next step).
            std::size_t j = i + 1;
            while (j < in_.size() && ascii_alnum(static_cast<unsigned char>(in_[j]))) ++j;
            // An abbreviation starts with a lone letter and a dot ("U.S."):
            // only then is it looked for, not at every word.
            if (j == i + 1 && !in_word_ && j < in_.size() && in_[j] == '.' && ascii_alpha(c)) {
                if (const std::size_t after = abbreviation(i); after != i) return after;
            }
            // A run that is a whole word (what follows ends it outright)
            // goes at once to an output that takes whole words: the steps
            // would give it the same word.
            if constexpr (takes_whole_words<Output>) {
                if (!in_word_ &&
                    (j == in_.size() || ends_word_outright(static_cast<unsigned char>(in_[j])))) {
                    out_.whole_ascii_word(std::string_view(in_.data() + i, j - i), i, j);
                    word_end_ = j;
                    return j;
                }
            }
            if (!in_word_) {
                out_.begin_word(word_end_);
                in_word_ = true;
            }
            out_.put_lower(in_.substr(i, j - i), i, in_.data() + in_.size());
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
    bool padded_;
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
// Plain bytes without padding, so that a compiled store's are used in place.
struct key_output {
    std::uint32_t claim = 0;
    std::uint32_t words = 0;     // of the key
    std::uint8_t is_where = 0;   // 0 or 1
    std::uint8_t has_where = 0;  // a name's claim has `where` phrases: 0 or 1
    std::uint8_t unused[2] = {};
};

// Where a key ends in the trie, and whose it is.
struct key_end {
    std::uint32_t node = 0;
    std::uint32_t claim = 0;  // or the `where` phrase's number
    bool is_where = false;
};

// Whether the eight bytes of `chunk` are all ASCII letters: with bit 5 set,
// a byte below 0x80 is a letter exactly when it lies in 'a'..'z', tested
// for the eight at once (no byte carries into the next: all are below 0x80).
bool eight_letters(std::uint64_t chunk) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    if ((chunk & high) != 0) return false;
    const std::uint64_t x = chunk | 0x2020202020202020ULL;
    const std::uint64_t from_a = x + (0x80 - 'a') * ones;        // high bit: byte >= 'a'
    const std::uint64_t past_z = x + (0x80 - ('z' + 1)) * ones;  // high bit: byte > 'z'
    return (from_a & ~past_z & high) == high;
}

}  // namespace

namespace store_detail {

// The words of a phrase of ASCII letters and spaces only, the most common
// kind of name, written at `to`: lower case, one space between words, a
// trailing plural "s" dropped, as the normalizer does (no abbreviation,
// apostrophe or separator other than the space can occur in such a
// phrase). The bytes written, or npos at the first other character, for
// the normalizer to take the phrase. Words never take more bytes than the
// phrase. Eight letters in a row are lowered and copied at once.
std::size_t normalize_plain(std::string_view phrase, char* const to) {
    char* at = to;
    char* word = nullptr;  // the current word's first byte, if in one
    auto end_word = [&] {
        if (word != nullptr && drops_plural_s(std::string_view(word, static_cast<std::size_t>(at - word))))
            --at;
        word = nullptr;
    };
    const char* p = phrase.data();
    const char* const end = p + phrase.size();
    while (p != end) {
        if (end - p >= 8) {
            const std::uint64_t chunk = id_table_detail::load8(p);
            if (eight_letters(chunk)) {
                if (word == nullptr) {
                    if (at != to) *at++ = ' ';
                    word = at;
                }
                const std::uint64_t lowered = chunk | lower_bits;  // bit 5 lowers a letter
                std::memcpy(at, &lowered, 8);
                at += 8;
                p += 8;
                continue;
            }
        }
        const char c = *p++;
        if (c == ' ') {
            end_word();
            continue;
        }
        if (!ascii_alpha(static_cast<unsigned char>(c))) return std::string_view::npos;
        if (word == nullptr) {
            if (at != to) *at++ = ' ';
            word = at;
        }
        *at++ = static_cast<char>(c | 0x20);  // an ASCII letter: bit 5 lowers it
    }
    end_word();
    return static_cast<std::size_t>(at - to);
}

// Whether every chain of links (fail or dictionary) from every node ends at
// the root: the scan follows them until it gets there, so a cycle in links
// read from a damaged file would hang it.
//
// Nodes are settled in order, so that every node before the current one is
// known to reach the root: a node linked to an earlier one (most are) then
// takes one comparison, and from any other the chain is followed until it
// comes to an earlier node. In an index factlint built those chains are
// short, and no memory is needed. A damaged file could make them long (a
// cycle, walked again from each of its nodes): past a budget of steps
// linear in the nodes, the walk starts over with marks (below), which
// walk each node once. The marks were 480 KB of fresh memory for 100,000
// claims, 58 page faults of each cache hit (docs/performance.md part 22).
namespace {

bool links_reach_root_marked(std::span<const node_id> link) {
    enum : unsigned char { unknown, walking, reaches_root };
    std::vector<unsigned char> state(link.size(), unknown);
    std::vector<node_id> path;
    for (std::size_t start = 1; start < link.size(); ++start) {
        if (link[start] < start || state[start] == reaches_root) continue;
        path.clear();
        std::size_t v = start;
        while (v >= start && state[v] != reaches_root) {
            if (v >= link.size() || state[v] == walking) return false;
            state[v] = walking;
            path.push_back(static_cast<node_id>(v));
            v = link[v];
        }
        for (const node_id p : path) state[p] = reaches_root;
    }
    return true;
}

}  // namespace

bool links_reach_root(std::span<const std::uint32_t> link) {
    std::size_t steps_left = 4 * link.size() + 64;
    for (std::size_t start = 1; start < link.size(); ++start) {
        for (std::size_t v = link[start]; v >= start; v = link[v]) {
            if (v >= link.size()) return false;
            if (steps_left-- == 0) return links_reach_root_marked(link);
        }
    }
    return true;
}

}  // namespace store_detail

namespace {

// Two tests of a word of the text before its look-up in the table of key
// words; a word that fails either is no key word.
//
// First, the lengths of the key words by their first two and by their last
// two bytes (bit 5 aside, so lowered or not alike): most words of prose
// have no key word of their length that begins and ends as they do, and are
// passed over without being hashed and looked up (with 1,000 claims, 96% of
// the words of the news corpus).
//
// Then, for a word that passes, a bit array of the key words' hashes (two
// bits a word, 16 bits a word at least, so 1.4% of other words pass at most).
// With many claims the first test passes most words, and the table is too
// large for the processor's nearer caches: 100,000 claims name 20,000
// distinct words, 1.5 MB of slots, and half the scan's time in that table
// was the wait for the slot of a word that was not there. The bits of
// those 20,000 words take 64 KB (docs/performance.md part 28).
class key_word_filter {
public:
    void add(std::string_view word) {
        hashes_.push_back(id_table_detail::hash_of(word));
        if (word.size() >= longest) return;  // those always pass the first test
        first_[slot(word[0], word.size() > 1 ? word[1] : 0)] |= 1U << word.size();
        last_[slot(word.size() > 1 ? word[word.size() - 2] : 0, word.back())] |= 1U << word.size();
    }
    // Sets the bits of the words added; called once, after the last add.
    void finish() {
        std::size_t bits = 512;
        while (bits < 16 * hashes_.size()) bits *= 2;
        bits_.assign(bits / 64, 0);
        const std::uint64_t mask = bits - 1;
        for (const std::uint64_t h : hashes_)
            for (const std::uint64_t bit : {first_bit(h) & mask, second_bit(h) & mask})
                bits_.edit(bit / 64) |= std::uint64_t{1} << (bit % 64);
        hashes_ = {};
    }
    // Whether the n bytes at p may be a key word (n > 0).
    [[nodiscard]] bool may_hold(const char* p, std::size_t n) const {
        if (n >= longest) return true;
        return (first_[slot(p[0], n > 1 ? p[1] : 0)] & last_[slot(n > 1 ? p[n - 2] : 0, p[n - 1])]) >> n & 1U;
    }
    // Whether a word of hash `h` (id_table_detail::hash_of, as the table
    // of key words has it) may be a key word.
    [[nodiscard]] bool may_hold_hash(std::uint64_t h) const {
        if (bits_.empty()) return true;  // not finished: nothing ruled out
        const std::uint64_t mask = bits_.size() * 64 - 1;
        const std::uint64_t a = first_bit(h) & mask, b = second_bit(h) & mask;
        return (bits_[a / 64] >> (a % 64) & bits_[b / 64] >> (b % 64) & 1U) != 0;
    }
    // In a compiled store (any bits read back are safe: a filter that
    // passes a word only costs its look-up; the entry's checksum is what
    // stands against bits that would turn a key word away).
    void save(compiled::output& out) const {
        out.put(first_);
        out.put(last_);
        out.put_array(bits_);
    }
    bool load(compiled::input& in) {
        if (!in.get(first_) || !in.get(last_) || !in.get_array(bits_)) return false;
        return std::has_single_bit(bits_.size()) || bits_.empty() || in.fail();
    }

private:
    static constexpr std::size_t longest = 32;  // bits of a slot
    static std::size_t slot(char a, char b) {
        return (static_cast<unsigned char>(a) & 31U) << 5 | (static_cast<unsigned char>(b) & 31U);
    }
    // Bits of the hash that the table's slot (its low bits) does not use.
    static std::uint64_t first_bit(std::uint64_t h) { return h >> 24; }
    static std::uint64_t second_bit(std::uint64_t h) { return h >> 44; }
    std::array<std::uint32_t, 32 * 32> first_{};
    std::array<std::uint32_t, 32 * 32> last_{};
    compiled_array<std::uint64_t> bits_;  // a power of two of 64-bit words; empty until finished
    std::vector<std::uint64_t> hashes_;   // of the words added, until finished
};

// Claim ids -> claims (id_slot: a slot's number is a claim's): the id a
// slot stands for is its claim's own, so the table holds no text, and a
// compiled store's is used where the bytes hold it
// (claims/compiled_array.hpp) instead of being rebuilt or copied.
struct claim_ids {
    compiled_array<id_slot> slots;  // a power of two in size, at most half full

    // Every claim's id; an id seen before keeps its first claim.
    void build(const std::vector<reference_claim>& claims) {
        std::size_t size = 16;
        while (size < 2 * claims.size()) size *= 2;
        slots.clear();
        slots.reserve_huge(size);
        slots.assign(size, {});
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const std::uint64_t hash = id_table_detail::hash_of(claims[i].id);
            const std::size_t at = slot_of(claims[i].id, hash, claims);
            if (slots[at].check == 0)
                slots.edit(at) = {id_table_detail::check_of(hash), static_cast<std::uint32_t>(i)};
        }
    }
    [[nodiscard]] const std::uint32_t* find(std::string_view id,
                                            const std::vector<reference_claim>& claims) const {
        if (slots.empty()) return nullptr;
        const id_slot& s = slots[slot_of(id, id_table_detail::hash_of(id), claims)];
        return s.check != 0 ? &s.number : nullptr;
    }
    // A table read back: a power of two in size (or none), every claim
    // one of `claims`, and at most half full, or a probe for a missing id
    // could run forever. (A damaged table may miss an id; it never finds
    // a claim with another id, since the claim's own is compared.)
    [[nodiscard]] bool valid(std::size_t claims) const {
        if (slots.empty()) return true;
        if (slots.size() < 16 || (slots.size() & (slots.size() - 1)) != 0) return false;
        std::size_t used = 0;
        for (const id_slot& s : slots) {
            if (s.check == 0) continue;
            if (s.number >= claims) return false;
            ++used;
        }
        return 2 * used <= slots.size();
    }

private:
    [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash,
                                      const std::vector<reference_claim>& claims) const {
        return id_slot_of(slots, id, hash, [&](std::uint32_t claim) { return claims[claim].id; });
    }
};

}  // namespace

// The keys are sequences of words: a name matches whole words of the text,
// so the automaton steps a word at a time. Its alphabet is the distinct
// words of the keys, numbered; a word of the text that is not one of them
// sends it back to the root (no match can run through it), which is most
// words of prose, whatever the claims.
struct claim_store::index {
    // Every member below is written into a compiled store and read back
    // (save and load, further down): a member added here must be too; the
    // round trip of tests/unit/compiled_store_test.cpp fails otherwise.
    // id -> index into claims_, built when first asked for (current_ids),
    // not with the name index: a check finds a matched record's claim
    // through the record (claim_of), and the ids of 100,000 claims took a
    // first run 2 to 4 ms to hash into fresh memory (docs/performance.md
    // part 40). An add() makes it stale. Both are mutable for a store read
    // by several checking threads: the first to ask builds it under the
    // lock, the others wait for it.
    mutable claim_ids ids;
    mutable std::atomic<bool> ids_current{false};
    mutable std::mutex ids_building;
    [[nodiscard]] const claim_ids& current_ids(const std::vector<reference_claim>& claims) const;

    // The keys, " words" one after another; the key-word table views it.
    std::string key_text_built;  // a built index's key text
    std::string_view key_text;   // it, or a compiled store's
    id_table key_words;          // each distinct word of the keys -> its number
    // The arrays below are used in place in a store read back (claims/compiled_array.hpp).
    compiled_array<node_id> root_next;  // per key word: the root's child by it, 0 if none
    edge_table edges;                   // the other nodes' children
    compiled_array<node_id> fail;
    compiled_array<node_id> dict;             // nearest proper suffix node with outputs, 0 if none
    compiled_array<std::uint32_t> out_begin;  // per node, into outputs (CSR)
    compiled_array<key_output> outputs;
    std::uint32_t longest_key = 0;  // words
    key_word_filter word_filter;    // a first test of a word of the text, before its look-up
    // The `where` phrases of claim c: where_ids[where_begin[c] .. where_begin[c + 1]).
    compiled_array<std::uint32_t> where_begin;
    compiled_array<std::uint32_t> where_ids;
    // The claims with `where` phrase w, in order:
    // where_claims[where_claims_begin[w] .. where_claims_begin[w + 1]).
    compiled_array<std::uint32_t> where_claims_begin;
    compiled_array<std::uint32_t> where_claims;

    [[nodiscard]] bool built() const { return !out_begin.empty(); }
    [[nodiscard]] node_id child(node_id n, std::uint32_t word) const {
        return n == 0 ? root_next[word] : edges.find(n, word);
    }
    [[nodiscard]] bool has_output(node_id n) const { return out_begin[n] != out_begin[n + 1]; }
    // The number of the key word whose hash_of is `hash` and for which
    // `is(word)`, or nullptr; the word filter's bits first, which turn most
    // other words away without a probe of the table.
    template <typename Is>
    [[nodiscard]] const std::uint32_t* key_word(std::uint64_t hash, Is is) const {
        return word_filter.may_hold_hash(hash) ? key_words.find_hashed(hash, is) : nullptr;
    }

    void build(const std::vector<reference_claim>& claims);
    void save(compiled::output& out, const std::vector<reference_claim>& claims) const;
    bool load(compiled::input& in, std::uint32_t claims, std::uint32_t key_text_base);

private:
    // The trie as it is built: node n's parent, the word leading to it, and
    // its depth in words; node 0 is the root.
    struct trie_nodes {
        std::vector<node_id> parent;
        std::vector<std::uint32_t> word;
        std::vector<std::uint32_t> depth;
    };
    std::vector<key_end> insert_keys(const std::vector<reference_claim>& claims, trie_nodes& nodes);
    node_id insert_key(std::string_view key, trie_nodes& nodes);
    // Of a key about to be inserted: the slots of its words.
    void prefetch_words(std::string_view key) const;
    void collect_outputs(const std::vector<key_end>& ends, const trie_nodes& nodes);
    void collect_where_claims();
    void build_links(const trie_nodes& nodes);
};

void claim_store::index::build(const std::vector<reference_claim>& claims) {
    key_words.clear();
    word_filter = {};
    root_next.clear();
    edges.clear();
    longest_key = 0;
    trie_nodes nodes;
    nodes.parent.push_back(0), nodes.word.push_back(0), nodes.depth.push_back(0);
    const std::vector<key_end> ends = insert_keys(claims, nodes);
    word_filter.finish();
    collect_outputs(ends, nodes);
    collect_where_claims();
    build_links(nodes);
}

// Every name and `where` phrase normalized into the arena as " words" and
// walked into the trie as it is written: the names in claim order, then
// each distinct `where` phrase once, numbered by its first claim (a phrase
// shared by many claims is one key).
std::vector<key_end> claim_store::index::insert_keys(const std::vector<reference_claim>& claims,
                                                     trie_nodes& nodes) {
    std::string& arena = key_text_built;
    std::size_t phrase_bytes = 0;
    for (const auto& c : claims) {
        for (const auto& n : c.names) phrase_bytes += n.size() + 1;
        for (const auto& w : c.wheres) phrase_bytes += w.size() + 1;
    }
    // Room for every key at once (a phrase and its leading space at most),
    // written through a pointer and cut to what was used at the end: it
    // never moves, so the key words view it as they are inserted.
    arena.assign(phrase_bytes, ' ');
    std::size_t used = 0;
    // A node per word at most, and a word takes two bytes or more with its space.
    for (auto* v : {&nodes.parent, &nodes.word, &nodes.depth}) reserve_huge(*v, phrase_bytes / 2 + 1);
    std::string general;  // a phrase the plain path declines, normalized here first
    // Normalizes `phrase` into the arena after a space; its words (empty
    // when it has none).
    auto normalize = [&](std::string_view phrase) {
        arena[used] = ' ';
        char* const to = arena.data() + used + 1;
        std::size_t n = store_detail::normalize_plain(phrase, to);
        if (n == std::string_view::npos) {
            general.clear();
            text_output out(general, nullptr);
            normalizer(phrase, out).run();
            general.copy(to, general.size());
            n = general.size();
        }
        if (n > 0) used += n + 1;
        return std::string_view(to, n);
    };
    std::vector<key_end> ends;
    ends.reserve(claims.size() + claims.size() / 2);
    std::vector<std::string_view> wheres;  // every claim's, empty when it has no words
    where_begin.assign(1, 0);
    std::vector<std::pair<std::string_view, std::uint32_t>> names;  // each name's key and claim
    names.reserve(ends.capacity());
    for (std::size_t i = 0; i < claims.size(); ++i) {
        for (const auto& n : claims[i].names) {
            if (const std::string_view key = normalize(n); !key.empty())
                names.emplace_back(key, static_cast<std::uint32_t>(i));
        }
        for (const auto& w : claims[i].wheres) wheres.push_back(normalize(w));
        where_begin.push_back(static_cast<std::uint32_t>(wheres.size()));
    }
    // The slots of the words of a key a few keys ahead are asked for
    // before it is inserted: 100,000 claims' names have some 20,000
    // distinct words, and each word's look-up waited for its slot's cache
    // miss. Not the texts in those slots as well: reading a slot to find
    // its text waited for it whenever it had not come yet, and cost more
    // than the texts' misses (docs/performance.md part 40).
    constexpr std::size_t ahead = 16;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (k + ahead < names.size()) prefetch_words(names[k + ahead].first);
        ends.push_back({insert_key(names[k].first, nodes), names[k].second, false});
    }
    id_table where_number;  // views into the arena
    std::uint32_t next_where = 0;
    where_ids.clear();
    where_ids.reserve(wheres.size());
    for (const std::string_view w : wheres) {
        if (w.empty()) {
            where_ids.push_back(none);  // no words: never found, so the claim is never named
            continue;
        }
        const auto [number, is_new] = where_number.insert(w, next_where);
        if (is_new) ends.push_back({insert_key(w, nodes), next_where++, true});
        where_ids.push_back(number);
    }
    arena.resize(used);  // smaller: it does not move
    key_text = arena;
    return ends;
}

void claim_store::index::prefetch_words(std::string_view key) const {
    for (std::size_t i = 0; i < key.size();) {
        std::size_t end = i + 1;
        while (end < key.size() && key[end] != ' ') ++end;
        key_words.prefetch(key.substr(i, end - i));
        i = end + 1;
    }
}

// Walks `key` (words separated by one space) down the trie, adding the
// nodes it lacks; returns the node where it ends.
node_id claim_store::index::insert_key(std::string_view key, trie_nodes& nodes) {
    node_id node = 0;
    std::uint32_t words = 0;
    for (std::size_t i = 0; i < key.size();) {
        std::size_t end = i + 1;
        while (end < key.size() && key[end] != ' ') ++end;  // words are short: no call to memchr
        const auto [word, is_new] =
            key_words.insert(key.substr(i, end - i), static_cast<std::uint32_t>(root_next.size()));
        if (is_new) {
            root_next.push_back(0);
            word_filter.add(key.substr(i, end - i));
        }
        node_id next = child(node, word);
        if (next == 0) {
            next = static_cast<node_id>(nodes.parent.size());
            nodes.parent.push_back(node), nodes.word.push_back(word), nodes.depth.push_back(words + 1);
            if (node == 0) {
                root_next.edit(word) = next;
            } else {
                edges.insert(node, word, next);
            }
        }
        node = next;
        ++words;
        i = end + 1;
    }
    longest_key = std::max(longest_key, words);
    return node;
}

// The outputs of each node, grouped by node (CSR). "U.S. troops" and "US
// troops" of one claim are one key: it is reported once. A claim's names
// come one after another, so its repeats are next to each other per node.
// In a group, the names of claims without `where` come first, then those
// of claims with it, then the `where` phrases, each part in claim order:
// the scan reports the first part as it goes and searches the second
// (scan_text).
void claim_store::index::collect_outputs(const std::vector<key_end>& ends, const trie_nodes& trie) {
    const std::size_t nodes = trie.parent.size();
    std::vector<std::uint32_t> last_name_claim(nodes, none);
    std::vector<bool> kept(ends.size(), true);
    out_begin.assign(nodes + 1, 0);
    for (std::size_t k = 0; k < ends.size(); ++k) {
        const key_end& e = ends[k];
        if (!e.is_where) {
            if (last_name_claim[e.node] == e.claim) {
                kept[k] = false;
                continue;
            }
            last_name_claim[e.node] = e.claim;
        }
        ++out_begin.edit(e.node + 1);
    }
    for (std::size_t n = 0; n < nodes; ++n) out_begin.edit(n + 1) += out_begin[n];
    outputs.assign(out_begin[nodes], {});
    std::vector<std::uint32_t> next(out_begin.begin(), out_begin.end() - 1);
    const auto part_of = [&](const key_end& e) {
        if (e.is_where) return 2;
        return where_begin[e.claim + 1] != where_begin[e.claim] ? 1 : 0;
    };
    for (int part = 0; part < 3; ++part) {
        for (std::size_t k = 0; k < ends.size(); ++k) {
            if (!kept[k] || part_of(ends[k]) != part) continue;
            const key_end& e = ends[k];
            key_output& o = outputs.edit(next[e.node]++);
            o.claim = e.claim, o.words = trie.depth[e.node];
            o.is_where = part == 2 ? 1 : 0;
            o.has_where = part == 1 ? 1 : 0;
        }
    }
}

// The inverse of where_ids: for each `where` phrase, its claims in order,
// each once (a claim may repeat a phrase).
void claim_store::index::collect_where_claims() {
    const std::size_t claims = where_begin.size() - 1;
    std::uint32_t phrases = 0;
    for (const std::uint32_t w : where_ids)
        if (w != none) phrases = std::max(phrases, w + 1);
    // A phrase's first place in its claim: the claims come in order, so a
    // phrase last seen in this claim is a repeat. (A search of the claim's
    // earlier phrases was quadratic: one claim of 100,000 places took 1.4 s
    // to load, docs/performance.md part 35.)
    std::vector<std::uint32_t> last_claim(phrases, none);
    std::vector<bool> first_in_claim(where_ids.size(), false);
    for (std::size_t c = 0; c < claims; ++c) {
        for (std::size_t at = where_begin[c]; at < where_begin[c + 1]; ++at) {
            const std::uint32_t w = where_ids[at];
            if (w == none || last_claim[w] == c) continue;
            last_claim[w] = static_cast<std::uint32_t>(c);
            first_in_claim[at] = true;
        }
    }
    const auto each_phrase = [&](auto&& use) {
        for (std::size_t c = 0; c < claims; ++c)
            for (std::size_t at = where_begin[c]; at < where_begin[c + 1]; ++at)
                if (first_in_claim[at]) use(where_ids[at], static_cast<std::uint32_t>(c));
    };
    where_claims_begin.assign(std::size_t{phrases} + 1, 0);
    each_phrase([&](std::uint32_t w, std::uint32_t) { ++where_claims_begin.edit(w + 1); });
    for (std::uint32_t w = 0; w < phrases; ++w) where_claims_begin.edit(w + 1) += where_claims_begin[w];
    where_claims.assign(where_claims_begin[phrases], 0);
    std::vector<std::uint32_t> next(where_claims_begin.begin(), where_claims_begin.end() - 1);
    each_phrase([&](std::uint32_t w, std::uint32_t c) { where_claims.edit(next[w]++) = c; });
}

// Fail and dictionary links, shallow nodes first: a node's links need its
// parent's fail link and the links of shallower nodes.
void claim_store::index::build_links(const trie_nodes& nodes) {
    const std::size_t count = nodes.parent.size();
    std::vector<std::uint32_t> by_depth(longest_key + 2, 0);
    for (std::size_t v = 1; v < count; ++v) ++by_depth[nodes.depth[v] + 1];
    for (std::size_t d = 1; d < by_depth.size(); ++d) by_depth[d] += by_depth[d - 1];
    std::vector<node_id> order(count > 0 ? count - 1 : 0);
    for (std::size_t v = 1; v < count; ++v) order[by_depth[nodes.depth[v]]++] = static_cast<node_id>(v);
    fail.reserve_huge(count);
    dict.reserve_huge(count);
    fail.assign(count, 0);
    dict.assign(count, 0);
    for (const node_id v : order) {
        const node_id u = nodes.parent[v];
        const std::uint32_t w = nodes.word[v];
        node_id target = 0;
        if (u != 0) {
            node_id f = fail[u];
            while (f != 0 && child(f, w) == 0) f = fail[f];
            target = child(f, w);
        }
        fail.edit(v) = target;
        dict.edit(v) = has_output(target) ? target : dict[target];
    }
}

// ---- the index in a compiled store --------------------------------------------

namespace {

bool all_below(std::span<const std::uint32_t> values, std::size_t limit) {
    return std::all_of(values.begin(), values.end(), [&](std::uint32_t v) { return v < limit; });
}

// Starts at 0, never falls, ends at `last`: the bounds of groups (CSR).
bool group_bounds(std::span<const std::uint32_t> begin, std::size_t groups, std::size_t last) {
    if (begin.size() != groups + 1 || begin.front() != 0 || begin.back() != last) return false;
    return std::is_sorted(begin.begin(), begin.end());
}

}  // namespace

const claim_ids& claim_store::index::current_ids(const std::vector<reference_claim>& claims) const {
    if (!ids_current.load(std::memory_order_acquire)) {
        const std::lock_guard lock(ids_building);
        if (!ids_current.load(std::memory_order_relaxed)) {
            ids.build(claims);
            ids_current.store(true, std::memory_order_release);
        }
    }
    return ids;
}

void claim_store::index::save(compiled::output& out, const std::vector<reference_claim>& claims) const {
    out.put_text(key_text);
    out.put_array(root_next);
    out.put_array(fail);
    out.put_array(dict);
    out.put_array(out_begin);
    out.put_array(outputs);
    out.put(longest_key);
    word_filter.save(out);
    out.put_array(where_begin);
    out.put_array(where_ids);
    out.put_array(where_claims_begin);
    out.put_array(where_claims);
    edges.save(out);
    key_words.save(out);
    out.put_array(current_ids(claims).slots);
    out.put(std::uint8_t{1});  // the ids are current (written so by formats before 9 too)
}

bool claim_store::index::load(compiled::input& in, std::uint32_t claims, std::uint32_t key_text_base) {
    key_text_built.clear();
    if (!in.get_text_view(key_text)) return false;
    in.set_base(key_text_base, key_text);
    if (!in.get_array(root_next) || !in.get_array(fail) || !in.get_array(dict) || !in.get_array(out_begin) ||
        !in.get_array(outputs))
        return false;
    if (!in.get(longest_key) || !word_filter.load(in) || !in.get_array(where_begin) ||
        !in.get_array(where_ids) || !in.get_array(where_claims_begin) || !in.get_array(where_claims))
        return false;

    // A store read back must scan as safely as one built: every number an
    // index into what it indexes, every chain of links ending at the root.
    const std::size_t nodes = fail.size();
    if (!built()) {
        if (nodes != 0 || !dict.empty() || !outputs.empty() || !root_next.empty()) return in.fail();
    } else if (nodes == 0 || dict.size() != nodes || !group_bounds(out_begin, nodes, outputs.size()) ||
               !all_below(root_next, nodes) || !all_below(fail, nodes) || !all_below(dict, nodes) ||
               fail[0] != 0 || dict[0] != 0 || !store_detail::links_reach_root(fail) ||
               !store_detail::links_reach_root(dict) ||
               !group_bounds(where_begin, claims, where_ids.size()) || where_claims_begin.empty() ||
               !group_bounds(where_claims_begin, where_claims_begin.size() - 1, where_claims.size()) ||
               !all_below(where_claims, claims)) {
        return in.fail();
    }
    const std::size_t phrases = where_claims_begin.empty() ? 0 : where_claims_begin.size() - 1;
    if (longest_key > key_text.size()) return in.fail();  // a word takes a byte and a space at least
    for (const key_output& o : outputs)
        if (o.is_where > 1 || o.has_where > (o.is_where != 0 ? 0 : 1) ||
            o.claim >= (o.is_where != 0 ? phrases : claims) || o.words > longest_key)
            return in.fail();
    // Each node's outputs in their three parts (collect_outputs): the scan
    // takes a claim's number from the second part.
    const auto part = [](const key_output& o) { return o.is_where != 0 ? 2 : o.has_where; };
    for (std::size_t n = 0; n + 1 < out_begin.size(); ++n)
        for (std::uint32_t k = out_begin[n]; k + 1 < out_begin[n + 1]; ++k)
            if (part(outputs[k]) > part(outputs[k + 1])) return in.fail();
    if (!edges.load(in, static_cast<std::uint32_t>(nodes)) ||
        !key_words.load(in, static_cast<std::uint32_t>(root_next.size())))
        return false;
    if (!in.get_array(ids.slots) || !ids.valid(claims)) return in.fail();
    bool current = false;
    if (!in.get_flag(current)) return false;
    ids_current.store(current, std::memory_order_release);
    return true;
}

// ---- the store ----------------------------------------------------------------

claim_store::claim_store() : index_(std::make_unique<index>()) {}
claim_store::~claim_store() = default;
claim_store::claim_store(claim_store&&) noexcept = default;
claim_store& claim_store::operator=(claim_store&&) noexcept = default;

void claim_store::link_kinds::count(const reference_claim& c) {
    figures = figures || !c.values.empty() || c.period;
    dates = dates || c.date || c.period;
}

void claim_store::add(reference_claim claim) {
    links_.count(claim);
    claims_.push_back(std::move(claim));
    index_->ids_current = false;
}

void claim_store::add_all(std::vector<reference_claim> claims) {
    for (const reference_claim& c : claims) links_.count(c);
    if (claims_.empty()) {
        claims_ = std::move(claims);
    } else {
        claims_.reserve(claims_.size() + claims.size());
        std::move(claims.begin(), claims.end(), std::back_inserter(claims_));
    }
    index_->ids_current = false;
}

void claim_store::add_counted(std::vector<reference_claim> claims, link_kinds links) {
    claims_ = std::move(claims);
    links_ = links;
    index_->ids_current = false;
}

void claim_store::build_index() {
    index_->build(claims_);
    index_series();
}

void claim_store::index_series() {
    std::vector<std::uint32_t> long_series;
    for (std::size_t i = 0; i < claims_.size(); ++i)
        if (claims_[i].values.size() > series_values) long_series.push_back(static_cast<std::uint32_t>(i));
    index_series(long_series);
}

void claim_store::index_series(const std::vector<std::uint32_t>& long_series) {
    series_.clear();
    for (const std::uint32_t i : long_series)
        series_.emplace_back(i, std::make_unique<series_index>(claims_[i]));
}

const series_index* claim_store::series_of(const reference_claim& c) const {
    if (series_.empty()) return nullptr;
    // By address, so that a claim from elsewhere is told apart safely.
    const auto at = reinterpret_cast<std::uintptr_t>(&c),
               first = reinterpret_cast<std::uintptr_t>(claims_.data());
    if (at < first || at >= first + claims_.size() * sizeof(reference_claim)) return nullptr;
    const auto place = static_cast<std::uint32_t>((at - first) / sizeof(reference_claim));
    const auto it = std::lower_bound(series_.begin(), series_.end(), place,
                                     [](const auto& s, std::uint32_t p) { return s.first < p; });
    return it != series_.end() && it->first == place ? it->second.get() : nullptr;
}

const reference_claim* claim_store::find(std::string_view id) const {
    const std::uint32_t* i = index_->current_ids(claims_).find(id, claims_);
    return i == nullptr ? nullptr : &claims_[*i];
}

const reference_claim* claim_store::claim_of(const claim_record& r) const {
    if (r.claim_id.empty()) return nullptr;
    // The place is taken when the claim there has this very id (the same
    // view): a record matched against another store is looked up by id.
    if (r.claim_place < claims_.size()) {
        const reference_claim& c = claims_[r.claim_place];
        if (c.id.data() == r.claim_id.data() && c.id.size() == r.claim_id.size()) return &c;
    }
    return find(r.claim_id);
}

std::vector<name_hit> claim_store::scan(std::string_view text) const { return scan_text(text, false); }

std::vector<name_hit> claim_store::scan_padded(std::string_view text) const { return scan_text(text, true); }

std::vector<name_hit> claim_store::scan_text(std::string_view text, bool padded) const {
    std::vector<name_hit> hits;
    const index& ix = *index_;
    if (!ix.built()) return hits;
    std::vector<std::uint32_t> wheres_seen;  // numbers of the `where` phrases in the text
    // Names of claims with `where` phrases, found before the text's phrases
    // are known: outputs[first, last) of a node, named at [begin, end).
    struct named_with_where {
        std::uint32_t first = 0, last = 0;
        std::size_t begin = 0, end = 0;
    };
    std::vector<named_with_where> with_where;

    // Runs the automaton on the normalized words as the normalizer makes
    // them, one step per word, rather than on a normalized copy of the text
    // with the input byte of every normalized byte (that copy was a fifth
    // of a check). Keys are whole words, so outputs are read after a step.
    class automaton_output {
    public:
        automaton_output(const index& ix, std::vector<name_hit>& hits, std::vector<std::uint32_t>& wheres,
                         std::vector<named_with_where>& with_where)
            : ix_(ix), hits_(hits), wheres_(wheres), with_where_(with_where) {
            std::size_t ring = 1;
            while (ring < ix.longest_key) ring *= 2;
            if (ring > own_starts_.size()) {
                heap_starts_.resize(ring);
                starts_ = heap_starts_.data();
            }
            ring_mask_ = ring - 1;
        }
        automaton_output(const automaton_output&) = delete;  // starts_ may point into the object
        automaton_output& operator=(const automaton_output&) = delete;
        void reserve(std::size_t) {}
        void begin_word(std::size_t) {
            word_.clear();
            first_from_ = 0;
        }
        void put(char c, std::size_t from) {
            if (word_.empty()) first_from_ = from;
            word_.push_back(c);
        }
        void put_lower(std::string_view run, std::size_t from, const char* input_end) {
            if (word_.empty()) first_from_ = from;
            word_.append_lower(run, input_end);
        }
        [[nodiscard]] std::string_view word() const { return word_.view(); }
        void drop_last() { word_.pop_back(); }
        void end_word(std::size_t word_end) {
            const std::string_view word = word_.view();
            step(ix_.key_word(id_table_detail::hash_of(word),
                              [&](std::string_view id) { return id_table_detail::same(id, word); }),
                 word_end);
        }
        // A word of ASCII letters and digits as it is in the input: lowered
        // and hashed as it is read, not copied first (most words of prose
        // are looked up and not found).
        void whole_ascii_word(std::string_view run, std::size_t from, std::size_t word_end) {
            const char* p = run.data();
            std::size_t n = run.size();
            if (n > 3 && (p[n - 1] | 0x20) == 's' && (p[n - 2] | 0x20) != 's') --n;  // drops_plural_s
            if (!ix_.word_filter.may_hold(p, n)) {
                state_ = 0;  // as step() does for a word no key holds
                return;
            }
            first_from_ = from;
            step(
                ix_.key_word(lowered_hash(p, n), [&](std::string_view id) { return same_lowered(id, p, n); }),
                word_end);
        }
        void finish(std::size_t, std::size_t) {}

    private:
        // One step of the automaton on a word (its number, or null when no key has it).
        void step(const std::uint32_t* word, std::size_t word_end) {
            if (word == nullptr) {
                state_ = 0;  // no key holds it: no match runs through it
                return;
            }
            for (;;) {
                const node_id next = ix_.child(state_, *word);
                if (next != 0 || state_ == 0) {
                    state_ = next;
                    break;
                }
                state_ = ix_.fail[state_];
            }
            starts_[words_++ & ring_mask_] = first_from_;
            read_outputs(word_end);
        }

        // A node's outputs come in three parts (collect_outputs): names of
        // claims without `where`, reported now; names of claims with it,
        // kept as one range until the text's phrases are known (20,000
        // claims of one name told apart by place were 20,000 hits at each
        // mention); the `where` phrases.
        void read_outputs(std::size_t word_end) {
            for (node_id s = ix_.has_output(state_) ? state_ : ix_.dict[state_]; s != 0; s = ix_.dict[s]) {
                const std::uint32_t last = ix_.out_begin[s + 1];
                std::uint32_t k = ix_.out_begin[s];
                if (k == last) continue;  // only in a damaged compiled store
                // A node's keys have one length: the first word is that many steps back.
                const std::size_t begin = starts_[(words_ - ix_.outputs[k].words) & ring_mask_];
                for (; k < last && ix_.outputs[k].is_where == 0 && ix_.outputs[k].has_where == 0; ++k)
                    hits_.push_back({ix_.outputs[k].claim, begin, word_end});
                const std::uint32_t with_where = k;
                std::uint32_t phrases = last;
                while (phrases > with_where && ix_.outputs[phrases - 1].is_where != 0) --phrases;
                if (with_where < phrases) with_where_.push_back({with_where, phrases, begin, word_end});
                for (k = phrases; k < last; ++k) wheres_.push_back(ix_.outputs[k].claim);
            }
        }

        const index& ix_;
        std::vector<name_hit>& hits_;
        std::vector<std::uint32_t>& wheres_;
        std::vector<named_with_where>& with_where_;
        node_id state_ = 0;
        word_buffer word_;
        std::size_t first_from_ = 0;
        // The input byte of each of the last words stepped on, enough of
        // them for the longest key (a power of two): in room of its own
        // for keys of up to 16 words.
        std::array<std::size_t, 16> own_starts_;
        std::vector<std::size_t> heap_starts_;
        std::size_t* starts_ = own_starts_.data();
        std::size_t ring_mask_ = 0;
        std::size_t words_ = 0;
    };
    automaton_output out(ix, hits, wheres_seen, with_where);
    normalizer(text, out, padded).run();
    if (!with_where.empty() && !wheres_seen.empty()) {
        // A claim with `where` phrases is named only beside one of them.
        std::sort(wheres_seen.begin(), wheres_seen.end());
        wheres_seen.erase(std::unique(wheres_seen.begin(), wheres_seen.end()), wheres_seen.end());
        std::size_t beside = 0;  // the claims that have a phrase of the text
        for (const std::uint32_t w : wheres_seen)
            beside += ix.where_claims_begin[w + 1] - ix.where_claims_begin[w];
        const auto seen = [&](std::uint32_t w) {
            return std::binary_search(wheres_seen.begin(), wheres_seen.end(), w);
        };
        const auto by_claim = [](const key_output& o, std::uint32_t c) { return o.claim < c; };
        for (const named_with_where& named : with_where) {
            const auto first = ix.outputs.begin() + named.first, last = ix.outputs.begin() + named.last;
            if (named.last - named.first <= beside) {  // each named claim's phrases looked up
                for (auto o = first; o != last; ++o) {
                    const auto phrases = ix.where_ids.begin() + ix.where_begin[o->claim];
                    if (std::any_of(phrases, ix.where_ids.begin() + ix.where_begin[o->claim + 1], seen))
                        hits.push_back({o->claim, named.begin, named.end});
                }
                continue;
            }
            for (const std::uint32_t w : wheres_seen) {  // each claim beside a phrase looked up
                for (std::uint32_t k = ix.where_claims_begin[w]; k < ix.where_claims_begin[w + 1]; ++k) {
                    const std::uint32_t c = ix.where_claims[k];
                    const auto o = std::lower_bound(first, last, c, by_claim);
                    if (o != last && o->claim == c) hits.push_back({c, named.begin, named.end});
                }
            }
        }
    }
    std::sort(hits.begin(), hits.end(), [](const name_hit& a, const name_hit& b) {
        return std::tie(a.begin, a.end, a.claim) < std::tie(b.begin, b.end, b.claim);
    });
    // A claim beside two phrases of the text was found by each.
    hits.erase(std::unique(hits.begin(), hits.end(),
                           [](const name_hit& a, const name_hit& b) {
                               return a.begin == b.begin && a.end == b.end && a.claim == b.claim;
                           }),
               hits.end());
    return hits;
}

void claim_store::save_index(compiled::output& out) const { index_->save(out, claims_); }
std::string_view claim_store::index_key_text() const { return index_->key_text; }

bool claim_store::load_index(compiled::input& in, std::uint32_t key_text_base,
                             const std::vector<std::uint32_t>& long_series) {
    if (!index_->load(in, static_cast<std::uint32_t>(claims_.size()), key_text_base)) return false;
    index_series(long_series);  // not in the compiled store: made from the claims read back
    return true;
}

}  // namespace factlint
