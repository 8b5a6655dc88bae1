// `value`, `date` and `period` lines of a claims file. Their quantities and
// dates are read by the same grammars as prose (grammar/parse.hpp), so a
// reference reads like the sentences it checks.
#include "grammar/claims_file_values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "claims/precision.hpp"
#include "grammar/parse.hpp"

namespace factlint::grammar::claims_values {
namespace {

constexpr std::string_view date_examples = "such as 2023, 2023-08, 2008-11-17 or December 2021";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// A byte range [begin, end) of the line with blanks trimmed off both ends.
struct piece {
    std::size_t begin = 0;
    std::size_t end = 0;
};

piece trimmed(std::string_view line, std::size_t begin, std::size_t end) {
    while (begin < end && is_blank(line[begin])) ++begin;
    while (end > begin && is_blank(line[end - 1])) --end;
    return {begin, end};
}

std::string_view text_of(std::string_view line, piece p) { return line.substr(p.begin, p.end - p.begin); }

// "2021-02-30", "2023-13": shaped like an ISO date but not a day of the
// calendar. Told apart from text that is not a date at all, for the message.
bool impossible_iso_date(std::string_view t) {
    auto number = [&](std::size_t from, std::size_t count) {
        int v = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (i >= t.size() || std::isdigit(static_cast<unsigned char>(t[i])) == 0) return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    if (!(t.size() == 7 || t.size() == 10) || t[4] != '-') return false;
    const int year = number(0, 4);
    const int month = number(5, 2);
    if (year < 0 || month < 0) return false;
    if (t.size() == 7) return month < 1 || month > 12;
    const int day = t[7] == '-' ? number(8, 2) : -1;
    return day >= 0 && !valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// The digit at `p`'s value, or 10 and more for any other byte.
unsigned digit_at(const char* p) { return static_cast<unsigned char>(*p) - static_cast<unsigned>('0'); }

// parse_iso_date for a year "YYYY" or a month "YYYY-MM" in digits, with no
// second look at its parts: the spans it would make, with the same calls.
// nullopt for anything else, a month out of range included (the caller
// then asks parse_iso_date).
std::optional<time_span> plain_year_or_month(std::string_view text) {
    if (text.size() != 4 && (text.size() != 7 || text[4] != '-')) return std::nullopt;
    const char* const p = text.data();
    const unsigned y0 = digit_at(p), y1 = digit_at(p + 1), y2 = digit_at(p + 2), y3 = digit_at(p + 3);
    if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9) return std::nullopt;
    const int year = static_cast<int>(((y0 * 10 + y1) * 10 + y2) * 10 + y3);
    if (text.size() == 4) return time_span::year(year);
    const unsigned m0 = digit_at(p + 5), m1 = digit_at(p + 6);
    if (m0 > 9 || m1 > 9) return std::nullopt;
    const unsigned month = m0 * 10 + m1;
    if (month < 1 || month > 12) return std::nullopt;
    return time_span::month(year, month);
}

std::optional<time_span> good_date(std::string_view text) {
    // The usual date (YYYY, YYYY-MM, YYYY-MM-DD) at once: when parse_iso_date
    // takes the text as it is, the checks below and parse_date (whose first
    // step it is) give the same span.
    if (auto d = plain_year_or_month(text)) return d;
    if (auto d = parse_iso_date(text)) return d;
    if (text.empty() || impossible_iso_date(text)) return std::nullopt;
    return parse_date(text);
}

// Reads the date in `p` or explains why it is not one.
std::optional<time_span> date_or_error(std::string_view line, piece p, std::string_view after,
                                       line_error& error) {
    const std::string_view text = text_of(line, p);
    if (auto d = good_date(text)) return d;
    if (text.empty()) {
        error = {p.begin,
                 "expected a date after `" + std::string(after) + "`, " + std::string(date_examples)};
    } else if (impossible_iso_date(text)) {
        error = {p.begin, "impossible date " + std::string(text)};
    } else {
        error = {p.begin, "expected a date after `" + std::string(after) + "`, " +
                              std::string(date_examples) + ", found `" + std::string(text) + "`"};
    }
    return std::nullopt;
}

// ---- the time part of a `value` line ----------------------------------------

struct time_keyword {
    std::string_view text;  // with its surrounding spaces
    value_scope scope;
};
// Each starts with a different letter (visit_keyword_hits picks by it).
constexpr std::array<time_keyword, 4> time_keywords{{
    {" as of ", value_scope::as_of},
    {" in ", value_scope::in},
    {" from ", value_scope::from},
    {" until ", value_scope::until},
}};
// visit_keyword_hits spells them out to compare with constant lengths.
static_assert(time_keywords[0].text == " as of " && time_keywords[1].text == " in " &&
              time_keywords[2].text == " from " && time_keywords[3].text == " until ");

struct time_part {
    std::size_t keyword = 0;  // byte of the keyword's leading space in the line
    value_scope scope = value_scope::timeless;
    time_span when;
    piece date;  // the date text, for messages
};

struct keyword_hit {
    std::size_t at = 0;
    const time_keyword* kw = nullptr;
};

// `text` starts with the literal `word`: a memcmp of a constant length, so
// a few compares instead of a call.
template <std::size_t N>
bool starts_with(std::string_view text, const char (&word)[N]) {
    return text.size() >= N - 1 && std::memcmp(text.data(), word, N - 1) == 0;
}

// Calls visit(hit) for every time keyword in the value text, last first,
// until it returns true: one pass from the end, trying the keywords only
// where a space is (they all start with one).
template <typename Visit>
void visit_keyword_hits(std::string_view line, piece text, Visit visit) {
    const std::string_view t = text_of(line, text);
    for (std::size_t at = t.size(); at-- > 0;) {
        if (t[at] != ' ' || at + 1 == t.size()) continue;
        // The keywords' first letters differ: the letter after the space
        // picks the one keyword that may start here.
        const std::string_view rest = t.substr(at);
        const time_keyword* kw = nullptr;
        bool match = false;
        switch (t[at + 1]) {
            case 'a': kw = &time_keywords[0], match = starts_with(rest, " as of "); break;
            case 'i': kw = &time_keywords[1], match = starts_with(rest, " in "); break;
            case 'f': kw = &time_keywords[2], match = starts_with(rest, " from "); break;
            case 'u': kw = &time_keywords[3], match = starts_with(rest, " until "); break;
            default: continue;
        }
        if (match && visit(keyword_hit{text.begin + at, kw})) return;
    }
}

// Every time keyword in the value text, last first.
std::vector<keyword_hit> keyword_hits(std::string_view line, piece text) {
    std::vector<keyword_hit> hits;
    visit_keyword_hits(line, text, [&](const keyword_hit& hit) {
        hits.push_back(hit);
        return false;
    });
    return hits;
}

std::optional<time_part> read_time_at(std::string_view line, piece text, const keyword_hit& hit);

// The time of the last keyword followed by a date, tried as the keywords
// are found (no list built).
std::optional<time_part> last_time(std::string_view line, piece text) {
    std::optional<time_part> time;
    visit_keyword_hits(line, text, [&](const keyword_hit& hit) {
        time = read_time_at(line, text, hit);
        return time.has_value();
    });
    return time;
}

// `from D to E` / `from D to present` / `from D`.
std::optional<time_part> read_from(std::string_view line, piece rest, std::size_t at) {
    const std::string_view t = text_of(line, rest);
    if (const auto to = t.find(" to "); to != std::string_view::npos) {
        const piece a = trimmed(line, rest.begin, rest.begin + to);
        const piece b = trimmed(line, rest.begin + to + 4, rest.end);
        const auto start = good_date(text_of(line, a));
        if (start && text_of(line, b) == "present") return time_part{at, value_scope::from, *start, rest};
        const auto end = good_date(text_of(line, b));
        if (start && end) return time_part{at, value_scope::from_to, time_span::hull(*start, *end), rest};
    }
    if (auto d = good_date(t)) return time_part{at, value_scope::from, *d, rest};
    return std::nullopt;
}

std::optional<time_part> read_time_at(std::string_view line, piece text, const keyword_hit& hit) {
    const piece rest = trimmed(line, hit.at + hit.kw->text.size(), text.end);
    if (hit.kw->scope == value_scope::from) return read_from(line, rest, hit.at);
    if (auto d = good_date(text_of(line, rest))) return time_part{hit.at, hit.kw->scope, *d, rest};
    return std::nullopt;
}

// ---- quantities ---------------------------------------------------------------

bool quantity_or_error(std::string_view line, piece p, claims_quantity::reader& quantities,
                       reference_value& out, line_error& error) {
    if (quantities.read(text_of(line, p), out)) return true;
    error = {p.begin, "expected a quantity such as `about 2,500 troops` or `$8.5 billion`, found `" +
                          std::string(text_of(line, p)) + "`"};
    return false;
}

// Text after a time keyword that was meant as a date: it starts with a
// digit or holds a four-digit year ("in 2021-02-30", "from 2020 to soon").
// Anything else ("in the morning") is part of the noun.
bool meant_as_date(std::string_view t) {
    if (!t.empty() && std::isdigit(static_cast<unsigned char>(t.front())) != 0) return true;
    std::size_t run = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) != 0) {
            ++run;
        } else {
            if (run == 4) return true;
            run = 0;
        }
    }
    return false;
}

