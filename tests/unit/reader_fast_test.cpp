// The reader's fast paths held against the slow paths they shortcut: the
// SSE2 byte passes against their portable forms, the plain-text reader
// (which splits the source in place) against the prose it used to build,
// and the sentence splitter against the rule written out plainly.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "reader/detail.hpp"

namespace {

using namespace factlint;
using namespace factlint::reader_detail;

std::size_t count_chars_bytewise(std::string_view bytes) {
    std::size_t n = 0;
    for (char c : bytes) n += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
    return n;
}

std::size_t plain_ascii_prefix_bytewise(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size() && bytes[i] != 0 && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    return i;
}

void check_byte_passes(std::string_view bytes) {
    INFO("length " << bytes.size());
    CHECK(count_chars(bytes) == count_chars_bytewise(bytes));
    CHECK(count_chars_portable(bytes) == count_chars_bytewise(bytes));
    CHECK(count_block_chars(bytes) == count_chars_bytewise(bytes));
    CHECK(plain_ascii_prefix(bytes) == plain_ascii_prefix_bytewise(bytes));
    CHECK(plain_ascii_prefix_portable(bytes) == plain_ascii_prefix_bytewise(bytes));
}

}  // namespace

TEST_CASE("reader bytes: every byte value at every place of a short text") {
    std::string text(100, 'a');
    for (unsigned c = 0; c < 256; ++c) {
        for (std::size_t at = 0; at < text.size(); ++at) {
            std::string t = text;
            t[at] = static_cast<char>(c);
            for (std::size_t from : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{15}}) {
                if (from > at) continue;
                check_byte_passes(std::string_view(t).substr(from));
                check_byte_passes(std::string_view(t).substr(from, at + 1 - from));
            }
        }
    }
}

TEST_CASE("reader bytes: line index blocks, all ASCII or with one other byte anywhere") {
    for (std::size_t length : {std::size_t{64}, std::size_t{128}, std::size_t{1024}}) {
        const std::string text(length, 'a');
        CHECK(count_block_chars(text) == length);
        for (unsigned c = 0; c < 256; c += 5) {
            for (std::size_t at = 0; at < length; at += 7) {
                std::string t = text;
                t[at] = static_cast<char>(c);
                INFO("length " << length << " byte " << c << " at " << at);
                CHECK(count_block_chars(t) == count_chars_bytewise(t));
            }
        }
    }
}

TEST_CASE("reader bytes: long random texts, sparse and dense in unusual bytes") {
    std::mt19937 random(20261130);
    for (int n = 0; n < 400; ++n) {
        // Past 255 blocks of 16 bytes at times, where the lane counters are summed.
        const std::size_t length = random() % (n % 10 == 0 ? 9000 : 600);
        const unsigned odds = 1U + random() % 200;
        std::string t(length, ' ');
        for (char& c : t) {
            c = static_cast<char>('a' + random() % 26);
            if (random() % odds == 0) c = static_cast<char>(random() % 256);
        }
        check_byte_passes(t);
        // A whole text of continuation bytes, so that every lane fills.
        check_byte_passes(std::string(length, '\x80'));
    }
}

namespace {

// The plain-text reader as it was: each paragraph's lines trimmed and joined
// with a space into a prose_builder, then cut by emit_sentences.
void read_plain_text_slowly(const std::string& source, std::vector<sentence>& out, prose_store& store) {
    prose_builder prose;
    std::size_t block = 0;
    const auto end_paragraph = [&] {
        if (prose.has_prose()) emit_sentences(prose, block++, false, source, store, out);
        prose.clear();
    };
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; };
    std::size_t at = 0;
    while (at < source.size()) {
        std::size_t end = source.find_first_of("\r\n", at);
        if (end == std::string::npos) end = source.size();
        std::size_t b = at;
        std::size_t e = end;
        while (b < e && is_blank(source[b])) ++b;
        while (e > b && is_blank(source[e - 1])) --e;
        if (b == e ||
            (source[b] == '#' && parse_directive(std::string_view(source).substr(b + 1, e - b - 1)))) {
            end_paragraph();
        } else {
            if (!prose.text().empty()) prose.append_replacement(" ");
            prose.append_source(source, b, e - b);
        }
        at = end;
        if (at < source.size()) at += source.compare(at, 2, "\r\n") == 0 ? 2 : 1;
    }
    end_paragraph();
}

