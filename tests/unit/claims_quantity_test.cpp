// The quantities of `value` lines are read once per shape and reused
// (grammar/claims_file_quantity.hpp): every field must be what the grammar
// gives for that very text, for generated and hand-written values alike.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "grammar/claims_file_quantity.hpp"

namespace {

using namespace factlint;
using grammar::claims_quantity::read_with_grammar;
using grammar::claims_quantity::reader;
using grammar::claims_quantity::shapes;

// Doubles compared bit for bit: "equal" must mean the same record.
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void check_same(reader& r, const std::string& text) {
    CAPTURE(text);
    static kept_texts nouns;  // the grammar's own readings' nouns
    const auto fast = r.read(text);
    const auto slow = read_with_grammar(text, nouns);
    REQUIRE(fast.has_value() == slow.has_value());
    if (!fast) return;
    CHECK(same_bits(fast->value, slow->value));
    CHECK(same_bits(fast->range.low, slow->range.low));
    CHECK(same_bits(fast->range.high, slow->range.high));
    CHECK(fast->range.low_open == slow->range.low_open);
    CHECK(fast->range.high_open == slow->range.high_open);
    CHECK(fast->hedge == slow->hedge);
    CHECK(fast->unit == slow->unit);
    CHECK(fast->noun == slow->noun);
    CHECK(fast->text == slow->text);
    CHECK(fast->scope == slow->scope);
    CHECK(fast->when.has_value() == slow->when.has_value());
}

const std::vector<std::string> hand_written = {
    "2,500 troops",
    "about 2,500 troops",
    "$8.5 billion",
    "12.5%",
    "about 40,000 jobs",
    "$637.1 million",
    "about 38.7%",
    "746,190 stores",
    "1.2%",
    "0.5%",
    "0 troops",
    "00 troops",
    "007 agents",
    "1 troop",
    "100m",
    "50m",
    "100m people",
    "1,500m",
    "$100m",
    "$5m",
    "5m",
    "5 m",
    "£600m",
    "£5 million",
    "5 million pounds",
    "5 pounds",
    "5 pounds sterling",
    "$50k",
    "50k",
    "50 k",
    "$1.6bn",
    "1.6bn",
    "$2 to 3 million",
    "2 to 3 million",
    "5 to 10 troops",
    "5 to ten troops",
    "50 to ten troops",
    "10 TO 5 troops",
    "between 5 and ten",
    "between 50 and ten",
    "Between 5 and 10",
    "minus 5%",
    "negative 5 degrees",
    "-5%",
    "+5%",
    "5-10%",
    "5\xE2\x80\x93"
    "10%",
    "\xE2\x88\x92"
    "5%",
    "two thousand troops",
    "a dozen eggs",
    "5 thousand troops",
    "5 hundred",
    "1,234.5 tonnes",
    "1,23 troops",
    "1,2345 troops",
    "1.2.3 troops",
    ".5%",
    "5.%",
    "5,",
    "5 .",
    "1e6 troops",
    "5%%",
    "5% of GDP",
    "about 5 percent",
    "5 percentage points",
    "5 km",
    "5km",
    "5 square miles",
    "5 sq km",
    "USD 5 million",
    "US$5 million",
    "EUR 5",
    "\xE2\x82\xAC"
    "5 million",
    "more than 5,000 people",
    "nearly 5,000",
    "at least 5",
    "up to 5",
    "exactly 5",
    "some 5,000 troops",
    "roughly 12.5%",
    "5 troops to",
    "5 troops in the morning",
    "5 troops\tin",
    "5\ttroops",
    "troops 5",
    "$",
    "5 5",
    "about",
    "5 millions",
    "5 Million",
    "5 MILLION",
    "12345678901234567890123456789012345678901234567890123456789012345 troops",
    "1234567890123456789012345678901234567890123456789012345678901234 troops",
    "3.14159 km",
    "9,999,999,999 dollars",
    "5 bn",
    "5b",
    "$5b",
    "5 trillion",
    "$5tn",
    "5 lakh",
    "5 crore",
};

std::string random_value(std::mt19937& rng) {
    auto pick = [&](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    static const std::vector<std::string> hedges = {"",           "",          "about ", "nearly ",
                                                    "more than ", "at least ", "up to ", "some ",
                                                    "around ",    "exactly ",  "About "};
    static const std::vector<std::string> currencies = {"", "", "", "$", "\xC2\xA3", "US$", "USD "};
    static const std::vector<std::string> scales = {"",  "",  "",          " million",  " billion", "bn",
                                                    "m", "k", " thousand", " trillion", " Million"};
    static const std::vector<std::string> units = {
        "", "", "", "%", " percent", " percentage points", " km", " tonnes", " pounds", " miles"};
    static const std::vector<std::string> nouns = {
        "", "", " troops", " jobs", " stores", " new homes", " to ten", " in the morning", " people"};
    std::uniform_int_distribution<int> digits(0, 9), length(1, 7), coin(0, 3);
    std::string number;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) number += static_cast<char>('0' + digits(rng));
    if (coin(rng) == 0 && number.size() > 3)
        number.insert(number.size() - 3, 1, ',');  // sometimes ill-formed
    if (coin(rng) == 1) {
        number.append(1, '.').append(1, static_cast<char>('0' + digits(rng)));
        if (coin(rng) == 0) number.append(1, '0');
    }
    return pick(hedges) + pick(currencies) + number + pick(scales) + pick(units) + pick(nouns);
}

}  // namespace

