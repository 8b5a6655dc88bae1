// A sketch of the least a claims parser must do for the bench's generated
// claims (bench/claims_floor.sh, docs/performance.md part 39): how fast a
// parser of another design could be, measured, before anyone writes one.
//
//     claims_sketch [--no-index | --sorted-index] FILE
//
// It reads only the line shapes bench/gen_claims.py writes, and stops with
// status 1 at any other: `claim ID`, `name`/`where` with quoted phrases,
// `value` as `[about ][$]FIGURE[%| million| billion| NOUN] (in YYYY|as of
// YYYY-MM)`, `tolerance N%`, `source "TEXT"`, blank lines and comments. For
// each line it does what factlint's records need: ids in a table (a
// duplicate counted), phrases lowered into an arena and walked word by
// word into a trie (words and edges in hash tables), values with their
// figure, precision, interval, unit, noun and time span in a flat array.
// It reports no positions and no messages, reads no escapes, and knows no
// unit or date beyond those shapes: a floor under a real parser, not one.
// --no-index lowers the phrases into the arena but builds no trie (no word
// or edge table): what the index costs, by difference. --sorted-index
// builds the same trie, with the same numbers for its words and nodes, by
// sorting instead of probing tables at random: words numbered by sorting
// their hashes, nodes found a level at a time by sorting (parent, word)
// pairs, then numbered in the order the keys first reach them. The last
// figures of the report (checks over the words' and the keys' numbers)
// are equal for both builds.
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "../claims/id_table.hpp"
#include "claims_text.hpp"

namespace {

// Every allocation from one reservation given huge pages, never freed: the
// sketch is a short process, and on the project's VM a page fault in 4 KB
// pages costs 10 to 20 us: tables in them took 12,000 faults and most of
// the time (factlint maps its large blocks in huge pages likewise).
class bump_memory {
public:
    void* take(std::size_t n) {
        if (base_ == nullptr) reserve();
        const std::size_t at = (used_ + 15) & ~std::size_t{15};
        if (at + n > reserved) throw std::bad_alloc();
        used_ = at + n;
        return base_ + at;
    }

private:
    static constexpr std::size_t reserved = std::size_t{4} << 30;
    void reserve() {
        void* p = ::mmap(nullptr, reserved, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        ::madvise(p, reserved, MADV_HUGEPAGE);
        base_ = static_cast<char*>(p);
    }
    char* base_ = nullptr;
    std::size_t used_ = 0;
};
bump_memory memory;

// Strings hashed and compared as factlint's tables do (claims/id_table.hpp:
// eight bytes at a time, with loads of fixed size).
using factlint::id_table_detail::hash_of;
using factlint::id_table_detail::same;

// Slots for `expected` entries at most half full: a power of two.
std::size_t slots_for(std::size_t expected) {
    std::size_t n = 16;
    while (n < 2 * expected) n *= 2;
    return n;
}

// Twice the slots, the entries probed into them anew: `is_free(slot)`,
// and `slot_of(slot, mask)` where an entry goes first.
template <typename Slot, typename IsFree, typename SlotOf>
void grow_slots(std::vector<Slot>& slots, IsFree is_free, SlotOf slot_of) {
    std::vector<Slot> old(2 * slots.size());
    old.swap(slots);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& x : old) {
        if (is_free(x)) continue;
        std::size_t at = slot_of(x, mask);
        while (!is_free(slots[at])) at = (at + 1) & mask;
        slots[at] = x;
    }
}

// Strings -> numbers, open addressing, at most half full; a check from the
// hash is compared before the bytes. Views into the file or the arena.
class string_table {
public:
    explicit string_table(std::size_t expected) : slots_(slots_for(expected)) {}
    // Starts fetching the slot of a string of hash `h`, to insert it soon.
    void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
    // The string's number, added when new; `added` says which.
    std::uint32_t insert(std::string_view s, bool& added) { return insert(s, hash_of(s), added); }
    std::uint32_t insert(std::string_view s, std::uint64_t h, bool& added) {
        if (2 * (std::size_t{size_} + 1) > slots_.size()) grow();  // more than the file's size foretold
        const auto check = static_cast<std::uint32_t>(h >> 32) | 1u;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = h & mask;; at = (at + 1) & mask) {
            slot& x = slots_[at];
            if (x.check == 0) {
                x = {s.data(), static_cast<std::uint32_t>(s.size()), check, ++size_};
                added = true;
                return size_;
            }
            if (x.check == check && x.size == s.size() && same({x.text, x.size}, s)) {
                added = false;
                return x.number;
            }
        }
    }
    [[nodiscard]] std::uint32_t size() const { return size_; }

private:
    struct slot {
        const char* text = nullptr;
        std::uint32_t size = 0, check = 0;  // check 0: a free slot
        std::uint32_t number = 0;
    };
    void grow() {
        grow_slots(
            slots_, [](const slot& x) { return x.check == 0; },
            [](const slot& x, std::size_t mask) {
                return hash_of({x.text, x.size}) & mask;
            });
    }
    std::vector<slot> slots_;
    std::uint32_t size_ = 0;
};

