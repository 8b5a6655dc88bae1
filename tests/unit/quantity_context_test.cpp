// The context filters' shortcuts against the slow paths they replace: a
// word list's look-up by first letter and length against comparing every
// word, and the filters' first-letter tests against the figures they drop.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/parse.hpp"
#include "grammar/quantity_context.hpp"

namespace detail = factlint::grammar::detail;
using namespace std::string_view_literals;

namespace {

constexpr std::array<std::string_view, 9> sample_words = {
    "the"sv, "a"sv, "an"sv, "i"sv, "through"sv, "while"sv, "will"sv, "without"sv, "was"sv};
constexpr detail::word_list<9> sample{sample_words};

// The slow path: compare with each word of the list.
template <std::size_t N>
bool any_equal(const detail::word_list<N>& list, std::string_view word) {
    return std::any_of(list.words().begin(), list.words().end(),
                       [&](std::string_view w) { return detail::equals_lower(word, w); });
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

std::string with_case(std::string_view word, unsigned mask) {
    std::string out(word);
    for (std::size_t i = 0; i < out.size() && i < 32; ++i)
        if (mask >> i & 1U) out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    return out;
}

}  // namespace

TEST_CASE("quantity context: a word list holds what comparing every word finds") {
    for (std::string_view w : sample_words) {
        for (unsigned mask : {0U, 1U, 2U, 0xFFU, 0x5U}) {
            const std::string cased = with_case(w, mask);
            CHECK(sample.holds(cased));
            CHECK(any_equal(sample, cased));
        }
        // One letter more, one less, one changed: not held, by either path.
        const std::string longer = std::string(w) + "s";
        CHECK(sample.holds(longer) == any_equal(sample, longer));
        const std::string_view shorter = w.substr(0, w.size() - 1);
        CHECK(sample.holds(shorter) == any_equal(sample, shorter));
        std::string changed(w);
        changed.back() = changed.back() == 'z' ? 'a' : static_cast<char>(changed.back() + 1);
        CHECK(sample.holds(changed) == any_equal(sample, changed));
    }
    for (std::string_view odd : {""sv, "1"sv, "@the"sv, "\xC3\xA9t\xC3\xA9"sv, "Tha"sv, "THE"sv,
                                 "withoutwithoutwithoutwithoutwithout"sv, "[the"sv, "`a"sv, "{a"sv}) {
        INFO("word: " << odd);
        CHECK(sample.holds(odd) == any_equal(sample, odd));
    }
    // Every byte as a one-letter word, and before "he".
    for (int c = 0; c < 256; ++c) {
        const std::string one(1, static_cast<char>(c));
        CHECK(sample.holds(one) == any_equal(sample, one));
        const std::string two = one + "he";
        CHECK(sample.holds(two) == any_equal(sample, two));
    }
}

TEST_CASE("quantity context: a word list over the corpus's words") {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str().substr(0, 1 << 20);
    std::size_t held = 0;
    for (const std::string& w : words_of(text)) {
        const bool fast = sample.holds(w);
        CHECK(fast == any_equal(sample, w));
        held += fast ? 1 : 0;
    }
    CHECK(held > 1000);  // "the", "a", "was" are common: the test sees both answers
}

TEST_CASE("quantity context: the filters' first-letter tests drop what they dropped") {
    using factlint::grammar::find_quantities;
    // Times of day: each form after its own first letter, any case.
    for (std::string_view t : {"at 10 am today"sv, "at 10 AM today"sv, "at 10 pm today"sv, "at 10 Pm today"sv,
                               "at 10 a.m. today"sv, "at 10 P.M. today"sv, "at 5 o'clock today"sv,
                               "at 5 O'clock today"sv, "at 5 o\u2019clock today"sv, "at 1300 GMT today"sv,
                               "at 1300 PST today"sv, "at 1300 PDT today"sv, "at 1300 IST today"sv}) {
        INFO("text: " << t);
        CHECK(find_quantities(t).empty());
    }
    // Not times: the same first letters going on otherwise.
    for (std::string_view t :
         {"at 10 amps today"sv, "some 10 pmx today"sv, "for 1300 Gmt today"sv, "for 1300 GMTs today"sv,
          "for 5 apples today"sv, "for 5 oranges today"sv, "for 1300 Pandas today"sv}) {
        INFO("text: " << t);
        CHECK(find_quantities(t).size() == 1);
    }
    // Web addresses: each mark anywhere in the token.
    for (std::string_view t :
         {"see www.x.org/2019 now"sv, "see x.org/www.2019 now"sv, "see http://x/2019 now"sv,
          "see a@b.c/2019 now"sv, "see 2019@b now"sv, "see 2019://x now"sv}) {
        INFO("text: " << t);
        CHECK(find_quantities(t).empty());
    }
    // "No." before a figure, and other words ending in a full stop.
    CHECK(find_quantities("ranked No. 5 again").empty());
    CHECK(find_quantities("ranked no. 5 again").empty());
    CHECK(find_quantities("ranked Nos. 5 again").empty());
    CHECK(find_quantities("it was Mo. 5 again").size() == 1);
}

namespace {

// The number words of seven letters or fewer (the scanner's shortcut
// knows no longer ones), as written in any case.
constexpr std::array<std::string_view, 23> short_number_words = {
    "one"sv,   "two"sv,   "three"sv,  "four"sv,    "five"sv,    "six"sv,     "seven"sv,  "eight"sv,
    "nine"sv,  "ten"sv,   "eleven"sv, "twelve"sv,  "fifteen"sv, "sixteen"sv, "twenty"sv, "thirty"sv,
    "forty"sv, "fifty"sv, "sixty"sv,  "seventy"sv, "eighty"sv,  "ninety"sv,  "One"sv};

// The slow path the shortcut skips: the grammar reads the number alone and
// the filters drop it, resuming at its end.
void check_dropped_by_slow_path(std::string_view number, std::string_view next) {
    const std::string text = std::string(number) + " " + std::string(next) + " them";
    INFO("text: " << text);
    std::string noun;
    const auto m = factlint::grammar::parse_quantity(text, &noun);
    REQUIRE(m);
    CHECK(m->end == number.size());
    CHECK(!m->unit_written);
    CHECK(!m->is_range);
    detail::figure_context f;
    f.text = text;
    f.begin = f.number_begin = 0;
    f.end = m->end;
    f.simple_word = true;
    std::size_t skip_to = 0;
    CHECK(detail::not_a_quantity(f, skip_to));
    CHECK(skip_to == m->end);
    CHECK(factlint::grammar::find_quantities(text).empty());
}

}  // namespace

TEST_CASE("quantity context: a number word before a word that drops it, as the grammar and filters drop it") {
    std::vector<std::string> nexts = {"of",  "Of",   "OF",   "in",     "the",  "a",   "an",
                                      "is",  "was",  "for",  "with",   "than", "it",  "i",
                                      "may", "more", "each", "others", "has",  "said"};
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    for (const std::string& w : words_of(buffer.str().substr(0, 1 << 19)))
        if (std::all_of(w.begin(), w.end(), [](char c) { return detail::is_alpha(c); })) nexts.push_back(w);
    std::sort(nexts.begin(), nexts.end());
    nexts.erase(std::unique(nexts.begin(), nexts.end()), nexts.end());
    std::size_t dropped = 0;
    for (const std::string& next : nexts) {
        if (!detail::drops_number_word_before(next)) continue;
        ++dropped;
        for (std::string_view number : short_number_words) check_dropped_by_slow_path(number, next);
    }
    CHECK(dropped >= 20);
    // The words that read on are not shortcut, and the figures stay found.
    for (std::string_view next : {"and"sv, "And"sv, "per"sv, "to"sv, "To"sv})
        CHECK(!detail::drops_number_word_before(next));
    CHECK(factlint::grammar::find_quantities("by one per cent now").size() == 1);
    const auto range = factlint::grammar::find_quantities("rose by one to two people");
    REQUIRE(range.size() == 1);
    CHECK(range.front().is_range);
    CHECK(factlint::grammar::find_quantities("some one and hundred men").size() == 1);
    CHECK(factlint::grammar::find_quantities("one of them saw two soldiers").size() == 1);
}
