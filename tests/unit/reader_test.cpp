// Reading drafts: positions, encodings, front matter, Markdown and plain
// text prose, directives, sentence splitting.
#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "reader/document.hpp"

namespace {

using namespace factlint;

std::unique_ptr<document> read_ok(std::string bytes, input_format format = input_format::markdown) {
    auto doc = std::make_unique<document>();
    const auto error = read_document("test.md", std::move(bytes), format, *doc);
    REQUIRE_FALSE(error.has_value());
    return doc;
}

read_error read_fails(std::string bytes) {
    document doc;
    auto error = read_document("bad.md", std::move(bytes), input_format::markdown, doc);
    REQUIRE(error.has_value());
    return *error;
}

std::vector<std::string> texts(const document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.sentences) out.emplace_back(s.text);
    return out;
}

std::vector<std::string> split(std::string_view prose) {
    std::vector<std::string> out;
    for (const auto& [b, e] : split_sentences(prose)) out.emplace_back(prose.substr(b, e - b));
    return out;
}

// Where `needle` (first occurrence in the document's sentences) starts and
// ends in the source, as line/column pairs.
struct located {
    line_index::position begin;
    line_index::position end;
};

located find_in(const document& doc, std::string_view needle) {
    for (const auto& s : doc.sentences) {
        const std::size_t at = s.text.find(needle);
        if (at == std::string::npos) continue;
        return {doc.lines.locate(s.source_offset(at)),
                doc.lines.locate(s.source_end_offset(at + needle.size()))};
    }
    FAIL("not found in any sentence: " << needle);
    return {};
}

// Every run really copies source bytes; a verbatim sentence is its source.
void check_runs(const document& doc) {
    for (const auto& s : doc.sentences) {
        if (s.verbatim) {
            CHECK(s.runs.empty());
            CHECK(s.text == std::string_view(doc.source).substr(s.source_begin(), s.text.size()));
            CHECK(s.source_end() == s.source_begin() + s.text.size());
        }
        for (const auto& r : s.runs) {
            REQUIRE(r.at + r.length <= s.text.size());
            REQUIRE(r.source_at + r.length <= doc.source.size());
            CHECK(s.text.substr(r.at, r.length) == doc.source.substr(r.source_at, r.length));
        }
    }
}

}  // namespace

TEST_CASE("reader: line_index locates bytes in UTF-8 characters") {
    const std::string text = "ab\n\xC3\xA9t\xC3\xA9 42\r\nlast";
    line_index lines(text);
    CHECK(lines.line_count() == 3);
    CHECK(lines.locate(0).line == 1);
    CHECK(lines.locate(1).column == 2);
    const auto pos = lines.locate(text.find("42"));
    CHECK(pos.line == 2);
    CHECK(pos.column == 5);  // "été " is four characters
    CHECK(lines.line_text(2) == "\xC3\xA9t\xC3\xA9 42");
    CHECK(lines.line_text(3) == "last");
    CHECK(lines.line_text(4).empty());
    CHECK(lines.locate(text.size()).line == 3);
}

TEST_CASE("reader: line_index counts a lone CR as a line ending") {
    line_index lines("one\rtwo\n");
    CHECK(lines.line_count() == 2);
    CHECK(lines.locate(4).line == 2);
    CHECK(lines.line_text(1) == "one");
}

TEST_CASE("reader: positions after multibyte characters") {
    const auto doc = read_ok("Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 sold 2,500 cups.\n");
    const auto at = find_in(*doc, "2,500");
    CHECK(at.begin.line == 1);
    CHECK(at.begin.column == 15);
    CHECK(at.end.column == 20);
}

TEST_CASE("reader: CRLF line endings") {
    const auto doc = read_ok("First line here\r\nwith 42 items.\r\n\r\nSecond paragraph has 7.\r\n");
    REQUIRE(doc->sentences.size() == 2);
    CHECK(doc->sentences[0].text == "First line here with 42 items.");
    const auto at = find_in(*doc, "42");
    CHECK(at.begin.line == 2);
    CHECK(at.begin.column == 6);
    CHECK(find_in(*doc, "7").begin.line == 4);
    CHECK(doc->sentences[0].block != doc->sentences[1].block);
    check_runs(*doc);
}

