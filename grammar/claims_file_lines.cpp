// The line structure of a *.claims file, in Spirit X3: the keyword, claim
// ids, quoted phrase lists and the tolerance percentage. Values and dates are
// read by the prose grammars (grammar/parse.hpp), not here.
#include "grammar/claims_file_lines.hpp"

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cmath>
#include <cstring>

namespace factlint::grammar::claims_lines {
namespace {

namespace x3 = boost::spirit::x3;
using iter = char const*;

// ---- rules ------------------------------------------------------------------

// Space or tab. Not x3::blank: Spirit's character classes pass a plain
// (signed) char to the C classification functions, so a UTF-8 byte is a
// negative value there (undefined behaviour; a failed assertion in a build
// with assertions, found by fuzz_claims_file).
auto const blank = x3::char_(" \t");

auto const claim_id = x3::rule<struct claim_id_r, std::string>{"claim id"} =
    x3::lexeme[x3::char_("a-z0-9") >> *x3::char_("a-z0-9._-")];

// Named rules: an expectation failure reports the rule's name, which picks
// the message.
auto const close_quote = x3::rule<struct close_quote_r>{"closing quote"} = x3::lit('"');
auto const end_of_line = x3::rule<struct end_of_line_r>{"end of line"} = x3::eoi;
auto const percent_sign = x3::rule<struct percent_sign_r>{"percent sign"} = x3::lit('%');
auto const percentage = x3::rule<struct percentage_r, double>{"percentage"} = x3::double_;

// Read raw (no attribute, so no string built a character at a time); the
// escapes are removed afterwards, only when there are any.
auto const phrase_text = x3::rule<struct phrase_text_r>{"phrase text"} =
    *(('\\' >> x3::char_("\"\\")) | ~x3::char_('"'));
auto const quoted = x3::rule<struct quoted_r, boost::iterator_range<iter>>{"quoted phrase"} =
    x3::lexeme['"' > x3::raw[phrase_text] > close_quote];

auto const tolerance_line = x3::eps > percentage > percent_sign > end_of_line;

// ---- helpers ----------------------------------------------------------------

std::size_t offset_of(std::string_view line, iter p) { return static_cast<std::size_t>(p - line.data()); }

// `*blank` by hand (it runs on every claim line): the same bytes skipped.
void skip_blanks(iter& p, iter last) {
    while (p != last && (*p == ' ' || *p == '\t')) ++p;
}

// A phrase as written between its quotes, with `\"` and `\\` resolved.
std::string unescaped(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string text;
    text.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const bool escape = raw[i] == '\\' && i + 1 < raw.size() && (raw[i + 1] == '"' || raw[i + 1] == '\\');
        text.push_back(raw[escape ? ++i : i]);  // any other backslash is kept, as the grammar reads it
    }
    return text;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

constexpr bool id_start_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
// The characters of a claim id after its first, as a table: one load per
// character instead of five comparisons.
constexpr std::array<bool, 256> id_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        t[static_cast<std::size_t>(c)] = id_start_char(ch) || ch == '.' || ch == '_' || ch == '-';
    }
    return t;
}();
bool id_char(char c) { return id_chars[static_cast<unsigned char>(c)]; }

// The `claim_id` rule and the blanks after it to the end of `rest`, by hand
// (one per claim); nullopt when `rest` is anything else.
std::optional<std::string_view> plain_claim_id(std::string_view rest) {
    if (rest.empty() || !id_start_char(rest.front())) return std::nullopt;
    std::size_t end = 1;
    while (end < rest.size() && id_char(rest[end])) ++end;
    for (std::size_t p = end; p < rest.size(); ++p)
        if (!is_blank(rest[p])) return std::nullopt;
    return rest.substr(0, end);
}

// The usual phrase line, quoted phrases without escapes separated by
// commas, read without the grammar into `phrases`; false leaves every other
// line (escapes, errors) to read_phrases.
bool plain_phrases(std::string_view line, std::size_t from, std::vector<phrase>& phrases) {
    std::size_t p = from;
    std::size_t n = 0;
    for (;;) {
        while (p < line.size() && is_blank(line[p])) ++p;
        if (p == line.size() || line[p] != '"') return false;
        const std::size_t open = p;
        // The closing quote with no backslash before it: a memchr for each
        // (not find_first_of, which runs memchr once per byte).
        const char* const first = line.data() + open + 1;
        const void* const quote = std::memchr(first, '"', line.size() - open - 1);
        if (quote == nullptr) return false;
        const auto length = static_cast<std::size_t>(static_cast<const char*>(quote) - first);
        if (std::memchr(first, '\\', length) != nullptr) return false;
        const std::string_view text(first, length);
        if (std::all_of(text.begin(), text.end(), is_blank)) return false;  // an error: empty
        if (n == phrases.size()) phrases.emplace_back();
        phrases[n].raw = text;
        phrases[n].escaped = false;
        phrases[n++].offset = open;
        p = open + 1 + length + 1;
        while (p < line.size() && is_blank(line[p])) ++p;
        if (p == line.size()) {
            phrases.resize(n);
            return true;
        }
        if (line[p] != ',') return false;
        ++p;
    }
}

