// Sentence boundaries in prose. A sentence ends at '.', '!' or '?' (and any
// closing quotes or brackets after it) followed by whitespace and something
// that can start a sentence, unless the '.' ends an abbreviation, an
// initial, or a dotted acronym ("U.S.", "a.m.").
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "reader/detail.hpp"

namespace factlint {

namespace {

constexpr bool is_space_byte(unsigned c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// The same test as one load: the splitter asks it of every byte of the word
// before a period and of the spaces around each sentence.
constexpr std::array<bool, 256> space_bytes = [] {
    std::array<bool, 256> table{};
    for (unsigned c = 0; c < 256; ++c) table[c] = is_space_byte(c);
    return table;
}();
bool is_space(char c) { return space_bytes[static_cast<unsigned char>(c)]; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_mark(char c) { return c == '.' || c == '!' || c == '?'; }

bool starts_with_at(std::string_view s, std::size_t i, std::string_view what) {
    return s.size() - i >= what.size() && s.compare(i, what.size(), what) == 0;
}

// Closing quotes and brackets that may follow the end mark: " ' ) ] ” ’ ».
std::size_t closer_length(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (static_cast<unsigned char>(c) < 0xC2) return 0;  // ASCII: none of the multi-byte closers
    if (starts_with_at(s, i, "\u201D") || starts_with_at(s, i, "\u2019")) return 3;
    if (starts_with_at(s, i, "\u00BB")) return 2;
    return 0;
}

// Can a sentence start at s[i]? Uppercase, digit, an opening quote or
// bracket, a currency sign, or an uppercase Latin-1 letter.
bool can_start_sentence(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (is_upper(c) || is_digit(c)) return true;
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '$') return true;
    if (static_cast<unsigned char>(c) < 0xC2) return false;  // ASCII: no opener, sign or letter below
    for (std::string_view opener : {"\u201C", "\u2018", "\u00AB", "\u20AC", "\u00A3"}) {
        if (starts_with_at(s, i, opener)) return true;
    }
    // U+00C0..U+00DE (except U+00D7, the multiplication sign): À..Þ.
    const auto lead = static_cast<unsigned char>(c);
    if (lead == 0xC3 && i + 1 < s.size()) {
        const auto next = static_cast<unsigned char>(s[i + 1]);
        return next >= 0x80 && next <= 0x9E && next != 0x97;
    }
    return false;
}

// Words that take a period without ending a sentence (case matters: "No. 5"
// but "said no. Then").
// clang-format off
constexpr std::string_view abbreviations[] = {
    // titles and ranks
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
    "Pres", "Prof", "St", "Jr", "Sr", "Adm", "Brig", "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Mt",
    "Ft", "Gens", "Reps", "Sens",
    // months
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // others
    "No", "Nos", "vs", "etc", "approx", "Approx", "est", "Inc", "Corp", "Ltd", "Co", "cf", "al", "Fig",
    "Vol", "Dept", "Univ", "Ave", "Blvd", "Bros", "Ph.D",
};
// clang-format on

// For each first byte, a bit per length of the abbreviations that start
// with it: most words before a period are ruled out by one look-up.
constexpr std::array<std::uint8_t, 256> abbreviation_lengths = [] {
    std::array<std::uint8_t, 256> lengths{};
    for (std::string_view a : abbreviations)
        lengths[static_cast<unsigned char>(a[0])] |= static_cast<std::uint8_t>(1U << a.size());
    return lengths;
}();

bool is_abbreviation(std::string_view word) {
    if (word.size() > 7 || !(abbreviation_lengths[static_cast<unsigned char>(word[0])] >> word.size() & 1U))
        return false;
    // The first byte before the whole comparison: most words before a
    // period share their length with several abbreviations.
    return std::any_of(std::begin(abbreviations), std::end(abbreviations), [word](std::string_view a) {
        return a.size() == word.size() && a[0] == word[0] && a == word;
    });
}

// "U.S", "e.g", "a.m": single letters joined by dots (the final dot is not
// part of `word`).
bool is_dotted_letters(std::string_view word) {
    // An even length or no dot second rules out most words before the loop.
    if (word.size() < 3 || word.size() % 2 == 0 || word[1] != '.') return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const bool letter_place = i % 2 == 0;
        if (letter_place ? !is_letter(word[i]) : word[i] != '.') return false;
    }
    return word.size() % 2 == 1;
}

// ( [ " ': one load a byte where four comparisons were (asked of the first
// byte of every word before a period).
constexpr std::array<bool, 256> opening_bytes = [] {
    std::array<bool, 256> table{};
    for (const char c : {'(', '[', '"', '\''}) table[static_cast<unsigned char>(c)] = true;
    return table;
}();

// The word ending just before the period at `dot`, without opening quotes
// or brackets.
std::string_view word_before(std::string_view s, std::size_t dot) {
    const char* const end = s.data() + dot;
    const char* const first = reader_detail::word_start(s.data(), end);
    std::string_view word(first, static_cast<std::size_t>(end - first));
    while (!word.empty() && opening_bytes[static_cast<unsigned char>(word.front())]) word.remove_prefix(1);
    // Both openers below start with 0xE2.
    if (word.empty() || static_cast<unsigned char>(word.front()) != 0xE2) return word;
    for (std::string_view opener : {"\u201C", "\u2018"}) {
        if (word.substr(0, opener.size()) == opener) word.remove_prefix(opener.size());
    }
    return word;
}

bool period_is_abbreviation(std::string_view s, std::size_t dot) {
    const std::string_view word = word_before(s, dot);
    if (word.empty()) return false;
    if (word.size() == 1 && is_upper(word[0])) return true;  // an initial: "J. Smith"
    return is_abbreviation(word) || is_dotted_letters(word);
}

// Can the byte after an end mark belong to a sentence end: another mark, a
// closer (or the lead byte of a multi-byte one), whitespace? After most
// marks that are not sentence ends ("5.5", "U.S", "www.x") it cannot.
constexpr std::array<bool, 256> may_follow_mark = [] {
    std::array<bool, 256> table{};
    for (unsigned c = 0; c < 256; ++c) {
        table[c] = c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' ||
                   c >= 0xC2 || is_space_byte(c);
    }
    return table;
}();

// If a sentence ends at the mark at s[i], where does it end (past the
// marks and closers)? Otherwise 0. `next` is then where the whitespace
// after it ends.
std::size_t sentence_end_at(std::string_view s, std::size_t i, std::size_t& next) {
    std::size_t j = i + 1;
    bool single_period = s[i] == '.';
    // Most sentences end with one mark and whitespace: no marks or closers
    // to pass.
    if (j < s.size() && !is_space(s[j])) {
        if (!may_follow_mark[static_cast<unsigned char>(s[j])]) return 0;
        while (j < s.size() && is_mark(s[j])) ++j;
        single_period = single_period && j == i + 1;
        while (j < s.size()) {
            const std::size_t n = closer_length(s, j);
            if (n == 0) break;
            j += n;
        }
        if (j < s.size() && !is_space(s[j])) return 0;
    }
    std::size_t k = j;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && !can_start_sentence(s, k)) return 0;
    if (single_period && period_is_abbreviation(s, i)) return 0;
    next = k;
    return j;
}

// Records prose[begin, end) without surrounding whitespace, if any is left.
inline void add_sentence(std::string_view prose, std::size_t begin, std::size_t end,
                         std::vector<std::pair<std::size_t, std::size_t>>& out) {
    while (begin < end && is_space(prose[begin])) ++begin;
    while (end > begin && is_space(prose[end - 1])) --end;
    if (end > begin) out.emplace_back(begin, end);
}

// Past this many bytes a stretch without a sentence end is cut into
// pieces read as sentences of their own. Prose never comes near it (the
// longest sentence of the news corpus is 2 KB), but a paragraph with no
// end mark (figures one per line, a pasted data dump, a 50 MB line) would
// otherwise be one sentence, and a sentence's analysis holds some 25 bytes
// of tokens and matches for each of its bytes at once: a 50 MB line of
// figures peaked at 1.8 GB, 124 MB cut (docs/performance.md part 35).
constexpr std::size_t longest_sentence = std::size_t{16} * 1024;

// Where to cut prose[begin, end), longer than longest_sentence: after the
// last line break in the second half of the allowed length, else after its
// last whitespace, else (one word longer than half of it) at the first
// whitespace after it, so that no word or figure is ever cut in two.
std::size_t cut_point(std::string_view prose, std::size_t begin, std::size_t end) {
    const std::size_t low = begin + longest_sentence / 2;
    const std::size_t high = begin + longest_sentence;
    const std::string_view window = prose.substr(low, high - low);
    if (const std::size_t nl = window.rfind('\n'); nl != std::string_view::npos) return low + nl + 1;
    for (std::size_t i = high; i > low; --i)
        if (is_space(prose[i - 1])) return i;
    std::size_t i = high;
    while (i < end && !is_space(prose[i])) ++i;
    return i;
}

// add_sentence, in pieces of at most longest_sentence bytes (plus a word).
[[gnu::noinline]] void add_in_pieces(std::string_view prose, std::size_t begin, std::size_t end,
                                     std::vector<std::pair<std::size_t, std::size_t>>& out) {
    while (end - begin > longest_sentence) {
        const std::size_t cut = cut_point(prose, begin, end);
        add_sentence(prose, begin, cut, out);
        begin = cut;
    }
    add_sentence(prose, begin, end, out);
}

// The common case inline, as add_sentence was before the cut: a call per
// sentence cost 1.1 M instructions of a 310 M check of news.txt.
inline void add_capped(std::string_view prose, std::size_t begin, std::size_t end,
                       std::vector<std::pair<std::size_t, std::size_t>>& out) {
    if (end - begin > longest_sentence) {
        add_in_pieces(prose, begin, end, out);
    } else {
        add_sentence(prose, begin, end, out);
    }
}

// Whether what sentence_end_at reads after the end mark at s[i] is all
// in s: the marks, closers and whitespace after it, then the three bytes
// of the character a sentence would start with. Any byte of 0x80 or above
// counts as a closer's: it may only make the reach longer than needed.
bool settled_after(std::string_view s, std::size_t i) {
    std::size_t k = i + 1;
    while (k < s.size()) {
        const char c = s[k];
        const bool passed = static_cast<unsigned char>(c) >= 0x80 || is_mark(c) || is_space(c) || c == '"' ||
                            c == '\'' || c == ')' || c == ']';
        if (!passed) break;
        ++k;
    }
    return k < s.size() && s.size() - k >= 3;
}

// The pieces of the stretch from `begin`, whose end is not known but lies
// at `known_end` or later, that add_in_pieces cuts the same whatever that
// end: while more than longest_sentence is known, where cut_point cuts,
// unless the word it cuts after runs to what is known.
void add_settled_pieces(std::string_view prose, std::size_t& begin, std::size_t known_end,
                        std::vector<std::pair<std::size_t, std::size_t>>& out) {
    while (known_end - begin > longest_sentence) {
        const std::size_t cut = cut_point(prose, begin, known_end);
        if (cut >= known_end) return;
        add_sentence(prose, begin, cut, out);
        begin = cut;
    }
}

}  // namespace