TEST_CASE("reader: a UTF-8 BOM is removed and offsets count from after it") {
    const auto doc = read_ok("\xEF\xBB\xBFThe fund holds 12 dollars.\n");
    CHECK(doc->source.substr(0, 3) == "The");
    const auto at = find_in(*doc, "12");
    CHECK(at.begin.line == 1);
    CHECK(at.begin.column == 16);
}

TEST_CASE("reader: front matter date and title") {
    const auto doc =
        read_ok("---\ntitle: \"Water in 2024\"\ndate: 2024-06-15\nauthor: someone\n---\n\nBody text.\n");
    REQUIRE(doc->date.has_value());
    CHECK(*doc->date == time_span::day(2024, 6, 15));
    REQUIRE(doc->date_offset.has_value());
    CHECK(doc->source.substr(*doc->date_offset, 10) == "2024-06-15");
    REQUIRE(doc->sentences.size() == 2);
    CHECK(doc->sentences[0].text == "Water in 2024");
    CHECK(doc->sentences[0].heading);
    CHECK(doc->sentences[0].block == 0);
    CHECK(find_in(*doc, "2024").begin.line == 2);
    CHECK(find_in(*doc, "2024").begin.column == 18);
    CHECK(doc->sentences[1].text == "Body text.");
    CHECK(doc->sentences[1].block == 1);
    check_runs(*doc);
}

TEST_CASE("reader: front matter date forms") {
    CHECK(*read_ok("---\ndate: 2024\n---\n")->date == time_span::year(2024));
    CHECK(*read_ok("---\ndate: '2024-06'\n---\n")->date == time_span::month(2024, 6));
    CHECK(*read_ok("---\r\ndate: 2024-06-15T10:00:00Z\r\n...\r\nText.\r\n")->date ==
          time_span::day(2024, 6, 15));
    CHECK(*read_ok("---\ndate: 2024-06-15 # published\n---\n")->date == time_span::day(2024, 6, 15));
    CHECK(read_ok("---\ndate: 2024-06-15\n---\n")->warnings.empty());
    // An unreadable date is ignored with a located warning; the document is still read.
    const auto odd = read_ok("---\ndate: next Tuesday\n---\nStill 5 read.\n");
    CHECK_FALSE(odd->date.has_value());
    CHECK(texts(*odd) == std::vector<std::string>{"Still 5 read."});
    REQUIRE(odd->warnings.size() == 1);
    CHECK(odd->warnings[0].line == 2);
    CHECK(odd->warnings[0].column == 7);
    CHECK(odd->warnings[0].message.starts_with("front matter date \"next Tuesday\" is not a calendar date"));
    const auto impossible = read_ok("---\ndate: \"2023-02-30\"\n---\n");
    CHECK_FALSE(impossible->date.has_value());
    REQUIRE(impossible->warnings.size() == 1);
    CHECK(impossible->warnings[0].column == 8);  // inside the quotes
}

TEST_CASE("reader: unterminated front matter is not front matter") {
    const auto doc = read_ok("---\ndate: 2024-06-15\nThe rest 3 of it.\n");
    CHECK_FALSE(doc->date.has_value());
    CHECK_FALSE(doc->sentences.empty());
    // Not at the top: an ordinary thematic break.
    CHECK_FALSE(read_ok("\n---\ndate: 2024\n---\n")->date.has_value());
    // A thematic break and a setext heading, not YAML: the text stays prose.
    CHECK(texts(*read_ok("---\nA heading with 3 words\n---\n")) ==
          std::vector<std::string>{"A heading with 3 words"});
}

