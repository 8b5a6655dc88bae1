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

// The quantity's fields of `v` (value, hedge, unit, noun, range), written
// in place: a value built here and returned was copied twice more on its
// way into the parser's flat array.
void set_value(reference_value& v, std::string_view unit, std::string_view noun, hedge_kind hedge,
               double value, double half_unit) {
    v.value = value;
    v.hedge = hedge;
    v.unit = unit;
    v.noun = noun;
    v.range = stated_interval(value, half_unit, hedge);
}

void set_value(reference_value& v, const quantity_match& q, std::string_view noun) {
    set_value(v, interned(q.unit), noun, q.hedge, q.value, q.half_unit);
    if (q.is_range) v.range = range_interval(q.low, q.low_half_unit, q.high, q.high_half_unit, q.hedge);
}

// The figure's run of digits read in the pass that makes the shape's key:
// where it ends, its digits turned to 9s in `key`, and what figure_of_digits
// needs of it in the usual case.
struct run_figure {
    std::size_t end = 0;
    std::uint64_t integer = 0;  // the digits as an integer (exact when `exact`)
    int decimals = 0;           // digits after the point
    int trailing_zeros = 0;     // zero digits at the end (commas aside)
    bool exact = false;         // at most 15 digits and at most one point
};

// The run of digits, commas and points from `begin` (a digit) in `key`: a
// comma or point only between two digits.
run_figure read_run(std::string& key, std::size_t begin) {
    run_figure f;
    char* const k = key.data();
    const std::size_t size = key.size();
    int count = 0;
    int point_at = -1;
    bool plain = true;
    std::size_t j = begin;
    for (; j < size; ++j) {
        const unsigned d = static_cast<unsigned char>(k[j]) - static_cast<unsigned>('0');
        if (d < 10) {
            k[j] = '9';
            f.integer = f.integer * 10 + d;
            ++count;
            f.trailing_zeros = d == 0 ? f.trailing_zeros + 1 : 0;
            continue;
        }
        if ((k[j] != ',' && k[j] != '.') || j + 1 == size || !is_digit(k[j + 1])) break;
        if (k[j] == '.') {
            if (point_at >= 0) {
                plain = false;  // a second point: figure_of_digits reads it
            } else {
                point_at = count;
            }
        }
    }
    f.end = j;
    f.decimals = point_at < 0 ? 0 : count - point_at;
    f.exact = plain && count <= 15;
    return f;
}

// Half units as figure_of_digits gives them (the same function, once per
// exponent): for `n` trailing zeros of an integer, and for `n` decimals.
struct half_units {
    std::array<double, 16> integer{};
    std::array<double, 16> decimal{};
    half_units() {
        std::string whole = "1";
        std::string fraction = "0.";
        for (std::size_t n = 0; n < 16; ++n) {
            integer[n] = half_unit_of_digits(whole);
            whole += '0';
            if (n > 0) decimal[n] = half_unit_of_digits(fraction + "1");
            if (n > 0) fraction += '0';
        }
    }
};

// figure_of_digits for an exact run, without reading it again: the digits
// as an integer below 10^15 over an exact power of ten (its fast path),
// and the half unit of its last significant digit.
digits_figure figure_of_run(const run_figure& f) {
    static constexpr std::array<double, 16> powers{1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    static const half_units halves;
    const auto decimals = static_cast<std::size_t>(f.decimals);
    const double value = static_cast<double>(f.integer) / powers[decimals];
    if (decimals > 0) return {value, halves.decimal[decimals]};
    return {value,
            f.integer == 0 ? halves.integer[0] : halves.integer[static_cast<std::size_t>(f.trailing_zeros)]};
}

}  // namespace

std::optional<reference_value> read_with_grammar(std::string_view text, kept_texts& texts) {
    reference_value v;
    if (read_with_grammar(text, texts, v)) return v;
    return std::nullopt;
}

bool read_with_grammar(std::string_view text, kept_texts& texts, reference_value& out) {
    std::string noun;
    const auto q = parse_quantity(text, &noun);
    if (q) set_value(out, *q, texts.keep(noun));
    return q.has_value();
}

std::optional<reference_value> reader::read(std::string_view text) {
    reference_value v;
    if (read(text, v)) return v;
    return std::nullopt;
}

bool reader::read(std::string_view text, reference_value& out) {
    std::size_t begin = 0;
    while (begin < text.size() && !is_digit(text[begin])) ++begin;
    if (begin == text.size()) return read_with_grammar(text, texts_, out);
    key_.assign(text);
    const run_figure f = read_run(key_, begin);
    const std::string_view digits = text.substr(begin, f.end - begin);
    // A key met before came from a text that passed lone_figure; this text
    // differs from it only in the digits of the run, so it passes too.
    if (const std::uint32_t* known = known_.shape_of_.find(key_)) {
        shapes::shape& s = known_.shapes_[*known];
        if (!s.usable) return read_with_grammar(text, texts_, out);
        const digits_figure d = f.exact ? figure_of_run(f) : figure_of_digits(digits);
        set_value(out, s.unit, noun_of(s), s.hedge, d.value * s.scale, d.half_unit * s.scale);
        return true;
    }
    return read_new_shape(text, begin, f.end, out);
}

std::string_view reader::noun_of(shapes::shape& s) {
    if (s.kept_by != number_) {
        s.kept_noun = texts_.keep(s.noun);
        s.kept_by = number_;
    }
    return s.kept_noun;
}

// The first text of a shape (key_ holds the shape): read by the grammar, and
// its shape remembered when the text passes lone_figure. Out of line (177
// calls for 100,000 claims) so that read keeps a small frame.
bool reader::read_new_shape(std::string_view text, std::size_t begin, std::size_t end, reference_value& out) {
    const digit_run run{begin, end};
    if (!lone_figure(text, run)) return read_with_grammar(text, texts_, out);
    const std::string_view digits = text.substr(run.begin, run.end - run.begin);
    std::string noun;
    const auto q = parse_quantity(text, &noun);
    if (!q) return false;  // an error: not worth remembering
    const std::string_view kept_noun = texts_.keep(noun);
    shapes::shape s;
    if (!q->is_range && !q->negative && !q->number_words) {
        // The scale the grammar applied: the one that gives its value and
        // precision from these digits exactly.
        const auto [value, half_unit] = figure_of_digits(digits);
        for (const double scale : {1e0, 1e3, 1e6, 1e9, 1e12}) {
            if (value * scale == q->value && half_unit * scale == q->half_unit) {
                s = {true,    scale,    q->hedge, interned(q->unit), known_.texts_.emplace_back(noun),
                     number_, kept_noun};
                break;
            }
        }
    }
    known_.shape_of_.insert(known_.texts_.emplace_back(key_),
                            static_cast<std::uint32_t>(known_.shapes_.size()));
    known_.shapes_.push_back(s);
    set_value(out, *q, kept_noun);
    return true;
}

}  // namespace factlint::grammar::claims_quantity
