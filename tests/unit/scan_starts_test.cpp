// find_scan_starts: the one walk over a sentence's words that tells both
// scanners where to look. Stepping at every position of a text is the
// scanners' own walk; the starts the walk gives must find the same matches.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/parse.hpp"
#include "grammar/scan_starts.hpp"

namespace grammar = factlint::grammar;

namespace {

std::vector<std::size_t> every_position(std::string_view text) {
    std::vector<std::size_t> all(text.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
}

const std::optional<factlint::time_span> june_2021 = grammar::parse_date("2021-06-15");

// The matches, as "begin-end value unit" lines: what the starts change if
// they miss a place.
std::string quantities(std::string_view text, std::span<const std::size_t> starts) {
    std::ostringstream out;
    for (const auto& m : grammar::find_quantities(text, starts))
        out << m.begin << '-' << m.end << ' ' << m.value << ' ' << m.unit << '\n';
    return out.str();
}

// The same from the walk's own starts, whose words it found to open a
// figure and the scanner does not ask about again.
std::string quantities(std::string_view text, const grammar::scan_starts& starts) {
    std::vector<grammar::quantity_match> found;
    grammar::find_quantities(text, starts, found);
    std::ostringstream out;
    for (const auto& m : found) out << m.begin << '-' << m.end << ' ' << m.value << ' ' << m.unit << '\n';
    return out.str();
}

std::string times(std::string_view text, std::span<const std::size_t> starts) {
    std::ostringstream out;
    for (const auto& m : grammar::find_times(text, june_2021, starts))
        out << m.begin << '-' << m.end << ' ' << m.normalized << '\n';
    return out.str();
}

bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_alnum(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

// Every word at which the full questions (detail::quantity_word_opens,
// detail::time_word_acts) say yes is among the walk's starts: the walk's
// filters, and what it looks at after a word, never turn one away.
void check_words_kept(std::string_view text, const grammar::scan_starts& starts) {
    namespace detail = factlint::grammar::detail;
    auto has = [](const std::vector<std::size_t>& v, std::size_t i) {
        return std::find(v.begin(), v.end(), i) != v.end();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_letter(text[i]) || (i > 0 && is_alnum(text[i - 1]))) continue;
        std::size_t letters_end = i;
        while (letters_end < text.size() && is_letter(text[letters_end])) ++letters_end;
        std::size_t word_end = letters_end;
        while (word_end < text.size() && is_alnum(text[word_end])) ++word_end;
        INFO("word at " << i << ": " << text.substr(i, word_end - i));
        if (detail::quantity_word_opens(text, i, word_end)) CHECK(has(starts.quantity, i));
        if (detail::time_word_acts(text.data() + i, text.data() + letters_end, text.data() + word_end,
                                   text.data() + text.size()))
            CHECK(has(starts.time, i));
    }
}

// Both scanners find the same from the walk's starts as from every position.
void check_same(std::string_view text) {
    grammar::scan_starts starts;
    grammar::find_scan_starts(text, starts);
    const std::vector<std::size_t> all = every_position(text);
    INFO("text: " << text);
    check_words_kept(text, starts);
    CHECK(quantities(text, starts.quantity) == quantities(text, all));
    CHECK(quantities(text, starts) == quantities(text, all));
    CHECK(times(text, starts.time) == times(text, all));
}

// A deterministic stream of pseudo-random numbers (no seed from outside).
struct random_stream {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    std::size_t below(std::size_t n) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<std::size_t>(state % n);
    }
};

}  // namespace