void check_plain_text(const std::string& source) {
    INFO("source: " << source);
    document doc;
    REQUIRE_FALSE(read_document("t.txt", source, input_format::text, doc).has_value());
    std::vector<sentence> expected;
    prose_store store;
    read_plain_text_slowly(doc.source, expected, store);
    REQUIRE(doc.sentences.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
        const sentence& got = doc.sentences[k];
        const sentence& want = expected[k];
        INFO("sentence " << k << ": " << want.text);
        CHECK(got.text == want.text);
        CHECK(got.block == want.block);
        CHECK(got.heading == want.heading);
        CHECK(got.verbatim == want.verbatim);
        if (want.verbatim) CHECK(got.verbatim_at == want.verbatim_at);
        REQUIRE(got.runs.size() == want.runs.size());
        for (std::size_t r = 0; r < want.runs.size(); ++r) {
            CHECK(got.runs[r].at == want.runs[r].at);
            CHECK(got.runs[r].source_at == want.runs[r].source_at);
            CHECK(got.runs[r].length == want.runs[r].length);
        }
        CHECK(got.source_begin() == want.source_begin());
        CHECK(got.source_end() == want.source_end());
    }
}

}  // namespace

TEST_CASE("plain text: sentences split in the source, as from the joined prose") {
    static constexpr std::string_view pieces[] = {"The",
                                                  "rate",
                                                  "rose",
                                                  "5.5%",
                                                  "Mr.",
                                                  "U.S.",
                                                  "e.g.",
                                                  "J.",
                                                  "Smith.",
                                                  "end.",
                                                  "Why?",
                                                  "Wow!",
                                                  "No.",
                                                  "no.",
                                                  "5.",
                                                  "\"Quoted.\"",
                                                  "(see.)",
                                                  "\u201CSo.\u201D",
                                                  "\u00C9t\u00E9.",
                                                  "\u00A33bn.",
                                                  "\u20AC4.",
                                                  "...",
                                                  "?!",
                                                  "a.m.",
                                                  "x",
                                                  "#",
                                                  "'",
                                                  "\u00BB",
                                                  "\u00E9.",
                                                  "Dec.",
                                                  "Ph.D.",
                                                  "[",
                                                  "]."};
    static constexpr std::string_view gaps[] = {" ",
                                                " ",
                                                " ",
                                                "  ",
                                                "\t",
                                                "\n",
                                                "\r\n",
                                                "\r",
                                                " \n ",
                                                "\t\r\n\f",
                                                "\n\n",
                                                "\n \t\n",
                                                "\r\r",
                                                "\n# factlint-disable FL201\n",
                                                "\n# not a directive\n",
                                                "\n#factlint-enable\r\n",
                                                "\v\n"};
    std::mt19937 random(8);
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        if (random() % 4 == 0) text += gaps[random() % std::size(gaps)];
        const std::size_t words = 1 + random() % 40;
        for (std::size_t i = 0; i < words; ++i) {
            text += pieces[random() % std::size(pieces)];
            text += gaps[random() % (random() % 3 == 0 ? std::size(gaps) : 5)];
        }
        if (random() % 2 == 0) text += pieces[random() % std::size(pieces)];
        check_plain_text(text);
    }
}

