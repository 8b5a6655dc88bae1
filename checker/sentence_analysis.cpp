#include "checker/sentence_analysis.hpp"

#include "checker/words.hpp"

namespace factlint {

namespace {

bool is_part_boundary(const token& t) {
    if (t.what != token::kind::punct) return false;
    if (t.lower.size() != 1) return t.lower == "--";
    switch (t.lower[0]) {
        case ',':
        case ';':
        case ':':
        case '(':
        case ')':
        case '[':
        case ']': return true;
        default: return false;
    }
}

bool next_word_is(const sentence_analysis& a, std::size_t i, std::string_view w) {
    return i + 1 < a.toks.tokens.size() && a.toks.tokens[i + 1].is_word(w);
}

// "due to finish" and "set to rise" announce plans; "due to the drought" does not.
bool announces_plan(const sentence_analysis& a, std::size_t i) {
    const token& t = a.toks.tokens[i];
    if (!t.has(words::future)) return false;
    if (t.has(words::plan_word)) {
        if (!next_word_is(a, i, "to") || i + 2 >= a.toks.tokens.size()) return false;
        const token& after = a.toks.tokens[i + 2];
        return after.what == token::kind::word && !after.has(words::noun_stop);
    }
    return true;
}

}  // namespace

namespace {
// Tokens other than words have no classes.
tense marker_of(const token& t) {
    if (t.has(words::future) && !t.has(words::plan_word)) return tense::future;
    if (t.has(words::present)) return tense::present;
    if (t.has(words::past)) return tense::past;
    return tense::unknown;
}
}  // namespace

sentence_analysis analyze_sentence(std::string_view text, const std::optional<time_span>& document_date) {
    sentence_analysis a;
    analyze_sentence(text, document_date, a);
    return a;
}

void analyze_sentence(std::string_view text, const std::optional<time_span>& document_date,
                      sentence_analysis& a) {
    a.text = text;
    find_matches(text, document_date, a.toks);
    a.part_count = 0;
    a.part_has_quantity.clear();
    a.part_forecast.clear();
    a.word_classes = 0;
    // Nothing is extracted from a sentence without a figure or a date: its
    // tokens would never be read (most sentences of prose are such).
    if (a.toks.quantities.empty() && a.toks.times.empty()) {
        a.part.clear();
        a.marker.clear();
        return;
    }
    tokenize_between_matches(text, a.toks);
    // The tables of nearest markers and dates are an earlier sentence's.
    a.marker_before.clear();
    a.marker_after.clear();
    a.time_before.clear();
    const token* const tokens = a.toks.tokens.data();
    const std::size_t n = a.toks.tokens.size();
    // Every element is written below: resized from what an earlier sentence
    // left, only the new ones are zeroed first.
    a.part.resize(n);
    a.marker.resize(n);
    std::size_t* const part = a.part.data();
    tense* const marker = a.marker.data();
    // One pass: a token's part, its tense marker, and what its part holds
    // (kept in locals until the part ends: the vectors of bytes would be
    // stores that may alias everything the loop reads).
    std::size_t p = 0;
    bool has_quantity = false, forecast = false;
    unsigned classes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const token& t = tokens[i];
        // A boundary after the first token starts a part (parts are never empty).
        if (i > 0 && is_part_boundary(t)) {
            a.part_has_quantity.push_back(has_quantity);
            a.part_forecast.push_back(forecast);
            has_quantity = forecast = false;
            ++p;
        }
        part[i] = p;
        marker[i] = marker_of(t);
        classes |= t.classes;
        if (t.what == token::kind::quantity) has_quantity = true;
        if (t.has(words::future) && announces_plan(a, i)) forecast = true;
    }
    if (n > 0) {
        a.part_has_quantity.push_back(has_quantity);
        a.part_forecast.push_back(forecast);
    }
    a.word_classes = classes;
    a.part_count = a.part_has_quantity.size();
}