TEST_CASE("reader: code, URLs, images and raw HTML are not prose") {
    const auto doc = read_ok(
        "Read `x = 42` and [the report](https://example.org/2024/99) now.\n"
        "\n"
        "```\nfenced 1234\n```\n"
        "\n"
        "    indented 5678\n"
        "\n"
        "See <https://example.org/55> or https://example.org/66 too.\n"
        "\n"
        "![chart of 77 things](chart-88.png) Shown.\n"
        "\n"
        "<div>html 99</div>\n");
    const auto all = texts(*doc);
    std::string joined;
    for (const auto& t : all) joined += t + "|";
    CHECK(joined.find("the report") != std::string::npos);
    for (std::string_view hidden : {"42", "2024", "1234", "5678", "55", "66", "77", "88", "99", "html"}) {
        INFO(hidden);
        CHECK(joined.find(hidden) == std::string::npos);
    }
    check_runs(*doc);
}

TEST_CASE("reader: emphasis is removed but positions stay exact") {
    const auto doc = read_ok("Imports were **$8.5 billion** in _2023_.\n");
    REQUIRE(doc->sentences.size() == 1);
    CHECK(doc->sentences[0].text == "Imports were $8.5 billion in 2023.");
    const auto money = find_in(*doc, "$8.5 billion");
    CHECK(money.begin.column == 16);
    CHECK(money.end.column == 28);  // before the closing "**"
    CHECK(find_in(*doc, "2023").begin.column == 35);
    check_runs(*doc);
}

TEST_CASE("reader: soft breaks become spaces and entities are decoded") {
    const auto doc = read_ok("About 61\nmillion &amp; more&nbsp;here &#8212; done &bogus; x.\n");
    REQUIRE(doc->sentences.size() == 1);
    const sentence& s = doc->sentences[0];
    CHECK(s.text == "About 61 million & more here \xE2\x80\x94 done &bogus; x.");
    const auto amp = s.text.find('&');
    CHECK(s.source_offset(amp) == doc->source.find("&amp;"));
    const auto space = s.text.find(' ', s.text.find("61"));
    CHECK(s.source_offset(space) == doc->source.find('\n'));  // the end of the run before it
    CHECK(find_in(*doc, "million").begin.line == 2);
    check_runs(*doc);
}

TEST_CASE("reader: blocks are paragraphs, headings, list items and table cells") {
    const auto doc = read_ok(
        "# Heading 1\n\nPara one.\n\n- item one\n- item two\n  - nested three\n\n> quoted four\n\n"
        "| a | b |\n|---|---|\n| cell 5 | cell 6 |\n");
    const auto all = texts(*doc);
    CHECK(all == std::vector<std::string>{"Heading 1", "Para one.", "item one", "item two", "nested three",
                                          "quoted four", "a", "b", "cell 5", "cell 6"});
    CHECK(doc->sentences[0].heading);
    CHECK_FALSE(doc->sentences[1].heading);
    for (std::size_t i = 0; i < doc->sentences.size(); ++i) CHECK(doc->sentences[i].block == i);
}

TEST_CASE("reader: Markdown directives with their lines") {
    const auto doc = read_ok(
        "Intro 1.\n\n<!-- factlint-disable-next-line FL101 -->\nLine 4 here.\n\n"
        "Text <!-- factlint-disable FL201,FL202 --> inline.\n\n"
        "<!-- factlint-enable FL201 -->\n\n<!-- just a comment -->\n\n  <!-- factlint-disable-file -->\n"
        "<!--\nfactlint-disable FL3 -- reason\n-->\n");
    REQUIRE(doc->directives.size() == 5);
    const auto& d = doc->directives;
    CHECK(d[0].what == directive::kind::disable_next_line);
    CHECK(d[0].codes == std::vector<std::string>{"FL101"});
    CHECK(d[0].line == 3);
    CHECK(d[0].column == 1);
    CHECK(d[1].what == directive::kind::disable);
    CHECK(d[1].codes == std::vector<std::string>{"FL201", "FL202"});
    CHECK(d[1].line == 6);
    CHECK(d[1].column == 6);
    CHECK(d[2].what == directive::kind::enable);
    CHECK(d[2].line == 8);
    CHECK(d[3].what == directive::kind::disable_file);
    CHECK(d[3].codes.empty());
    CHECK(d[3].line == 12);
    CHECK(d[3].column == 3);
    CHECK(d[4].what == directive::kind::disable);
    CHECK(d[4].codes == std::vector<std::string>{"FL3"});
    CHECK(d[4].line == 13);
    CHECK(texts(*doc) == std::vector<std::string>{"Intro 1.", "Line 4 here.", "Text  inline."});
}

