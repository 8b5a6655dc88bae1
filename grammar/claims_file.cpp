// The reference claims file (SPEC §5): line by line, a `claim` line opens a
// block and the indented lines under it describe the claim. Every error is
// collected with its position; a claim with an error is left out.
#include "grammar/claims_file.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "claims/huge_pages.hpp"
#include "claims/id_table.hpp"
#include "claims/unit.hpp"
#include "grammar/claims_file_lines.hpp"
#include "grammar/claims_file_values.hpp"

namespace factlint::grammar {
namespace {

using claims_lines::line_error;

constexpr std::string_view keyword_list = "claim, name, where, value, date, period, tolerance or source";

// The line keywords. The first four may appear once per claim, and their
// numbers index open_claim::seen.
enum class keyword { date, period, tolerance, source, name, where, value, claim, unknown };
constexpr std::size_t once_only = 4;

// A line's keyword, told by its length and then its bytes: one comparison
// where a search of the list compared with each keyword in turn.
keyword keyword_of(std::string_view k) {
    switch (k.size()) {
        case 4:
            if (k == "name") return keyword::name;
            if (k == "date") return keyword::date;
            break;
        case 5:
            if (k == "value") return keyword::value;
            if (k == "where") return keyword::where;
            if (k == "claim") return keyword::claim;
            break;
        case 6:
            if (k == "source") return keyword::source;
            if (k == "period") return keyword::period;
            break;
        case 9:
            if (k == "tolerance") return keyword::tolerance;
            break;
        default: break;
    }
    return keyword::unknown;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The head of a line and its keyword. Nearly every line starts, after its
// indent, with one of the keywords followed by a blank, a quote or the
// end: that is then the word read_head would take (its word ends at the
// first blank or quote), so it is compared in place, with no scan of the
// word byte by byte and no keyword_of. Any other line goes to read_head
// and keyword_of.
// The length of `word` when `rest` starts with it and a blank, a quote or
// the end follows; else 0. A template so that the memcmp has a constant
// length (a few loads and compares, not a call).
template <std::size_t N>
std::size_t keyword_at(std::string_view rest, const char (&word)[N]) {
    constexpr std::size_t n = N - 1;
    if (rest.size() < n || std::memcmp(rest.data(), word, n) != 0) return 0;
    if (rest.size() > n && !is_blank(rest[n]) && rest[n] != '"') return 0;
    return n;
}

claims_lines::line_head head_of(std::string_view code, keyword& k) {
    std::size_t p = 0;
    while (p < code.size() && is_blank(code[p])) ++p;
    const std::string_view rest = code.substr(p);
    std::size_t length = 0;
    switch (rest.empty() ? '\0' : rest.front()) {
        case 'c': length = keyword_at(rest, "claim"), k = keyword::claim; break;
        case 'n': length = keyword_at(rest, "name"), k = keyword::name; break;
        case 'w': length = keyword_at(rest, "where"), k = keyword::where; break;
        case 'v': length = keyword_at(rest, "value"), k = keyword::value; break;
        case 'd': length = keyword_at(rest, "date"), k = keyword::date; break;
        case 'p': length = keyword_at(rest, "period"), k = keyword::period; break;
        case 't': length = keyword_at(rest, "tolerance"), k = keyword::tolerance; break;
        case 's': length = keyword_at(rest, "source"), k = keyword::source; break;
        default: break;
    }
    if (length != 0) return {p, rest.substr(0, length), p + length};
    const auto head = claims_lines::read_head(code);
    k = keyword_of(head.keyword);
    return head;
}

// 1-based column in UTF-8 characters of a byte offset: eight bytes at a
// time while they are all ASCII (a character each; bytes are read as a
// little-endian word, the first in the low bits), then byte by byte.
int column_of(std::string_view line, std::size_t offset) {
    offset = std::min(offset, line.size());
    std::size_t i = 0;
    for (; i + 8 <= offset; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, line.data() + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) break;
    }
    // Fewer than eight bytes left before the offset (not so after a break
    // above) and eight in the line from here: one load, the bytes from the
    // offset on masked off.
    if (std::endian::native == std::endian::little && i < offset && offset - i < 8 && i + 8 <= line.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, line.data() + i, 8);
        const std::uint64_t before = (std::uint64_t{1} << (8 * (offset - i))) - 1;  // offset - i < 8
        if ((word & before & 0x8080808080808080ULL) == 0) return 1 + static_cast<int>(offset);
    }
    int column = 1 + static_cast<int>(i);
    for (; i < offset; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
}

// The first '\n' of first[at, size), or `size`. Lines of a claims file
// are short (26 bytes in a generated one): 32 bytes compared inline, one
// test for both halves, where memchr's call and set-up took 41
// instructions a line (29 M of the 600 M of parsing 100,000 claims). 32,
// not 16: with 16 a step the loop ran once or twice by the line's length,
// a branch guessed wrong about every other line, and the parse came out
// slower for its fewer instructions (docs/performance.md part 34).
std::size_t next_newline(const char* first, std::size_t at, std::size_t size) {
#if defined(__SSE2__) && defined(__x86_64__)
    const __m128i newline = _mm_set1_epi8('\n');
    for (; size - at >= 32; at += 32) {
        const auto* const p = reinterpret_cast<const __m128i*>(first + at);
        const auto low =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p), newline)));
        const auto high =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p + 1), newline)));
        if (const unsigned hits = low | high << 16; hits != 0)
            return at + static_cast<std::size_t>(__builtin_ctz(hits));
    }
