// Sentence boundaries in prose. A sentence ends at '.', '!' or '?' (and any
// closing quotes or brackets after it) followed by whitespace and something
// that can start a sentence, unless the '.' ends an abbreviation, an
// initial, or a dotted acronym ("U.S.", "a.m.").
#include <algorithm>
#include <array>
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

// The word ending just before the period at `dot`, without opening quotes
// or brackets.
std::string_view word_before(std::string_view s, std::size_t dot) {
    const char* const start = s.data();
    const char* p = start + dot;  // a pointer, not an index: one counter per byte walked
    while (p != start && !is_space(p[-1])) --p;
    std::string_view word(p, static_cast<std::size_t>(start + dot - p));
    while (!word.empty() &&
           (word.front() == '(' || word.front() == '[' || word.front() == '"' || word.front() == '\'')) {
        word.remove_prefix(1);
    }
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

// If a sentence ends at the mark at s[i], where does it end (past the
// marks and closers)? Otherwise 0.
std::size_t sentence_end_at(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && (s[j] == '.' || s[j] == '!' || s[j] == '?')) ++j;
    const bool single_period = j == i + 1 && s[i] == '.';
    while (j < s.size()) {
        const std::size_t n = closer_length(s, j);
        if (n == 0) break;
        j += n;
    }
    if (j < s.size() && !is_space(s[j])) return 0;
    std::size_t k = j;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && !can_start_sentence(s, k)) return 0;
    if (single_period && period_is_abbreviation(s, i)) return 0;
    return j;
}

// The next '.', '!' or '?' at or after a position. memchr finds each of
// the three (an eight-byte loop testing for all three was 3% of a whole
// check); each one found is kept until passed, so the prose is read once
// for each mark, and the rare '!' and '?' cost nearly nothing.
class mark_finder {
public:
    // Each mark's first place is found at once, so that none is ever
    // unknown and `next` asks only whether one was passed.
    explicit mark_finder(std::string_view prose)
        : prose_(prose), period_(find('.', 0)), exclamation_(find('!', 0)), question_(find('?', 0)) {}

    // Index of the next mark at or after i (prose.size() if none).
    std::size_t next(std::size_t i) {
        return std::min(
            {next_of('.', i, period_), next_of('!', i, exclamation_), next_of('?', i, question_)});
    }

private:
    std::size_t find(char c, std::size_t i) const {
        const void* p = i < prose_.size() ? std::memchr(prose_.data() + i, c, prose_.size() - i) : nullptr;
        return p ? static_cast<std::size_t>(static_cast<const char*>(p) - prose_.data()) : prose_.size();
    }

    // The kept place is the first at or after every i asked so far; past
    // the end (prose.size()) it stays.
    std::size_t next_of(char c, std::size_t i, std::size_t& kept) const {
        if (kept < i) kept = find(c, i);
        return kept;
    }

    std::string_view prose_;
    std::size_t period_, exclamation_, question_;
};

// Records prose[begin, end) without surrounding whitespace, if any is left.
inline void add_sentence(std::string_view prose, std::size_t begin, std::size_t end,
                         std::vector<std::pair<std::size_t, std::size_t>>& out) {
    while (begin < end && is_space(prose[begin])) ++begin;
    while (end > begin && is_space(prose[end - 1])) --end;
    if (end > begin) out.emplace_back(begin, end);
}

}  // namespace

void reader_detail::split_sentences(std::string_view prose,
                                    std::vector<std::pair<std::size_t, std::size_t>>& out) {
    out.clear();
    // About a sentence per hundred bytes of news prose: reserved once rather
    // than grown through a reallocation per doubling. Capped, for a huge
    // paragraph without marks.
    out.reserve(std::min<std::size_t>(prose.size() / 96 + 1, 4096));
    std::size_t begin = 0;
    mark_finder marks(prose);
    for (std::size_t i = marks.next(0); i < prose.size(); i = marks.next(i)) {
        const std::size_t end = sentence_end_at(prose, i);
        if (end == 0) {
            ++i;
            while (i < prose.size() && (prose[i] == '.' || prose[i] == '!' || prose[i] == '?')) ++i;
            continue;
        }
        add_sentence(prose, begin, end, out);
        begin = i = end;
    }
    add_sentence(prose, begin, prose.size(), out);
}

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view prose) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    reader_detail::split_sentences(prose, out);
    return out;
}

}  // namespace factlint
