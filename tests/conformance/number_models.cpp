// Recognizers-Text Number, Percent, Currency and Dimension models against
// grammar::find_quantities.
#include <cstdlib>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "claims/unit.hpp"
#include "grammar/parse.hpp"
#include "tests/conformance/recognizers.hpp"

namespace factlint::conformance {
namespace {

using rule = exclusion_rule<rt_case>;
using grammar::quantity_match;

// ---- the figures each case expects ----------------------------------------

std::string resolution_string(const rt_result& r, const char* key) {
    if (!r.resolution.is_object()) return {};
    auto it = r.resolution.find(key);
    return it != r.resolution.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> resolution_value(const rt_result& r) {
    std::string v = resolution_string(r, "value");
    if (v.empty() || v == "null") return std::nullopt;
    if (v.back() == '%') v.pop_back();  // the Percent model writes "100%"
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str()) return std::nullopt;
    return d;
}

// Recognizers unit names to factlint's (claims/unit.cpp). A name missing here,
// or mapped to a unit factlint's table lacks, puts the case out of scope.
std::string our_unit(std::string_view recognizers_unit) {
    static const std::unordered_map<std::string_view, std::string_view> names = {
        {"Dollar", "currency:USD"},
        {"United States dollar", "currency:USD"},
        {"Euro", "currency:EUR"},
        {"Pound", "currency:GBP"},  // the currency model's Pound
        {"British pound", "currency:GBP"},
        {"Japanese yen", "currency:JPY"},
        {"Chinese yuan", "currency:CNY"},
        {"Swiss franc", "currency:CHF"},
        {"Canadian dollar", "currency:CAD"},
        {"Australian dollar", "currency:AUD"},
        {"Square kilometer", "area:km2"},
        {"Square meter", "area:m2"},
        {"Acre", "area:acre"},
        {"Kilometer", "length:km"},
        {"Meter", "length:m"},
        {"Centimeter", "length:cm"},
        {"Mile", "length:mi"},
        {"Foot", "length:ft"},
        {"Inch", "length:in"},
        {"Kilogram", "mass:kg"},
        {"Gram", "mass:g"},
        {"Metric ton", "mass:t"},
        {"Ounce", "mass:oz"},
        {"Gallon", "volume:gal"},
        {"Barrel", "volume:bbl"},
        {"Liter", "volume:l"},
        {"Cubic meter", "volume:m3"},
        {"Kilometer per hour", "speed:kmh"},
        {"Mile per hour", "speed:mph"},
    };
    auto it = names.find(recognizers_unit);
    if (it == names.end() || find_unit(it->second) == nullptr) return {};
    return std::string(it->second);
}

// In the Dimension model "Pound" is a weight.
std::string our_dimension_unit(std::string_view u) {
    if (u == "Pound") return "mass:lb";
    return our_unit(u);
}

// ---- exclusion categories ---------------------------------------------------

bool subtype_is(const rt_case& c, std::string_view s) {
    for (const auto& r : c.results)
        if (resolution_string(r, "subtype") == s) return true;
    return false;
}

bool figure_missing(const rt_case& c) {
    for (const auto& r : c.results)
        if (!resolution_value(r)) return true;
    return false;
}

// clang-format off
const rule dotnet{"not_supported_on_dotnet", not_supported_on_dotnet};
const rule fractions{"fractions_and_half", [](const rt_case& c) {
                         return subtype_is(c, "fraction") || any_result_text(c, R"(\b(half|quarters?)\b|\d\s*/\s*\d)") ||
                                contains_word_regex(c.lowered_input, R"((illionths?|hundredths?)\b)");
                     }};
const rule powers{"powers_and_exponents", [](const rt_case& c) {
                      return subtype_is(c, "power") || any_result_text(c, R"(\^|\de[+-]?\d)");
                  }};
const rule spoken_decimals{"spoken_decimals_point",
                           [](const rt_case& c) { return any_result_text(c, R"(\bpoint\b)"); }};
const rule indian_scales{"lakh_crore_grouping", [](const rt_case& c) {
                             return contains_word_regex(c.lowered_input,
                                                        R"(\b(lakh|crore)\b|\d,\d\d,\d\d\d)");
                         }};
const rule foreign_grouping{
    "space_or_decimal_comma_grouping", [](const rt_case& c) {
        return any_result_text(c, "\\d( |\xE2\x80\xAF)\\d\\d\\d|\\d,\\d{1,2}$|\\d\\.\\d\\d\\d,") ||
               contains_word_regex(c.lowered_input, R"(\d{3} \d{4}|\d, \d{3})");
    }};
const rule abbreviated_scales{"scale_abbreviations_outside_spec", [](const rt_case& c) {
                                  return any_result_text(c, R"(\d\s*(g|b|m|mm|mil|bln|tln)$|\b(dzs?|dozs?)$)");
                              }};
const rule spec_non_quantities{"spec_not_a_quantity", [](const rt_case& c) {
                                   // SPEC §4.1: versions and addresses, phone numbers, dates, model names,
                                   // list numbering.
                                   return contains_word_regex(
                                       c.lowered_input,
                                       R"(\d+\.\d+\.\d+|\+\d-|\d/\d+/\d|\bscp-|\bnrs?\.|\d{3}-\d{4}|\bversion\b|\d+ out of \d+)");
                               }};
const rule glued_unit_negative{"figure_glued_to_unit_negative", [](const rt_case& c) {
                                   // Recognizers' Number model does not read "180ml" as a number by design;
                                   // factlint reads it as a quantity with a unit.
                                   return c.results.empty() &&
                                          contains_word_regex(c.lowered_input, R"(\d[a-z]{1,3}\b)");
                               }};
const rule rare_number_words{"number_words_outside_spec", [](const rt_case& c) {
                                 return any_result_text(c, R"(\b(zero|nought|naught|dozens)\b)");
                             }};
const rule digits_with_hundred{"digits_with_hundred",
                               [](const rt_case& c) { return any_result_text(c, R"(\d\s+hundred\b)"); }};
// SPEC §4.1 reads "eight to 10 feet" as one range; Recognizers marks "10 feet".
bool next_to_range_word(const rt_case& c) {
    for (const auto& r : c.results) {
        const std::size_t from = r.begin > 24 ? r.begin - 24 : 0;
        const std::string before = c.lowered_input.substr(from, r.begin - from);
        const std::string after = c.lowered_input.substr(r.end, 12);
        if (contains_word_regex(before, R"((\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ty|[a-z]+teen))\s*(to|-|and)\s*$)") ||
            contains_word_regex(after, R"(^\s*(to|-)\s*\d)"))
            return true;
    }
    return false;
}

const rule ranges{"ranges_read_as_one_quantity", next_to_range_word};
const rule figure_without_number{"unit_without_figure", figure_missing};
const rule reversed_percent{"percent_before_figure",
                            [](const rt_case& c) { return any_result_text(c, R"(^(per ?cents?)\b)"); }};
const rule percent_words{"percent_words_outside_spec",
                         [](const rt_case& c) { return any_result_text(c, R"(\b(percentage|percents)$)"); }};
const rule compound_amounts{
    "compound_amounts", [](const rt_case& c) {
        return any_result_text(
            c,
            R"((\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty))\s*)"
            R"((dollars?|usd|\$|kuai|feet|ft|m)\s+(and\s+)?(\d|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+ty|mao))");
    }};
const rule currency_code_scales{"currency_code_scale_forms", [](const rt_case& c) {
                                    return any_result_text(
                                        c, R"(\bm(usd|eur|gbp|aud)\b|\b(usd|eur|gbp) million\b)");
                                }};
const rule unit_outside_table{"unit_outside_factlint_units", [](const rt_case& c) {
                                  for (const auto& r : c.results)
                                      if (our_unit(resolution_string(r, "unit")).empty()) return true;
                                  return false;
                              }};
const rule dimension_outside_table{"unit_outside_factlint_units", [](const rt_case& c) {
                                       for (const auto& r : c.results)
                                           if (our_dimension_unit(resolution_string(r, "unit")).empty())
                                               return true;
                                       return false;
                                   }};

// clang-format on

// ---- comparing ----------------------------------------------------------------

// Recognizers never includes a hedge ("about", "more than") in its spans; our
// match does. Our span for comparison starts after the hedge as written.
std::size_t unhedged_begin(std::string_view text, const quantity_match& m) {
    std::size_t b = m.begin;
    if (m.hedge_text.empty()) return b;
    const std::string here = lower_ascii(text.substr(b, m.hedge_text.size()));
    if (here != m.hedge_text) return b;
    b += m.hedge_text.size();
    while (b < m.end && (text[b] == ' ' || text[b] == '\t')) ++b;
    return b;
}

struct model_config {
    std::string name;
    std::vector<rule> rules;
    // Which of our matches the model covers (the Currency model ignores our plain counts).
    std::function<bool(const quantity_match&)> covers;
    // The unit an expected result is in, in our names ("" = not compared).
    std::function<std::string(const rt_result&)> expected_unit;
    bool figure_only = false;  // the Number model marks the figure alone, not its unit
};

bool same_span(std::string_view text, const rt_result& e, const quantity_match& m, bool figure_only) {
    const std::size_t b = unhedged_begin(text, m);
    if (!figure_only) return e.begin == b && e.end == m.end;
    // The Number model's span is the figure; ours runs on over a unit ("$20",
    // "3 years"). Same start (with or without a currency sign), figure inside ours.
    return (e.begin == m.number_begin || e.begin == b) && e.end <= m.end;
}

bool same_quantity(std::string_view text, const rt_result& e, const quantity_match& m,
                   const model_config& cfg) {
    const auto v = resolution_value(e);
    if (!v || !same_number(*v, m.value) || !same_span(text, e, m, cfg.figure_only)) return false;
    const std::string unit = cfg.expected_unit(e);
    return unit.empty() || unit == m.unit;
}

std::string describe_expected(const rt_case& c, const model_config& cfg) {
    if (c.results.empty()) return "(nothing)";
    std::string out;
    for (const auto& r : c.results) {
        if (!out.empty()) out += "; ";
        out += quoted_span(c.input, r.begin, r.end) + " = " + resolution_string(r, "value");
        if (const auto u = cfg.expected_unit(r); !u.empty()) out += " " + u;
    }
    return out;
}

std::string describe_got(std::string_view text, const std::vector<quantity_match>& ms) {
    if (ms.empty()) return "(nothing)";
    std::string out;
    for (const auto& m : ms) {
        if (!out.empty()) out += "; ";
        out += quoted_span(text, m.begin, m.end) + " = " + std::to_string(m.value) + " " + m.unit;
    }
    return out;
}

// Right when our covered matches are exactly the expected ones.
bool case_right(const rt_case& c, const std::vector<quantity_match>& ours, const model_config& cfg) {
    if (ours.size() != c.results.size()) return false;
    std::vector<bool> used(ours.size(), false);
    for (const auto& e : c.results) {
        bool found = false;
        for (std::size_t i = 0; i < ours.size() && !found; ++i)
            if (!used[i] && same_quantity(c.input, e, ours[i], cfg)) used[i] = found = true;
        if (!found) return false;
    }
    return true;
}

suite_score run_model(const std::filesystem::path& file, const model_config& cfg) {
    suite_score score;
    score.name = cfg.name;
    for (const auto& c : read_recognizers_file(file)) {
        const auto* excluded_by = first_exclusion(cfg.rules, c);
        if (excluded_by == &cfg.rules.front()) {  // not supported on .NET: not measured at all
            exclude(score, excluded_by->name, c.input);
            continue;
        }
        std::vector<quantity_match> ours;
        std::string error;
        try {
            for (auto& m : grammar::find_quantities(c.input))
                if (cfg.covers(m)) ours.push_back(std::move(m));
        } catch (const std::exception& e) {  // a grammar bug: counted wrong, shown in the list
            error = std::string("EXCEPTION: ") + e.what();
        }
        const bool right = error.empty() && case_right(c, ours, cfg);
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
                {c.input, describe_expected(c, cfg), error.empty() ? describe_got(c.input, ours) : error});
    }
    return score;
}

std::string no_unit(const rt_result&) { return {}; }

bool is_currency(const quantity_match& m) { return m.unit.starts_with("currency:"); }
bool is_percent(const quantity_match& m) { return m.unit == "percent" || m.unit == "percent_point"; }
// The Dimension model covers measures: not counts, percentages, money or durations.
bool is_measure(const quantity_match& m) {
    return m.unit != "count" && !is_percent(m) && !is_currency(m) && dimension_of(m.unit) != "duration";
}

}  // namespace