TEST_CASE("scan starts: the places each scanner acts at, found in one walk") {
    for (std::string_view text : {
             "About 2,500 troops arrived in March 2021, up from 1,900 a year ago.",
             "It cost US$5m, A$3bn or C $40 (USD115, EUR40) and \xE2\x82\xAC"
             "3bn, \xC2\xA3"
             "600m, "
             "\xC2\xA5"
             "9, \xE2\x88\x92"
             "4 and -3.2 or +44 20 7946 0958 or (555) 123-4567.",
             "See http://example.com/2019/05 and www.example.org/2019 and mailto:x@y.z on 12/9/2021.",
             "http://news.org/March-2019/x www.site.org/Tuesday/June-2020 ftp://q.org/Q3-2019 WWW.a/May-2021",
             "In Q3 and FY2019, the fiscal 2020 budget rose .08 percent since '99 and \xE2\x80\x99"
             "98.",
             "Sales rose 5% in the third quarter; a year earlier they fell two years ago this weekend.",
             "He was in his 70s in the seventies, at present, to date, recently and in the near future.",
             "between 2,000 and 3,000 people, more than half a million, upwards of a dozen, some ten",
             "ab12.5x v2019 COVID-19 1.2.3 mid-2019 pre-2008 2021-12-09 978-0-306-40615-7 3-1 555-0190",
             "May to June, from November to February, Feb 28th to March 1st, April 31, 30 February 2021",
             "the Sunday Times, Saturday Night Live, the Mail on Sunday, the May government, a June deal",
             "nineteen ninety-six people, the year two thousand, two thousand, a dozen, one hundred",
             "x$ y $ z$5 $ 5 $$ US$$ 5$ \xE2\x82 \xC2 ' \xE2\x80\x99 :// www. http:// ftp://a 3:30",
             // Phrase leads, which open a figure only before a "$" or a word the scanner knows.
             "in\n$5, a\n dozen, AT  least 5, an IN excess of 4, well over 3, just under 2, close to 9",
             "no more than 4, up to 5, as many as 6, in 2019, a 5, a -5, in \xE2\x82\xAC"
             "5, a dozen2",
             "an approximately 5, a thousandfold, in fifteen, a fifteenfold rise, at",
             // Leads that need a figure, a sign or a known word after them;
             // number words (of eight letters or more known by seven) that do not.
             "about the, over 5, over\n$3, some ten, some. under -4, around +3, between \xE2\x82\xAC"
             "4, have 5, these two, over\xC2\xA0"
             "5, about",
             "thirteen, thirteex. Seventeens; seventeenth, one; upwards. TWENTY twentyish nineteen",
             "in a, as a, at a, a more, half a dozen, no fewer than 4, an estimated 5, as much as 4, In "
             "Excess of 5",
             "this year, the year two, first quarter, first-half, second half, next May, just now, may 5",
         })
        check_same(text);
}

TEST_CASE("scan starts: the same matches over the corpus") {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::string line;
    for (int n = 0; n < 20000 && std::getline(in, line); ++n) check_same(line);
}

TEST_CASE("scan starts: the same matches over shuffled pieces of prose") {
    // Pieces that sit at the edges of the walk: words either scanner knows,
    // signs, web addresses, letters against digits, spaces and none.
    static constexpr std::string_view pieces[] = {"about",
                                                  "a",
                                                  "in",
                                                  "US",
                                                  "C",
                                                  "$",
                                                  "5",
                                                  "2019",
                                                  "2,500",
                                                  ".",
                                                  ",",
                                                  "-",
                                                  "+",
                                                  "(",
                                                  ")",
                                                  "'",
                                                  ":",
                                                  "//",
                                                  "www",
                                                  "http",
                                                  "May",
                                                  "March",
                                                  "last",
                                                  "year",
                                                  "ago",
                                                  "the",
                                                  "third",
                                                  "quarter",
                                                  "weekend",
                                                  "Q",
                                                  "FY",
                                                  "fiscal",
                                                  "million",
                                                  "two",
                                                  "half",
                                                  "more",
                                                  "than",
                                                  "to",
                                                  "from",
                                                  "between",
                                                  "and",
                                                  "since",
                                                  "\xE2\x82\xAC",
                                                  "\xC2\xA3",
                                                  "\xE2\x80\x99",
                                                  "\xE2\x80\x93",
                                                  "\xC2",
                                                  "\xE2",
                                                  "USD",
                                                  "EUR",
                                                  "bn",
                                                  "m",
                                                  "%",
                                                  "s",
                                                  "recently",
                                                  "present",
                                                  "at",
                                                  "date",
                                                  "people",
                                                  "troops",
                                                  "x",
                                                  "an",
                                                  "up",
                                                  "well",
                                                  "just",
                                                  "close",
                                                  "no",
                                                  "dozen",
                                                  "least",
                                                  "excess",
                                                  "of",
                                                  "\n",
                                                  "IN",
                                                  "A",
                                                  "ten",
                                                  "have",
                                                  "over",
                                                  "some",
                                                  "under",
                                                  "around",
                                                  "these",
                                                  "thirteen",
                                                  "thirteex",
                                                  "one",
                                                  "upwards",
                                                  "this",
                                                  "first",
                                                  "second",
                                                  "next",
                                                  "may",
                                                  "month",
                                                  "estimated",
                                                  "many",
                                                  "much",
                                                  "short",
                                                  "fewer",
                                                  "less",
                                                  "most",
                                                  "hundred",
                                                  "billion",
                                                  "As",
                                                  "AT",
                                                  "\xC2\xA0"};
    random_stream random;
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        const std::size_t length = 1 + random.below(24);
        for (std::size_t i = 0; i < length; ++i) {
            text += pieces[random.below(std::size(pieces))];
            const std::size_t gap = random.below(4);
            if (gap == 1) text += ' ';
            if (gap == 2) text += "  ";
        }
        check_same(text);
    }
}