TEST_CASE("reader: a directive in a code block is not a directive") {
    const auto doc = read_ok("```\n<!-- factlint-disable-file -->\n```\n\n`<!-- factlint-disable -->`\n");
    CHECK(doc->directives.empty());
}

TEST_CASE("reader: sentence splitting at ends") {
    CHECK(split("One is here. Two is there! Three? \"Four.\" (Five.) 6 people came.") ==
          std::vector<std::string>{"One is here.", "Two is there!", "Three?", "\"Four.\"", "(Five.)",
                                   "6 people came."});
    CHECK(split("  Leading and trailing.   ") == std::vector<std::string>{"Leading and trailing."});
    CHECK(split("No end mark") == std::vector<std::string>{"No end mark"});
    CHECK(split("It fell. and then rose.") == std::vector<std::string>{"It fell. and then rose."});
    CHECK(split("Wait... Then it came.") == std::vector<std::string>{"Wait...", "Then it came."});
    CHECK(split("He said \xE2\x80\x9CYes.\xE2\x80\x9D Then left.") ==
          std::vector<std::string>{"He said \xE2\x80\x9CYes.\xE2\x80\x9D", "Then left."});
    CHECK(split("").empty());
    CHECK(split("   ").empty());
}

TEST_CASE("reader: only single letters joined by dots make a dotted word") {
    // Even lengths and words without a dot second end the sentence.
    CHECK(split("Named A.B. Then more. Named XY.Z. Then more. Named Ab.c. Then X.Y.Z. Then end.") ==
          std::vector<std::string>{"Named A.B. Then more.", "Named XY.Z.", "Then more.", "Named Ab.c.",
                                   "Then X.Y.Z. Then end."});
}

TEST_CASE("reader: sentence splitting keeps abbreviations, initials and decimals") {
    for (std::string_view text :
         {"Gen. Smith arrived.",
          "Maj. Lee and Lt. Col. Brown left.",
          "On Dec. 9, 2021 it ended.",
          "Sept. 11 changed things.",
          "About 2,500 U.S. Troops stayed.",
          "Room No. 5 is open.",
          "Nos. 3 and 4 are shut.",
          "Smith vs. Jones was heard.",
          "Apples, pears, etc. Were sold.",
          "Some, e.g. Tom, came.",
          "That is, i.e. Bob, came.",
          "Approx. Five left; approx. 6 stayed.",
          "Acme Inc. Said so.",
          "Acme Corp. Paid 5.",
          "Acme Ltd. Paid 5.",
          "Acme Co. Paid 5.",
          "The U.K. Government agreed.",
          "The U.N. Mission ended.",
          "The E.U. Council met.",
          "At 9 a.m. Monday it opened.",
          "At 5 p.m. Tuesday it shut.",
          "J. Smith wrote it.",
          "It grew 4.5 percent.",
          "Mr. and Mrs. Jones met Ms. Ray, Dr. Who and Prof. X.",
          "Gov. A, Sen. B, Rep. C, Pres. D, Capt. E, Sgt. F, St. Louis, Jr. G and Sr. H.",
          "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Oct. Nov. Dec. Were months.",
          "An est. 500 came."}) {
        INFO(text);
        CHECK(split(text).size() == 1);
    }
    CHECK(split("The troops left in 2021. Only 2,500 remain.").size() == 2);
    CHECK(split("He said no. Then he left.").size() == 2);
}