namespace {

// How far tense_at and time_for_quantity look before they fall back on the
// tables of sentence_analysis: what they look for (a verb or tense word, a
// date) is a few tokens away in prose.
constexpr std::size_t reach = 32;

// Both tables of sentence_analysis::marker_before and marker_after, in one
// pass each way.
void build_marker_tables(const sentence_analysis& a) {
    const std::size_t n = a.marker.size();
    a.marker_before.resize(n);
    a.marker_after.resize(n);
    std::size_t last = sentence_analysis::none;
    for (std::size_t i = 0; i < n; ++i) {
        a.marker_before[i] = last;
        if (a.marker[i] != tense::unknown) last = i;
    }
    last = sentence_analysis::none;
    for (std::size_t i = n; i-- > 0;) {
        a.marker_after[i] = last;
        if (a.marker[i] != tense::unknown) last = i;
    }
}

// nearest_marker from the tables (built here on first need): the nearest
// marker on each side in the sentence is also the nearest in k's part
// when it lies in that part, parts being runs of tokens.
[[gnu::cold, gnu::noinline]] tense nearest_from_tables(const sentence_analysis& a, std::size_t k,
                                                       bool same_part_only) {
    if (a.marker_before.size() != a.marker.size()) build_marker_tables(a);
    std::size_t before = a.marker_before[k], after = a.marker_after[k];
    if (same_part_only) {
        if (before != sentence_analysis::none && a.part[before] != a.part[k])
            before = sentence_analysis::none;
        if (after != sentence_analysis::none && a.part[after] != a.part[k]) after = sentence_analysis::none;
    }
    if (before == sentence_analysis::none && after == sentence_analysis::none) return tense::unknown;
    if (after == sentence_analysis::none || (before != sentence_analysis::none && k - before <= after - k))
        return a.marker[before];
    return a.marker[after];
}

// The marker nearest to token k, the one before it when two are as near,
// within k's part or not; unknown if none. Each side stops where the part
// (a run of tokens) or the sentence ends, and the search at the nearest
// marker or `reach` tokens out, where the tables take over: a call costs
// the distance to the nearest marker, up to `reach`.
tense nearest_marker(const sentence_analysis& a, std::size_t k, bool same_part_only) {
    const std::size_t n = a.marker.size();
    const tense* const marker = a.marker.data();
    const std::size_t* const part = a.part.data();
    const auto inside = [&](std::size_t i) { return !same_part_only || part[i] == part[k]; };
    for (std::size_t d = 1;; ++d) {
        const bool before = d <= k && inside(k - d);
        const bool after = k + d < n && inside(k + d);
        if (!before && !after) return tense::unknown;
        if (d > reach) return nearest_from_tables(a, k, same_part_only);
        if (before && marker[k - d] != tense::unknown) return marker[k - d];
        if (after && marker[k + d] != tense::unknown) return marker[k + d];
    }
}

}  // namespace

// Without the tables, a sentence of thousands of figures and no verb
// ("12,345 riders in 2001, 45,678 riders in 2002, ..." on one line) cost
// the whole sentence per figure: a 1.75 MB line took 46 s
// (docs/performance.md part 23).
tense tense_at(const sentence_analysis& a, std::size_t token_index) {
    if (const tense t = nearest_marker(a, token_index, true); t != tense::unknown) return t;
    return nearest_marker(a, token_index, false);
}

governing_verb governing_role(const sentence_analysis& a, std::size_t time_token) {
    const auto& tokens = a.toks.tokens;
    // Walk back over fillers ("ended officially in") to the verb, within the part.
    for (std::size_t back = 1; back <= 4 && back <= time_token; ++back) {
        const std::size_t i = time_token - back;
        const token& t = tokens[i];
        if (t.what != token::kind::word || a.part[i] != a.part[time_token]) break;
        if (t.has(words::start_verb)) return {event_role::start, i};
        if (t.has(words::end_verb)) return {event_role::end, i};
        if (t.has(words::event_verb)) return {event_role::date, i};
        if (!t.has(words::filler)) break;
    }
    return {};
}