// The trie's edges: (node, word) -> child, open addressing, at most half full.
class edge_table {
public:
    explicit edge_table(std::size_t expected) : slots_(slots_for(expected)) {}
    std::uint32_t child(std::uint32_t node, std::uint32_t word, std::uint32_t& nodes) {
        if (2 * (size_ + 1) > slots_.size()) grow();  // more than the file's size foretold
        const std::uint64_t key = (std::uint64_t{node} << 32 | word) + 1;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = slot_of(key, mask);; at = (at + 1) & mask) {
            slot& x = slots_[at];
            if (x.key == key) return x.child;
            if (x.key == 0) {
                x.key = key;
                ++size_;
                return x.child = ++nodes;
            }
        }
    }

private:
    struct slot {
        std::uint64_t key = 0;  // 0: free
        std::uint32_t child = 0;
    };
    static std::size_t slot_of(std::uint64_t key, std::size_t mask) {
        return (key * 0x9E3779B97F4A7C15ULL) >> 20 & mask;
    }
    void grow() {
        grow_slots(
            slots_, [](const slot& x) { return x.key == 0; },
            [](const slot& x, std::size_t mask) { return slot_of(x.key, mask); });
    }
    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

struct value_record {
    double figure = 0, half_unit = 0, low = 0, high = 0;
    std::uint32_t noun = 0;
    std::int32_t from_day = 0, to_day = 0;
    std::uint8_t unit = 0, hedge = 0, scope = 0;
    std::string_view text;
};

struct claim_record {
    std::string_view id, source;
    std::uint32_t first_value = 0, values = 0;
    double tolerance = 0;
};

std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}

unsigned digit(char c) { return static_cast<unsigned char>(c) - static_cast<unsigned>('0'); }

// `s` starts with the literal `word`: a compare of constant length, inlined.
template <std::size_t N>
bool starts(std::string_view s, const char (&word)[N]) {
    return s.size() >= N - 1 && std::memcmp(s.data(), word, N - 1) == 0;
}

class sketch {
public:
    enum class index_kind { hashed, sorted, none };
    sketch(std::size_t bytes, index_kind index)
        : index_(index),
          ids_(bytes / 180 + 16),
          words_(index == index_kind::hashed ? bytes / 720 + 16 : 0),
          nouns_(64),
          edges_(index == index_kind::hashed ? bytes / 150 + 16 : 0) {
        arena_.reserve(bytes + 16);  // names are a part of the file: the arena never moves
        claims_.reserve(bytes / 180 + 16);
        values_.reserve(bytes / 90 + 16);
    }

    // False at a line of another shape.
    bool line(std::string_view text) {
        std::size_t p = 0;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
        const std::string_view rest = text.substr(p);
        if (rest.empty() || rest[0] == '#') return true;
        if (starts(rest, "claim ")) return open_claim(after_keyword(rest, 5));
        if (claims_.empty()) return false;
        if (starts(rest, "name ") || starts(rest, "where "))
            return phrases(after_keyword(rest, rest[0] == 'n' ? 4 : 5));
        if (starts(rest, "value ")) return value(after_keyword(rest, 5));
        if (starts(rest, "tolerance ")) return tolerance(after_keyword(rest, 9));
        if (starts(rest, "source ")) return source(after_keyword(rest, 6));
        return false;
    }