#endif
    const void* const found = std::memchr(first + at, '\n', size - at);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - first) : size;
}

// "`name`", built by appending (g++ 12 warns wrongly about "`" + std::string).
std::string in_backquotes(std::string_view word) {
    std::string out;
    out.reserve(word.size() + 2);
    return out.append(1, '`').append(word).append(1, '`');
}

// Where each claim id of a file is first defined, found by its id in
// 8-byte slots (id_slot, claims/id_table.hpp): a duplicate is an error
// that names the first. The slots are probed at random, a cache miss each
// in a file of 100,000 claims: the parser asks for an id's slot when it
// reads the `claim` line and adds the id when the claim closes, the slot
// fetched meanwhile (docs/performance.md part 23).
class first_definitions {
public:
    struct place {
        std::string_view id;  // in the file's content
        int line = 0, column = 0;
    };

    // Room for `ids` ids, and slots for `probed` of them before the table
    // doubles: room never used in `places_` costs nothing, but every slot
    // is touched, the table being probed at random.
    void reserve(std::size_t ids, std::size_t probed) {
        reserve_huge(places_, ids);
        if (2 * probed > slots_.size()) rehash(std::bit_ceil(std::max<std::size_t>(16, 2 * probed)));
    }
    // Starts fetching the slot where the id hashed to `hash` would go.
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    // nullptr when `id` (hashed to `hash`) is new: it is kept, at `line`
    // and `column`. Else where it was defined first.
    const place* add(std::string_view id, std::uint64_t hash, int line, int column) {
        if (2 * (places_.size() + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
        id_slot& s = slots_[slot_of(id, hash)];
        if (s.check != 0) return &places_[s.number];
        s = {id_table_detail::check_of(hash), static_cast<std::uint32_t>(places_.size())};
        places_.push_back({id, line, column});
        return nullptr;
    }

private:
    std::size_t slot_of(std::string_view id, std::uint64_t hash) const {
        return id_slot_of(slots_, id, hash, [&](std::uint32_t n) { return places_[n].id; });
    }
    void rehash(std::size_t size) {
        slots_.clear();
        reserve_huge(slots_, size);
        slots_.resize(size);
        for (std::size_t n = 0; n < places_.size(); ++n) {
            const std::uint64_t hash = id_table_detail::hash_of(places_[n].id);
            slots_[slot_of(places_[n].id, hash)] = {id_table_detail::check_of(hash),
                                                    static_cast<std::uint32_t>(n)};
        }
    }

    std::vector<id_slot> slots_;  // a power of two in size, at most half full
    std::vector<place> places_;   // in the order first defined
};

// A value as read, with the line it came from (for messages at claim end).
struct value_line {
    int line = 0;
    std::string_view line_text;  // into the file's content
};

// The claim being read and what its checks at the end need. Its names,
// wheres and values are the parser's until it is kept.
struct open_claim {
    reference_claim claim;
    std::string_view line_text;         // the `claim` line, in the file's content
    std::uint64_t id_hash = 0;          // id_table_detail::hash_of(claim.id), when it has one
    bool keep = true;                   // false after any error in the block
    std::array<int, once_only> seen{};  // line of each once-only keyword, 0 if none
};

// How many names, wheres and values a kept claim has in the storage's
// flat arrays: its spans are made once the arrays stop growing.
struct claim_extent {
    std::uint32_t names = 0, wheres = 0, values = 0;
};

class file_parser {
public:
    file_parser(std::string_view path, std::string content, claims_quantity::shapes& shapes)
        : storage_(std::make_unique<claims_storage>()), quantities_(storage_->texts, shapes) {
        storage_->path = path;
        storage_->content = std::move(content);
        path_ = storage_->path;
        content_ = storage_->content;
        reserve_for(content_.size());
    }

    // A piece of the content of `whole`, whose first line is line `first_line`.
    file_parser(const claims_storage& whole, std::string_view piece, int first_line,
                claims_quantity::shapes& shapes)
        : storage_(std::make_unique<claims_storage>()),
          path_(whole.path),
          content_(piece),
          first_line_(first_line),
          piece_(true),
          quantities_(storage_->texts, shapes) {
        storage_->continues_previous = true;
        reserve_for(piece.size());
    }

    claims_file run() {
        // Only a file's first piece can start with the mark: the others
        // start with `claim`.
        if (content_.starts_with("\xEF\xBB\xBF")) content_.remove_prefix(3);
        int number = first_line_ - 1;
        // The next `#` at or after the line's start (content_.size() when
        // there is none), found by one memchr over the content, not one per
        // line: a line before it has no comment.
        std::size_t next_hash = std::min(content_.find('#'), content_.size());
        // Lines by memchr on raw pointers: content_.find and substr added
        // their checks to each of the 650,000 lines of 100,000 claims.
        const char* const first = content_.data();
        const std::size_t size = content_.size();
        for (std::size_t at = 0; at <= size;) {
            const std::size_t nl = next_newline(first, at, size);
            const std::size_t length = nl - at - (nl > at && first[nl - 1] == '\r' ? 1 : 0);
            const std::string_view line(first + at, length);
            if (next_hash < at) next_hash = std::min(content_.find('#', at), size);
            const std::size_t code_size =
                next_hash >= at + line.size() ? line.size() : claims_lines::comment_start(line);
            on_line(++number, line, line.substr(0, code_size));
            at = nl + 1;
        }
        close_claim();
        fit_small(storage_->phrases);
        fit_small(storage_->values);
        make_spans();
        result_.storage = std::move(storage_);
        std::stable_sort(result_.errors.begin(), result_.errors.end(), [](const auto& a, const auto& b) {
            return a.where.line != b.where.line ? a.where.line < b.where.line
                                                : a.where.column < b.where.column;
        });
        return std::move(result_);
    }

private:
    void reserve_for(std::size_t size) {
        // A claim takes a hundred bytes or more (a generated one about 180):
        // room for them all up front spares the vector's doublings, each of
        // which moved every claim so far into new memory. Room never used
        // is never touched, so it costs no memory.
        // In huge pages where they are large (claims/huge_pages.hpp).
        if (piece_)
            reserve_huge(result_.ids, size / 128);
        else
            ids_.reserve(size / 128, size / 256);
        reserve_huge(result_.claims, size / 128);
        reserve_huge(extents_, size / 128);
        reserve_huge(storage_->phrases, size / 64);
        reserve_huge(storage_->values, size / 48);
    }

    // Out of line and marked cold: inlined into the line handlers, it and
    // its message strings took registers and stack from every line (15 M
    // instructions of 100,000 claims' parsing).
    [[gnu::cold, gnu::noinline]] void fail(int line, std::string_view text, std::size_t offset,
                                           std::string message) {
        result_.errors.push_back(
            {{std::string(path_), line, column_of(text, offset)}, std::move(message), std::string(text)});
        if (current_) current_->keep = false;
    }

    // `code` is the line without its comment.
    void on_line(int number, std::string_view line, std::string_view code) {
        keyword k = keyword::unknown;
        const auto head = head_of(code, k);
        if (head.indent == code.size()) return;  // blank
        if (head.keyword.empty()) {
            fail(number, line, head.indent, "expected a keyword: " + std::string(keyword_list));
        } else if (k == keyword::claim) {
            on_claim(number, line, code, head);
        } else if (k == keyword::unknown) {
            fail(
                number, line, head.indent,
                "unknown keyword " + in_backquotes(head.keyword) + ": expected " + std::string(keyword_list));
        } else if (head.indent == 0) {
            fail(number, line, 0,
                 in_backquotes(head.keyword) + " must be indented under a `claim` line: expected `claim ID`");
        } else if (!current_) {
            fail(number, line, head.indent, "indented line before any `claim`: expected `claim ID` first");
        } else {
            on_property(number, line, code, head, k);
        }
    }

    void on_claim(int number, std::string_view line, std::string_view code,
                  const claims_lines::line_head& head) {
        close_claim();
        current_.emplace();
        current_->line_text = line;
        if (head.indent != 0)
            fail(number, line, head.indent, "`claim` must start at the beginning of the line");
        line_error error;
        const auto id = claims_lines::read_claim_id(code, head.rest, error);
        if (!id) return fail(number, line, error.offset, std::move(error.message));
        const auto id_at = static_cast<std::size_t>(id->data() - line.data());  // a view of the line
        reference_claim& c = current_->claim;
        c.id = *id;
        c.where = {path_, number, column_of(line, id_at)};
        if (piece_) return;  // ids judged by the caller (parse_piece)
        current_->id_hash = id_table_detail::hash_of(*id);
        ids_.prefetch(current_->id_hash);  // added when the claim closes (first_definitions)
    }

    // A duplicate id is an error on its `claim` line; the errors are
    // sorted by position at the end, so finding it at the claim's close
    // changes no order.
    void check_unique_id(const open_claim& oc) {
        const reference_claim& c = oc.claim;
        if (c.id.empty()) return;
        if (const auto* first = ids_.add(c.id, oc.id_hash, c.where.line, c.where.column)) {
            fail(c.where.line, oc.line_text, static_cast<std::size_t>(c.id.data() - oc.line_text.data()),
                 duplicate_id_message(c.id, path_, first->line, first->column));
        }
    }

    // A keyword that may appear once per claim; false (and an error) on a repeat.
    bool first_time(int number, std::string_view line, const claims_lines::line_head& head, keyword k) {
        int& seen = current_->seen.at(static_cast<std::size_t>(k));
        if (seen == 0) {
            seen = number;
            return true;
        }
        fail(number, line, head.indent,
             "claim `" + std::string(current_->claim.id) + "` already has a " + in_backquotes(head.keyword) +
                 " line (line " + std::to_string(seen) + ")");
        return false;
    }

    void on_property(int number, std::string_view line, std::string_view code,
                     const claims_lines::line_head& head, keyword k) {
        reference_claim& c = current_->claim;
        line_error error;
        bool ok = true;
        if (k == keyword::name || k == keyword::where) {
            ok = claims_lines::read_phrases(code, head.rest, head.keyword, phrases_, error);
            if (ok) {
                auto& into = k == keyword::name ? storage_->phrases : wheres_;
                for (const auto& p : phrases_) into.push_back(kept(p));
            }
        } else if (k == keyword::value) {
            return on_value(number, line, code, head);
        } else if (k == keyword::source) {
            if (!first_time(number, line, head, k)) return;
            ok = claims_lines::read_phrases(code, head.rest, head.keyword, phrases_, error);
            if (ok && phrases_.size() > 1) {
                return fail(number, line, phrases_[1].offset, "expected one quoted source, found several");
            }
            if (ok) c.source = kept(phrases_.front());
        } else {
            if (!first_time(number, line, head, k)) return;
            if (k == keyword::date) {
                c.date = claims_values::read_event_date(code, head.rest, error);
                ok = c.date.has_value();
            } else if (k == keyword::period) {
                c.period = claims_values::read_period(code, head.rest, error);
                ok = c.period.has_value();
            } else {
                const auto t = claims_lines::read_tolerance(code, head.rest, error);
                ok = t.has_value();
                c.tolerance = t.value_or(0);
            }
        }
        if (!ok) fail(number, line, error.offset, std::move(error.message));
    }

    // A phrase as a view: of the line when it is written there as it reads
    // (no escapes), else of the storage's copy of its text.
    std::string_view kept(const claims_lines::phrase& p) {
        return p.escaped ? storage_->texts.keep(p.unescaped) : p.raw;
    }

    void on_value(int number, std::string_view line, std::string_view code,
                  const claims_lines::line_head& head) {
        const reference_claim& c = current_->claim;
        line_error error;
        // Read in place at the end of the flat array, and taken off again
        // on an error.
        auto& values = storage_->values;
        reference_value& v = values.emplace_back();
        if (!claims_values::read_value(code, head.rest, quantities_, v, error)) {
            values.pop_back();
            return fail(number, line, error.offset, std::move(error.message));
        }
        // The value's text starts at the first byte after the keyword that is
        // not a blank (it is a view of the line).
        const auto at = static_cast<std::size_t>(v.text.data() - line.data());
        v.where = {{}, number, column_of(line, at)};  // the file is the claim's (reference.hpp)
        // Units are interned: the same unit is the same view, and compatible
        // with itself, without asking for the dimensions.
        const std::string_view first_unit = values[values_from_].unit;  // v's own when it is the first
        const bool same_unit = first_unit.data() == v.unit.data() && first_unit.size() == v.unit.size();
        if (!same_unit && !compatible_units(v.unit, first_unit)) {
            std::string message = "value is in " + std::string(v.unit) + " but earlier values of claim " +
                                  std::string(c.id) + " are " + std::string(first_unit);
            values.pop_back();
            return fail(number, line, at, std::move(message));
        }
        value_lines_.push_back({number, line});
    }

    // Checks that need the whole claim, then keeps it if it had no error.
    void close_claim() {
        if (!current_) return;
        open_claim& oc = *current_;
        reference_claim& c = oc.claim;
        if (!piece_) check_unique_id(oc);
        if (!c.id.empty() && storage_->phrases.size() == names_from_) {
            fail(c.where.line, oc.line_text, 0,
                 "claim `" + std::string(c.id) + "` needs at least one `name`");
        }
        check_overlaps(oc);
        const bool kept = oc.keep && !c.id.empty();
        if (piece_ && !c.id.empty()) {
            const auto place = kept ? static_cast<std::uint32_t>(result_.claims.size()) : defined_id::none;
            result_.ids.push_back({c.id, c.where.line, c.where.column, oc.line_text, place});
        }
        if (kept) {
            keep(c);
        } else {
            storage_->phrases.resize(names_from_);
            storage_->values.resize(values_from_);
        }
        current_.reset();
        value_lines_.clear();
        wheres_.clear();
        names_from_ = storage_->phrases.size();
        values_from_ = storage_->values.size();
    }

    // The claim's names and values are in the storage already; its wheres
    // follow its names.
    void keep(const reference_claim& c) {
        result_.claims.push_back(c);
        auto& phrases = storage_->phrases;
        const std::size_t names = phrases.size() - names_from_;
        phrases.insert(phrases.end(), wheres_.begin(), wheres_.end());
        extents_.push_back({static_cast<std::uint32_t>(names), static_cast<std::uint32_t>(wheres_.size()),
                            static_cast<std::uint32_t>(storage_->values.size() - values_from_)});
    }

    // The open claim's values so far: the storage's from values_from_ on.
    std::span<const reference_value> claim_values() const {
        return std::span<const reference_value>(storage_->values).subspan(values_from_);
    }

    // An array of a small file cut to what it holds, before the claims view
    // it: sized from the file's bytes for the most it could hold, a small
    // file's values took three times their room in the allocator's memory,
    // all of it resident (4,000 files of 25 claims: 51 MB of room for 27 MB
    // of values). A large array is left as it is: the pages of its tail
    // that were never written were never mapped.
    template <typename T>
    static void fit_small(std::vector<T>& v) {
        constexpr std::size_t small = std::size_t{1} << 20;
        if (v.capacity() * sizeof(T) < small && v.capacity() - v.size() > v.size() / 4) v.shrink_to_fit();
    }

    // The kept claims' spans, now that the flat arrays are complete.
    void make_spans() {
        const std::string_view* phrase = storage_->phrases.data();
        const reference_value* value = storage_->values.data();
        for (std::size_t i = 0; i < result_.claims.size(); ++i) {
            reference_claim& c = result_.claims[i];
            const claim_extent& e = extents_[i];
            c.names = {phrase, e.names};
            c.wheres = {phrase + e.names, e.wheres};
            c.values = {value, e.values};
            phrase += e.names + e.wheres;
            value += e.values;
        }
    }

    // Two values whose stated times overlap, neither more specific than the
    // other (one span strictly inside the other), must not contradict.
    void check_overlaps(open_claim& oc) {
        const reference_claim& c = oc.claim;
        const std::span<const reference_value> values = claim_values();
        if (values.size() > 8 && no_two_overlap(values)) return;
        for (std::size_t j = 1; j < values.size(); ++j) {
            const time_span b = claims_values::stated_span(values[j]);
            for (std::size_t i = 0; i < j; ++i) {
                const time_span a = claims_values::stated_span(values[i]);
                if (!overlaps(a, b) || strictly_inside(a, b) || strictly_inside(b, a)) continue;
                const interval ra = allowed_interval(c, values[i]);
                const interval rb = allowed_interval(c, values[j]);
                if (!disjoint(ra, rb)) continue;
                const value_line& vl = value_lines_[j];
                const std::string_view text = vl.line_text;
                fail(vl.line, text, text.find(values[j].text),
                     "value `" + std::string(values[j].text) + "` contradicts `" +
                         std::string(values[i].text) + "` on line " + std::to_string(value_lines_[i].line) +
                         ": their times overlap and their ranges " + to_string(rb) + " and " + to_string(ra) +
                         " are disjoint");
                break;
            }
        }
    }

    // Whether no two of the values' stated times overlap, found by sorting
    // them: a series of thousands of dated values ("value N in 1990-01-01",
    // one a day) was compared pair by pair, 8,000 values in 0.1 s, sixteen
    // times as long as a quarter as many. Only overlapping values can
    // contradict each other, so check_overlaps has nothing to say then.
    bool no_two_overlap(std::span<const reference_value> values) {
        spans_.clear();
        for (const reference_value& v : values) spans_.push_back(claims_values::stated_span(v));
        std::sort(spans_.begin(), spans_.end(),
                  [](const time_span& a, const time_span& b) { return a.from < b.from; });
        for (std::size_t k = 1; k < spans_.size(); ++k)
            if (overlaps(spans_[k - 1], spans_[k])) return false;
        return true;
    }

    static bool strictly_inside(const time_span& inner, const time_span& outer) {
        return inner.from >= outer.from && inner.to <= outer.to &&
               (inner.from != outer.from || inner.to != outer.to);
    }

    std::unique_ptr<claims_storage> storage_;
    std::string_view path_;     // the file's, in the storage of the file
    std::string_view content_;  // the part of the file's content read
    int first_line_ = 1;        // the number of its first line
    bool piece_ = false;        // ids are listed, not judged (parse_piece)
    claims_file result_;
    std::vector<claim_extent> extents_;  // of result_.claims
    std::optional<open_claim> current_;
    // The open claim's names and values go straight into the storage's flat
    // arrays from these indexes on (a claim left out is cut off again): a
    // copy kept here and appended at its end cost a second copy of each.
    // Its wheres, which come after its names there, wait here.
    std::size_t names_from_ = 0, values_from_ = 0;
    std::vector<value_line> value_lines_;
    std::vector<std::string_view> wheres_;
    std::vector<time_span> spans_;               // no_two_overlap's, kept for its memory
    std::vector<claims_lines::phrase> phrases_;  // of the last phrase line, kept for its memory
    claims_quantity::reader quantities_;
    first_definitions ids_;
};

}  // namespace

claims_file parse_claims_file(std::string_view path, std::string content) {
    return claims_set_parser().parse(path, std::move(content));
}

claims_set_parser::claims_set_parser() : shapes_(std::make_unique<claims_quantity::shapes>()) {}
claims_set_parser::~claims_set_parser() = default;

claims_file claims_set_parser::parse(std::string_view path, std::string content) {
    return file_parser(path, std::move(content), *shapes_).run();
}

claims_file claims_set_parser::parse_piece(const claims_storage& whole, std::size_t begin, std::size_t end,
                                           int first_line) {
    const std::string_view content = whole.content;
    return file_parser(whole, content.substr(begin, end - begin), first_line, *shapes_).run();
}

std::vector<std::size_t> piece_starts(std::string_view content, std::size_t pieces) {
    std::vector<std::size_t> starts{0};
    const std::size_t step = pieces < 2 ? 0 : content.size() / pieces;
    for (std::size_t k = 1; k < pieces; ++k) {
        // The first line at or after the even cut that opens a claim:
        // `claim` and a blank right after a line's end (a `claim` line
        // starts its line).
        const std::size_t from = std::max(k * step, starts.back() + 1);
        std::size_t at = content.find("\nclaim", from - 1);
        while (at != std::string_view::npos && !(at + 6 < content.size() && is_blank(content[at + 6])))
            at = content.find("\nclaim", at + 1);
        if (at == std::string_view::npos) break;
        starts.push_back(at + 1);
    }
    return starts;
}

std::size_t newlines_in(std::string_view text) {
    const char* const p = text.data();
    const std::size_t n = text.size();
    std::size_t total = 0;
    std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
    // Sixteen bytes at a time: each newline subtracts -1 (0xFF, its
    // comparison's result) from its lane's byte counter, which is summed
    // into `total` before it can wrap (at most 255 blocks). std::count took
    // 2.7 ms for each of the two pieces of 100,000 claims (18 MB) on the
    // serial path of a first run with two jobs; this loop 0.3 ms.
    const __m128i newline = _mm_set1_epi8('\n');
    while (n - i >= 16) {
        __m128i counts = _mm_setzero_si128();
        const std::size_t blocks = std::min<std::size_t>((n - i) / 16, 255);
        for (std::size_t b = 0; b < blocks; ++b, i += 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(bytes, newline));
        }
        const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());  // two 64-bit sums
        total += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
                 static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    }
