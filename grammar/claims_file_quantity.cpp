// The quantity of a `value` line, read by the prose grammar once per shape
// (grammar/claims_file_quantity.hpp).
#include "grammar/claims_file_quantity.hpp"

#include <array>
#include <charconv>

#include "claims/interned.hpp"
#include "claims/precision.hpp"
#include "grammar/parse.hpp"

namespace factlint::grammar::claims_quantity {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

// A word of `text`, in any case, is "between" or "to".
bool has_range_word(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        if (!is_letter(text[at])) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && is_letter(text[end])) ++end;
        const std::size_t n = end - at;
        if (n == 2 || n == 7) {
            std::array<char, 7> word{};
            for (std::size_t k = 0; k < n; ++k) word[k] = lower(text[at + k]);
            const std::string_view w(word.data(), n);
            if (w == "to" || w == "between") return true;
        }
        at = end;
    }
    return false;
}

struct digit_run {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The first run of digits, with the commas and points between them.
digit_run first_digits(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && !is_digit(t[i])) ++i;
    std::size_t j = i;
    while (j < t.size() &&
           (is_digit(t[j]) || ((t[j] == ',' || t[j] == '.') && j + 1 < t.size() && is_digit(t[j + 1]))))
        ++j;
    return {i, j};
}

// `run` is the text's one figure in digits ("2,500", "8.5") and nothing
// around it lets the grammar's reading depend on the digits themselves:
// preceded by nothing, a space or "$"; followed by nothing, a space or "%"
// (an attached letter may be a scale whose reading depends on the digits:
// "100m"); no other digit, no sign or dash, no "between" or "to" (ranges
// compare their bounds), only printable ASCII. Every text of one shape
// passes or fails alike, so only the first of a shape is tested.
bool lone_figure(std::string_view t, digit_run run) {
    const auto [i, j] = run;
    if (i == t.size() || (i > 0 && t[i - 1] != ' ' && t[i - 1] != '$')) return false;
    if (j - i > max_figure_chars || (j < t.size() && t[j] != ' ' && t[j] != '%')) return false;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (k == i) k = j;
        if (k == t.size()) break;
        const auto c = static_cast<unsigned char>(t[k]);
        if (c < 0x20 || c >= 0x7F || c == '-' || c == '+' || is_digit(t[k])) return false;
    }
    return !has_range_word(t);
}

reference_value value_from(std::string_view unit, std::string_view noun, hedge_kind hedge, double value,
                           double half_unit) {
    reference_value v;
    v.value = value;
    v.hedge = hedge;
    v.unit = unit;
    v.noun = noun;
    v.range = stated_interval(value, half_unit, hedge);
    return v;
}

reference_value value_from(const quantity_match& q, std::string_view noun) {
    reference_value v = value_from(interned(q.unit), noun, q.hedge, q.value, q.half_unit);
    if (q.is_range) v.range = range_interval(q.low, q.low_half_unit, q.high, q.high_half_unit, q.hedge);
    return v;
}

}  // namespace

std::optional<reference_value> read_with_grammar(std::string_view text, kept_texts& texts) {
    std::string noun;
    if (auto q = parse_quantity(text, &noun)) return value_from(*q, texts.keep(noun));
    return std::nullopt;
}

std::optional<reference_value> reader::read(std::string_view text) {
    const digit_run run = first_digits(text);
    if (run.begin == text.size()) return read_with_grammar(text, texts_);
    const std::string_view digits = text.substr(run.begin, run.end - run.begin);
    key_.assign(text);
    for (std::size_t k = run.begin; k < run.end; ++k)
        if (is_digit(key_[k])) key_[k] = '9';
    // A key met before came from a text that passed lone_figure; this text
    // differs from it only in the digits of the run, so it passes too.
    if (const std::uint32_t* known = shape_of_.find(key_)) {
        const shape& s = shapes_[*known];
        if (!s.usable) return read_with_grammar(text, texts_);
        const digits_figure f = figure_of_digits(digits);
        return value_from(s.unit, s.noun, s.hedge, f.value * s.scale, f.half_unit * s.scale);
    }
    return read_new_shape(text, run.begin, run.end);
}

// The first text of a shape (key_ holds the shape): read by the grammar, and
// its shape remembered when the text passes lone_figure. Out of line (177
// calls for 100,000 claims) so that read keeps a small frame.
std::optional<reference_value> reader::read_new_shape(std::string_view text, std::size_t begin,
                                                      std::size_t end) {
    const digit_run run{begin, end};
    if (!lone_figure(text, run)) return read_with_grammar(text, texts_);
    const std::string_view digits = text.substr(run.begin, run.end - run.begin);
    std::string noun;
    const auto q = parse_quantity(text, &noun);
    if (!q) return std::nullopt;  // an error: not worth remembering
    shape s;
    if (!q->is_range && !q->negative && !q->number_words) {
        // The scale the grammar applied: the one that gives its value and
        // precision from these digits exactly.
        const auto [value, half_unit] = figure_of_digits(digits);
        for (const double scale : {1e0, 1e3, 1e6, 1e9, 1e12}) {
            if (value * scale == q->value && half_unit * scale == q->half_unit) {
                s = {true, scale, q->hedge, interned(q->unit), texts_.keep(noun)};
                break;
            }
        }
    }
    keys_.push_back(key_);
    shape_of_.insert(keys_.back(), static_cast<std::uint32_t>(shapes_.size()));
    shapes_.push_back(s);
    return value_from(*q, texts_.keep(noun));
}

}  // namespace factlint::grammar::claims_quantity
