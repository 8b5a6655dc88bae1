// Sentence analysis against its slow paths over the corpus: the parts and
// their flags as the first pass built them, tense_at as the outward search
// that tried both sides at each distance, and find_changes and find_totals
// as if every word class were in the sentence (no early return, every token
// walked).
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/patterns.hpp"
#include "checker/sentence_analysis.hpp"
#include "checker/words.hpp"
#include "grammar/parse.hpp"

using factlint::sentence_analysis;
using factlint::tense;
using factlint::token;

namespace {

tense slow_tense_at(const sentence_analysis& a, std::size_t token_index) {
    const std::size_t n = a.marker.size();
    auto search = [&](bool same_part_only) -> tense {
        for (std::size_t d = 1; d <= n; ++d) {
            for (const long i : {static_cast<long>(token_index) - static_cast<long>(d),
                                 static_cast<long>(token_index + d)}) {
                if (i < 0 || i >= static_cast<long>(n)) continue;
                const auto ui = static_cast<std::size_t>(i);
                if (same_part_only && a.part[ui] != a.part[token_index]) continue;
                if (a.marker[ui] != tense::unknown) return a.marker[ui];
            }
        }
        return tense::unknown;
    };
    if (const tense t = search(true); t != tense::unknown) return t;
    return search(false);
}

// time_for_quantity without its shortcut for a sentence without times: the
// three walks over the tokens.
std::optional<std::size_t> slow_time_for_quantity(const sentence_analysis& a, std::size_t qi) {
    const auto& tokens = a.toks.tokens;
    const std::size_t q = a.toks.quantity_token[qi];
    for (std::size_t i = q + 1; i < tokens.size() && a.part[i] == a.part[q]; ++i) {
        if (tokens[i].what == token::kind::quantity) break;
        if (tokens[i].what == token::kind::time) return static_cast<std::size_t>(tokens[i].index);
    }
    for (std::size_t i = q; i-- > 0 && a.part[i] == a.part[q];)
        if (tokens[i].what == token::kind::time) return static_cast<std::size_t>(tokens[i].index);
    for (std::size_t i = q; i-- > 0;) {
        if (tokens[i].what == token::kind::quantity) break;
        if (tokens[i].what == token::kind::time) return static_cast<std::size_t>(tokens[i].index);
    }
    return std::nullopt;
}

bool slow_boundary(const token& t) {
    if (t.what != token::kind::punct) return false;
    return t.lower == "--" ||
           (t.lower.size() == 1 && std::string_view(",;:()[]").find(t.lower[0]) != std::string_view::npos);
}

std::string changes(const sentence_analysis& a) {
    std::string out;
    for (const auto& c : factlint::find_changes(a))
        out += std::to_string(c.first_token) + ' ' + std::to_string(c.last_token) + ' ' +
               std::to_string(static_cast<int>(c.dir)) + ' ' + std::to_string(c.percent) + ' ' +
               std::to_string(c.delta) + ' ' + std::to_string(c.to) + ' ' + std::to_string(c.from) + '\n';
    return out;
}

std::string totals(const sentence_analysis& a) {
    std::string out;
    for (const auto& t : factlint::find_totals(a)) {
        out += std::to_string(t.total) + ' ' + (t.exhaustive ? "all " : "some ") + t.marker;
        for (int p : t.parts) out += ' ' + std::to_string(p);
        out += '\n';
    }
    return out;
}

void check_same(std::string_view text) {
    sentence_analysis a;
    factlint::analyze_sentence(text, factlint::grammar::parse_date("2021-06-15"), a);
    INFO("text: " << text);
    const auto& tokens = a.toks.tokens;
    unsigned classes = 0;
    std::vector<unsigned char> has_quantity;
    std::size_t p = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (slow_boundary(tokens[i]) && i > 0) ++p;
        REQUIRE(a.part[i] == p);
        if (p == has_quantity.size()) has_quantity.push_back(false);
        if (tokens[i].what == token::kind::quantity) has_quantity[p] = true;
        classes |= tokens[i].classes;
        CHECK(factlint::tense_at(a, i) == slow_tense_at(a, i));
    }
    for (std::size_t qi = 0; qi < a.toks.quantities.size(); ++qi)
        CHECK(factlint::time_for_quantity(a, qi) == slow_time_for_quantity(a, qi));
    CHECK(a.part_has_quantity == has_quantity);
    CHECK(a.part_forecast.size() == has_quantity.size());
    CHECK(a.part_count == has_quantity.size());
    CHECK(a.word_classes == classes);
    // Analyzed into buffers an earlier sentence left (as the extractor
    // does), the same: a part and marker for every token, the same flags.
    static sentence_analysis reused;
    factlint::analyze_sentence(text, factlint::grammar::parse_date("2021-06-15"), reused);
    CHECK(reused.part == a.part);
    CHECK(reused.marker == a.marker);
    CHECK(reused.part_has_quantity == a.part_has_quantity);
    CHECK(reused.part_forecast == a.part_forecast);
    CHECK(reused.word_classes == a.word_classes);
    // tense_at on buffers whose tables of nearest markers an earlier,
    // longer sentence may have built.
    for (std::size_t i = 0; i < reused.toks.tokens.size(); ++i)
        CHECK(factlint::tense_at(reused, i) == slow_tense_at(reused, i));
    const std::string found = changes(a) + totals(a);
    a.word_classes = ~0u;
    CHECK(changes(a) + totals(a) == found);
}

}  // namespace