TEST_CASE("word start: eight bytes at a time, as byte by byte") {
    static constexpr char bytes[] = {'a',    'Z',    '.',    ' ',    '\t',   '\n',   '\r',
                                     '\f',   '\v',   '\x01', '\x1F', '!',    '\x20', '\x21',
                                     '\x7F', '\x80', '\xA0', '\xC3', '\xE2', '\xFF'};
    std::mt19937 random(19);
    for (int n = 0; n < 3000; ++n) {
        std::string t(random() % 40, 'x');
        const unsigned odds = 1U + random() % 12;
        for (char& c : t) {
            if (random() % odds == 0) c = bytes[random() % std::size(bytes)];
        }
        for (std::size_t end = 0; end <= t.size(); ++end) {
            for (std::size_t begin : {std::size_t{0}, end / 3, end}) {
                INFO("text '" << t << "' begin " << begin << " end " << end);
                CHECK(word_start(t.data() + begin, t.data() + end) ==
                      word_start_portable(t.data() + begin, t.data() + end));
            }
        }
    }
}

namespace {

// The sentence rule as it reads, one byte at a time: a run of marks, then
// closers, then whitespace (or the end) and a byte that can start a
// sentence (or the end), unless a single period ends an abbreviation, an
// initial or dotted letters.
bool space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t closer_at(std::string_view s, std::size_t i) {
    if (std::string_view("\"')]").find(s[i]) != std::string_view::npos) return 1;
    for (std::string_view closer : {"\u201D", "\u2019", "\u00BB"}) {
        if (s.substr(i, closer.size()) == closer) return closer.size();
    }
    return 0;
}

bool starts_sentence(std::string_view s, std::size_t i) {
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    if (std::string_view("\"'([$").find(c) != std::string_view::npos) return true;
    for (std::string_view opener : {"\u201C", "\u2018", "\u00AB", "\u20AC", "\u00A3"}) {
        if (s.substr(i, opener.size()) == opener) return true;
    }
    return s.substr(i, 1) == "\xC3" && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
           static_cast<unsigned char>(s[i + 1]) <= 0x9E && static_cast<unsigned char>(s[i + 1]) != 0x97;
}

bool ends_abbreviation(std::string_view s, std::size_t dot) {
    static constexpr std::string_view listed[] = {
        "Mr",  "Mrs", "Ms",     "Dr",     "Gen", "Maj",  "Col",  "Lt",   "Sgt",  "Capt", "Gov",
        "Sen", "Rep", "Pres",   "Prof",   "St",  "Jr",   "Sr",   "Adm",  "Brig", "Cmdr", "Cpl",
        "Pvt", "Rev", "Hon",    "Mt",     "Ft",  "Gens", "Reps", "Sens", "Jan",  "Feb",  "Mar",
        "Apr", "Jun", "Jul",    "Aug",    "Sep", "Sept", "Oct",  "Nov",  "Dec",  "No",   "Nos",
        "vs",  "etc", "approx", "Approx", "est", "Inc",  "Corp", "Ltd",  "Co",   "cf",   "al",
        "Fig", "Vol", "Dept",   "Univ",   "Ave", "Blvd", "Bros", "Ph.D"};
    std::size_t b = dot;
    while (b > 0 && !space_byte(s[b - 1])) --b;
    std::string_view word = s.substr(b, dot - b);
    while (!word.empty() && std::string_view("([\"'").find(word.front()) != std::string_view::npos)
        word.remove_prefix(1);
    for (std::string_view opener : {"\u201C", "\u2018"}) {
        if (word.substr(0, opener.size()) == opener) word.remove_prefix(opener.size());
    }
    if (word.empty()) return false;
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
    if (std::find(std::begin(listed), std::end(listed), word) != std::end(listed)) return true;
    if (word.size() < 3 || word.size() % 2 == 0) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        const char c = word[k];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (k % 2 == 0 ? !letter : c != '.') return false;
    }
    return true;
}