TEST_CASE("reader: a stretch without a sentence end is cut into pieces of at most 16 KiB") {
    constexpr std::size_t most = 16 * 1024;
    // Every byte that is not whitespace is in exactly one piece, in order,
    // and no piece starts or ends with whitespace.
    const auto check_pieces = [&](std::string_view prose) {
        const auto pieces = split_sentences(prose);
        std::size_t at = 0;
        for (const auto& [b, e] : pieces) {
            CHECK(b < e);
            CHECK(prose.substr(at, b - at).find_first_not_of(" \n") == std::string_view::npos);
            CHECK(prose[b] != ' ');
            CHECK(prose[e - 1] != ' ');
            at = e;
        }
        CHECK(prose.substr(at).find_first_not_of(" \n") == std::string_view::npos);
        return pieces;
    };

    SUBCASE("words on one line: cut at a space, each piece 8 to 16 KiB but the last") {
        std::string prose;
        while (prose.size() < 100 * 1024) prose += "about 12,000 riders in 2022 and ";
        const auto pieces = check_pieces(prose);
        REQUIRE(pieces.size() >= 7);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const std::size_t size = pieces[i].second - pieces[i].first;
            CHECK(size <= most);
            if (i + 1 < pieces.size()) CHECK(size >= most / 2 - 1);
            CHECK(prose[pieces[i].second - 1] != ',');  // "12,000" is never parted
        }
    }
    SUBCASE("lines without end marks: cut at a line end") {
        std::string prose;
        for (int i = 0; prose.size() < 60 * 1024; ++i)
            prose += "item " + std::to_string(i) + " cost $4 in 2021\n";
        const auto pieces = check_pieces(prose);
        REQUIRE(pieces.size() >= 4);
        for (const auto& [b, e] : pieces) {
            CHECK(e - b <= most);
            CHECK((b == 0 || prose[b - 1] == '\n'));
            CHECK(prose[e] == '\n');
        }
    }
    SUBCASE("a word longer than half the limit is never cut") {
        const std::string word(most - 100, 'x');
        const std::string prose = std::string(most / 2 + 50, 'a') + " " + word + " " + std::string(200, 't');
        const auto pieces = check_pieces(prose);
        REQUIRE(pieces.size() == 3);
        CHECK(prose.substr(pieces[1].first, pieces[1].second - pieces[1].first) == word);
    }
    SUBCASE("one word longer than the limit stays whole") {
        const std::string prose = "head " + std::string(3 * most, 'y') + " tail";
        const auto pieces = check_pieces(prose);
        REQUIRE(pieces.size() == 2);
        CHECK(pieces[0].second - pieces[0].first == 5 + 3 * most);
    }
    SUBCASE("sentences with ends are not touched") {
        std::string prose;
        while (prose.size() < 100 * 1024) prose += "About 12,000 riders came in 2022. ";
        CHECK(split(prose).size() == (prose.size() + 1) / 34);
    }
}

TEST_CASE("reader: invalid UTF-8 is an error at the bad byte") {
    const auto error = read_fails("ok line\nab\xC3\xA9 \xFF rest\n");
    CHECK(error.path == "bad.md");
    CHECK(error.line == 2);
    CHECK(error.column == 5);
    CHECK(error.message == "invalid UTF-8 (byte 0xff)");
    CHECK(read_fails("x\xC3").message == "invalid UTF-8 (byte 0xc3)");
    CHECK(read_fails("\xC0\xAF").message == "invalid UTF-8 (byte 0xc0)");           // overlong
    CHECK(read_fails("a\xED\xA0\x80").message == "invalid UTF-8 (byte 0xed)");      // surrogate
    CHECK(read_fails("a\xF4\x90\x80\x80").message == "invalid UTF-8 (byte 0xf4)");  // above U+10FFFF
}

TEST_CASE("reader: the encoding check finds a bad byte at any offset of a block") {
    // ASCII is skipped 32 and 8 bytes at a time: a text of whole blocks reads,
    // and a bad byte anywhere in or after a block is found where it is.
    for (std::size_t length : {8, 32, 64, 96, 100})
        CHECK(read_ok(std::string(length, 'a'))->sentences.size() == 1);
    for (std::size_t at = 0; at < 80; ++at) {
        INFO("at " << at);
        std::string text(80, 'a');
        text[at] = '\xFF';
        const auto bad = read_fails(text);
        CHECK(bad.message == "invalid UTF-8 (byte 0xff)");
        CHECK(bad.column == static_cast<int>(at) + 1);
        text[at] = '\0';
        const auto nul = read_fails(text);
        CHECK(nul.message == "binary file (NUL byte)");
        CHECK(nul.column == static_cast<int>(at) + 1);
    }
}