#endif
    for (; i < n; ++i) total += p[i] == '\n' ? 1 : 0;
    return total;
}

std::string duplicate_id_message(std::string_view id, std::string_view first_file, int first_line,
                                 int first_column) {
    std::string out = "duplicate claim id `";
    out.append(id).append("`, first defined at ").append(first_file);
    return out.append(":")
        .append(std::to_string(first_line))
        .append(":")
        .append(std::to_string(first_column));
}

std::string format_error(const claims_file_error& e) {
    std::string out = e.where.file;
    if (e.where.line <= 0) {
        out.append(": error: ").append(e.message).append("\n");
        return out;
    }
    out.append(":").append(std::to_string(e.where.line)).append(":").append(std::to_string(e.where.column));
    out.append(": error: ").append(e.message).append("\n  ").append(e.line_text).append("\n  ");
    // Blanks up to the column, keeping tabs so the caret lines up.
    int column = 1;
    for (std::size_t i = 0; i < e.line_text.size() && column < e.where.column; ++i) {
        const auto b = static_cast<unsigned char>(e.line_text[i]);
        if ((b & 0xC0) == 0x80) continue;
        out += b == '\t' ? '\t' : ' ';
        ++column;
    }
    for (; column < e.where.column; ++column) out += ' ';
    out.append("^\n");
    return out;
}

}  // namespace factlint::grammar
