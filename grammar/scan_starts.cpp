// find_scan_starts: one walk over the words of a sentence for both scanners
// (grammar/quantity.cpp, grammar/time_scan.cpp). Each scanner walks the
// text the same way: a run of ASCII letters and digits is one step, any
// other byte another. Most steps do nothing but pass over the word or byte;
// this walk finds the few that may do more, so that the scanners step there
// alone. What "may do more" means here must cover everything their steps
// (quantity.cpp's scan_step, time_scan.cpp's scanner::step) act on: a
// position missing here is a match lost. A position too many costs one step.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "grammar/parse.hpp"
#include "grammar/scan_starts.hpp"

namespace factlint::grammar {

namespace {

enum : unsigned char { b_letter = 1, b_digit = 2, b_sign = 4 };

// One table look-up per byte. Signs are the bytes other than letters and
// digits at which a scanner may act: a currency sign, a sign or point
// before a digit, "(555)", "'99"; and the ':' and '.' of a web address.
constexpr std::array<unsigned char, 256> byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = b_letter;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = b_digit;
    for (unsigned char c : {'$', '.', ':', '-', '+', '(', '\'', '\xC2', '\xE2'}) t[c] = b_sign;
    return t;
}();

constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return (byte_class[c] & (b_letter | b_digit)) != 0; }

bool starts_with(const unsigned char* p, const unsigned char* end, std::string_view s) {
    return static_cast<std::size_t>(end - p) >= s.size() && std::memcmp(p, s.data(), s.size()) == 0;
}

// The number of ASCII letters from p, at most 16 (p[0..15] readable): per
// byte, lower case folded in (| 0x20), then moved so that 'a'..'z' are the
// 26 lowest signed bytes (SSE2 compares bytes as signed). The walk's short
// path and detail::letters_end both measure words with it.
unsigned letters_in_16(const unsigned char* p) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i letter = _mm_cmplt_epi8(
        _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
        _mm_set1_epi8(static_cast<char>(-128 + 26)));
    // Bits 16 and up of the complement are set: at most 16, and never a
    // count of zero bits, so the builtin needs no test for that (as
    // std::countr_zero would make).
    return static_cast<unsigned>(__builtin_ctz(~static_cast<unsigned>(_mm_movemask_epi8(letter))));
#else
    return static_cast<unsigned>(detail::letters_end_portable(p, p + 16) - p);
#endif
}

// Whether the filter has a word of the letters [p, end)'s length, first two
// bytes and last two (fewer than 32 letters).
bool may_hold(const detail::word_filter& f, const unsigned char* p, const unsigned char* end) {
    const auto n = static_cast<std::size_t>(end - p);
    return ((f.first_two[detail::word_slot(p[0], n > 1 ? p[1] : 0)] &
             f.last_two[detail::word_slot(n > 1 ? end[-2] : 0, end[-1])]) >>
                n &
            1U) != 0;
}

// Both scanners' word filters in one, by lengths below 16 (the walk asks
// about no longer word): for each slot, 16 bits each of the quantity
// scanner's words (lane 0), of those that may be number words (lane 1), of
// the time scanner's words (lane 2) and of those it acts on whatever
// follows them (lane 3).
struct word_tables {
    std::array<std::uint64_t, 32 * 32> first_two{};
    std::array<std::uint64_t, 32 * 32> last_two{};
    const detail::word_filter* phrase_leads = nullptr;                 // detail::quantity_phrase_lead_filter
    const detail::word_length_table* quantity_words = nullptr;         // detail::quantity_word_lengths
    const detail::word_filter* time_next = nullptr;                    // detail::time_next_word_filter
    const detail::phrase_lead_next_table* phrase_lead_next = nullptr;  // detail::quantity_phrase_lead_next
};

enum : unsigned { quantity_lane = 0, number_lane = 16, time_lane = 32, time_alone_lane = 48 };

void add_lane(word_tables& t, const detail::word_filter& f, unsigned lane) {
    for (std::size_t i = 0; i < t.first_two.size(); ++i) {
        t.first_two[i] |= std::uint64_t{f.first_two[i] & 0xFFFFU} << lane;
        t.last_two[i] |= std::uint64_t{f.last_two[i] & 0xFFFFU} << lane;
    }
}