TEST_CASE("reader: valid_utf8 is the reader's test, NUL bytes allowed") {
    using namespace std::string_literals;
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
    CHECK(valid_utf8("a\0b\0"s));
    CHECK(valid_utf8("\xF4\x8F\xBF\xBF\0\xC2\x80"s));
    CHECK_FALSE(valid_utf8("\xC0\x80"));
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));
    CHECK_FALSE(valid_utf8("a\0\xFF"s));
    CHECK_FALSE(valid_utf8("end \xE2\x82"));
}

TEST_CASE("reader: NUL bytes and UTF-16 are rejected") {
    const auto nul = read_fails(std::string("line one\nab\0cd", 14));
    CHECK(nul.message == "binary file (NUL byte)");
    CHECK(nul.line == 2);
    CHECK(nul.column == 3);
    const auto le = read_fails(std::string("\xFF\xFEh\0i\0", 6));
    CHECK(le.message == "UTF-16 text is not supported; convert to UTF-8");
    CHECK(le.line == 0);
    CHECK(read_fails("\xFE\xFF\0h").message == "UTF-16 text is not supported; convert to UTF-8");
}

TEST_CASE("reader: empty and whitespace-only files") {
    CHECK(read_ok("")->sentences.empty());
    CHECK(read_ok(" \n\t\n\r\n")->sentences.empty());
    CHECK(read_ok("", input_format::text)->sentences.empty());
    CHECK(read_ok("  \n\n", input_format::text)->sentences.empty());
    CHECK(read_ok("\xEF\xBB\xBF")->sentences.empty());
}

TEST_CASE("reader: an unterminated code fence hides the rest") {
    const auto doc = read_ok("Before 1.\n\n```\ncode 2\n\nmore 3\n");
    CHECK(texts(*doc) == std::vector<std::string>{"Before 1."});
}

TEST_CASE("reader: deep nesting neither overflows the stack nor hangs") {
    // A crash fails the test; a hang is stopped by the unit tests' ctest
    // TIMEOUT (tests/CMakeLists.txt).
    CHECK(texts(*read_ok(std::string(10000, '>') + " deep 1.\n")) == std::vector<std::string>{"deep 1."});
    std::string lists;
    for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
    CHECK_FALSE(read_ok(lists)->sentences.empty());
    read_ok(std::string(5000, '[') + "x" + std::string(5000, ']') + std::string(20000, '*'));
}

TEST_CASE("reader: plain text paragraphs and directives") {
    const auto doc = read_ok(
        "First line\n  continues 12 here.  Second one.\n\n"
        "# factlint-disable-next-line FL101\n"
        "Next paragraph 7.\n"
        "#1 seed is prose.\n"
        "\t# factlint-enable\n",
        input_format::text);
    CHECK(texts(*doc) == std::vector<std::string>{"First line continues 12 here.", "Second one.",
                                                  "Next paragraph 7. #1 seed is prose."});
    const auto at = find_in(*doc, "12");
    CHECK(at.begin.line == 2);
    CHECK(at.begin.column == 13);
    REQUIRE(doc->directives.size() == 2);
    CHECK(doc->directives[0].what == directive::kind::disable_next_line);
    CHECK(doc->directives[0].codes == std::vector<std::string>{"FL101"});
    CHECK(doc->directives[0].line == 4);
    CHECK(doc->directives[1].what == directive::kind::enable);
    CHECK(doc->directives[1].line == 7);
    CHECK(doc->directives[1].column == 2);
    CHECK(doc->sentences[0].block == doc->sentences[1].block);
    CHECK(doc->sentences[2].block != doc->sentences[1].block);
    check_runs(*doc);
}

TEST_CASE("reader: plain text front matter and Markdown-looking text") {
    const auto doc = read_ok("---\ndate: 2025-01\ntitle: Notes\n---\n`x` is **5**.\n", input_format::text);
    CHECK(*doc->date == time_span::month(2025, 1));
    CHECK(texts(*doc) == std::vector<std::string>{"Notes", "`x` is **5**."});
}