void reader_detail::split_sentences(std::string_view prose,
                                    std::vector<std::pair<std::size_t, std::size_t>>& out) {
    sentence_splitter(prose).next(SIZE_MAX, out);
}

reader_detail::mark_finder::mark_finder(std::string_view prose)
    : prose_(prose),
      period_(find('.', 0)),
      exclamation_(find('!', 0)),
      question_(find('?', 0)),
      rare_(std::min(exclamation_, question_)) {}

std::size_t reader_detail::mark_finder::find(char c, std::size_t i) const {
    const void* p = i < prose_.size() ? std::memchr(prose_.data() + i, c, prose_.size() - i) : nullptr;
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - prose_.data()) : prose_.size();
}

bool reader_detail::sentence_splitter::next(std::size_t most,
                                            std::vector<std::pair<std::size_t, std::size_t>>& out) {
    out.clear();
    if (done_) return false;
    // About a sentence per hundred bytes of news prose: reserved once rather
    // than grown through a reallocation per doubling. Capped, for a huge
    // paragraph without marks.
    out.reserve(std::min<std::size_t>({(prose_.size() - begin_) / 96 + 1, 4096, most}));
    std::size_t begin = begin_;
    std::size_t known_end = prose_.size();  // with more_follows: the rest's end is here or later
    for (std::size_t i = marks_.next(at_); i < prose_.size(); i = marks_.next(i)) {
        if (more_follows_ && !settled_after(prose_, i)) {
            known_end = i + 1;
            break;
        }
        std::size_t next = 0;
        const std::size_t end = sentence_end_at(prose_, i, next);
        if (end == 0) {
            ++i;
            while (i < prose_.size() && is_mark(prose_[i])) ++i;
            continue;
        }
        add_capped(prose_, begin, end, out);
        // The whitespace after the end is no part of either sentence.
        begin = i = next;
        if (out.size() >= most) {
            begin_ = at_ = begin;
            return true;
        }
    }
    done_ = true;
    if (more_follows_) {
        add_settled_pieces(prose_, begin, known_end, out);
        begin_ = begin;
        return !out.empty();
    }
    add_capped(prose_, begin, prose_.size(), out);
    return !out.empty();
}