std::string phrase_message(std::string_view keyword, bool after_comma) {
    if (after_comma) return "expected a quoted phrase after `,`";
    return "expected a quoted phrase after `" + std::string(keyword) + "`, such as \"Harbor Foods\"";
}

// The rest of read_claim_id, when the id is not plain: the rule, and the
// messages. Out of line so the plain path keeps a small frame.
[[gnu::noinline]] std::optional<std::string_view> claim_id_by_grammar(std::string_view line, iter id_start,
                                                                      line_error& error) {
    iter p = id_start;
    iter const last = line.data() + line.size();
    std::string id;
    if (x3::parse(p, last, claim_id >> x3::omit[*blank] >> x3::eoi, id))
        return std::string_view(id_start, id.size());  // the rule reads the id's characters as they are
    // Name the whole offending word.
    iter word_end = id_start;
    while (word_end != last && *word_end != ' ' && *word_end != '\t') ++word_end;
    const std::string word(id_start, word_end);
    skip_blanks(word_end, last);
    if (word_end != last && x3::parse(p = id_start, word_end, claim_id >> x3::omit[*blank] >> x3::eoi)) {
        error = {offset_of(line, word_end), "expected the end of the line after claim id `" + word + "`"};
        return std::nullopt;
    }
    error = {
        offset_of(line, id_start),
        "bad claim id `" + word +
            "`: expected a lower-case letter or digit, then lower-case letters, digits, `.`, `_` or `-`"};
    return std::nullopt;
}

// read_phrases when plain_phrases declines (escapes or an error): the X3
// rules and the messages. Out of line so the plain path keeps a small frame.
[[gnu::noinline]] bool phrases_by_grammar(std::string_view line, std::size_t from, std::string_view keyword,
                                          std::vector<phrase>& phrases, line_error& error) {
    iter p = line.data() + from;
    iter const last = line.data() + line.size();
    phrases.clear();
    try {
        for (;;) {
            skip_blanks(p, last);
            phrase ph;
            ph.offset = offset_of(line, p);
            boost::iterator_range<iter> raw;
            if (!x3::parse(p, last, quoted, raw)) {
                error = {offset_of(line, p), phrase_message(keyword, !phrases.empty())};
                return false;
            }
            ph.raw = std::string_view(raw.begin(), raw.size());
            ph.escaped = ph.raw.find('\\') != std::string_view::npos;
            if (ph.escaped) ph.unescaped = unescaped(ph.raw);
            if (ph.text().find_first_not_of(" \t") == std::string_view::npos) {
                error = {ph.offset, "empty phrase: expected words between the quotes"};
                return false;
            }
            phrases.push_back(std::move(ph));
            skip_blanks(p, last);
            if (p == last) return true;
            if (*p != ',') {
                error = {offset_of(line, p), "expected `,` or the end of the line after a phrase"};
                return false;
            }
            ++p;
        }
    } catch (const x3::expectation_failure<iter>& e) {
        error = {offset_of(line, e.where()), "expected a closing `\"`"};
    }
    return false;
}

}  // namespace

std::optional<std::string_view> read_claim_id(std::string_view line, std::size_t from, line_error& error) {
    iter p = line.data() + from;
    iter const last = line.data() + line.size();
    skip_blanks(p, last);
    if (p == last) {
        error = {offset_of(line, p), "expected a claim id after `claim`"};
        return std::nullopt;
    }
    if (auto id = plain_claim_id(std::string_view(p, static_cast<std::size_t>(last - p)))) return id;
    return claim_id_by_grammar(line, p, error);
}

bool read_phrases(std::string_view line, std::size_t from, std::string_view keyword,
                  std::vector<phrase>& phrases, line_error& error) {
    if (plain_phrases(line, from, phrases)) return true;
    return phrases_by_grammar(line, from, keyword, phrases, error);
}

std::optional<double> read_tolerance(std::string_view line, std::size_t from, line_error& error) {
    iter p = line.data() + from;
    iter const last = line.data() + line.size();
    double percent = 0;
    bool ok = false;
    try {
        ok = x3::phrase_parse(p, last, tolerance_line, blank, percent);
    } catch (const x3::expectation_failure<iter>& e) {
        p = e.where();
    }
    if (ok && std::isfinite(percent) && percent >= 0) return percent / 100.0;
    skip_blanks(p, last);
    if (ok) p = line.data() + from, skip_blanks(p, last);
    error = {offset_of(line, p), "expected a percentage after `tolerance`, such as `2%`"};
    return std::nullopt;
}

std::size_t comment_start(std::string_view line) {
    if (line.find('#') == std::string_view::npos) return line.size();
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_quotes && c == '\\') {
            ++i;
        } else if (c == '"') {
            in_quotes = !in_quotes;
        } else if (c == '#' && !in_quotes) {
            return i;
        }
    }
    return line.size();
}

}  // namespace factlint::grammar::claims_lines