    void report() {
        add_pending_id();
        std::uint32_t words = words_.size();
        if (index_ == index_kind::sorted) words = build_sorted_index();
        std::uint64_t ends = 0;
        for (const std::uint32_t e : key_ends_) ends = ends * 1000003 + e;
        std::printf(
            "%zu claims, %zu values, %u duplicate ids, %zu keys, %u key words, %u trie nodes, %u nouns, "
            "checks %016llx %016llx\n",
            claims_.size(), values_.size(), duplicates_, keys_, words, nodes_, nouns_.size(),
            static_cast<unsigned long long>(word_check_), static_cast<unsigned long long>(ends));
    }

private:
    // The words numbered in the order they first occur, and the trie's
    // nodes in the order the keys first reach them, as walk() numbers them,
    // by sorting: every pass reads and writes in order. Returns the number
    // of distinct words.
    std::uint32_t build_sorted_index() {
        const std::size_t n = occurrences_.size();
        std::vector<std::uint32_t> word_of(n);  // each occurrence's word number
        const std::uint32_t words = number_words(word_of);
        for (const std::uint32_t w : word_of) word_check_ = word_check_ * 1000003 + w;
        number_nodes(word_of);
        return words;
    }

    std::string_view occurrence_text(std::size_t i) const {
        return {arena_.data() + occurrences_[i].at, occurrences_[i].size};
    }

    std::uint32_t number_words(std::vector<std::uint32_t>& word_of) {
        const std::size_t n = occurrences_.size();
        std::vector<keyed> by_hash(n);
        for (std::size_t i = 0; i < n; ++i)
            by_hash[i] = {hash_of(occurrence_text(i)) >> 32, static_cast<std::uint32_t>(i)};
        radix_sort(by_hash, 32);
        // Runs of one hash, each split by the words' texts (a run is one word
        // but for a collision); the sort is stable, so a group's first
        // element is its first occurrence.
        std::vector<std::uint32_t> group_of(n), group_first;
        std::vector<std::uint32_t> run_groups;
        for (std::size_t r = 0; r < n;) {
            std::size_t end = r + 1;
            while (end < n && by_hash[end].key == by_hash[r].key) ++end;
            run_groups.clear();
            for (std::size_t k = r; k < end; ++k) {
                const std::uint32_t i = by_hash[k].index;
                std::uint32_t group = UINT32_MAX;
                for (const std::uint32_t g : run_groups)
                    if (occurrence_text(group_first[g]) == occurrence_text(i)) group = g;
                if (group == UINT32_MAX) {
                    group = static_cast<std::uint32_t>(group_first.size());
                    group_first.push_back(i);
                    run_groups.push_back(group);
                }
                group_of[i] = group;
            }
            r = end;
        }
        // Words numbered by their first occurrence.
        const std::vector<std::uint32_t> number = ranks_by(group_first);
        for (std::size_t i = 0; i < n; ++i) word_of[i] = number[group_of[i]];
        return static_cast<std::uint32_t>(group_first.size());
    }