// A time keyword is followed by text meant as a date that is not one:
// explain what is wrong with the date.
void explain_date_error(std::string_view line, piece text, const keyword_hit& hit, line_error& error) {
    const piece rest = trimmed(line, hit.at + hit.kw->text.size(), text.end);
    const std::string_view kw = hit.kw->text.substr(1, hit.kw->text.size() - 2);
    const auto to = text_of(line, rest).find(" to ");
    if (hit.kw->scope != value_scope::from || to == std::string_view::npos) {
        (void)date_or_error(line, rest, kw, error);
        return;
    }
    if (!date_or_error(line, trimmed(line, rest.begin, rest.begin + to), kw, error)) return;
    (void)date_or_error(line, trimmed(line, rest.begin + to + 4, rest.end), "to", error);
}

// The keyword whose date went wrong: the last one followed by text meant as
// a date, with a quantity before it.
const keyword_hit* failed_time(std::string_view line, piece text, const std::vector<keyword_hit>& hits) {
    for (const auto& hit : hits) {
        const piece rest = trimmed(line, hit.at + hit.kw->text.size(), text.end);
        const piece qty = trimmed(line, text.begin, hit.at);
        if (meant_as_date(text_of(line, rest)) && qty.begin != qty.end &&
            parse_quantity(text_of(line, qty))) {
            return &hit;
        }
    }
    return nullptr;
}