TEST_CASE("reader: format_for_path") {
    CHECK(format_for_path("a/b/draft.md") == input_format::markdown);
    CHECK(format_for_path("draft.MARKDOWN") == input_format::markdown);
    CHECK(format_for_path("-") == input_format::markdown);
    CHECK(format_for_path("notes.txt") == input_format::text);
    CHECK(format_for_path("dir.md/notes") == input_format::text);
    CHECK(format_for_path("README") == input_format::text);
}

TEST_CASE("reader: the reservoir draft") {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/cases/reservoir/draft.md", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream bytes;
    bytes << in.rdbuf();
    document doc;
    REQUIRE_FALSE(read_document("draft.md", bytes.str(), input_format::markdown, doc).has_value());
    REQUIRE(doc.date.has_value());
    CHECK(*doc.date == time_span::day(2025, 10, 2));
    bool found_volume = false;
    bool found_dam = false;
    for (const auto& s : doc.sentences) {
        if (s.text.find("about 61 million cubic meters") != std::string::npos) {
            found_volume = true;
            CHECK(doc.lines.locate(s.source_begin()).line == 8);
            CHECK(doc.lines.locate(s.source_begin()).column == 1);
            CHECK(s.text.find("Construction") == std::string::npos);
        }
        if (s.text.rfind("Construction of the dam began in 1962", 0) == 0) {
            found_dam = true;
            CHECK(s.text == "Construction of the dam began in 1962 and the reservoir first filled in 1967.");
            const auto year = doc.lines.locate(s.source_offset(s.text.find("1962")));
            CHECK(year.line == 9);
            CHECK(year.column == 74);
        }
    }
    CHECK(found_volume);
    CHECK(found_dam);
    check_runs(doc);
}

TEST_CASE("reader: a verbatim sentence views the source; others view kept text") {
    auto in_source = [](const document& doc, std::string_view text) {
        const std::string_view source = doc.source;
        return text.data() >= source.data() && text.data() + text.size() <= source.data() + source.size();
    };
    const auto text = read_ok("First line here.\nIt goes on\nacross lines.\n", input_format::text);
    REQUIRE(text->sentences.size() == 2);
    CHECK(in_source(*text, text->sentences[0].text));
    CHECK(text->sentences[1].text == "It goes on across lines.");
    CHECK_FALSE(in_source(*text, text->sentences[1].text));  // the line break became a space

    // Many sentences: the kept text and runs stay valid while the store grows.
    std::string many;
    for (int i = 0; i < 3000; ++i) many += "Imports **rose** to " + std::to_string(i) + " tons.\n\n";
    const auto md = read_ok(many);
    REQUIRE(md->sentences.size() == 3000);
    CHECK(md->sentences[0].text == "Imports rose to 0 tons.");
    CHECK(md->sentences[2999].text == "Imports rose to 2999 tons.");
    CHECK_FALSE(in_source(*md, md->sentences[1234].text));
    check_runs(*md);
}

TEST_CASE("reader: the prose store's views stay valid while its lists of chunks grow and move") {
    // Sentences view the store as it fills: a new chunk may move the list
    // of chunks, never a chunk's own bytes.
    prose_store store;
    std::vector<std::string> texts;
    std::vector<std::string_view> views;
    std::vector<std::vector<sentence::run>> runs;
    std::vector<std::span<const sentence::run>> run_views;
    for (std::size_t i = 0; i < 3000; ++i) {
        texts.push_back(std::string(1 + i % 200, static_cast<char>('a' + i % 26)) + std::to_string(i));
        views.push_back(store.keep_text(texts.back()));
        runs.push_back(std::vector<sentence::run>(1 + i % 5, sentence::run{i, 2 * i, 3 * i}));
        run_views.push_back(store.keep_runs(runs.back()));
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CAPTURE(i);
        CHECK(views[i] == texts[i]);
        REQUIRE(run_views[i].size() == runs[i].size());
        CHECK(run_views[i].front().source_at == runs[i].front().source_at);
        CHECK(run_views[i].back().length == runs[i].back().length);
    }
}
