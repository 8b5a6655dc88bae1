// TempEval-3 (TBAQ-cleaned): every TIMEX3 type="DATE" in TimeBank and
// AQUAINT against grammar::find_times, with each document's creation time
// as the document date.
#include "tests/conformance/tempeval.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "grammar/parse.hpp"

namespace factlint::conformance {
namespace {

std::string attribute(std::string_view tag, std::string_view name) {
    std::string key(" ");
    key += name;
    key += "=\"";
    const auto at = tag.find(key);
    if (at == std::string_view::npos) return {};
    const auto from = at + key.size();
    const auto to = tag.find('"', from);
    return to == std::string_view::npos ? std::string() : std::string(tag.substr(from, to - from));
}

void append_entity(std::string_view entity, std::string& out) {
    if (entity == "amp")
        out += '&';
    else if (entity == "lt")
        out += '<';
    else if (entity == "gt")
        out += '>';
    else if (entity == "quot")
        out += '"';
    else if (entity == "apos")
        out += '\'';
    else {
        out += '&';
        out += entity;
        out += ';';
    }
}

// TEXT with its tags removed and entities decoded; TIMEX3 spans recorded in
// plain-text bytes as they are closed.
void strip_markup(std::string_view xml, tml_document& doc) {
    std::vector<gold_timex> open;
    std::size_t i = 0;
    while (i < xml.size()) {
        const char ch = xml[i];
        if (ch == '&') {
            const auto semi = xml.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 6) {
                append_entity(xml.substr(i + 1, semi - i - 1), doc.text);
                i = semi + 1;
                continue;
            }
        }
        if (ch != '<') {
            doc.text += ch;
            ++i;
            continue;
        }
        const auto close = xml.find('>', i);
        if (close == std::string_view::npos) break;
        const std::string_view tag = xml.substr(i + 1, close - i - 1);
        if (tag.starts_with("TIMEX3")) {
            open.push_back({attribute(tag, "type"), attribute(tag, "value"), doc.text.size(), 0});
        } else if (tag.starts_with("/TIMEX3") && !open.empty()) {
            open.back().end = doc.text.size();
            doc.timexes.push_back(open.back());
            open.pop_back();
        }
        i = close + 1;
    }
}

// Forty bytes either side of a span, on one line, for the failure lists.
std::string context_of(std::string_view text, std::size_t begin, std::size_t end) {
    const std::size_t from = begin > 40 ? begin - 40 : 0;
    std::string context(text.substr(from, std::min(text.size(), end + 40) - from));
    std::replace(context.begin(), context.end(), '\n', ' ');
    return "…" + context + "…";
}

}  // namespace

std::optional<tml_document> read_tml(const std::string& xml) {
    tml_document doc;
    const auto dct = xml.find("functionInDocument=\"CREATION_TIME\"");
    if (dct == std::string::npos) return std::nullopt;
    const auto tag_start = xml.rfind("<TIMEX3", dct);
    const auto tag_end = xml.find('>', dct);
    const std::string value =
        attribute(std::string_view(xml).substr(tag_start, tag_end - tag_start), "value");
    doc.creation = parse_iso_date(std::string_view(value).substr(0, std::min<std::size_t>(10, value.size())));
    const auto text_start = xml.find("<TEXT>");
    const auto text_end = xml.find("</TEXT>");
    if (!doc.creation || text_start == std::string::npos || text_end == std::string::npos)
        return std::nullopt;
    strip_markup(std::string_view(xml).substr(text_start + 6, text_end - text_start - 6), doc);
    return doc;
}

