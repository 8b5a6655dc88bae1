#include "checker/patterns.hpp"

#include <algorithm>

#include "checker/words.hpp"
#include "claims/unit.hpp"

namespace factlint {

namespace {

using tk = token::kind;

bool is_percent_like(const grammar::quantity_match& q) {
    const std::string_view unit = q.unit;  // compared by size first, without strlen
    return unit == "percent" || unit == "percent_point";
}

// The quantity token at i, or -1.
int quantity_at(const sentence_analysis& a, std::size_t i) {
    if (i >= a.toks.tokens.size() || a.toks.tokens[i].what != tk::quantity) return -1;
    return a.toks.tokens[i].index;
}

// Skips "by", "some", "about" (hedges are inside the quantity already).
std::size_t skip_words(const sentence_analysis& a, std::size_t i,
                       std::initializer_list<std::string_view> ws) {
    while (i < a.toks.tokens.size() && a.toks.tokens[i].what == tk::word &&
           std::find(ws.begin(), ws.end(), a.toks.tokens[i].lower) != ws.end())
        ++i;
    return i;
}

// After "to"/"from": the figure, possibly after a time ("to $1.34 billion").
int figure_after(const sentence_analysis& a, std::size_t i) {
    return quantity_at(a, skip_words(a, i, {"a", "an", "the"}));
}

// Scans forward from i (up to `limit` tokens, staying within the sentence)
// for "to X" / "from Y" / "(D)" pieces of a change statement.
void collect_pieces(const sentence_analysis& a, std::size_t i, change_statement& c) {
    const auto& tokens = a.toks.tokens;
    int parens = 0;
    for (std::size_t steps = 0; i < tokens.size() && steps < 14; ++i, ++steps) {
        const token& t = tokens[i];
        if (t.is_punct("(")) {
            ++parens;
            // "($1.6 billion)" is the difference only in the figures' own unit;
            // "895.4 reais ($332)" is a conversion.
            const int d = quantity_at(a, i + 1);
            if (d >= 0 && c.delta < 0 && !is_percent_like(a.toks.quantities[d]))
                c.delta = d, c.delta_in_parens = true;
            continue;
        }
        if (t.is_punct(")")) {
            --parens;
            continue;
        }
        if (t.is_punct(";") || t.is_punct(":") || t.is_punct("--")) break;
        if (t.what == tk::word && (t.lower == "to" || t.lower == "at") && c.to < 0) {
            if (int x = figure_after(a, i + 1); x >= 0) c.to = x, c.last_token = i + 1;
        } else if (t.what == tk::word && t.lower == "from" && c.from < 0) {
            if (int y = figure_after(a, i + 1); y >= 0) c.from = y, c.last_token = i + 1;
        } else if (t.what == tk::word && t.has(words::rise | words::fall) && steps > 0) {
            break;  // another change statement begins
        }
    }
}

}  // namespace

std::vector<change_statement> find_changes(const sentence_analysis& a) {
    std::vector<change_statement> found;
    // Every statement starts at a rise or fall word (most sentences have none).
    if (!(a.word_classes & (words::rise | words::fall))) return found;
    const auto& tokens = a.toks.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const token& t = tokens[i];
        if (t.what != tk::word) continue;
        const bool rise = t.has(words::rise), fall = t.has(words::fall);
        if (!rise && !fall) continue;
        change_statement c;
        c.dir = rise ? change_info::direction::up : change_info::direction::down;
        c.first_token = c.last_token = i;
        // "rose [by] P%", "fell by D", "up P%"
        std::size_t j = skip_words(a, i + 1, {"by", "a", "an", "further", "another", "some"});
        if (int q = quantity_at(a, j); q >= 0) {
            if (is_percent_like(a.toks.quantities[q]))
                c.percent = q;
            else if (tokens[j - 1].is_word("by"))
                c.delta = q;
            c.last_token = j;
            collect_pieces(a, j + 1, c);
        } else {
            collect_pieces(a, i + 1, c);
        }
        // "X [in 2023], up P% from Y": the new value stands before the change word.
        if (c.to < 0 && (t.lower == "up" || t.lower == "down") && i >= 2 && tokens[i - 1].is_punct(",")) {
            for (std::size_t k = i - 1; k-- > 0 && i - k <= 5;) {
                const token& b = tokens[k];
                if (b.what == tk::time || (b.what == tk::word && b.has(words::filler))) continue;
                if (const int x = quantity_at(a, k);
                    x >= 0 && !is_percent_like(a.toks.quantities[static_cast<std::size_t>(x)]))
                    c.to = x, c.first_token = k;
                break;
            }
        }
        // "a 12% increase": the percent stands before the change word.
        if (c.percent < 0 && i >= 1) {
            if (int p = quantity_at(a, i - 1); p >= 0 && is_percent_like(a.toks.quantities[p])) {
                c.percent = p;
                c.first_token = i - 1;
            }
        }
        // A lone percent is kept for now: "from A to B, a P% increase" finds
        // its figures below.
        const int figures = (c.percent >= 0) + (c.delta >= 0) + (c.to >= 0) + (c.from >= 0);
        if (figures >= 1) found.push_back(c);
    }
    // "from A to B, a P% increase" is found from "increase" with the percent
    // before it; look for the A..B pair before it.
    for (change_statement& c : found) {
        if (c.to >= 0 || c.from >= 0 || c.percent < 0) continue;
        for (std::size_t i = c.first_token; i-- > 0 && c.first_token - i < 12;) {
            if (tokens[i].is_word("from")) {
                const int from = figure_after(a, i + 1);
                if (from >= 0) {
                    const std::size_t after = a.toks.quantity_token[static_cast<std::size_t>(from)] + 1;
                    if (after < tokens.size() && tokens[after].is_word("to")) {
                        c.from = from;
                        c.to = figure_after(a, after + 1);
                        c.first_token = i;
                    }
                }
                break;
            }
        }
    }
    // "fell 1.4% to 86.7bn Swiss francs ($74.6bn)": a figure in another
    // currency or unit is the same amount converted, not a difference.
    auto unit_of = [&](int q) -> const std::string& {
        return a.toks.quantities[static_cast<std::size_t>(q)].unit;
    };
    auto same_unit = [&](int x, int y) {
        return x < 0 || y < 0 || unit_of(x) == "count" || unit_of(y) == "count" ||
               compatible_units(unit_of(x), unit_of(y));
    };
    for (change_statement& c : found) {
        if (!same_unit(c.delta, c.to) || !same_unit(c.delta, c.from)) c.delta = -1;
        const int like = c.to >= 0 ? c.to : c.from;
        if (c.delta >= 0 && c.delta_in_parens && (like < 0 || unit_of(c.delta) != unit_of(like)))
            c.delta = -1;
        if (!same_unit(c.to, c.from)) c.from = -1;
    }
    std::erase_if(found, [](const change_statement& c) {
        return (c.percent >= 0) + (c.delta >= 0) + (c.to >= 0) + (c.from >= 0) < 2;
    });
    return found;
}