TEST_CASE(
    "sentence analysis: tense_at and time_for_quantity far from what they look for, as the slow searches") {
    // Past 32 tokens on each side tense_at reads tables of nearest markers
    // built for the sentence. Long sentences of figures with a marker every
    // `gap` items (none at all for 0), some split into parts by commas,
    // each checked token by token, then again into the reused buffers.
    // Markers alternate past and future, and a filler word after some of
    // them makes the distance between two markers odd or even, so that
    // some tokens lie halfway (the one before wins).
    for (const int gap : {0, 7, 13, 40}) {
        for (const int commas : {0, 11}) {
            for (const bool filler : {false, true}) {
                std::string text;
                for (int i = 0; i < 120; ++i) {
                    text += std::to_string(1000 + i) + " riders in " + std::to_string(1990 + i % 30);
                    if (gap > 0 && i % gap == gap - 1) {
                        text += (i / gap) % 2 == 0 ? " rose" : " will";
                        if (filler && (i / gap) % 3 == 0) text += " then";
                    }
                    text += commas > 0 && i % commas == commas - 1 ? ", " : " ";
                }
                check_same(text);
            }
        }
    }
    // Past 32 tokens back, time_for_quantity reads the nearest date before
    // a figure from a table: long parts of figures after a date, some parts
    // without one, some dates in an earlier part only.
    for (const int every : {0, 5, 50}) {
        for (const int commas : {0, 17}) {
            std::string text = "In 2000 the budget was";
            for (int i = 0; i < 150; ++i) {
                text += " $" + std::to_string(i + 1) + " million";
                if (every > 0 && i % every == every - 1) text += " in " + std::to_string(2001 + i % 20);
                text += commas > 0 && i % commas == commas - 1 ? "," : " and";
            }
            check_same(text + " more.");
        }
    }
}

TEST_CASE("sentence analysis: parts, tense_at and changes as the slow paths give them, over the corpus") {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::string line;
    for (int n = 0; n < 20000 && std::getline(in, line); ++n) check_same(line);
    for (const char* s :
         {"Sales rose 5% to $3 million from $2 million in 2021.", "(2021), up 4%; down 3 -- 5 units",
          ", , 12 ; , 2020", "It will be 5 units, was 4, is 3 and had 2 in 2019 (then 1).",
          "A total of $38 million: $21 million for pipes and $12 million for rebates.",
          "$9 million in 2025, including $3 million and $2 million, and a total of 4: 1, 2 and 1."})
        check_same(s);
    // Every marker after a total is found: its first word has the class
    // find_totals looks for before it tries the markers.
    for (const char* marker :
         {"including", "of which", "split between", "split among", "divided between", "divided among",
          "made up of", "consisting of", "comprising", "broken down into", "shared between"}) {
        sentence_analysis a;
        const std::string s =
            std::string("It cost $30 million, ") + marker + " $10 million for roads, $20 million for rail.";
        factlint::analyze_sentence(s, std::nullopt, a);
        INFO(s);
        CHECK_FALSE(totals(a).empty());
    }
    // Both kinds of total are found from the figures' tokens alone and with "total".
    for (const char* s : {"A total of $38 million: $21 million for pipes and $12 million for rebates.",
                          "It cost $9 million in 2025, including $3 million for roads."}) {
        sentence_analysis a;
        factlint::analyze_sentence(s, std::nullopt, a);
        CHECK_FALSE(totals(a).empty());
    }
}