std::vector<std::pair<std::size_t, std::size_t>> split_plainly(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const auto add = [&](std::size_t b, std::size_t e) {
        while (b < e && space_byte(s[b])) ++b;
        while (e > b && space_byte(s[e - 1])) --e;
        if (e > b) out.emplace_back(b, e);
    };
    const auto is_mark = [](char c) { return c == '.' || c == '!' || c == '?'; };
    std::size_t begin = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!is_mark(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && is_mark(s[j])) ++j;
        const bool single_period = j == i + 1 && s[i] == '.';
        while (j < s.size() && closer_at(s, j) > 0) j += closer_at(s, j);
        std::size_t k = j;
        while (k < s.size() && space_byte(s[k])) ++k;
        const bool ends = (j == s.size() || space_byte(s[j])) && (k == s.size() || starts_sentence(s, k)) &&
                          !(single_period && ends_abbreviation(s, i));
        if (!ends) {
            ++i;
            while (i < s.size() && is_mark(s[i])) ++i;
            continue;
        }
        add(begin, j);
        begin = i = j;
    }
    add(begin, s.size());
    return out;
}

}  // namespace

TEST_CASE("sentence splitter: as the rule written out plainly, on random prose") {
    static constexpr std::string_view words[] = {
        "The",       "rate",    "rose",    "5.5%",   "Mr",       "U.S",      "e.g",           "J",
        "Smith",     "a.m",     "No",      "no",     "Dec",      "Ph.D",     "www.x",         "5",
        "(see",      "[x",      "\"Q",     "'q",     "\u201CSo", "\u2018so", "\u00C9t\u00E9", "\u00D7",
        "\u00A33bn", "\u20AC4", "\u00ABx", "approx", "etc",      "Blvd",     "concluding",    "x\x01y",
        "Inc"};
    static constexpr std::string_view ends[] = {
        "",   "",   "",   ".",       ".",       ".",       "!",  "?",    "...", "?!",    ".\"",
        ".'", ".)", ".]", ".\u201D", ".\u2019", ".\u00BB", "!)", ".)\"", ",",   "\u00A0"};
    static constexpr std::string_view gaps[] = {" ",  " ",  "  ", "\t", "\n",  "\r\n",
                                                "\r", "\f", "\v", "",   "\n\n"};
    std::mt19937 random(20261130);
    for (int n = 0; n < 20000; ++n) {
        // Sometimes whitespace first, sometimes none last.
        std::string text(random() % 4 == 0 ? gaps[random() % std::size(gaps)] : "");
        for (std::size_t k = 1 + random() % 30; k > 0; --k) {
            text.append(words[random() % std::size(words)]).append(ends[random() % std::size(ends)]);
            if (k > 1 || random() % 2 == 0) text += gaps[random() % std::size(gaps)];
        }
        INFO("prose '" << text << "'");
        CHECK(split_sentences(text) == split_plainly(text));
    }
}

TEST_CASE("reader: line_index of a large file whose lines outgrow the guess from its windows") {
    // The room for line starts is guessed from four windows of the file;
    // lines much shorter elsewhere (here between the windows) must still
    // all be indexed, as a plain scan finds them, with every line ending.
    for (const std::string_view ending : {"\n", "\r\n", "\r"}) {
        CAPTURE(ending.size());
        std::string source;
        const auto add_lines = [&](std::size_t count, std::size_t length) {
            for (std::size_t i = 0; i < count; ++i)
                source.append(std::string(length, 'a' + static_cast<char>(i % 26))).append(ending);
        };
        add_lines(400, 100);   // the first window: long lines
        add_lines(60000, 2);   // between the windows: very short ones
        add_lines(2000, 100);  // the last windows: long lines again
        source += "no ending";
        std::vector<std::size_t> expected{0};
        for (std::size_t i = 0; i < source.size(); ++i) {
            if (source[i] != '\n' && source[i] != '\r') continue;
            if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
            if (i + 1 < source.size()) expected.push_back(i + 1);
        }
        const line_index lines(source);
        const std::span<const std::uint32_t> starts = lines.line_starts();
        REQUIRE(starts.size() == expected.size());
        CHECK(std::equal(starts.begin(), starts.end(), expected.begin()));
        CHECK(lines.locate(expected[30000] + 1).line == 30001);
        CHECK(lines.locate(source.size() - 1).line == static_cast<int>(expected.size()));
        CHECK(lines.line_text(static_cast<int>(expected.size())) == "no ending");
    }
}