word_tables both_word_tables() {
    word_tables t;
    add_lane(t, detail::quantity_word_filter(), quantity_lane);
    add_lane(t, detail::quantity_number_word_filter(), number_lane);
    add_lane(t, detail::time_word_filter(), time_lane);
    add_lane(t, detail::time_alone_word_filter(), time_alone_lane);
    // A one-letter word is filed under its letter and 0; its bits (for
    // length 1) are copied under every second byte, so that the walk may
    // read the byte after such a word as its second. Only a word of one
    // letter looks at those bits.
    constexpr std::uint64_t length_one = 0x0002000200020002ULL;
    for (std::size_t i = 0; i < t.first_two.size(); ++i)
        t.first_two[i] |= t.first_two[i & ~std::size_t{31}] & length_one;
    t.phrase_leads = &detail::quantity_phrase_lead_filter();
    t.quantity_words = &detail::quantity_word_lengths();
    t.time_next = &detail::time_next_word_filter();
    t.phrase_lead_next = &detail::quantity_phrase_lead_next();
    return t;
}

class walk {
public:
    walk(std::string_view text, const word_tables& tables, scan_starts& out)
        : text_(text),
          base_(reinterpret_cast<const unsigned char*>(text.data())),
          end_(base_ + text.size()),
          short_path_end_(text.size() > 16 ? end_ - 16 : base_),
          tables_(tables),
          out_(out) {}

    void run() {
        const unsigned char* p = base_;
        while (p < end_) {
            const unsigned char k = byte_class[*p];
            if (k == 0) {
                ++p;
            } else if (k & b_letter) {
                p = on_words(p);
            } else if (k & b_digit) {
                // Both scanners try every number that starts a run.
                out_.quantity.push_back(offset(p));
                out_.time.push_back(offset(p));
                while (p < end_ && is_alnum(*p)) ++p;
            } else {
                on_sign(p);
                ++p;
            }
        }
    }

private:
    // Runs of letters at p, one space apart (the commonest steps of prose);
    // returns where the last ends. A word with more than 16 bytes of text
    // from its start takes the short path: its letters measured in one
    // 16-byte look from its first byte, its first two bytes and the two
    // after it read without a test (the combined tables file a one-letter
    // word under every second byte), most words turned away by the first
    // table alone.
    const unsigned char* on_words(const unsigned char* p) {
        for (;;) {
            if (p < short_path_end_) {
                const unsigned n = letters_in_16(p);
                // Sixteen letters or more, or letters then digits: the long way.
                if (n < 16 && !is_digit(p[n])) {
                    const unsigned char* e = p + n;
                    const std::uint64_t first = tables_.first_two[detail::word_slot(p[0], p[1])];
                    if ((first >> n & both_scanners) != 0) on_known_start(p, e, first);
                    // e[0] and e[1] are in the text: e <= p + 15.
                    if (e[0] != ' ' || !(byte_class[e[1]] & b_letter)) return e;
                    p = e + 1;
                    continue;
                }
            }
            p = on_word(p);
            if (end_ - p < 2 || p[0] != ' ' || !(byte_class[p[1]] & b_letter)) return p;
            ++p;
        }
    }

    // The quantity scanner's lane and the time scanner's (the other two
    // lanes hold words of these).
    static constexpr std::uint64_t both_scanners = std::uint64_t{1} << quantity_lane | std::uint64_t{1}
                                                                                           << time_lane;

    // A run of letters (then perhaps digits) at p; returns its end.
    const unsigned char* on_word(const unsigned char* p) {
        const unsigned char* letters_end = detail::letters_end(p + 1, end_);
        const unsigned char* run_end = letters_end;
        if (run_end < end_ && is_digit(*run_end))  // letters end at a non-letter
            while (run_end < end_ && is_alnum(*run_end)) ++run_end;
        const auto letters = static_cast<std::size_t>(letters_end - p);
        if (run_end == letters_end) {
            // Letters only: the common case, one slot for both scanners.
            if (letters >= 16) return run_end;
            const std::uint64_t first = tables_.first_two[detail::word_slot(p[0], letters > 1 ? p[1] : 0)];
            if ((first >> letters & both_scanners) !=
                0)  // most words: neither scanner has a word that begins so
                on_known_start(p, letters_end, first);
            return run_end;
        }
        // "Q3", "FY2019", "USD115": rare enough to ask both scanners.
        if (detail::quantity_word_opens(text_, offset(p), offset(run_end)))
            out_.quantity.push_back(offset(p));
        if (time_acts(p, letters_end, run_end)) out_.time.push_back(offset(p));
        return run_end;
    }

