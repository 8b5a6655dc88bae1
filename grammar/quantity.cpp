// find_quantities and parse_quantity (SPEC §4.1, §4.2): a cheap hand-written
// scan for plausible starts, the X3 figure grammar at each one
// (grammar/quantity_grammar.cpp), ranges joined in plain C++, and the
// context filters (grammar/quantity_context.cpp).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "claims/precision.hpp"
#include "grammar/parse.hpp"
#include "grammar/quantity_context.hpp"
#include "grammar/quantity_core.hpp"
#include "grammar/scan_starts.hpp"

namespace factlint::grammar {
namespace {

using namespace std::string_view_literals;
using detail::is_alnum;
using detail::is_alpha;
using detail::is_digit;
using detail::single_quantity;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

void lower_words(std::string_view text, std::string& out) {
    // "More  than\n" -> "more than": the hedge as written, one space between words.
    out.clear();
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += lower(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
}

// A figure read by the grammar, with its value, precision and unit decided.
// Its unit is a view of a constant ("currency:USD", "mass:lb", the
// grammar's unit names), or of `own_unit` for a currency code the table
// below lacks: no string is built until a match is certain.
struct figure {
    single_quantity raw;
    double value = 0;
    double half_unit = 0;
    std::string_view unit_name;
    std::string own_unit;
    bool unit_written = false;
    [[nodiscard]] std::string_view unit() const { return own_unit.empty() ? unit_name : own_unit; }
};

// The codes of the grammar's currency prefixes, with their unit names.
constexpr std::array<std::string_view, 9> currency_units = {
    "currency:USD"sv, "currency:EUR"sv, "currency:GBP"sv, "currency:JPY"sv, "currency:AUD"sv,
    "currency:CAD"sv, "currency:CHF"sv, "currency:CNY"sv, "currency:INR"sv};

void resolve_unit(figure& f, std::string_view text) {
    const single_quantity& q = f.raw;
    if (!q.currency.empty()) {
        for (std::string_view u : currency_units)
            if (u.substr(9) == q.currency) {
                f.unit_name = u;
                return;
            }
        f.own_unit = fmt::format("currency:{}", q.currency);
        return;
    }
    if (q.unit_pounds) {
        // Bare "pounds" is weight unless it is plainly money: "£" is a
        // currency prefix, "pounds sterling" a currency word, and a scale
        // word ("5 million pounds") is money in practice.
        const auto rest = text.substr(static_cast<std::size_t>(q.end - text.data()));
        f.unit_name =
            (!q.scale_text.empty() || rest.starts_with(" sterling")) ? "currency:GBP"sv : "mass:lb"sv;
        return;
    }
    f.unit_name = q.unit.empty() ? "count"sv : q.unit;
}

// Reads the figure at `pos` into `f`; false when there is none.
bool read_figure(std::string_view text, std::size_t pos, bool allow_hedge, figure& f) {
    const char* first = text.data() + pos;
    if (!detail::parse_single_quantity(first, text.data() + text.size(), allow_hedge, f.raw)) return false;
    const single_quantity& q = f.raw;
    // Longer than value_of_digits's buffer: its value would be silently cut
    // (a 10,000-digit number read as 7.8e63). Not a figure anyone checks.
    if (!q.words && q.digits.size() > max_figure_chars) return false;
    if (q.words) {
        f.value = q.word_value;
        f.half_unit = q.word_half_unit;
    } else {
        const digits_figure d = figure_of_digits(q.digits);
        f.value = d.value * q.scale;
        f.half_unit = d.half_unit * q.scale;
    }
    if (q.negative) f.value = -f.value;
    f.own_unit.clear();
    resolve_unit(f, text);
    f.unit_written = f.unit() != "count"sv;
    return true;
}

std::size_t offset(std::string_view text, const char* p) { return static_cast<std::size_t>(p - text.data()); }

void fill_match(quantity_match& m, std::string_view text, const figure& f) {
    const single_quantity& q = f.raw;
    m.begin = offset(text, q.begin);
    m.end = offset(text, q.end);
    m.number_begin = offset(text, q.number_begin);
    m.value = m.low = m.high = f.value;
    m.half_unit = m.low_half_unit = m.high_half_unit = f.half_unit;
    m.is_range = false;
    m.hedge = q.hedge;
    if (q.hedge != hedge_kind::none)
        lower_words({q.begin, static_cast<std::size_t>(q.hedge_end - q.begin)}, m.hedge_text);
    else
        m.hedge_text.clear();
    m.unit = f.unit();
    lower_words(q.scale_text, m.scale);
    m.negative = q.negative;
    m.unit_written = f.unit_written;
    m.number_words = q.words;
}

bool has_separator(std::string_view digits) {
    for (char c : digits)
        if (c == '.' || c == ',') return true;
    return false;
}

bool bare_integer(const figure& f) {
    const single_quantity& q = f.raw;
    return !q.words && !f.unit_written && q.scale_text.empty() && q.hedge == hedge_kind::none &&
           !q.negative && q.number_begin == q.begin && !has_separator(q.digits);
}

// ---- ranges ----------------------------------------------------------------

enum class joiner { none, dash, ascii_dash, to, and_ };

// After a first figure: "-", "–", "—" (spaces allowed) or " to ". Returns
// where the second figure starts.
std::size_t range_joiner(std::string_view text, std::size_t e, joiner& kind, bool& spaced) {
    std::size_t k = e;
    while (k < text.size() && text[k] == ' ') ++k;
    spaced = k != e;
    const std::string_view rest = text.substr(k);
    std::size_t after = 0;
    if (rest.starts_with('-')) {
        kind = joiner::ascii_dash;
        after = 1;
    } else if (rest.starts_with("\u2013") || (rest.starts_with("\u2014") && !spaced)) {
        // A spaced em dash sets off a clause ("5,000 — 7,000 fewer than in
        // 2021"); ranges take an en dash, a hyphen or an unspaced em dash.
        kind = joiner::dash;
        after = 3;
    } else if (spaced && rest.size() > 3 && lower(rest[0]) == 't' && lower(rest[1]) == 'o' &&
               rest[2] == ' ') {
        kind = joiner::to;
        after = 3;
    } else {
        kind = joiner::none;
        return e;
    }
    k += after;
    const std::size_t before_spaces = k;
    while (k < text.size() && text[k] == ' ') ++k;
    spaced = spaced || k != before_spaces;
    return k;
}

// A bare four-digit number in the years dated_year takes: the high end of
// "in 2019 to 2021".
bool year_like(const figure& f, std::string_view text) {
    return bare_integer(f) &&
           detail::year_digits(text, offset(text, f.raw.number_begin), offset(text, f.raw.number_end));
}

// Joins "2,000" and "3,000" into a range; false when the two do not form
// one (different units, bounds out of order, a change "from 10 to 15"),
// and `low` is then left as it was.
bool join_range(figure& low, const figure& high, std::string_view text, joiner kind) {
    if (low.unit_written && high.unit_written && low.unit() != high.unit()) return false;
    // "rose in 2022 to 13,000 riders", "in 2000 — $1 million": the year is
    // a date, and the figure after it one of its own. ("in 2019 - 2021" is
    // two years: the time grammar's, as before; "in 2022 to 5000 riders"
    // is not.)
    if (kind != joiner::and_ && bare_integer(low) &&
        detail::dated_year(text, offset(text, low.raw.number_begin), offset(text, low.raw.number_end)) &&
        !year_like(high, text))
        return false;
    // "11% to 48.2 million" is a change, not a range; "$2 to 3 million" is one.
    if (low.unit_written && !high.unit_written && low.raw.currency.empty()) return false;
    if (kind == joiner::to) {
        const std::string_view prev = detail::word_before(text, offset(text, low.raw.begin));
        if (prev == "from" || prev == "From") return false;
    }
    if (low.raw.scale_text.empty() && !high.raw.scale_text.empty() && !low.raw.words &&
        low.value * high.raw.scale <= high.value) {
        // "2 to 3 million": the scale word covers both bounds.
        const double value = low.value * high.raw.scale;
        if (!(value < high.value)) return false;
        low.value = value;
        low.half_unit *= high.raw.scale;
        low.raw.scale_text = high.raw.scale_text;
        return true;
    }
    return low.value < high.value;
}

// "3-1", "2-0" (scores), "555-0190" (phones): an ASCII hyphen between bare
// integers that is not a range. The whole token is then not a quantity.
bool hyphen_code(const figure& low, const figure& high, bool spaced) {
    if (spaced || !bare_integer(low) || !bare_integer(high)) return false;
    if (high.raw.digits.starts_with('0')) return true;
    if (low.value < 10 && high.value < 10) return true;
    return low.value >= high.value;
}

void fill_range_match(quantity_match& m, std::string_view text, const figure& low, const figure& high,
                      std::size_t begin) {
    fill_match(m, text, low);
    m.begin = begin;
    m.end = offset(text, high.raw.end);
    m.is_range = true;
    m.low = low.value;
    m.high = high.value;
    m.value = (low.value + high.value) / 2;
    m.low_half_unit = low.half_unit;
    m.high_half_unit = high.half_unit;
    m.half_unit = std::max(low.half_unit, high.half_unit);
    m.unit = low.unit_written ? low.unit() : high.unit();
    m.unit_written = low.unit_written || high.unit_written;
    lower_words(low.raw.scale_text.empty() ? high.raw.scale_text : low.raw.scale_text, m.scale);
    m.number_words = low.raw.words || high.raw.words;
}

// ---- one candidate ---------------------------------------------------------

// What read_at found: a figure (`low`) or a range (`low` and `high`), with
// the few facts the context filters need; the match itself is written
// (its strings built) only once the filters let it through.
struct attempt {
    bool found = false;
    bool range = false;
    figure low, high;
    std::size_t begin = 0, end = 0, number_begin = 0;  // as the match will have them
    bool unit_written = false;
    std::size_t resume = 0;  // where scanning continues
    bool bare = false, digits = false, simple_word = false;
};

void fill_match(quantity_match& m, std::string_view text, const attempt& a) {
    if (a.range)
        fill_range_match(m, text, a.low, a.high, a.begin);
    else
        fill_match(m, text, a.low);
}

void found_figure(attempt& a, std::string_view text) {
    a.found = true;
    a.range = false;
    a.begin = offset(text, a.low.raw.begin);
    a.end = offset(text, a.low.raw.end);
    a.number_begin = offset(text, a.low.raw.number_begin);
    a.unit_written = a.low.unit_written;
}

void found_range(attempt& a, std::string_view text, std::size_t begin) {
    a.found = true;
    a.range = true;
    a.begin = begin;
    a.end = offset(text, a.high.raw.end);
    a.number_begin = offset(text, a.low.raw.number_begin);
    a.unit_written = a.low.unit_written || a.high.unit_written;
}

bool word_is(std::string_view text, std::size_t pos, std::string_view lower_word) {
    if (text.size() - pos <= lower_word.size()) return false;
    for (std::size_t i = 0; i < lower_word.size(); ++i)
        if (lower(text[pos + i]) != lower_word[i]) return false;
    return !is_alnum(text[pos + lower_word.size()]);
}

std::size_t skip_blanks(std::string_view text, std::size_t k) {
    while (k < text.size() && (text[k] == ' ' || text[k] == '\n')) ++k;
    return k;
}

// "between 2,000 and 3,000", "between $2bn and $3bn".
bool read_between(std::string_view text, std::size_t pos, attempt& a) {
    std::size_t k = skip_blanks(text, pos + 7);
    if (k == pos + 7) return false;
    if (!read_figure(text, k, false, a.low)) return false;
    k = skip_blanks(text, offset(text, a.low.raw.end));
    if (!word_is(text, k, "and")) return false;
    const std::size_t second = skip_blanks(text, k + 3);
    if (!read_figure(text, second, false, a.high) || second == k + 3 ||
        !join_range(a.low, a.high, text, joiner::and_))
        return false;
    found_range(a, text, pos);
    return true;
}

// Reads the figure or range at `pos` into `a` (no context filtering yet).
void read_at(std::string_view text, std::size_t pos, bool for_claims, attempt& a) {
    a.found = false;
    a.bare = a.digits = a.simple_word = false;
    if (word_is(text, pos, "between")) {
        a.resume = read_between(text, pos, a) ? a.end : pos + 7;
        return;
    }
    if (!read_figure(text, pos, true, a.low)) {
        a.resume = is_digit(text[pos]) ? detail::token_end(text, pos) : pos + 1;
        return;
    }
    a.bare = bare_integer(a.low);
    a.digits = !a.low.raw.words;
    a.simple_word = a.low.raw.simple_word;
    found_figure(a, text);
    a.resume = a.end;
    joiner kind = joiner::none;
    bool spaced = false;
    const std::size_t second_pos = range_joiner(text, a.end, kind, spaced);
    if (kind == joiner::none || second_pos >= text.size()) return;
    if (!read_figure(text, second_pos, false, a.high)) return;
    if (kind == joiner::ascii_dash && !for_claims && hyphen_code(a.low, a.high, spaced)) {
        a.found = false;
        a.resume = detail::token_end(text, second_pos);
        return;
    }
    if (!join_range(a.low, a.high, text, kind)) {
        if (kind == joiner::ascii_dash && !spaced && !for_claims) {  // "2021-12", "2019-20": not figures
            a.found = false;
            a.resume = detail::token_end(text, second_pos);
        }
        return;
    }
    found_range(a, text, a.begin);
    a.resume = a.end;
    a.bare = false;
    a.simple_word = false;
}

bool rejected(std::string_view text, const attempt& a, std::size_t& resume) {
    detail::figure_context f;
    f.text = text;
    f.begin = a.begin;
    f.number_begin = a.number_begin;
    f.end = a.end;
    f.bare_integer = a.bare;
    f.digits = a.digits;
    f.unit_written = a.unit_written;
    f.simple_word = a.simple_word;
    std::size_t skip_to = a.end;
    if (a.end < text.size() && text[a.end] == '-' && a.end + 1 < text.size() && is_digit(text[a.end + 1])) {
        resume = detail::token_end(text, a.end + 1);  // "2021-12-09", "978-0-306-…"
        return true;
    }
    if (!detail::not_a_quantity(f, skip_to)) return false;
    resume = std::max(skip_to, a.number_begin + 1);
    return true;
}

// ---- scanning --------------------------------------------------------------

// Words the scanner knows. A lead word (hedge, article, "between", currency
// code) is worth handing to the grammar only when a figure can follow it: a
// digit or sign next, or a number or follow word ("more than", "a dozen").
// A rare opener that needs a particular second word ("upwards of") is
// tried like a number word. A phrase lead is one that opens a figure only
// with a word after it, one of its own (phrase_lead_next: "in excess of",
// "at least", "a dozen", "more than", "half a million"; every hedge it
// starts has two words or more, and it is no figure itself): a digit or
// sign next does not make the grammar match at it.
enum : unsigned char { k_lead = 1, k_number = 2, k_follow = 4, k_phrase_lead = 8 };

struct scan_word {
    std::string_view word;
    unsigned char kind;
};

constexpr std::array<scan_word, 95> scan_words = {{
    {"a"sv, k_lead | k_phrase_lead},
    {"about"sv, k_lead},
    {"above"sv, k_lead},
    {"almost"sv, k_lead},
    {"an"sv, k_lead | k_phrase_lead},
    {"approx"sv, k_lead},
    {"approximately"sv, k_lead},
    {"around"sv, k_lead},
    {"as"sv, k_lead | k_phrase_lead},
    {"at"sv, k_lead | k_phrase_lead},
    {"below"sv, k_lead},
    {"between"sv, k_lead},
    {"close"sv, k_lead | k_phrase_lead},
    {"estimated"sv, k_lead | k_follow},
    {"exactly"sv, k_lead},
    {"fewer"sv, k_lead | k_follow | k_phrase_lead},
    {"half"sv, k_lead | k_phrase_lead},
    {"in"sv, k_lead | k_phrase_lead},
    {"just"sv, k_lead | k_phrase_lead},
    {"less"sv, k_lead | k_follow | k_phrase_lead},
    {"minus"sv, k_lead},
    {"negative"sv, k_lead},
    {"more"sv, k_lead | k_follow | k_phrase_lead},
    {"nearly"sv, k_lead},
    {"no"sv, k_lead | k_phrase_lead},
    {"over"sv, k_lead | k_follow},
    {"precisely"sv, k_lead},
    {"roughly"sv, k_lead},
    {"some"sv, k_lead},
    {"under"sv, k_lead | k_follow},
    {"up"sv, k_lead | k_phrase_lead},
    {"upwards"sv, k_number},
    {"well"sv, k_lead | k_phrase_lead},
    {"usd"sv, k_lead},
    {"eur"sv, k_lead},
    {"gbp"sv, k_lead},
    {"jpy"sv, k_lead},
    {"chf"sv, k_lead},
    {"cny"sv, k_lead},
    {"inr"sv, k_lead},
    {"aud"sv, k_lead},
    {"cad"sv, k_lead},
    {"rs"sv, k_lead},
    {"one"sv, k_number},
    {"two"sv, k_number},
    {"three"sv, k_number},
    {"four"sv, k_number},
    {"five"sv, k_number},
    {"six"sv, k_number},
    {"seven"sv, k_number},
    {"eight"sv, k_number},
    {"nine"sv, k_number},
    {"ten"sv, k_number},
    {"eleven"sv, k_number},
    {"twelve"sv, k_number},
    {"thirteen"sv, k_number},
    {"fourteen"sv, k_number},
    {"fifteen"sv, k_number},
    {"sixteen"sv, k_number},
    {"seventeen"sv, k_number},
    {"eighteen"sv, k_number},
    {"nineteen"sv, k_number},
    {"twenty"sv, k_number},
    {"thirty"sv, k_number},
    {"forty"sv, k_number},
    {"fifty"sv, k_number},
    {"sixty"sv, k_number},
    {"seventy"sv, k_number},
    {"eighty"sv, k_number},
    {"ninety"sv, k_number},
    {"than"sv, k_follow},
    {"to"sv, k_follow},
    {"least"sv, k_follow},
    {"most"sv, k_follow},
    {"many"sv, k_follow},
    {"much"sv, k_follow},
    {"excess"sv, k_follow},
    {"short"sv, k_follow},
    {"dozen"sv, k_follow},
    {"hundred"sv, k_follow},
    {"thousand"sv, k_follow},
    {"million"sv, k_follow},
    {"billion"sv, k_follow},
    {"trillion"sv, k_follow},
    {"usd"sv, k_follow},
    {"eur"sv, k_follow},
    {"gbp"sv, k_follow},
    {"jpy"sv, k_follow},
    {"chf"sv, k_follow},
    {"cny"sv, k_follow},
    {"inr"sv, k_follow},
    {"aud"sv, k_follow},
    {"cad"sv, k_follow},
    {"us"sv, k_follow},
}};

// Length and the first seven letters, lower case, in one integer: a word of
// prose costs one hash probe. Two words sharing a key ("estimated",
// "estimates") only cost a failed grammar attempt. Words here are letters
// and digits, which `| 0x20` lower-cases (digits have that bit already).
std::uint64_t word_key(std::string_view word) {
    std::uint64_t key = word.size();
    const std::size_t n = std::min<std::size_t>(word.size(), 7);
    for (std::size_t i = 0; i < n; ++i) key = (key << 8) | (static_cast<unsigned char>(word[i]) | 0x20U);
    return key;
}

class scan_word_table {
public:
    scan_word_table() {
        for (const scan_word& w : scan_words) {
            if (w.word.empty()) continue;
            const std::uint64_t key = word_key(w.word);
            std::size_t h = hash(key);
            while (keys_[h] != 0 && keys_[h] != key) h = (h + 1) % size;
            keys_[h] = key;
            kinds_[h] |= w.kind;
            lengths_[slot(w.word)] |= 1U << w.word.size();
            if (w.kind & (k_lead | k_number)) detail::add_word(openers_, w.word);
            if (w.kind & k_number) detail::add_word(numbers_, w.word);
        }
        // A word is known by its length and first seven letters (word_key):
        // its last two tell nothing past seven.
        for (auto& lengths : openers_.last_two) lengths |= ~0U << 8;
        for (auto& lengths : numbers_.last_two) lengths |= ~0U << 8;
        find_phrase_leads();
    }
    // A cheap first test: is there any word of these first two letters and
    // this length? Most words of prose ("the", "and", "said") fail it.
    [[nodiscard]] bool may_hold(std::string_view word) const {
        return word.size() <= 13 && (lengths_[slot(word)] >> word.size() & 1U);
    }
    // The words that can open a figure (leads and number words).
    [[nodiscard]] const detail::word_filter& openers() const { return openers_; }
    // Of those, the lengths and bytes no opener has but phrase leads.
    [[nodiscard]] const detail::word_filter& phrase_leads_only() const { return phrase_leads_only_; }
    // Of those, the number words ("one", "twenty", "upwards").
    [[nodiscard]] const detail::word_filter& numbers() const { return numbers_; }
    // Every word of the table, by its first two bytes (may_hold).
    [[nodiscard]] const detail::word_length_table& lengths() const { return lengths_; }
    [[nodiscard]] unsigned char kind(std::string_view word) const {
        if (word.size() > 13) return 0;
        const std::uint64_t key = word_key(word);
        for (std::size_t h = hash(key); keys_[h] != 0; h = (h + 1) % size)
            if (keys_[h] == key) return kinds_[h];
        return 0;
    }

private:
    // An opener whose kind (all its entries') makes it a phrase lead and
    // nothing else sets its bits in `phrase`, any other in `other`; a bit
    // of phrase_leads_only_ is one only phrase leads have. Words of seven
    // letters or fewer only: kind() tells them apart by all their letters.
    void find_phrase_leads() {
        detail::word_filter phrase, other;
        for (const scan_word& w : scan_words) {
            const unsigned char k = kind(w.word);
            if (w.word.empty() || !(k & (k_lead | k_number))) continue;
            const bool phrase_only = (k & k_phrase_lead) && !(k & k_number) && w.word.size() <= 7;
            detail::add_word(phrase_only ? phrase : other, w.word);
        }
        for (std::size_t i = 0; i < phrase.first_two.size(); ++i) {
            phrase_leads_only_.first_two[i] = phrase.first_two[i] & ~other.first_two[i];
            phrase_leads_only_.last_two[i] = phrase.last_two[i] & ~other.last_two[i];
        }
    }

    static constexpr std::size_t size = 512;
    static std::size_t hash(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> 55; }
    static std::size_t slot(std::string_view word) { return detail::first_slot(word); }
    detail::word_length_table lengths_{};
    detail::word_filter openers_;
    detail::word_filter phrase_leads_only_;
    detail::word_filter numbers_;
    std::array<std::uint64_t, size> keys_{};
    std::array<unsigned char, size> kinds_{};
};

const scan_word_table scan_word_kinds;

std::size_t alnum_end(std::string_view text, std::size_t i) {
    while (i < text.size() && is_alnum(text[i])) ++i;
    return i;
}

// "USD115", "EUR40": a currency code written against its figure.
bool currency_code_attached(std::string_view text, std::size_t i, std::size_t j, char prev) {
    if (j - i < 4 || !is_digit(text[i + 3]) || is_alnum(prev) || !is_alpha(text[i + 2])) return false;
    return (scan_word_kinds.kind(text.substr(i, 3)) & k_lead) != 0 && detail::is_upper(text[i]);
}

// The second words of the phrases a phrase lead begins: every hedge that
// starts with one ("in excess of", "at least", "no more than") and every
// number ("a dozen", "a and hundred" too) has one of these next, whole.
struct phrase_lead_words {
    std::string_view lead;
    std::array<std::string_view, 7> next;
};
constexpr std::array<phrase_lead_words, 14> phrase_lead_next{{
    {"a"sv, {"hundred"sv, "thousand"sv, "million"sv, "billion"sv, "trillion"sv, "dozen"sv, "and"sv}},
    {"an"sv, {"estimated"sv}},
    {"as"sv, {"many"sv, "much"sv}},
    {"at"sv, {"least"sv, "most"sv}},
    {"close"sv, {"to"sv}},
    {"in"sv, {"excess"sv}},
    {"just"sv, {"under"sv, "short"sv, "over"sv}},
    {"no"sv, {"fewer"sv, "less"sv, "more"sv}},
    {"up"sv, {"to"sv}},
    {"well"sv, {"over"sv}},
    {"half"sv, {"a"sv}},
    {"more"sv, {"than"sv}},
    {"less"sv, {"than"sv}},
    {"fewer"sv, {"than"sv}},
}};

bool equals_lower(std::string_view word, std::string_view lower_word) {
    if (word.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(word[i]) != lower_word[i]) return false;
    return true;
}

// Whether `next` is a word a figure may go on with after the phrase lead
// `lead`.
bool phrase_lead_goes_on(std::string_view lead, std::string_view next) {
    for (const phrase_lead_words& p : phrase_lead_next) {
        if (!equals_lower(lead, p.lead)) continue;
        return std::any_of(p.next.begin(), p.next.end(),
                           [&](std::string_view w) { return !w.empty() && equals_lower(next, w); });
    }
    return true;  // not in the table: any word the scanner knows
}

// For the walk (detail::quantity_phrase_lead_next): by a phrase lead's
// first two bytes, the first letters (bit `& 31`) and the lengths (bit 32
// + length) of the words it may go on with (phrase_lead_goes_on); every bit
// for a lead without a list of its own.
detail::phrase_lead_next_table phrase_lead_next_bits() {
    detail::phrase_lead_next_table t{};
    for (const scan_word& w : scan_words) {
        if (w.word.empty() || !(w.kind & k_phrase_lead)) continue;
        std::uint64_t& bits = t[detail::first_slot(w.word)];
        const auto own = std::find_if(phrase_lead_next.begin(), phrase_lead_next.end(),
                                      [&](const phrase_lead_words& p) { return p.lead == w.word; });
        if (own == phrase_lead_next.end()) {
            bits = ~std::uint64_t{0};
            continue;
        }
        for (std::string_view next : own->next)
            if (!next.empty())
                bits |= std::uint64_t{1} << (static_cast<unsigned char>(next[0]) & 31U) |
                        std::uint64_t{1} << (32 + next.size());
    }
    return t;
}

// After a lead word ending at `j`: can a figure follow? After a phrase
// lead (`phrase_lead`, else empty) only a word can, and only one of its own.
bool figure_may_follow(std::string_view text, std::size_t j, std::string_view phrase_lead) {
    while (j < text.size() && (text[j] == ' ' || text[j] == '\n')) ++j;
    if (j >= text.size()) return false;
    const char c = text[j];
    if (is_digit(c) || c == '$' || c == '-' || c == '+' || static_cast<unsigned char>(c) >= 0xC2)
        return phrase_lead.empty();
    if (!is_alpha(c)) return false;
    const std::string_view next = text.substr(j, alnum_end(text, j) - j);
    return scan_word_kinds.may_hold(next) && scan_word_kinds.kind(next) != 0 &&
           (phrase_lead.empty() || phrase_lead_goes_on(phrase_lead, next));
}

// Bytes that may start a figure other than a letter: digits, "$", "-5",
// "+44", "(555)", and the UTF-8 signs € £ ¥ − (checked by the caller).
bool currency_sign_at(std::string_view text, std::size_t i) {
    const std::string_view rest = text.substr(i, 3);
    return rest.starts_with("\u20AC") || rest.starts_with("\u00A3") || rest.starts_with("\u00A5") ||
           rest.starts_with("\u2212");
}

// Returns the candidate start's verdict: a match, or where to resume.
std::size_t try_candidate(std::string_view text, std::size_t i, std::vector<quantity_match>& out) {
    thread_local attempt a;  // two figures' worth of state, kept from one candidate to the next
    read_at(text, i, false, a);
    if (!a.found) return std::max(a.resume, i + 1);
    std::size_t resume = a.resume;
    if (rejected(text, a, resume)) return std::max(resume, i + 1);
    fill_match(out.emplace_back(), text, a);
    return std::max(out.back().end, i + 1);
}

// Byte classes for the scan loop: one table lookup per byte of prose.
enum : unsigned char { c_digit = 1, c_alpha = 2, c_sign = 4 };

class byte_class_table {
public:
    constexpr byte_class_table() {
        for (int c = '0'; c <= '9'; ++c) classes_[c] = c_digit;
        for (int c = 'a'; c <= 'z'; ++c) classes_[c] = classes_[c - 'a' + 'A'] = c_alpha;
        for (unsigned char c : {'$', '-', '+', '(', '.', '\xE2', '\xC2'}) classes_[c] = c_sign;
    }
    [[nodiscard]] constexpr unsigned char of(char c) const { return classes_[static_cast<unsigned char>(c)]; }
    [[nodiscard]] std::size_t word_end(std::string_view text, std::size_t i) const {
        while (i < text.size() && (of(text[i]) & (c_digit | c_alpha))) ++i;
        return i;
    }

private:
    std::array<unsigned char, 256> classes_{};
};

constexpr byte_class_table byte_classes;

std::size_t at_digit(std::string_view text, std::size_t i, char prev, std::vector<quantity_match>& out) {
    if (is_alnum(prev) || prev == '.' || prev == '-' || prev == '/' || prev == ',' || prev == ':')
        return detail::token_end(text, i);  // inside "v2", "1.2.3", "COVID-19", "12/9"
    if (const std::size_t phone = detail::phone_like_end(text, i); phone != i) return phone;
    return try_candidate(text, i, out);
}

// "$5", "-3.2", "+44 …", "(555) …", "€3bn", "£600m", "¥", "−4".
std::size_t at_sign(std::string_view text, std::size_t i, char prev, std::vector<quantity_match>& out) {
    const char c = text[i];
    const bool digit_next = i + 1 < text.size() && is_digit(text[i + 1]);
    if (c == '.' && digit_next && !is_alnum(prev) && prev != '.')
        return try_candidate(text, i, out);  // ".08"
    if (c == '$' || ((c == '-' || c == '+') && digit_next && !is_alnum(prev))) {
        const std::size_t phone = c == '+' ? detail::phone_like_end(text, i) : i;
        return phone != i ? phone : try_candidate(text, i, out);
    }
    if (c == '(' && digit_next) {
        const std::size_t phone = detail::phone_like_end(text, i);
        return phone != i ? phone : i + 1;
    }
    if ((c == '\xE2' || c == '\xC2') && currency_sign_at(text, i)) return try_candidate(text, i, out);
    return i + 1;
}

// "one of", "two in the": a number word the grammar reads alone and the
// context filters then drop, so that the scan goes on at the word's end as
// it would after trying it. Only words of seven letters or fewer: kind()
// knows them by all their letters; of those, the k_number words are the
// small numbers and "upwards".
bool number_word_dropped(std::string_view text, std::size_t j, std::string_view word) {
    if (word.size() > 7 || equals_lower(word, "upwards")) return false;
    std::size_t k = j;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k == j) return false;
    std::size_t e = k;
    while (e < text.size() && is_alpha(text[e])) ++e;
    return detail::drops_number_word_before(text.substr(k, e - k));
}

// Whether the scan tries a figure at the word text[i, j), a run of letters
// and digits that starts with a letter; `prev` is the byte before it.
bool word_opens_figure(std::string_view text, std::size_t i, std::size_t j, char prev) {
    const std::size_t n = text.size();
    // "US$", "A$", "C $": a currency prefix that starts with letters.
    if (j < n && (text[j] == '$' || (text[j] == ' ' && j + 1 < n && text[j + 1] == '$'))) return true;
    const std::string_view word = text.substr(i, j - i);
    const unsigned char kind =
        is_alnum(prev) || !scan_word_kinds.may_hold(word) ? 0 : scan_word_kinds.kind(word);
    return ((kind & k_number) && !number_word_dropped(text, j, word)) ||
           ((kind & k_lead) &&
            figure_may_follow(text, j, (kind & k_phrase_lead) ? word : std::string_view{})) ||
           currency_code_attached(text, i, j, prev);
}

// One step of the scan at i: a candidate tried, or the byte or word at i
// passed over. Returns where the scan goes on. `word_checked`: a word at i
// is known to open a figure (find_scan_starts asked word_opens_figure).
std::size_t scan_step(std::string_view text, std::size_t i, std::vector<quantity_match>& out,
                      bool word_checked) {
    const char c = text[i];
    const unsigned char cls = byte_classes.of(c);
    if (cls == 0) return i + 1;  // spaces and most punctuation: the common case
    const char prev = i > 0 ? text[i - 1] : ' ';
    if (cls & c_digit) return at_digit(text, i, prev, out);
    if (cls & c_alpha) {
        const std::size_t j = byte_classes.word_end(text, i + 1);
        if (word_checked || word_opens_figure(text, i, j, prev))
            return std::max(try_candidate(text, i, out), j);  // never retry inside a word
        return j;
    }
    return at_sign(text, i, prev, out);
}

}  // namespace

namespace detail {
const word_filter& quantity_word_filter() { return scan_word_kinds.openers(); }
const word_filter& quantity_phrase_lead_filter() { return scan_word_kinds.phrase_leads_only(); }
const word_filter& quantity_number_word_filter() { return scan_word_kinds.numbers(); }
const phrase_lead_next_table& quantity_phrase_lead_next() {
    static const phrase_lead_next_table table = phrase_lead_next_bits();
    return table;
}
const word_length_table& quantity_word_lengths() { return scan_word_kinds.lengths(); }
bool quantity_word_opens(std::string_view text, std::size_t begin, std::size_t end) {
    return word_opens_figure(text, begin, end, begin > 0 ? text[begin - 1] : ' ');
}
}  // namespace detail

std::vector<quantity_match> find_quantities(std::string_view text, std::span<const std::size_t> starts) {
    std::vector<quantity_match> out;
    find_quantities(text, starts, out);
    return out;
}

namespace {

// `words_checked`: every word among the starts is one word_opens_figure
// holds for (find_scan_starts's own starts).
void find_from_starts(std::string_view text, std::span<const std::size_t> starts, bool words_checked,
                      std::vector<quantity_match>& out) {
    out.clear();
    const std::size_t n = text.size();
    std::size_t i = 0, k = 0;
    while (i < n) {
        // Inside a run of letters and digits (after a candidate that ended
        // there) the walk is not on a word boundary: step as the walk does.
        if (i > 0 && is_alnum(text[i - 1]) && is_alnum(text[i])) {
            i = scan_step(text, i, out, false);
            continue;
        }
        // Every step between here and the next start passes over a word or
        // a byte and does nothing else.
        while (k < starts.size() && starts[k] < i) ++k;
        if (k == starts.size() || starts[k] >= n) break;
        i = scan_step(text, starts[k], out, words_checked);
    }
}

}  // namespace

void find_quantities(std::string_view text, std::span<const std::size_t> starts,
                     std::vector<quantity_match>& out) {
    find_from_starts(text, starts, false, out);
}

void find_quantities(std::string_view text, const scan_starts& starts, std::vector<quantity_match>& out) {
    find_from_starts(text, starts.quantity, true, out);
}

std::vector<quantity_match> find_quantities(std::string_view text) {
    scan_starts starts;
    find_scan_starts(text, starts);
    std::vector<quantity_match> out;
    find_quantities(text, starts, out);
    return out;
}

std::optional<quantity_match> parse_quantity(std::string_view text, std::string* noun) {
    std::size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\n' || text[e - 1] == '\r'))
        --e;
    if (b == e) return std::nullopt;
    const std::string_view body = text.substr(0, e);
    attempt a;
    read_at(body, b, true, a);
    if (!a.found) return std::nullopt;
    std::size_t rest = a.end;
    std::string words;
    if (rest < e) {
        // Trailing words are the counted noun ("troops"); anything else is not one quantity.
        if (body[rest] != ' ' && body[rest] != '\t') return std::nullopt;
        while (rest < e && (body[rest] == ' ' || body[rest] == '\t')) ++rest;
        if (!is_alpha(body[rest])) return std::nullopt;
        words.assign(body.substr(rest));
    }
    if (noun) *noun = std::move(words);
    quantity_match m;
    fill_match(m, body, a);
    return m;
}

}  // namespace factlint::grammar