// The span a TimeML DATE value names, or nullopt for forms with no span
// (PRESENT_REF, seasons, XXXX-…), which compare by their normalized text.
std::optional<time_span> timeml_span(std::string_view v) {
    // "1968-XX" and "1998-10-XX" leave the finer parts unspecified: a year, a month.
    while (v.size() > 4 && v.ends_with("-XX")) v.remove_suffix(3);
    auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (v.size() >= 10 && v[4] == '-' && v[7] == '-') return parse_iso_date(v.substr(0, 10));
    if (v.size() == 7 && v[4] == '-' && v[5] == 'Q' && digits(v.substr(0, 4)) && v[6] >= '1' && v[6] <= '4')
        return time_span::quarter(std::stoi(std::string(v.substr(0, 4))), unsigned(v[6] - '0'));
    if ((v.size() == 7 || v.size() == 8) && v[4] == '-' && v[5] == 'W' && digits(v.substr(0, 4)) &&
        digits(v.substr(6))) {
        // ISO week: the week holding January 4 is week 1, weeks start on Monday.
        const int year = std::stoi(std::string(v.substr(0, 4)));
        const day_number jan4 = to_day_number({year, 1, 4});
        const int weekday = ((jan4 + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
        const day_number monday = jan4 - weekday + (std::stoi(std::string(v.substr(6))) - 1) * 7;
        return time_span{monday, monday + 6, granularity::day};
    }
    if (v.size() == 7 && v[4] == '-' && digits(v.substr(0, 4)) && digits(v.substr(5, 2)))
        return parse_iso_date(v);
    if (v.size() == 4 && digits(v)) return time_span::year(std::stoi(std::string(v)));
    if ((v.size() == 3 && digits(v)) || (v.size() == 4 && digits(v.substr(0, 3)) && v[3] == 'X'))
        return time_span::decade(std::stoi(std::string(v.substr(0, 3))) * 10);
    return std::nullopt;
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The part of a gold DATE value factlint can hold. SPEC §4.3 reads dates,
// not times of day, so a DATE timex written with one ("9 a.m. Tuesday" is
// "2000-04-04T09:00", "Wednesday night" "2000-01-05TEV") is compared at its
// day; trailing unspecified parts are dropped as in timeml_span ("1949-XX"
// is the year 1949, "1998-10-XX" the month).
std::string_view gold_date_part(std::string_view v) {
    if (v.size() > 10 && v[4] == '-' && v[7] == '-' && v[10] == 'T' && all_digits(v.substr(0, 4)))
        v = v.substr(0, 10);
    while (v.size() > 4 && v.ends_with("-XX")) v.remove_suffix(3);
    return v;
}

// A gold value whose year is written and whose week or quarter number is
// left unspecified ("1989-WXX": a week of 1989, "1988-QX": a quarter of
// 1988), or a century written as a year with its last two digits
// unspecified ("19XX", as "199X" is a decade): right when ours is a value of
// that granularity agreeing on every part the gold specifies.
bool unspecified_part_right(std::string_view gold, std::string_view ours) {
    if (gold.size() == 8 && gold.substr(4) == "-WXX" && all_digits(gold.substr(0, 4)))
        return ours.size() == 8 && ours.substr(0, 6) == gold.substr(0, 6) && all_digits(ours.substr(6));
    if (gold.size() == 7 && gold.substr(4) == "-QX" && all_digits(gold.substr(0, 4)))
        return ours.size() == 7 && ours.substr(0, 6) == gold.substr(0, 6) && ours[6] >= '1' && ours[6] <= '4';
    if (gold.size() == 4 && gold.substr(2) == "XX" && all_digits(gold.substr(0, 2)))
        return ours == gold.substr(0, 2);
    return false;
}

// Is our value (text `ours`, days `span`) the gold value at its granularity?
bool value_right(std::string_view gold, std::string_view ours, const std::optional<time_span>& span,
                 const time_span& document_date) {
    if (ours == gold || unspecified_part_right(gold, ours)) return true;
    gold = gold_date_part(gold);
    if (ours == gold) return true;
    if (gold == "PRESENT_REF")
        return span && span->from == document_date.from && span->to == document_date.to;
    const auto want = timeml_span(gold);
    return want && span && span->from == want->from && span->to == want->to;
}

}  // namespace

// Right at the gold value's granularity: the same span of days, or for forms
// with no span the same TIMEX value text. PRESENT_REF is also right when our
// match resolved to the document date itself ("today"). TempEval marks each
// end of a range as its own TIMEX3 ("between 1994 and 1997" is two), where
// SPEC §4.1 makes one record of the range whose value names both ends
// ("1994/1997"): a gold timex ending before our range ends is compared with
// its first end, one ending where it ends with its second.
bool timeml_value_right(const gold_timex& gold, const grammar::time_match& m,
                        const time_span& document_date) {
    if (value_right(gold.value, m.normalized, m.span, document_date)) return true;
    const auto slash = m.normalized.find('/');
    if (m.kind != grammar::time_kind::span || slash == std::string::npos) return false;
    const bool first = gold.end < m.end;
    if (!first && gold.begin <= m.begin) return false;  // the gold spans the whole range
    const std::string_view end_value = first ? std::string_view(m.normalized).substr(0, slash)
                                             : std::string_view(m.normalized).substr(slash + 1);
    return value_right(gold.value, end_value, timeml_span(end_value), document_date);
}

tempeval_counts measure_document(const tml_document& doc, std::vector<failure>* misses) {
    tempeval_counts n;
    std::vector<grammar::time_match> ours;
    try {
        ours = grammar::find_times(doc.text, doc.creation);
    } catch (const std::exception& e) {  // a grammar bug: the document's dates count as missed
        ++n.exceptions;
        if (misses) misses->push_back({"(whole document)", "find_times must not throw", e.what()});
    }
    auto overlap = [](std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
        return std::min(e1, e2) > std::max(b1, b2) ? std::min(e1, e2) - std::max(b1, b2) : std::size_t{0};
    };
    for (const auto& g : doc.timexes) {
        if (g.type != "DATE") continue;
        ++n.dates;
        const bool vague = g.value == "PRESENT_REF" || g.value == "PAST_REF" || g.value == "FUTURE_REF";
        n.vague += vague;
        const grammar::time_match* best = nullptr;
        std::size_t best_overlap = 0;
        for (const auto& m : ours)
            if (auto o = overlap(g.begin, g.end, m.begin, m.end); o > best_overlap)
                best = &m, best_overlap = o;
        if (best) ++n.found;
        if (best && timeml_value_right(g, *best, *doc.creation)) {
            ++n.value_right;
            n.vague_right += vague;
            continue;
        }
        if (!misses) continue;
        std::string got = "(nothing)";
        if (best) got = quoted_span(doc.text, best->begin, best->end) + " " + best->normalized;
        const std::string context = context_of(doc.text, g.begin, g.end);
        misses->push_back({context,
                           quoted_span(doc.text, g.begin, g.end) + " " + g.value + "  [document date " +
                               iso_date(doc.creation->from) + "]",
                           got});
    }
    for (const auto& m : ours) {
        const bool touches_gold =
            std::any_of(doc.timexes.begin(), doc.timexes.end(),
                        [&](const gold_timex& g) { return overlap(g.begin, g.end, m.begin, m.end) > 0; });
        if (touches_gold) continue;
        ++n.false_positives;
        if (misses)
            misses->push_back({context_of(doc.text, m.begin, m.end), "(no TIMEX3 here)",
                               quoted_span(doc.text, m.begin, m.end) + " " + m.normalized});
    }
    return n;
}

std::vector<suite_score> run_tempeval(const std::filesystem::path& root) {
    tempeval_counts total;
    std::vector<failure> span_misses, value_misses, false_positives;
    int documents = 0;
    std::vector<std::filesystem::path> files;
    for (const char* part : {"TimeBank", "AQUAINT"})
        for (const auto& e : std::filesystem::directory_iterator(root / part))
            if (e.path().extension() == ".tml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        const auto doc = read_tml(read_text_file(f));
        if (!doc) continue;
        ++documents;
        std::vector<failure> misses;
        const auto n = measure_document(*doc, &misses);
        for (auto& m : misses) {
            m.input = f.filename().string() + ": " + m.input;
            auto& list = m.expected == "(no TIMEX3 here)" ? false_positives
                         : m.got == "(nothing)"           ? span_misses
                                                          : value_misses;
            list.push_back(std::move(m));
        }
        total.dates += n.dates;
        total.found += n.found;
        total.value_right += n.value_right;
        total.false_positives += n.false_positives;
        total.vague += n.vague;
        total.vague_right += n.vague_right;
        total.exceptions += n.exceptions;
    }
    suite_score spans;
    spans.name = "tempeval3.date_span";
    spans.in_scope = spans.all_cases = total.dates;
    spans.right = spans.all_right = total.found;
    spans.failures = std::move(span_misses);
    suite_score values;
    values.name = "tempeval3.date_value";
    values.in_scope = values.all_cases = total.dates;
    values.right = values.all_right = total.value_right;
    values.failures = std::move(value_misses);
    values.failures.insert(values.failures.end(), spans.failures.begin(), spans.failures.end());
    // For information only (the score above counts every DATE): how the
    // values with a calendar date fare, apart from the vague references
    // factlint does not read (docs/conformance.md says why).
    const int dated = total.dates - total.vague, dated_right = total.value_right - total.vague_right;
    char note[500];
    std::snprintf(
        note, sizeof note,
        "tempeval3: %d documents, %d DATE timexes; %d of our time matches overlap no gold TIMEX3 of "
        "any type; find_times threw on %d documents\n"
        "tempeval3: %d DATE values are PRESENT_REF/PAST_REF/FUTURE_REF (%d right); the other %d: %d "
        "right (%.1f%%)",
        documents, total.dates, total.false_positives, total.exceptions, total.vague, total.vague_right,
        dated, dated_right, dated == 0 ? 0.0 : 100.0 * dated_right / dated);
    values.note = note;
    values.false_positives = std::move(false_positives);
    return {std::move(spans), std::move(values)};
}

}  // namespace factlint::conformance