std::string_view noun_after(const sentence_analysis& a, std::size_t quantity_token) {
    const auto& tokens = a.toks.tokens;
    std::size_t first = 0, last = 0, count = 0;
    for (std::size_t i = quantity_token + 1; i < tokens.size() && count < 4; ++i) {
        const token& t = tokens[i];
        if (t.what != token::kind::word || t.has(words::noun_stop)) break;
        if (count > 0 && t.has(words::past | words::present | words::start_verb | words::end_verb)) break;
        if (t.lower.ends_with("ing") && count > 0) break;
        if (count == 0) first = i;
        last = i;
        ++count;
    }
    if (count == 0) return {};
    return a.text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

std::string event_subject(const sentence_analysis& a, std::size_t verb) {
    const auto& tokens = a.toks.tokens;
    auto ignorable = [](const token& t) {
        return t.has(words::noun_stop | words::filler | words::past | words::present | words::start_verb |
                     words::end_verb);
    };
    auto singular = [](std::string_view w) {
        if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
        return w;
    };
    for (std::size_t steps = 0, i = verb; i-- > 0 && steps < 14; ++steps) {
        const token& t = tokens[i];
        if (t.is_punct(";") || t.is_punct(":") || t.is_punct("--") || t.is_punct(".")) break;
        if (t.what != token::kind::word || ignorable(t)) continue;  // commas of an appositive, dates, figures
        // The head noun and the word before it: "minimum wage", "drought
        // emergency"; a bare head ("the emergency") is too vague to compare
        // without a reference claim.
        if (i == 0 || tokens[i - 1].what != token::kind::word || ignorable(tokens[i - 1])) return {};
        std::string head(tokens[i - 1].lower);
        head += ' ';
        head += singular(t.lower);
        return head;
    }
    return {};
}

namespace {

// The table of sentence_analysis::time_before, in one pass.
void build_time_table(const sentence_analysis& a) {
    const auto& tokens = a.toks.tokens;
    a.time_before.resize(tokens.size());
    std::size_t last = sentence_analysis::none;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        a.time_before[k] = last;
        if (tokens[k].what == token::kind::time) last = k;
    }
}

// The nearest time token before token q in q's part, or none. The walk
// back passes over figures: in a part of thousands of figures after one
// date ("in 2000 — $1 million — $2 million — ...") each figure's walk was
// the part, so past `reach` tokens the table of the sentence (built here
// on first need) answers (docs/performance.md part 23).
std::size_t time_before_in_part(const sentence_analysis& a, std::size_t q) {
    const auto& tokens = a.toks.tokens;
    const std::size_t part = a.part[q];
    std::size_t steps = 0;
    for (std::size_t i = q; i-- > 0 && a.part[i] == part;) {
        if (tokens[i].what == token::kind::time) return i;
        if (++steps == reach) {
            if (a.time_before.size() != tokens.size()) build_time_table(a);
            const std::size_t t = a.time_before[q];
            return t != sentence_analysis::none && a.part[t] == part ? t : sentence_analysis::none;
        }
    }
    return sentence_analysis::none;
}

}  // namespace

std::optional<std::size_t> time_for_quantity(const sentence_analysis& a, std::size_t quantity_index) {
    if (a.toks.times.empty()) return std::nullopt;  // the walks below look for a time only
    const auto& tokens = a.toks.tokens;
    const std::size_t q = a.toks.quantity_token[quantity_index];
    const std::size_t part = a.part[q];
    // The first time after the quantity, before the next quantity of the part.
    for (std::size_t i = q + 1; i < tokens.size() && a.part[i] == part; ++i) {
        if (tokens[i].what == token::kind::quantity) break;
        if (tokens[i].what == token::kind::time) return static_cast<std::size_t>(tokens[i].index);
    }
    // Else the nearest before it in the part.
    if (const std::size_t t = time_before_in_part(a, q); t != sentence_analysis::none)
        return static_cast<std::size_t>(tokens[t].index);
    // Else a time in an earlier part with no figure between ("In October
    // 2007, there were about 170,000 troops").
    for (std::size_t i = q; i-- > 0;) {
        if (tokens[i].what == token::kind::quantity) break;
        if (tokens[i].what == token::kind::time) return static_cast<std::size_t>(tokens[i].index);
    }
    return std::nullopt;
}

}  // namespace factlint