    // Level by level: the keys still going at depth d, sorted by (their
    // node at depth d, their next word), give the nodes of depth d + 1;
    // only those keys are visited, so a level costs its own keys. Then
    // every node numbered by (first key to reach it, depth), the order in
    // which walk() creates them: the nodes are found by depth, so a stable
    // sort by first key alone gives it.
    void number_nodes(const std::vector<std::uint32_t>& word_of) {
        const std::size_t keys = key_word_end_.size();
        const auto begin_of = [&](std::uint32_t k) { return k == 0 ? 0 : key_word_end_[k - 1]; };
        // Per key, its node so far: 0 the root, else 1 + a temporary number.
        std::vector<std::uint32_t> at(keys, 0);
        std::vector<std::uint32_t> first_key;  // per temporary node
        std::vector<std::uint32_t> going;
        for (std::uint32_t k = 0; k < keys; ++k)
            if (begin_of(k) < key_word_end_[k]) going.push_back(k);
        std::vector<keyed> level;
        for (std::uint32_t depth = 0; !going.empty(); ++depth) {
            level.clear();
            for (const std::uint32_t k : going)
                level.push_back({std::uint64_t{at[k]} << 32 | word_of[begin_of(k) + depth], k});
            radix_sort(level, 64);
            for (std::size_t r = 0; r < level.size();) {
                first_key.push_back(level[r].index);
                const auto node = static_cast<std::uint32_t>(first_key.size());
                std::size_t end = r;
                for (; end < level.size() && level[end].key == level[r].key; ++end)
                    at[level[end].index] = node;
                r = end;
            }
            going.erase(
                std::remove_if(going.begin(), going.end(),
                               [&](std::uint32_t k) { return begin_of(k) + depth + 1 >= key_word_end_[k]; }),
                going.end());
        }
        const std::vector<std::uint32_t> serial = ranks_by(first_key);
        nodes_ = static_cast<std::uint32_t>(first_key.size());
        key_ends_.resize(keys);
        for (std::size_t k = 0; k < keys; ++k) key_ends_[k] = at[k] == 0 ? 0 : serial[at[k] - 1];
    }

    struct keyed {
        std::uint64_t key = 0;
        std::uint32_t index = 0;
    };
    // Each item's place, from 1, in the order of `keys`, ties kept in the
    // items' order (a stable sort).
    static std::vector<std::uint32_t> ranks_by(const std::vector<std::uint32_t>& keys) {
        std::vector<keyed> order(keys.size());
        for (std::size_t v = 0; v < keys.size(); ++v) order[v] = {keys[v], static_cast<std::uint32_t>(v)};
        radix_sort(order, 32);
        std::vector<std::uint32_t> rank(keys.size());
        for (std::size_t r = 0; r < order.size(); ++r)
            rank[order[r].index] = static_cast<std::uint32_t>(r + 1);
        return rank;
    }
    // Stable, least significant byte first, over the low `bits` bits;
    // bytes in which every key is alike are skipped.
    static void radix_sort(std::vector<keyed>& items, unsigned bits) {
        std::vector<keyed> other(items.size());
        for (unsigned shift = 0; shift < bits; shift += 8) {
            std::size_t count[257] = {};
            for (const keyed& x : items) ++count[(x.key >> shift & 0xFF) + 1];
            bool alike = false;
            for (std::size_t b = 1; b <= 256; ++b) alike = alike || count[b] == items.size();
            if (alike) continue;
            for (std::size_t b = 1; b <= 256; ++b) count[b] += count[b - 1];
            for (const keyed& x : items) other[count[x.key >> shift & 0xFF]++] = x;
            items.swap(other);
        }
    }

    static std::string_view after_keyword(std::string_view rest, std::size_t n) {
        std::size_t p = n;
        while (p < rest.size() && (rest[p] == ' ' || rest[p] == '\t')) ++p;
        std::size_t end = rest.size();
        while (end > p && (rest[end - 1] == ' ' || rest[end - 1] == '\r')) --end;
        return rest.substr(p, end - p);
    }

    // The id of a claim goes into the table when the next claim opens, its
    // slot fetched meanwhile: a table of 100,000 ids is probed at random.
    bool open_claim(std::string_view id) {
        if (id.empty()) return false;
        add_pending_id();
        pending_hash_ = hash_of(id);
        ids_.prefetch(pending_hash_);
        claims_.push_back({id, {}, static_cast<std::uint32_t>(values_.size()), 0, 0});
        return true;
    }
    void add_pending_id() {
        if (claims_.empty()) return;
        bool added = false;
        ids_.insert(claims_.back().id, pending_hash_, added);
        duplicates_ += added ? 0 : 1;
    }