const char* reader_detail::word_start_portable(const char* begin, const char* end) {
    while (end != begin && !is_space(end[-1])) --end;
    return end;
}

// Eight bytes a step: a byte below 0x21 (every whitespace byte is one) has
// its high bit set in `low`, exactly (no carry crosses a byte: at most
// 0x7F + 0x5F), and the highest such byte is the nearest to `end`.
const char* reader_detail::word_start(const char* begin, const char* end) {
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t seven_bits = 0x7F7F7F7F7F7F7F7FULL;
        constexpr std::uint64_t to_high_bit = 0x5F5F5F5F5F5F5F5FULL;  // 0x21 + 0x5F == 0x80
        constexpr std::uint64_t high = 0x8080808080808080ULL;
        while (end - begin >= 8) {
            std::uint64_t w;
            std::memcpy(&w, end - 8, sizeof w);
            const std::uint64_t low = ~(((w & seven_bits) + to_high_bit) | w) & high;
            if (low == 0) {
                end -= 8;
                continue;
            }
            const char* const nearest = end - 8 + (63 - std::countl_zero(low)) / 8;
            if (is_space(*nearest)) return nearest + 1;
            end = nearest;  // a control byte, part of the word
        }
    }
    return word_start_portable(begin, end);
}

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view prose) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    reader_detail::split_sentences(prose, out);
    return out;
}

}  // namespace factlint