    // The letters-only word [p, end), shorter than 16, whose first two
    // bytes and length one scanner or both know (`first`, their slot of the
    // first table): the last two settle it; most such words end there.
    void on_known_start(const unsigned char* p, const unsigned char* end, std::uint64_t first) {
        const auto letters = static_cast<std::size_t>(end - p);
        const std::uint64_t hits =
            (first & tables_.last_two[detail::word_slot(letters > 1 ? end[-2] : 0, end[-1])]) >> letters;
        if ((hits & both_scanners) != 0) on_listed_word(p, end, hits);
    }

    // The same word, known to one scanner or both by its first two bytes,
    // its last two and its length (`hits`: a bit per lane of word_tables).
    [[gnu::noinline]] void on_listed_word(const unsigned char* p, const unsigned char* end,
                                          std::uint64_t hits) {
        if ((hits >> quantity_lane & 1U) && ((hits >> number_lane & 1U) || !quantity_idle(p, end)) &&
            detail::quantity_word_opens(text_, offset(p), offset(end)))
            out_.quantity.push_back(offset(p));
        if ((hits >> time_lane & 1U) && ((hits >> time_alone_lane & 1U) || !time_idle(end)) &&
            time_acts(p, end, end))
            out_.time.push_back(offset(p));
    }

    // Whether the time scanner would pass over the word of letters ending at
    // `end`, one its filter let through, for the word after it:
    // a shift word, an ordinal or "year" ("this", "first") starts a date
    // only before a word of its own ("this year", "first-quarter"), which
    // most do not have; nor does a word the filter let through by mistake
    // ("just", "those"). Words that may act whatever follows them are
    // always asked.
    [[nodiscard, gnu::noinline]] bool time_idle(const unsigned char* end) const {
        // The next word as time_scan.cpp's grammar_may_start reads it.
        const unsigned char* q = end;
        if (q < end_ && *q == '-') ++q;
        while (q < end_ && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) ++q;
        const unsigned char* next_end = end_ - q >= 16 ? q + letters_in_16(q) : detail::letters_end(q, end_);
        return next_end == q || next_end - q > 15 || !may_hold(*tables_.time_next, q, next_end);
    }

    // Whether the quantity scanner would not try a figure at the word of
    // letters [p, end) (shorter than 16), one its filter let through, for
    // what comes after it; then it is not asked. Every opener but a number
    // word ("one", "twenty") needs a figure, a sign or a word the scanner
    // knows next ("about 5", "over $3", "some ten"; quantity.cpp's
    // figure_may_follow), and a phrase lead ("in", "a" …: "a dozen", "in
    // excess of") a word of its own; most words the filter lets through
    // ("have", "these", "about the", "in a") have none of them. (A "$"
    // right after the word makes on_sign give its start.) Out of line:
    // inlined, it made the walk's loop a call per word.
    [[nodiscard, gnu::noinline]] bool quantity_idle(const unsigned char* p, const unsigned char* end) const {
        const unsigned char* q = end;
        while (q < end_ && (*q == ' ' || *q == '\n')) ++q;
        if (q == end_) return true;
        if (!(byte_class[*q] & b_letter))
            return may_hold(*tables_.phrase_leads, p, end) ||
                   !(is_digit(*q) || *q == '$' || *q == '-' || *q == '+' || *q >= 0xC2);
        // The next run of letters and digits, as the scanner reads it.
        const unsigned char* next_end = end_ - q > 16 ? q + letters_in_16(q) : q + 1;
        while (next_end < end_ && is_alnum(*next_end)) ++next_end;
        const auto next = static_cast<std::size_t>(next_end - q);
        if (next > 13 ||
            ((*tables_.quantity_words)[detail::word_slot(q[0], next > 1 ? q[1] : 0)] >> next & 1U) == 0)
            return true;
        if (!may_hold(*tables_.phrase_leads, p, end)) return false;
        // A phrase lead, before a word the scanner knows: one of its own?
        // ("in excess", not "in a").
        const std::uint64_t own =
            (*tables_.phrase_lead_next)[detail::word_slot(p[0], p + 1 < end ? p[1] : 0)];
        return (own >> (q[0] & 31U) & 1U) == 0 || (own >> (32 + next) & 1U) == 0;
    }

    bool time_acts(const unsigned char* p, const unsigned char* letters_end, const unsigned char* run_end) {
        return detail::time_word_acts(chars(p), chars(letters_end), chars(run_end), chars(end_));
    }

