// The reader's fast paths held against the slow paths they shortcut: the
// SSE2 byte passes against their portable forms, and the plain-text reader
// (which splits the source in place) against the prose it used to build.
#include <doctest/doctest.h>

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