TEST_CASE("claims quantities: read by shape, every field as the grammar reads the same text") {
    kept_texts nouns;
    shapes known;
    reader r(nouns, known);
    for (const auto& text : hand_written) check_same(r, text);
    for (int round = 0; round < 2; ++round) {  // the second round meets every shape again
        for (const auto& text : hand_written) check_same(r, text);
    }
    std::mt19937 rng(20261130);
    constexpr int generated = 20000;
    for (int i = 0; i < generated; ++i) check_same(r, random_value(rng));
    // Not vacuous: over half of the generated values share a shape already
    // met (8,650 shapes for 20,000 values), so they were read without the grammar.
    CHECK(known.size() < generated / 2);
}

TEST_CASE("claims quantities: figures read with the shape's key, against the grammar") {
    // The figure of a known shape is read in the pass that makes its key
    // (digits as an integer, decimals, trailing zeros); figures of up to
    // 15 digits and one point take that path, others figure_of_digits.
    kept_texts nouns;
    shapes known;
    reader r(nouns, known);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> digit(0, 9), length(1, 18), coin(0, 3);
    for (int i = 0; i < 20000; ++i) {
        std::string number;
        const int n = length(rng);
        for (int k = 0; k < n; ++k) number += static_cast<char>('0' + (coin(rng) == 0 ? 0 : digit(rng)));
        if (coin(rng) == 0) number.append(static_cast<std::size_t>(coin(rng)) * 2, '0');  // trailing zeros
        if (coin(rng) == 1 && number.size() > 1)
            number.insert(1 + static_cast<std::size_t>(i) % (number.size() - 1), 1, '.');
        if (coin(rng) == 2 && number.size() > 4) number.insert(number.size() - 3, 1, ',');
        if (i % 97 == 0 && number.size() > 3) number.insert(2, 1, '.');  // a second point, sometimes
        for (const char* form : {"%s troops", "about %s troops", "$%s million", "%s%%"}) {
            std::string text = form;
            text.replace(text.find("%s"), 2, number);
            if (const auto at = text.find("%%"); at != std::string::npos) text.erase(at, 1);
            check_same(r, text);
        }
    }
    for (const std::string figure :
         {"0", "00", "0.0", "0.000", "100", "1,000,000", "999999999999999", "1000000000000000",
          "123456789012345", "1234567890123456", "0.000000000000001", "1.00000000000000", "1.2.3", "10.50"}) {
        check_same(r, figure + " troops");
        check_same(r, "about " + figure + " troops");
    }
}

TEST_CASE("claims quantities: the shapes met in one file serve the next, whose values view its own texts") {
    // A claims set read file by file (grammar::claims_set_parser): the
    // second file meets the first's shapes without the grammar, and its
    // nouns are kept with its own texts, so the first file's may go.
    shapes known;
    std::size_t met = 0;
    {
        kept_texts first_file;
        reader r(first_file, known);
        for (const auto& text : hand_written) check_same(r, text);
        met = known.size();
    }  // the first file's texts are gone (ASan would see a view into them)
    kept_texts second_file;
    reader r(second_file, known);
    for (const auto& text : hand_written) check_same(r, text);
    CHECK(known.size() == met);
    const auto v = r.read("about 7,100 troops");
    REQUIRE(v.has_value());
    CHECK(v->noun == "troops");
    CHECK(second_file.keep("troops").data() == v->noun.data());
}