    void on_sign(const unsigned char* p) {
        const bool digit_next = p + 1 < end_ && is_digit(p[1]);
        switch (*p) {
            case '$':
                // "US$", "C $": the quantity scanner starts at the word before.
                if (const unsigned char* word = word_ending_at(p > base_ && p[-1] == ' ' ? p - 1 : p))
                    push_word(out_.quantity, word);
                out_.quantity.push_back(offset(p));
                break;
            case ':':
            case '.':
                // "http://", "www.": the time scanner skips a web address whole.
                if (url_at(p))
                    if (const unsigned char* word = word_ending_at(p); word && (*p == ':' || p - word == 3))
                        push_word(out_.time, word);
                if (*p == '.' && digit_next) out_.quantity.push_back(offset(p));
                break;
            case '-':
            case '+':
            case '(':
                if (digit_next) out_.quantity.push_back(offset(p));
                break;
            case '\'':
                if (digit_next) out_.time.push_back(offset(p));  // "'99"
                break;
            case 0xC2:  // £ ¥
                if (starts_with(p, end_, "\u00A3") || starts_with(p, end_, "\u00A5"))
                    out_.quantity.push_back(offset(p));
                break;
            case 0xE2:  // € −, and ’ before a year ("’99")
                if (starts_with(p, end_, "\u20AC") || starts_with(p, end_, "\u2212"))
                    out_.quantity.push_back(offset(p));
                if (starts_with(p, end_, "\u2019") && end_ - p >= 4 && is_digit(p[3]))
                    out_.time.push_back(offset(p));
                break;
            default: break;
        }
    }

    // Whether a web address may start before p: "://" at p, or "www" before
    // a '.' at p (then the word before must be that "www" alone).
    [[nodiscard]] bool url_at(const unsigned char* p) const {
        if (*p == ':') return starts_with(p, end_, "://");
        return p - base_ >= 3 && (p[-1] | 0x20) == 'w' && (p[-2] | 0x20) == 'w' && (p[-3] | 0x20) == 'w';
    }

    // The start of the run of letters and digits that ends at q, if it
    // starts with a letter (on_word met it); else nullptr. Looked for at a
    // sign only, rather than kept for every word.
    [[nodiscard]] const unsigned char* word_ending_at(const unsigned char* q) const {
        if (q == base_ || !is_alnum(q[-1])) return nullptr;
        const unsigned char* r = q - 1;
        while (r > base_ && is_alnum(r[-1])) --r;
        return (byte_class[*r] & b_letter) ? r : nullptr;
    }

    // The word at `word`, unless it is there already.
    void push_word(std::vector<std::size_t>& starts, const unsigned char* word) {
        if (starts.empty() || starts.back() != offset(word)) starts.push_back(offset(word));
    }

    [[nodiscard]] std::size_t offset(const unsigned char* p) const {
        return static_cast<std::size_t>(p - base_);
    }
    static const char* chars(const unsigned char* p) { return reinterpret_cast<const char*>(p); }

    std::string_view text_;
    const unsigned char* base_;
    const unsigned char* end_;
    const unsigned char* short_path_end_;  // before it, more than 16 bytes are left (on_words)
    const word_tables& tables_;
    scan_starts& out_;
};

}  // namespace

namespace detail {

const unsigned char* letters_end_portable(const unsigned char* p, const unsigned char* end) {
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t high = ones * 0x80;
        while (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, sizeof w);
            // Per byte, lower case folded in (| 0x20) and without its high bit:
            // a letter is one in 'a'..'z' whose high bit was clear.
            const std::uint64_t x = (w | ones * 0x20) & ~high;
            const std::uint64_t letters = (ones * 0xFA - x) & (x + ones * 0x1F) & ~w & high;
            if (letters != high) return p + (std::countr_zero(~letters & high) >> 3);
            p += 8;
        }
    }
    while (p < end && (byte_class[*p] & b_letter)) ++p;
    return p;
}

const unsigned char* letters_end(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
    while (end - p >= 16) {
        const unsigned n = letters_in_16(p);
        if (n < 16) return p + n;
        p += 16;
    }
#endif
    return letters_end_portable(p, end);
}

}  // namespace detail

void find_scan_starts(std::string_view text, scan_starts& starts) {
    starts.quantity.clear();
    starts.time.clear();
    static const word_tables tables = both_word_tables();
    walk(text, tables, starts).run();
}

}  // namespace factlint::grammar