TEST_CASE("scan starts: the end of a run of letters, 16 bytes at a time as 8") {
    namespace detail = factlint::grammar::detail;
    // Runs of letters of every length up to 40, ended by every byte value,
    // looked at from every place before the end and with every end after it.
    std::array<unsigned char, 48> text{};
    for (unsigned c = 0; c < 256; ++c) {
        const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        for (std::size_t run = 0; run <= 40; ++run) {
            for (std::size_t i = 0; i < text.size(); ++i) text[i] = i % 2 ? 'q' : 'Q';
            text[run] = static_cast<unsigned char>(c);
            for (std::size_t from = 0; from <= run; from += 3) {
                for (std::size_t end = from; end <= text.size(); end += 5) {
                    const unsigned char* p = text.data() + from;
                    const unsigned char* e = text.data() + end;
                    const unsigned char* fast = detail::letters_end(p, e);
                    INFO("byte " << c << " run " << run << " from " << from << " end " << end);
                    CHECK(fast == detail::letters_end_portable(p, e));
                    const std::size_t expected = letter || run >= end ? end : run;
                    CHECK(static_cast<std::size_t>(fast - text.data()) == expected);
                }
            }
        }
    }
}

TEST_CASE("scan starts: words that end at, cross or fill 16 bytes") {
    random_stream random;
    static constexpr std::string_view pieces[] = {
        "a", "in", "about", "March", "$",      "5",      "2019",     " ",        "  ",       ".",
        "-", "x",  "US",    "Q3",    "FY2019", "ab12cd", "Thousand", "millions", "Wednesday"};
    for (int n = 0; n < 2000; ++n) {
        std::string text(random.below(40), random.below(2) ? 'x' : ' ');
        const std::size_t length = 1 + random.below(12);
        for (std::size_t i = 0; i < length; ++i) {
            text += pieces[random.below(std::size(pieces))];
            if (random.below(3) != 0) text += ' ';
        }
        check_same(text);
    }
    for (std::size_t n = 1; n < 40; ++n) {
        check_same(std::string(n, 'a') + " in 5 March");
        check_same("March " + std::string(n, 'Q') + "3 about $5");
        check_same("in " + std::string(n, 'm') + "illion 5 in excess of 4");
        check_same(std::string(n, ' ') + "about 5 Tuesday");
    }
}

TEST_CASE("scan starts: a one-letter word before every byte") {
    // The walk reads the byte after a one-letter word as its second (the
    // tables file such a word under every second byte): whatever that byte,
    // the starts must find what every position finds.
    for (unsigned c = 0; c < 256; ++c) {
        for (std::string_view word : {"a", "A", "x", "I"}) {
            std::string text = "so ";
            text += word;
            text += static_cast<char>(c);
            text += " dozen troops came in May 2019, a $5 bill and more words after them";
            check_same(text);
            check_same(std::string(word) + static_cast<char>(c) +
                       " dozen and 5 more words to fill sixteen bytes");
        }
    }
}
