// The tokenizer and the word table against their slow paths: the word
// lists read one by one (words::classes_by_lists) and stretches of plain
// text read testing every index against the stretch's end, as the first
// tokenizer did.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "checker/tokens.hpp"
#include "checker/words.hpp"
#include "grammar/parse.hpp"

namespace words = factlint::words;
using factlint::sentence_tokens;
using factlint::token;

namespace {

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
           c >= 0x80;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The plain tokens of text[i, stop), bounds tested at every byte.
void slow_stretch(std::string_view text, std::size_t i, std::size_t stop, std::vector<token>& out,
                  std::string& lowered_words) {
    const std::string_view t = text.substr(0, stop);
    while (i < stop) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        if (!word_byte(c)) {
            std::size_t len = 1;
            if (c >= 0xC0) len = std::min<std::size_t>(c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, stop - i);
            out.push_back({token::kind::punct, i, i + len, {}, -1, false, 0});
            i += len;
            continue;
        }
        std::size_t j = i + 1;
        for (;;) {
            while (j < t.size() && word_byte(static_cast<unsigned char>(t[j]))) ++j;
            if (j + 1 >= t.size()) break;
            const char d = t[j];
            if ((d == '.' || d == '-') && word_byte(static_cast<unsigned char>(t[j + 1])) &&
                (d == '-' || j - i == 1 || (j >= 2 && t[j - 2] == '.'))) {
                ++j;
                continue;
            }
            break;
        }
        std::string w;
        for (std::size_t k = i; k < j; ++k) w += lower(t[k]);
        if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);
        out.push_back({token::kind::word, i, j, {}, -1, c >= 'A' && c <= 'Z', words::classes_by_lists(w)});
        lowered_words += w + '\n';
        i = j;
    }
}

// Tokens as lines "kind begin end lower index capitalized classes".
std::string describe(const std::vector<token>& tokens, bool with_lower) {
    std::string out;
    for (const token& t : tokens) {
        out += std::to_string(static_cast<int>(t.what)) + ' ' + std::to_string(t.begin) + ' ' +
               std::to_string(t.end) + ' ' + std::to_string(t.index) + ' ' + (t.capitalized ? "C " : "c ") +
               std::to_string(t.classes) + '\n';
        if (with_lower && t.what == token::kind::word) out += std::string(t.lower) + '\n';
    }
    return out;
}

std::string fast_words(const std::vector<token>& tokens) {
    std::string out;
    for (const token& t : tokens)
        if (t.what == token::kind::word) out += std::string(t.lower) + '\n';
    return out;
}

// The slow stretches, on the walk over the matches find_matches left.
void check_same(std::string_view text) {
    sentence_tokens s;
    factlint::find_matches(text, std::nullopt, s);
    sentence_tokens slow_s;
    factlint::find_matches(text, std::nullopt, slow_s);
    std::string slow_lowered;
    factlint::walk_matches(text, slow_s, [&](std::size_t i, std::size_t stop) {
        slow_stretch(text, i, stop, slow_s.tokens, slow_lowered);
    });
    const std::vector<token>& slow = slow_s.tokens;
    factlint::tokenize_between_matches(text, s);
    INFO("text: " << text);
    CHECK(describe(s.tokens, false) == describe(slow, false));
    CHECK(fast_words(s.tokens) == slow_lowered);
    std::vector<std::size_t> matches;
    for (std::size_t k = 0; k < s.tokens.size(); ++k)
        if (s.tokens[k].what == token::kind::quantity || s.tokens[k].what == token::kind::time)
            matches.push_back(k);
    CHECK(s.match_tokens == matches);
    // The punctuation views the sentence (a dash as "--" is no ASCII case here).
    for (const token& t : s.tokens)
        if (t.what == token::kind::punct) CHECK(t.lower == std::string(1, lower(text[t.begin])));
}