    // "a", "b c": each phrase lowered into the arena and walked into the trie.
    bool phrases(std::string_view list) {
        std::size_t p = 0;
        while (p < list.size()) {
            if (list[p] != '"') return false;
            const std::size_t close = list.find('"', p + 1);
            if (close == std::string_view::npos) return false;
            if (!key(list.substr(p + 1, close - p - 1))) return false;
            p = close + 1;
            while (p < list.size() && (list[p] == ',' || list[p] == ' ')) ++p;
        }
        return true;
    }

    bool key(std::string_view phrase) {
        const std::size_t start = arena_.size();
        std::uint32_t node = 0;
        std::size_t word_start = start;
        for (std::size_t i = 0; i <= phrase.size(); ++i) {
            const char c = i < phrase.size() ? phrase[i] : ' ';
            if (c == ' ') {
                if (arena_.size() > word_start) node = word_at(node, word_start);
                word_start = arena_.size();
                continue;
            }
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
            arena_.push_back(static_cast<char>(c | 0x20));
        }
        ++keys_;
        if (index_ == index_kind::sorted) {
            key_word_end_.push_back(static_cast<std::uint32_t>(occurrences_.size()));  // ends found later
        } else {
            key_ends_.push_back(node);
        }
        return node != 0;
    }

    // The node after `node` by the word at word_start (to the arena's end);
    // any non-zero node when the index is built later or not at all.
    std::uint32_t word_at(std::uint32_t node, std::size_t word_start) {
        switch (index_) {
            case index_kind::hashed: return walk(node, word_start);
            case index_kind::sorted:
                occurrences_.push_back({static_cast<std::uint32_t>(word_start),
                                        static_cast<std::uint32_t>(arena_.size() - word_start)});
                return 1;
            case index_kind::none: break;
        }
        return 1;
    }

    std::uint32_t walk(std::uint32_t node, std::size_t word_start) {
        // The arena was reserved for the whole file: its views never move.
        const std::string_view word(arena_.data() + word_start, arena_.size() - word_start);
        bool added = false;
        const std::uint32_t number = words_.insert(word, added);
        word_check_ = word_check_ * 1000003 + number;
        return edges_.child(node, number, nodes_);
    }

    bool tolerance(std::string_view text) {
        if (text.size() < 2 || text.back() != '%') return false;
        unsigned n = 0;
        for (std::size_t i = 0; i + 1 < text.size(); ++i) {
            if (digit(text[i]) > 9) return false;
            n = n * 10 + digit(text[i]);
        }
        claims_.back().tolerance = n / 100.0;
        return true;
    }

    bool source(std::string_view text) {
        if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
        claims_.back().source = text.substr(1, text.size() - 2);
        return true;
    }

    // [about ][$]FIGURE[%| million| billion| NOUN] (in YYYY|as of YYYY-MM)
    bool value(std::string_view text) {
        value_record v;
        v.text = text;
        std::string_view q = text;
        if (q.size() > 8 && q.substr(q.size() - 8, 4) == " in " && year_at(q, q.size() - 4, v, 0)) {
            q.remove_suffix(8);
            v.scope = 1;
        } else if (q.size() > 14 && q.substr(q.size() - 14, 7) == " as of " &&
                   year_at(q, q.size() - 7, v, 1)) {
            q.remove_suffix(14);
            v.scope = 2;
        }
        if (starts(q, "about ")) {
            v.hedge = 1;
            q.remove_prefix(6);
        }
        if (!q.empty() && q[0] == '$') {
            v.unit = 1;
            q.remove_prefix(1);
        }
        std::size_t i = 0;
        std::uint64_t integer = 0;
        int decimals = -1, zeros = 0;
        for (; i < q.size(); ++i) {
            if (digit(q[i]) <= 9) {
                integer = integer * 10 + digit(q[i]);
                zeros = q[i] == '0' ? zeros + 1 : 0;
                if (decimals >= 0) ++decimals;
            } else if (q[i] == '.' && decimals < 0) {
                decimals = 0;
            } else if (q[i] != ',') {
                break;
            }
        }
        static constexpr double powers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
        if (i == 0 || decimals > 9) return false;  // more decimals: a shape the sketch does not read
        v.figure = static_cast<double>(integer) / powers[decimals > 0 ? decimals : 0];
        v.half_unit = decimals > 0 ? 0.5 / powers[decimals] : 0.5 * powers[zeros > 9 ? 9 : zeros];
        std::string_view rest = q.substr(i);
        if (rest == "%") {
            v.unit = 2;
        } else if (rest == " million" || rest == " billion") {
            const double scale = rest[1] == 'm' ? 1e6 : 1e9;
            v.figure *= scale;
            v.half_unit *= scale;
        } else if (rest.size() > 1 && rest[0] == ' ') {
            bool added = false;
            v.noun = nouns_.insert(rest.substr(1), added);
        } else if (!rest.empty()) {
            return false;
        }
        const double widen = v.hedge ? 0.1 * v.figure : 0;
        v.low = v.figure - v.half_unit - widen;
        v.high = v.figure + v.half_unit + widen;
        values_.push_back(v);
        ++claims_.back().values;
        return true;
    }

