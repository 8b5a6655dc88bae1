// The context filters of the quantity grammar (SPEC §4.1 "Not quantities").
// Each filter looks at a few bytes around a figure the X3 grammar read; none
// allocates. Precision first: when a figure looks like a label, a time, a
// rating or a code, it is dropped.
#include <algorithm>
#include <array>
#include <string_view>

#include "grammar/quantity_context.hpp"

namespace factlint::grammar::detail {
namespace {

using namespace std::string_view_literals;

template <std::size_t N>
bool one_of(std::string_view word, const word_list<N>& lower_words) {
    return lower_words.holds(word);
}

bool has_upper(std::string_view word) { return std::any_of(word.begin(), word.end(), is_upper); }

// Ordinary words that are capitalised only because they start a sentence:
// "In 2019", "Only 300 came" are not labels like "Route 9" or "Windows 10".
constexpr word_list<96> sentence_words{std::array<std::string_view, 96>{
    "the"sv,     "a"sv,      "an"sv,      "in"sv,      "on"sv,       "at"sv,     "by"sv,      "for"sv,
    "of"sv,      "to"sv,     "from"sv,    "with"sv,    "and"sv,      "but"sv,    "or"sv,      "nor"sv,
    "only"sv,    "just"sv,   "all"sv,     "after"sv,   "before"sv,   "since"sv,  "until"sv,   "till"sv,
    "than"sv,    "when"sv,   "while"sv,   "where"sv,   "those"sv,    "these"sv,  "that"sv,    "this"sv,
    "his"sv,     "her"sv,    "its"sv,     "their"sv,   "our"sv,      "my"sv,     "your"sv,    "we"sv,
    "they"sv,    "he"sv,     "she"sv,     "it"sv,      "i"sv,        "there"sv,  "here"sv,    "then"sv,
    "so"sv,      "yet"sv,    "also"sv,    "about"sv,   "around"sv,   "nearly"sv, "almost"sv,  "over"sv,
    "under"sv,   "some"sv,   "another"sv, "each"sv,    "every"sv,    "both"sv,   "per"sv,     "into"sv,
    "through"sv, "during"sv, "within"sv,  "without"sv, "between"sv,  "among"sv,  "against"sv, "like"sv,
    "as"sv,      "if"sv,     "because"sv, "though"sv,  "although"sv, "once"sv,   "now"sv,     "today"sv,
    "still"sv,   "even"sv,   "more"sv,    "less"sv,    "fewer"sv,    "most"sv,   "up"sv,      "down"sv,
    "was"sv,     "were"sv,   "is"sv,      "are"sv,     "has"sv,      "had"sv,    "have"sv,    "will"sv,
}};

// Words before a figure that make it a label: "version 4.5", "number 14".
constexpr word_list<10> label_words{std::array<std::string_view, 10>{"version"sv, "v"sv, "ver"sv, "release"sv,
                                                                     "build"sv, "rev"sv, "revision"sv,
                                                                     "vol"sv, "number"sv, "nos"sv}};

constexpr word_list<12> month_names{std::array<std::string_view, 12>{
    "january"sv, "february"sv, "march"sv, "april"sv, "may"sv, "june"sv, "july"sv, "august"sv, "september"sv,
    "october"sv, "november"sv, "december"sv}};

constexpr word_list<12> month_abbreviations{
    std::array<std::string_view, 12>{"jan"sv, "feb"sv, "mar"sv, "apr"sv, "jun"sv, "jul"sv, "aug"sv, "sep"sv,
                                     "sept"sv, "oct"sv, "nov"sv, "dec"sv}};

// After a spelled-out number: "two thirds", "one quarter" are fractions.
constexpr word_list<10> fraction_words{
    std::array<std::string_view, 10>{"half"sv, "halves"sv, "third"sv, "thirds"sv, "quarter"sv, "quarters"sv,
                                     "fifth"sv, "fifths"sv, "tenth"sv, "tenths"sv}};

constexpr std::array<std::string_view, 9> time_zones = {"GMT"sv, "BST"sv, "UTC"sv, "CET"sv, "EST"sv,
                                                        "EDT"sv, "PST"sv, "PDT"sv, "IST"sv};

constexpr word_list<17> street_suffixes{std::array<std::string_view, 17>{
    "street"sv, "st"sv, "road"sv, "rd"sv, "avenue"sv, "ave"sv, "lane"sv, "boulevard"sv, "blvd"sv, "drive"sv,
    "way"sv, "place"sv, "square"sv, "court"sv, "terrace"sv, "crescent"sv, "close"sv}};

// Words after a spelled-out small number that show it is not counting
// anything: "one of the", "two and", "ten to".
constexpr word_list<56> not_a_noun{std::array<std::string_view, 56>{
    "of"sv,      "and"sv,   "or"sv,     "to"sv,   "the"sv,   "a"sv,     "an"sv,     "in"sv,
    "on"sv,      "at"sv,    "is"sv,     "was"sv,  "were"sv,  "are"sv,   "be"sv,     "been"sv,
    "by"sv,      "for"sv,   "with"sv,   "from"sv, "as"sv,    "that"sv,  "which"sv,  "who"sv,
    "another"sv, "other"sv, "others"sv, "than"sv, "it"sv,    "its"sv,   "he"sv,     "she"sv,
    "they"sv,    "we"sv,    "i"sv,      "you"sv,  "but"sv,   "if"sv,    "so"sv,     "not"sv,
    "has"sv,     "have"sv,  "had"sv,    "will"sv, "would"sv, "could"sv, "should"sv, "may"sv,
    "might"sv,   "can"sv,   "must"sv,   "said"sv, "says"sv,  "more"sv,  "per"sv,    "each"sv}};

constexpr word_list<13> one_pronoun_before{std::array<std::string_view, 13>{
    "no"sv, "the"sv, "any"sv, "every"sv, "each"sv, "this"sv, "that"sv, "which"sv, "only"sv, "another"sv,
    "someone"sv, "anyone"sv, "everyone"sv}};
constexpr word_list<9> one_idiom_after{std::array<std::string_view, 9>{
    "day"sv, "time"sv, "way"sv, "thing"sv, "hand"sv, "side"sv, "such"sv, "point"sv, "another"sv}};

std::size_t skip_spaces(std::string_view text, std::size_t i) {
    while (i < text.size() && text[i] == ' ') ++i;
    return i;
}

std::string_view word_at(std::string_view text, std::size_t i) {
    std::size_t j = i;
    while (j < text.size() && is_alpha(text[j])) ++j;
    return text.substr(i, j - i);
}

bool starts_with_lower(std::string_view text, std::size_t i, std::string_view lower_word) {
    if (text.size() - std::min(i, text.size()) < lower_word.size()) return false;
    if (lower(text[i]) != lower_word[0]) return false;  // most calls: the first byte tells
    return equals_lower(text.substr(i, lower_word.size()), lower_word);
}

bool at_line_start(std::string_view text, std::size_t pos) {
    while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
    return pos == 0 || text[pos - 1] == '\n';
}

// Inside "www.x.com/2019", "mailto:a@b.c", "https://…".
bool inside_url(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t b = begin;
    std::size_t limit = begin > 256 ? begin - 256 : 0;
    while (b > limit && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '\t') --b;
    std::size_t e = end;
    while (e < text.size() && e < end + 256 && text[e] != ' ' && text[e] != '\n' && text[e] != '\t') ++e;
    // One pass for "://", "www." and "@" (tokens are short: three searches cost more).
    const std::string_view token = text.substr(b, e - b);
    for (std::size_t i = 0; i < token.size(); ++i) {
        const char c = token[i];
        if (c == '@') return true;
        if (c == ':' && token.substr(i).starts_with("://")) return true;
        if (c == 'w' && token.substr(i).starts_with("www.")) return true;
    }
    return false;
}

// "10 am", "9.30pm", "10 a.m.", "5 o'clock".
bool time_of_day_after(std::string_view text, std::size_t e) {
    std::size_t k = skip_spaces(text, e);
    if (k >= text.size()) return false;
    // Each test below needs its own first letter: most words fail them all at once.
    const char c = lower(text[k]);
    const bool a_or_p = c == 'a' || c == 'p';
    if (a_or_p && (starts_with_lower(text, k, "a.m") || starts_with_lower(text, k, "p.m"))) return true;
    if (c == 'o' && (starts_with_lower(text, k, "o'clock") || starts_with_lower(text, k, "o\u2019clock")))
        return true;
    if (is_upper(text[k])) {
        const std::string_view zone = word_at(text, k);
        if (std::find(time_zones.begin(), time_zones.end(), zone) != time_zones.end())
            return true;  // "1300 GMT"
    }
    if (a_or_p && (starts_with_lower(text, k, "am") || starts_with_lower(text, k, "pm")))
        return k + 2 >= text.size() || !is_alnum(text[k + 2]);
    return false;
}

// "4.5 / 5", "8/10", "1/2", "24/7", "12/9/2021": skip to past the second figure.
bool slash_after(std::string_view text, std::size_t e, std::size_t& skip_to) {
    std::size_t k = skip_spaces(text, e);
    if (k >= text.size() || text[k] != '/') return false;
    k = skip_spaces(text, k + 1);
    if (k >= text.size() || !is_digit(text[k])) return false;
    skip_to = token_end(text, k);
    return true;
}

// "4.5 out of 5", "9 out of 10".
bool out_of_after(std::string_view text, std::size_t e, std::size_t& skip_to) {
    std::size_t k = skip_spaces(text, e);
    // The first byte here: this runs after every figure, and few go on with "o".
    if (k >= text.size() || lower(text[k]) != 'o' || !starts_with_lower(text, k, "out of ")) return false;
    k = skip_spaces(text, k + 7);
    if (k >= text.size() || !is_digit(text[k])) return false;
    skip_to = token_end(text, k);
    return true;
}

// "10 Downing Street", "221 Baker St".
bool street_after(std::string_view text, std::size_t e) {
    std::size_t k = e;
    for (int words = 0; words < 4; ++words) {
        if (k >= text.size() || text[k] != ' ') return false;
        ++k;
        if (k >= text.size() || !is_upper(text[k])) return false;
        const std::string_view w = word_at(text, k);
        if (words > 0 && one_of(w, street_suffixes)) return true;
        k += w.size();
    }
    return false;
}

// "one" as a pronoun or in idioms: "no one", "the one", "one day".
bool one_as_pronoun(const figure_context& f, std::string_view next_word) {
    const std::string_view written = f.text.substr(f.number_begin, f.end - f.number_begin);
    if (!equals_lower(written, "one")) return false;
    return one_of(word_before(f.text, f.number_begin), one_pronoun_before) ||
           one_of(next_word, one_idiom_after);
}

// A spelled-out small number counts when a noun follows it ("ten soldiers")
// or it ends a clause ("aged three."); "one" needs its noun.
bool lone_number_word(const figure_context& f) {
    const std::string_view text = f.text;
    const bool one = equals_lower(text.substr(f.number_begin, f.end - f.number_begin), "one");
    std::size_t k = f.end;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\n')) ++k;
    if (k == f.end && k < text.size())
        return std::string_view(".,;:!?)").find(text[k]) == std::string_view::npos || one;
    if (k >= text.size() || !is_alpha(text[k])) return one;
    const std::string_view next = word_at(text, k);
    return one_of(next, not_a_noun) || one_as_pronoun(f, next);
}

// "February 30, 2021", "Feb. 30th 2021": four digits after a month and a
// day number are the year of a date, even of one the time grammar rejects
// because the month has no such day.
bool year_of_month_day(std::string_view text, std::size_t b, std::size_t e) {
    if (e - b != 4) return false;
    std::size_t i = b;
    if (i > 0 && text[i - 1] == ' ') --i;
    if (i > 0 && text[i - 1] == ',') --i;
    std::size_t d = i;
    while (d > 0 && is_alnum(text[d - 1])) --d;  // "30", "30th"
    if (d == i || i - d > 4 || !is_digit(text[d]) || d < 2 || text[d - 1] != ' ') return false;
    std::size_t m = d - 1;
    if (text[m - 1] == '.') --m;  // "Feb."
    std::size_t w = m;
    while (w > 0 && is_alpha(text[w - 1])) --w;
    const std::string_view month = text.substr(w, m - w);
    return one_of(month, month_names) || one_of(month, month_abbreviations);
}

bool rejected_before(const figure_context& f) {
    const std::string_view text = f.text;
    const std::size_t b = f.begin;
    const char p = b > 0 ? text[b - 1] : '\n';
    const char pp = b > 1 ? text[b - 2] : '\n';
    if (p == '/' || p == '#' || p == '@' || p == '\\' || p == '_' || p == '=' || p == '&' || p == '\'')
        return true;
    if ((p == '.' || p == '-' || p == ':') && is_alnum(pp)) return true;
    if (inside_url(text, b, f.end)) return true;
    std::size_t k = b;
    while (k > 0 && text[k - 1] == ' ') --k;
    if (k > 0 && text[k - 1] == '.') {
        const std::string_view head = text.substr(0, k);
        if (head.ends_with("No.") || head.ends_with("no.") || head.ends_with("Nos.")) return true;
    }
    const std::string_view prev = word_before(text, b);
    if (!prev.empty() && one_of(prev, label_words)) return true;
    if (f.bare_integer && year_of_month_day(text, b, f.end)) return true;
    // "Route 9", "Windows 10", "iOS 18", "Boeing 737": a name and its number.
    return f.bare_integer && !prev.empty() && has_upper(prev) && !one_of(prev, sentence_words);
}

bool rejected_after(const figure_context& f, std::size_t& skip_to) {
    const std::string_view text = f.text;
    const std::size_t e = f.end;
    const char c = e < text.size() ? text[e] : ' ';
    const char c1 = e + 1 < text.size() ? text[e + 1] : ' ';
    if (is_alnum(c)) return true;                                         // "1st", "3D", "221B"
    if ((c == ':' || c == '.' || c == ',') && is_digit(c1)) return true;  // "9:30", "1.2.3", "1,23"
    if (slash_after(text, e, skip_to) || out_of_after(text, e, skip_to)) return true;
    if (!f.unit_written && time_of_day_after(text, e)) return true;
    if (f.bare_integer && street_after(text, e)) return true;
    if (f.bare_integer && e < text.size() && c == ' ' && one_of(word_at(text, e + 1), month_names))
        return true;  // "27 February"
    // "1. First", "2) Second" at the start of a line.
    if (f.bare_integer && (c == '.' || c == ')') && e + 1 < text.size() && (c1 == ' ' || c1 == '\n') &&
        at_line_start(text, f.begin))
        return true;
    return false;
}

}  // namespace

std::size_t token_end(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i < text.size()) {
        const char c = text[i];
        if (is_alnum(c)) {
            ++i;
        } else if (i > pos && (c == '.' || c == ',' || c == ':' || c == '-' || c == '/') &&
                   i + 1 < text.size() && is_alnum(text[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return std::max(i, pos + 1 <= text.size() ? pos + 1 : pos);
}

std::string_view word_before(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i > 0 && text[i - 1] == ' ') --i;
    if (i == pos) return {};
    std::size_t j = i;
    while (j > 0 && is_alnum(text[j - 1])) --j;
    return text.substr(j, i - j);
}

std::size_t phone_like_end(std::string_view text, std::size_t pos) {
    const std::size_t n = text.size();
    std::size_t i = pos;
    const bool plus = i < n && text[i] == '+';
    if (plus) ++i;
    int groups = 0, digits = 0, first_len = 0, second_len = 0;
    bool paren = false, spaces = false;
    if (i < n && text[i] == '(') {
        std::size_t j = i + 1;
        while (j < n && is_digit(text[j])) ++j;
        const auto len = static_cast<int>(j - i - 1);
        if (len < 2 || len > 4 || j >= n || text[j] != ')') return pos;
        paren = true;
        groups = 1;
        digits = first_len = len;
        i = j + 1;
        if (i < n && text[i] == ' ') ++i;
    }
    while (i < n && is_digit(text[i])) {
        std::size_t j = i;
        while (j < n && is_digit(text[j])) ++j;
        const auto len = static_cast<int>(j - i);
        if (groups == 0) first_len = len;
        if (groups == 1) second_len = len;
        ++groups;
        digits += len;
        i = j;
        if (i + 1 < n && (text[i] == '-' || text[i] == '.' || text[i] == ' ') && is_digit(text[i + 1])) {
            spaces = spaces || text[i] == ' ';
            ++i;
        } else {
            break;
        }
    }
    if (i + 1 < n && text[i] == ',' && is_digit(text[i + 1])) return pos;  // "2,000-3,000"
    if (i < n && is_alpha(text[i])) return pos;                            // "555-0190abc"
    const bool phone = ((plus || paren) && groups >= 2 && digits >= 7) ||
                       (groups == 2 && first_len == 3 && second_len == 4 && !spaces) ||
                       (groups >= 3 && digits >= 7);
    return phone ? i : pos;
}

namespace {

// Spelled-out numbers that are names or fractions: "Precious Six Garments",
// "number one", "two thirds".
bool number_word_used_otherwise(const figure_context& f) {
    const std::string_view text = f.text;
    const std::string_view prev = word_before(text, f.begin);
    if (equals_lower(prev, "number")) return true;
    if (f.begin > 0 && text[f.begin - 1] == '-') return true;  // "no-one", "Formula-One"
    if (f.begin < text.size() && is_upper(text[f.begin]) && f.begin == f.number_begin) {
        std::size_t k = f.begin;
        while (k > 0 && text[k - 1] == ' ') --k;
        if (k > 0 && (is_alnum(text[k - 1]) || text[k - 1] == ',' || text[k - 1] == ';')) return true;
    }
    return f.end < text.size() && text[f.end] == ' ' &&
           one_of(word_at(text, skip_spaces(text, f.end)), fraction_words);
}

// Words before a year that make it a date: "in 2022", "by 2030",
// "since 2019" (the months are their own lists). Not "of": "a crowd of
// 2000 to 30,000" counts people.
constexpr word_list<9> date_prepositions{std::array<std::string_view, 9>{
    "in"sv, "by"sv, "since"sv, "until"sv, "till"sv, "through"sv, "during"sv, "before"sv, "after"sv}};

}  // namespace

bool year_digits(std::string_view text, std::size_t number_begin, std::size_t number_end) {
    if (number_end != number_begin + 4) return false;
    for (std::size_t i = number_begin; i < number_end; ++i)
        if (!is_digit(text[i])) return false;
    const int year = (text[number_begin] - '0') * 1000 + (text[number_begin + 1] - '0') * 100 +
                     (text[number_begin + 2] - '0') * 10 + (text[number_begin + 3] - '0');
    return year >= 1800 && year <= 2100;
}

bool dated_year(std::string_view text, std::size_t number_begin, std::size_t number_end) {
    if (!year_digits(text, number_begin, number_end)) return false;
    const std::string_view prev = word_before(text, number_begin);
    return one_of(prev, date_prepositions) || one_of(prev, month_names) || one_of(prev, month_abbreviations);
}

bool drops_number_word_before(std::string_view next_word) {
    // Not "and" ("one and hundred" reads on), "per" ("one per cent" is a
    // unit) or "to" ("one to two" is a range).
    return not_a_noun.holds(next_word) && !equals_lower(next_word, "and") &&
           !equals_lower(next_word, "per") && !equals_lower(next_word, "to");
}

bool not_a_quantity(const figure_context& f, std::size_t& skip_to) {
    // Past the figure's whole token: worked out only for a figure dropped
    // (most are kept), unless a filter names its own place (0: none).
    std::size_t own_skip = 0;
    const bool dropped = (f.digits && rejected_before(f)) || rejected_after(f, own_skip) ||
                         (!f.digits && number_word_used_otherwise(f)) ||
                         (f.simple_word && !f.unit_written && lone_number_word(f));
    if (dropped)
        skip_to =
            own_skip != 0 ? own_skip : std::max(f.end, f.digits ? token_end(f.text, f.number_begin) : f.end);
    return dropped;
}

}  // namespace factlint::grammar::detail