// classes_of, and classes_of_padded with bytes after the word that are not
// zeros, against the lists.
void check_word(std::string_view w) {
    INFO("word: " << w);
    const unsigned expected = words::classes_by_lists(w);
    CHECK(words::classes_of(w) == expected);
    std::string padded(w);
    padded.append(words::padded_room, 'e');
    padded[w.size() + 1] = 'd';
    CHECK(words::classes_of_padded(padded.data(), w.size()) == expected);
}

}  // namespace

TEST_CASE("word table: the classes of the lists' words and their neighbours") {
    const std::vector<std::string> listed = {
        "began",      "ended",       "happened", "will",    "'ll",     "is",     "was",
        "rose",       "fell",        "of",       "and",     "in",      "a year", "respectively",
        "officially", "inaugurated", "need",     "embed",   "hundred", "led",    "set",
        "due",        "going",       "cut",      "up",      "down",    "total",  "a",
        "an",         "vs",          "ago",      "counted", "stopped", "seed",   "hunted"};
    for (const std::string& w : listed) {
        check_word(w);
        for (std::size_t k = 0; k <= w.size(); ++k) {
            check_word(w.substr(0, k));  // prefixes, the empty word among them
            check_word(w.substr(k));
            std::string other = w;
            if (k < w.size()) other[k] = static_cast<char>(other[k] == 'z' ? 'a' : other[k] + 1);
            check_word(other);
        }
        check_word(w + "ed");
        check_word(w + "s");
        check_word(w + std::string(1, '\0'));
    }
    // Words of 8, 9, 15, 16 and 17 bytes: the edges of the two loads.
    for (const char* w : {"abcdefed", "abcdefged", "abcdefghijklmed", "abcdefghijklmned", "abcdefghijklmnoed",
                          "respectivelyyyy", "respectivelyyyyy", "respectivelyyyyyy"})
        check_word(w);
}

TEST_CASE("word table and tokenizer: the same as the slow paths over the corpus") {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::string line;
    for (int n = 0; n < 20000 && std::getline(in, line); ++n) {
        check_same(line);
        std::size_t b = 0;
        for (std::size_t i = 0; i <= line.size(); ++i) {
            if (i < line.size() && word_byte(static_cast<unsigned char>(line[i]))) continue;
            if (i > b) {
                std::string w;
                for (std::size_t k = b; k < i; ++k) w += lower(line[k]);
                check_word(w);
            }
            b = i + 1;
        }
    }
}

TEST_CASE("tokenizer: the same as the slow path over shuffled pieces of prose") {
    static constexpr std::string_view pieces[] = {"U.S.",
                                                  "u.s",
                                                  "A.",
                                                  "mid-year",
                                                  "-",
                                                  ".",
                                                  "'s",
                                                  "'S",
                                                  "Rose",
                                                  "fell",
                                                  "12",
                                                  "$3",
                                                  "million",
                                                  "2021",
                                                  "in",
                                                  "March",
                                                  " ",
                                                  "  ",
                                                  "\t",
                                                  ",",
                                                  "(",
                                                  ")",
                                                  ";",
                                                  "--",
                                                  "\xE2\x80\x94",
                                                  "\xC3\xA9",
                                                  "caf\xC3\xA9",
                                                  "total",
                                                  "of",
                                                  "ended",
                                                  "started",
                                                  "a",
                                                  "year",
                                                  "ago",
                                                  "'",
                                                  "x-",
                                                  "-x",
                                                  "e.g.",
                                                  "1.5%",
                                                  "abcdefghijklmnopq",
                                                  "Respectively",
                                                  "WILL",
                                                  "need",
                                                  "speeded",
                                                  "\xF0\x9F\x98\x80",
                                                  "\xE2"};
    std::mt19937 rng(6);
    for (int n = 0; n < 6000; ++n) {
        std::string text;
        const int count = 1 + static_cast<int>(rng() % 14);
        for (int k = 0; k < count; ++k) {
            text += pieces[rng() % std::size(pieces)];
            if (rng() % 3 == 0) text += ' ';
        }
        check_same(text);
    }
}
