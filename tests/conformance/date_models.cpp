// Recognizers-Text DateTime English: the Date and DatePeriod extractors (spans
// only) and the DateTime model (spans and resolved dates) against
// grammar::find_times.
#include <string_view>

#include "grammar/parse.hpp"
#include "tests/conformance/recognizers.hpp"

namespace factlint::conformance {
namespace {

using rule = exclusion_rule<rt_case>;
using grammar::time_match;

// ---- exclusion categories (SPEC §4.3 names what factlint reads) ------------

bool any_type_outside_dates(const rt_case& c) {
    for (const auto& r : c.results)
        if (r.type != "datetimeV2.date" && r.type != "datetimeV2.daterange" && r.type != "date" &&
            r.type != "daterange")
            return true;
    return false;
}

std::string mod_of(const nlohmann::json& value) {
    auto it = value.find("Mod");
    return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Resolution values of a model result ([] for extractor files).
const nlohmann::json& values_of(const rt_result& r) {
    static const nlohmann::json none = nlohmann::json::array();
    if (!r.resolution.is_object()) return none;
    auto it = r.resolution.find("values");
    return it != r.resolution.end() && it->is_array() ? *it : none;
}

bool modified(const rt_case& c) {
    for (const auto& r : c.results)
        for (const auto& v : values_of(r))
            if (const auto m = mod_of(v); !m.empty() && m != "since") return true;
    return any_result_text(
        c, R"(\b(early|earlier|mid|late|later|end of|beginning of|start of|rest of|before|after|)"
           R"(greater than|as early as|as late as|around|eoy|eom)\b|^(mid|late|early)|[<>]?\s*=\s*\d)");
}

bool unresolved(const rt_case& c) {
    for (const auto& r : c.results)
        for (const auto& v : values_of(r)) {
            auto it = v.find("value");
            if (it != v.end() && it->is_string() && it->get<std::string>() == "not resolved") return true;
        }
    return false;
}

const char* const month_names = R"(\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)";

// clang-format off
const rule dotnet{"not_supported_on_dotnet", not_supported_on_dotnet};
const rule outside_dates{"times_durations_sets", any_type_outside_dates};
const rule weekdays{"weekdays", [](const rt_case& c) {
    return any_result_text(c, R"(\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|)"
                              R"(thu|thur|thurs|fri|sat|sun)s?\b)");
}};
const rule holidays{"holidays", [](const rt_case& c) {
    return any_result_text(c, R"(christmas|thanksgiving|easter|halloween|independence|new year'?s? (day|eve)|)"
                              R"(new year day|valentine|patrick|memorial|labou?r day|mother|father|workers|earth day|)"
                              R"(eid al)");
}};
const rule day_of_forms{"nth_day_of_month_forms", [](const rt_case& c) {
    return any_result_text(c, R"(\b\w+ day of\b)");
}};
const rule weeks{"weeks_and_weekends", [](const rt_case& c) {
    return any_result_text(c, R"(\bweek|\bw\d|\bwk|w/c)");
}};
const rule seasons{"seasons", [](const rt_case& c) {
    return any_result_text(c, R"(\b(spring|summer|fall|autumn|winter)\b)");
}};
const rule quarters{"quarters_and_halves", [](const rt_case& c) {
    return any_result_text(c, R"(\bquarter|\bq[1-4]\b|\bh[12]\b|\bhalf\b)");
}};
const rule counted_offsets{"counted_offsets_in_days_weeks_months", [](const rt_case& c) {
    // "next 3 days", "in two weeks", "within 9 months": SPEC reads only "N years ago".
    return any_result_text(c, R"(\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple|few|)"
                              R"(several|some)\s+(\w+\s+)?(days?|weeks?|months?|years?|decades?)\b(?! ago))");
}};
const rule modifiers{"modifiers_before_after_mid", modified};
const rule centuries{"centuries", [](const rt_case& c) { return any_result_text(c, R"(\bcentury\b)"); }};
const rule spelled_numbers{"spelled_day_or_year_numbers", [](const rt_case& c) {
    return any_result_text(c, R"(\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|)"
                              R"(twelfth|[a-z]+teenth|twentieth|thirtieth|twenty|thirty|eleven|twelve|[a-z]+teen|)"
                              R"(hundred|thousand|nineties|eighties|seventies|noughties|thousands)\b)");
}};
const rule day_without_month{"day_without_month_or_year", [](const rt_case& c) {
    for (const auto& r : c.results) {
        if (contains_word_regex(r.lowered, month_names) || contains_word_regex(r.lowered, R"(\d{4}|'\d\d)")) continue;
        if (contains_word_regex(r.lowered, R"(^(the )?\d{1,2}(st|nd|rd|th)?$|\d(st|nd|rd|th)? (of )?(this|next|last) month)"))
            return true;
    }
    return false;
}};
const rule numeric_without_year{"numeric_dates_without_year", [](const rt_case& c) {
    for (const auto& r : c.results)
        if (contains_word_regex(r.lowered, R"(\d{1,2}\s*[/.-]\s*\d{1,2})") &&
            !contains_word_regex(r.lowered, R"(\d{4}|\d+[/.-]\d+[/.-]\d+)"))
            return true;
    return false;
}};
const rule relative_words{"relative_words_outside_spec", [](const rt_case& c) {
    return any_result_text(c, R"(\b(tmrw|tmr|fortnight|otd|workweek|next day|last day|current date|)"
                              R"(day after tomorrow|day before yesterday|the day (before|after))\b)");
}};
const rule numeric_formats{"numeric_date_formats_outside_spec", [](const rt_case& c) {
    // SPEC §4.3 reads 2021-12-09 and 12/9/2021; not dotted, compact, spaced,
    // two-digit-year, year/month or month-name-with-slash forms.
    return any_result_text(c, R"(\d+\.\d+\.\d+|\b\d{8}\b|\b\d{4} \d{1,2} \d{1,2}\b|)"
                              R"(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b(?![/.-]?\d)|\b\d{4}\s*[/.]\s*\d{1,2}\b|)"
                              R"(\b\d{4}-\d\b(?![\d-])|\b\d{4}(\s+-\s*|\s*-\s+)\d{1,2}\b(?!\d)|(^|[^\d/.-])\d{1,2}\s*[/-]\s*\d{4}\b|)"
                              R"([a-z]{3}[/-]\d|\d[/-][a-z]{3}|\b\d{4}\.\d|\b(cy|fy)\s*\d|\bof '?\d\d$)");
}};
const rule urls{"inside_urls_and_file_names", [](const rt_case& c) {
    return contains_word_regex(c.lowered_input, R"(www\.|https?://|\.(html?|xlsx?|pdf|txt)\b|[a-z]_[a-z])");
}};
const rule unresolvable{"unresolvable_value", unresolved};
const rule bare_unit_words{"bare_unit_words_the_year_same_month", [](const rt_case& c) {
    return any_result_text(c, R"(^(the |same |this |that )?(calendar |fiscal )?(day|month|year)( before| after|)"
                              R"( to date)?$|year to date|calendar year|fiscal year|\bsame (day|month|year)\b)");
}};

std::vector<rule> date_rules() {
    return {dotnet, outside_dates, weekdays, holidays, day_of_forms, weeks, seasons, quarters, modifiers, counted_offsets,
            centuries, spelled_numbers, day_without_month, numeric_without_year, relative_words, numeric_formats,
            urls, unresolvable, bare_unit_words};
}
// clang-format on

// ---- comparing spans --------------------------------------------------------

// Recognizers sometimes takes a leading "in"/"on"/"the"/"month of" into a span
// and sometimes not ("in 2014 through 2018" but "2007" in "in 2007"); factlint
// may do either too. Both spans drop leading function words before comparing.
std::size_t skip_function_words(std::string_view lowered, std::size_t b, std::size_t e) {
    static constexpr std::string_view words[] = {"in ",  "on ",       "at ",      "during ", "of ",
                                                 "the ", "month of ", "year of ", "year "};
    bool again = true;
    while (again) {
        again = false;
        for (auto w : words)
            if (e - b > w.size() && lowered.substr(b, w.size()) == w) {
                b += w.size();
                while (b < e && lowered[b] == ' ') ++b;
                again = true;
            }
    }
    return b;
}

bool same_span(const rt_case& c, const rt_result& r, const time_match& m) {
    const auto& low = c.lowered_input;
    return r.end == m.end &&
           skip_function_words(low, r.begin, r.end) == skip_function_words(low, m.begin, m.end);
}

// ---- comparing resolved dates -------------------------------------------------

std::optional<day_number> day_of(const nlohmann::json& v, const char* key) {
    auto it = v.find(key);
    if (it == v.end() || !it->is_string()) return std::nullopt;
    const std::string s = it->get<std::string>();
    if (s.size() < 10) return std::nullopt;
    auto span = parse_iso_date(std::string_view(s).substr(0, 10));
    if (!span || span->grain != granularity::day) return std::nullopt;
    return span->from;
}

// Recognizers ends a written range at the start of its last unit, exclusive
// ("2014 to 2018" ends 2018-01-01); SPEC reads the last unit as included
// (2018-12-31). Both readings of the end are accepted.
bool end_matches(const nlohmann::json& v, day_number exclusive_end, day_number our_to) {
    if (our_to == exclusive_end - 1) return true;
    const std::string timex = v.value("timex", std::string());
    if (timex.empty() || timex.front() != '(') return false;
    const char unit = timex.size() >= 2 ? timex[timex.size() - 2] : ' ';
    const civil_date d = to_civil(exclusive_end);
    switch (unit) {
        case 'Y': return d.month == 1 && d.day == 1 && our_to == time_span::year(d.year).to;
        case 'M': return d.day == 1 && our_to == time_span::month(d.year, d.month).to;
        case 'D': return our_to == exclusive_end;
        default: return false;
    }
}

// "two months ago": Recognizers answers the day two months back; factlint
// (SPEC "two years ago") answers the month or year that holds it. A coarser
// span of ours that holds their day is accepted for "ago" expressions only.
bool ago_matches(const rt_result& r, day_number day, const time_span& s) {
    return r.lowered.ends_with(" ago") && s.grain != granularity::day && s.contains(day);
}

bool value_matches(const rt_result& r, const nlohmann::json& v, const time_match& m) {
    if (!m.span) return false;
    const auto& s = *m.span;
    if (auto day = day_of(v, "value"))
        return m.kind == grammar::time_kind::point &&
               ((s.from == *day && s.to == *day) || ago_matches(r, *day, s));
    const auto start = day_of(v, "start");
    const auto end = day_of(v, "end");
    if (mod_of(v) == "since") return m.kind == grammar::time_kind::since && start && s.from == *start;
    if (!start || !end) return false;
    return s.from == *start && end_matches(v, *end, s.to);
}

bool same_time(const rt_case& c, const rt_result& r, const time_match& m, bool compare_values) {
    if (!same_span(c, r, m)) return false;
    if (!compare_values) return true;
    for (const auto& v : values_of(r))  // unresolved years list both readings: either will do
        if (value_matches(r, v, m)) return true;
    return false;
}

bool case_right(const rt_case& c, const std::vector<time_match>& ours, bool compare_values) {
    if (ours.size() != c.results.size()) return false;
    std::vector<bool> used(ours.size(), false);
    for (const auto& r : c.results) {
        bool found = false;
        for (std::size_t i = 0; i < ours.size() && !found; ++i)
            if (!used[i] && same_time(c, r, ours[i], compare_values)) used[i] = found = true;
        if (!found) return false;
    }
    return true;
}

std::string describe_expected(const rt_case& c) {
    if (c.results.empty()) return "(nothing)";
    std::string out;
    for (const auto& r : c.results) {
        if (!out.empty()) out += "; ";
        out += quoted_span(c.input, r.begin, r.end);
        for (const auto& v : values_of(r)) {
            out += " {" + v.value("timex", std::string());
            for (const char* k : {"value", "start", "end", "Mod"})
                if (v.contains(k) && v[k].is_string())
                    out += std::string(" ") + k + "=" + v[k].get<std::string>();
            out += "}";
        }
    }
    if (c.reference_date) out += "  [reference " + iso_date(c.reference_date->from) + "]";
    return out;
}

std::string describe_got(std::string_view text, const std::vector<time_match>& ms) {
    if (ms.empty()) return "(nothing)";
    std::string out;
    for (const auto& m : ms) {
        if (!out.empty()) out += "; ";
        out += quoted_span(text, m.begin, m.end);
        out += ' ';
        out += m.normalized;
        if (m.span) {
            out += ' ';
            out += iso_date(m.span->from);
            out += "..";
            out += iso_date(m.span->to);
        }
    }
    return out;
}

suite_score run_dates(const std::filesystem::path& file, std::string name, bool compare_values) {
    suite_score score;
    score.name = std::move(name);
    const auto rules = date_rules();
    for (const auto& c : read_recognizers_file(file)) {
        const auto* excluded_by = first_exclusion(rules, c);
        if (excluded_by == &rules.front()) {  // not supported on .NET: not measured at all
            exclude(score, excluded_by->name, c.input);
            continue;
        }
        // Extractor files mostly carry no reference date: 2016-11-07 is the
        // one the suite's own model files use.
        const auto reference = c.reference_date ? c.reference_date : time_span::day(2016, 11, 7);
        std::vector<time_match> ours;
        std::string error;
        try {
            ours = grammar::find_times(c.input, reference);
        } catch (const std::exception& e) {  // a grammar bug: counted wrong, shown in the list
            error = std::string("EXCEPTION: ") + e.what();
        }
        const bool right = error.empty() && case_right(c, ours, compare_values);
        ++score.all_cases;
        score.all_right += right;
        if (excluded_by) {
            exclude(score, excluded_by->name, c.input);
            continue;
        }
        ++score.in_scope;
        if (right)
            ++score.right;
        else
            score.failures.push_back(
                {c.input, describe_expected(c), error.empty() ? describe_got(c.input, ours) : error});
    }
    return score;
}

}  // namespace

suite_score run_date_extractor(const std::filesystem::path& file, std::string name) {
    return run_dates(file, std::move(name), false);
}

suite_score run_datetime_model(const std::filesystem::path& file) {
    return run_dates(file, "recognizers.datetime", true);
}

}  // namespace factlint::conformance