// A value with no time read: when a keyword was followed by a date that
// went wrong, explains it in `error` and returns true. Out of line so that
// read_value keeps a small frame.
[[gnu::noinline]] bool explained_date_error(std::string_view line, piece text, line_error& error) {
    const auto hits = keyword_hits(line, text);  // failed_time points into it
    const keyword_hit* bad = failed_time(line, text, hits);
    if (bad != nullptr) explain_date_error(line, text, *bad, error);
    return bad != nullptr;
}

}  // namespace

bool read_value(std::string_view line, std::size_t from, claims_quantity::reader& quantities,
                reference_value& out, line_error& error) {
    const piece text = trimmed(line, from, line.size());
    if (text.begin == text.end) {
        error = {text.begin, "expected a quantity after `value`, such as `about 2,500 troops in 2023`"};
        return false;
    }
    const std::optional<time_part> time = last_time(line, text);
    if (!time && explained_date_error(line, text, error)) return false;
    const piece qty = time ? trimmed(line, text.begin, time->keyword) : text;
    if (!quantity_or_error(line, qty, quantities, out, error)) {
        if (error.message.empty())
            error = {text.begin, "expected a quantity and an optional time after `value`"};
        return false;
    }
    out.text = text_of(line, text);  // a view of the file's content, kept by its storage
    if (time) {
        out.scope = time->scope;
        out.when = time->when;
    }
    return true;
}

std::optional<time_span> read_event_date(std::string_view line, std::size_t from, line_error& error) {
    return date_or_error(line, trimmed(line, from, line.size()), "date", error);
}

std::optional<time_span> read_period(std::string_view line, std::size_t from, line_error& error) {
    const piece text = trimmed(line, from, line.size());
    const auto to = text_of(line, text).find(" to ");
    if (to == std::string_view::npos) {
        error = {text.begin, "expected `DATE to DATE` or `DATE to present` after `period`"};
        return std::nullopt;
    }
    const piece a = trimmed(line, text.begin, text.begin + to);
    const piece b = trimmed(line, text.begin + to + 4, text.end);
    const auto start = date_or_error(line, a, "period", error);
    if (!start) return std::nullopt;
    if (text_of(line, b) == "present") return time_span{start->from, open_end, start->grain};
    const auto end = date_or_error(line, b, "to", error);
    if (!end) return std::nullopt;
    if (end->to < start->from) {
        error = {b.begin, "period end " + std::string(text_of(line, b)) + " is before its start " +
                              std::string(text_of(line, a))};
        return std::nullopt;
    }
    return time_span::hull(*start, *end);
}

time_span stated_span(const reference_value& v) {
    if (!v.when || v.scope == value_scope::timeless) return {open_start, open_end, granularity::century};
    switch (v.scope) {
        case value_scope::from: return {v.when->from, open_end, v.when->grain};
        case value_scope::until: return {open_start, v.when->to, v.when->grain};
        default: return *v.when;
    }
}

}  // namespace factlint::grammar::claims_values