namespace {

struct total_marker {
    std::initializer_list<std::string_view> words;
    bool exhaustive;
};

// Markers that follow the total ("T, including A and B").
const total_marker after_markers[] = {
    {{"including"}, false},         {{"of", "which"}, false},
    {{"split", "between"}, true},   {{"split", "among"}, true},
    {{"divided", "between"}, true}, {{"divided", "among"}, true},
    {{"made", "up", "of"}, true},   {{"consisting", "of"}, true},
    {{"comprising"}, true},         {{"broken", "down", "into"}, true},
    {{"shared", "between"}, true},
};

bool words_at(const sentence_analysis& a, std::size_t i, std::initializer_list<std::string_view> ws) {
    for (std::string_view w : ws) {
        if (i >= a.toks.tokens.size() || !a.toks.tokens[i].is_word(w)) return false;
        ++i;
    }
    return true;
}

bool same_measure(const grammar::quantity_match& a, const grammar::quantity_match& b) {
    return a.unit == b.unit && !is_percent_like(a);
}

// The parts that follow token i: figures of the total's unit, separated by
// commas, "and", and the words that describe each part ("$21 million for
// pipelines and $12 million for rebates").
std::vector<int> parts_after(const sentence_analysis& a, std::size_t i, int total) {
    std::vector<int> parts;
    const auto& tq = a.toks.quantities[static_cast<std::size_t>(total)];
    for (; i < a.toks.tokens.size(); ++i) {
        const token& t = a.toks.tokens[i];
        if (t.is_punct(";") || t.is_punct("--") || t.is_punct(".")) break;
        if (t.what == tk::quantity) {
            const auto& q = a.toks.quantities[static_cast<std::size_t>(t.index)];
            // A share ("40% of it") or another measure ends the list.
            if (!same_measure(q, tq)) break;
            parts.push_back(t.index);
        }
        if (t.what == tk::word && t.has(words::rise | words::fall)) break;
    }
    return parts;
}

// The statement that starts at token i, if any: "a total of T" there, or
// the figure T there followed by a marker.
void total_at(const sentence_analysis& a, std::size_t i, std::vector<total_statement>& found) {
    const auto& tokens = a.toks.tokens;
    // "a total of T" (exhaustive when the parts follow after ':' or ',')
    if (tokens[i].is_word("total") && words_at(a, i + 1, {"of"})) {
        const int total = quantity_at(a, i + 2);
        if (total < 0 || is_percent_like(a.toks.quantities[static_cast<std::size_t>(total)])) return;
        std::size_t j = i + 3;
        // The words describing the total ("on relief") come before the list.
        while (j < tokens.size() && tokens[j].what == tk::word) ++j;
        if (j >= tokens.size() || !(tokens[j].is_punct(":") || tokens[j].is_punct(","))) return;
        total_statement s{total, true, "a total of", parts_after(a, j + 1, total)};
        if (s.parts.size() >= 2) found.push_back(std::move(s));
        return;
    }
    if (tokens[i].what != tk::quantity ||
        is_percent_like(a.toks.quantities[static_cast<std::size_t>(tokens[i].index)]))
        return;
    const int total = tokens[i].index;
    std::size_t j = i + 1;
    // "T in 2025, including …"
    while (j < tokens.size() &&
           (tokens[j].what == tk::time || (tokens[j].what == tk::word && tokens[j].has(words::filler))))
        ++j;
    if (j < tokens.size() && tokens[j].is_punct(",")) ++j;
    // Every marker starts with a word of that class (a figure's next word mostly is none).
    if (j >= tokens.size() || !tokens[j].has(words::marker_lead)) return;
    for (const total_marker& m : after_markers) {
        if (!words_at(a, j, m.words)) continue;
        std::string marker;
        for (std::string_view w : m.words) {
            if (!marker.empty()) marker += ' ';
            marker.append(w);
        }
        total_statement s{total, m.exhaustive, std::move(marker), parts_after(a, j + m.words.size(), total)};
        const std::size_t needed = m.exhaustive ? 2 : 1;
        if (s.parts.size() >= needed) found.push_back(std::move(s));
        return;
    }
}

}  // namespace

std::vector<total_statement> find_totals(const sentence_analysis& a) {
    std::vector<total_statement> found;
    const auto& tokens = a.toks.tokens;
    // A statement starts at the word "total" or at a figure: in a sentence
    // without that word, the figures' tokens alone (in order, as the whole
    // walk meets them).
    if (a.word_classes & words::total_word) {
        for (std::size_t i = 0; i < tokens.size(); ++i) total_at(a, i, found);
        return found;
    }
    for (std::size_t q = 0; q < a.toks.quantity_token.size(); ++q) {
        const std::size_t i = a.toks.quantity_token[q];
        if (i < tokens.size() && tokens[i].what == tk::quantity && tokens[i].index == static_cast<int>(q))
            total_at(a, i, found);
    }
    return found;
}

}  // namespace factlint