    // YYYY (month 0) or YYYY-MM at `at`, as a span of days.
    static bool year_at(std::string_view t, std::size_t at, value_record& v, int with_month) {
        unsigned year = 0;
        for (std::size_t k = at; k < at + 4; ++k) {
            if (digit(t[k]) > 9) return false;
            year = year * 10 + digit(t[k]);
        }
        unsigned month = 0;
        if (with_month != 0) {
            if (t[at + 4] != '-' || digit(t[at + 5]) > 9 || digit(t[at + 6]) > 9) return false;
            month = digit(t[at + 5]) * 10 + digit(t[at + 6]);
            if (month < 1 || month > 12) return false;
        }
        const int y = static_cast<int>(year);
        v.from_day = days_from_civil(y, month == 0 ? 1 : month, 1);
        v.to_day = month == 0 || month == 12 ? days_from_civil(y + 1, 1, 1) - 1
                                             : days_from_civil(y, month + 1, 1) - 1;
        return true;
    }

    index_kind index_;
    struct occurrence {
        std::uint32_t at = 0, size = 0;  // a word of a key, in the arena
    };
    std::vector<occurrence> occurrences_;      // --sorted-index: every key's words in order
    std::vector<std::uint32_t> key_word_end_;  // per key, the end of its words in occurrences_
    std::uint64_t word_check_ = 0;
    string_table ids_, words_, nouns_;
    edge_table edges_;
    std::string arena_;
    std::vector<claim_record> claims_;
    std::vector<value_record> values_;
    std::vector<std::uint32_t> key_ends_;
    std::uint32_t nodes_ = 0, duplicates_ = 0;
    std::uint64_t pending_hash_ = 0;
    std::size_t keys_ = 0;
};

}  // namespace

void* operator new(std::size_t n) { return memory.take(n); }
void operator delete(void*) noexcept {}
void operator delete(void*, std::size_t) noexcept {}

int main(int argc, char** argv) {
    sketch::index_kind index = sketch::index_kind::hashed;
    if (argc == 3 && std::string_view(argv[1]) == "--no-index") index = sketch::index_kind::none;
    if (argc == 3 && std::string_view(argv[1]) == "--sorted-index") index = sketch::index_kind::sorted;
    if (argc != (index == sketch::index_kind::hashed ? 2 : 3)) {
        std::fprintf(stderr, "usage: claims_sketch [--no-index | --sorted-index] FILE\n");
        return 2;
    }
    const char* const path = argv[argc - 1];
    std::size_t got = 0;
    const char* const text = claims_text::read_all(path, false, got);
    if (text == nullptr) return 2;
    sketch parsed(got, index);
    std::size_t number = 0;
    for (std::size_t at = 0; at < got;) {
        const std::size_t end = claims_text::line_end_wide(text, at, got);
        ++number;
        if (!parsed.line(std::string_view(text + at, end - at))) {
            std::fprintf(stderr, "%s:%zu: a line of a shape the sketch does not read\n", path, number);
            return 1;
        }
        at = end + 1;
    }
    parsed.report();
    return 0;
}