suite_score run_number_model(const std::filesystem::path& file) {
    return run_model(file, {"recognizers.number",
                            {dotnet, spec_non_quantities, glued_unit_negative, fractions, powers,
                             spoken_decimals, indian_scales, foreign_grouping, abbreviated_scales,
                             rare_number_words, digits_with_hundred, ranges},
                            [](const quantity_match&) { return true; },
                            no_unit,
                            true});
}

suite_score run_percent_model(const std::filesystem::path& file) {
    return run_model(file,
                     {"recognizers.percent",
                      {dotnet, figure_without_number, reversed_percent, percent_words, fractions, ranges},
                      is_percent,
                      no_unit,
                      false});
}

suite_score run_currency_model(const std::filesystem::path& file) {
    return run_model(file, {"recognizers.currency",
                            {dotnet, figure_without_number, unit_outside_table, compound_amounts,
                             currency_code_scales, fractions, indian_scales, ranges},
                            is_currency,
                            [](const rt_result& r) { return our_unit(resolution_string(r, "unit")); },
                            false});
}

suite_score run_dimension_model(const std::filesystem::path& file) {
    return run_model(file,
                     {"recognizers.dimension",
                      {dotnet, figure_without_number, dimension_outside_table, compound_amounts, fractions,
                       indian_scales, ranges},
                      is_measure,
                      [](const rt_result& r) { return our_dimension_unit(resolution_string(r, "unit")); },
                      false});
}

}  // namespace factlint::conformance
