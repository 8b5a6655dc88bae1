// The time scanner's keyword tables (grammar/time_keywords.hpp) against the
// slow path they replace: comparing a word with each word of its lists
// (time_detail::is_one_of), for the lists' own words in every case, words a
// letter away from them, and the words of a text.
#include <doctest/doctest.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/time_keywords.hpp"

namespace {

using namespace std::string_view_literals;
using factlint::grammar::time_detail::is_one_of;
using factlint::grammar::time_detail::keyword_table;
using factlint::grammar::time_detail::word_ref;

// Lists like the scanner's: overlapping ("in" twice), one letter long,
// alike in length and first and last letters ("mw", "gw"; "fall", "fill").
constexpr std::array<std::string_view, 8> strong{"in",    "since",  "until", "mid",
                                                 "circa", "fiscal", "pre",   "post"};
constexpr std::array<std::string_view, 7> weak{"the", "of", "in", "fall", "year", "at", "or"};
constexpr std::array<std::string_view, 9> nouns{"people", "m",   "mw",    "gw", "km",
                                                "fill",   "per", "votes", "mm"};
enum : std::uint16_t { c_strong = 1, c_weak = 2, c_noun = 4 };
constexpr keyword_table table{{strong, c_strong}, {weak, c_weak}, {nouns, c_noun}};

std::uint16_t slow_classes(word_ref w) {
    return static_cast<std::uint16_t>((is_one_of(w, strong) ? c_strong : 0) |
                                      (is_one_of(w, weak) ? c_weak : 0) | (is_one_of(w, nouns) ? c_noun : 0));
}

void check_same(std::string_view word) {
    const word_ref w{word.data(), word.data() + word.size()};
    INFO("word: " << word);
    CHECK(table.classes(w) == slow_classes(w));
}

std::vector<std::string> variants(std::string_view word) {
    std::string upper(word), capital(word);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    capital[0] = upper[0];
    std::vector<std::string> out{std::string(word), upper, capital, std::string(word) + "s",
                                 std::string(word.substr(0, word.size() - 1))};
    for (std::size_t i = 0; i < word.size(); ++i) {
        std::string changed(word);
        changed[i] = changed[i] == 'z' ? 'a' : static_cast<char>(changed[i] + 1);
        out.push_back(changed);
    }
    return out;
}

}  // namespace

TEST_CASE("time keywords: a table's classes are those comparing with each list finds") {
    for (std::string_view w : strong)
        for (const std::string& v : variants(w)) check_same(v);
    for (std::string_view w : weak)
        for (const std::string& v : variants(w)) check_same(v);
    for (std::string_view w : nouns)
        for (const std::string& v : variants(w)) check_same(v);
    for (std::string_view odd : {""sv, "a"sv, "z"sv, "1"sv, "x1"sv, "@in"sv, "sixteenletterswd"sv,
                                 "fifteenletterss"sv, "IN"sv, "iN"sv, "Mw"sv})
        check_same(odd);
    // Every one- and two-letter word.
    for (int a = 'a'; a <= 'z'; ++a) {
        check_same(std::string(1, static_cast<char>(a)));
        for (int b = 'a'; b <= 'z'; ++b) check_same(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
    constexpr std::string_view text =
        "In the fall of 2019 some 300 people voted in mid 2020 at the polls or at home since "
        "circa 1990 the fiscal year per MW of GW in km and mm votes until post war pre war";
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        check_same(text.substr(i, j - i));
        i = j + 1;
    }
}
