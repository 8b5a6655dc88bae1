// Regression tests for what fuzzing and the hostile-input tests found
// (docs/reliability.md). End-to-end hostile inputs are in tests/hostile.cmake.
#include <doctest/doctest.h>

#include <string>

#include "checker/engine.hpp"
#include "grammar/parse.hpp"
#include "growth.hpp"
#include "reader/document.hpp"
#include "store_of.hpp"

namespace {

using namespace factlint;

// The column of `byte` counted the slow, obvious way.
int naive_column(std::string_view source, std::size_t byte) {
    const std::size_t start = source.rfind('\n', byte == 0 ? 0 : byte - 1);
    const std::size_t from = (start == std::string_view::npos || byte == 0) ? 0 : start + 1;
    int column = 1;
    for (std::size_t i = from; i < byte; ++i)
        if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;
    return column;
}

// `chunk` repeated to at least `bytes` on one line, read as Markdown into
// `doc`; returns how many chunks the line holds.
// The reader cuts a stretch without an end mark into pieces of at most
// 16 KiB (reader/sentences.cpp), which alone keeps a long line linear. The
// tests below make the line one sentence again, so that they still guard
// the analysis of a sentence itself: each of the quadratic walks they
// recall was inside one sentence.
void make_one_sentence(document& doc) {
    std::string_view text = doc.source;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    doc.sentences.clear();
    sentence& s = doc.sentences.emplace_back();
    s.text = text;
    s.verbatim = true;
}

std::size_t read_long_line(std::string_view chunk, std::size_t bytes, document& doc) {
    std::string text;
    while (text.size() < bytes) text += chunk;
    text += '\n';
    const std::size_t chunks = text.size() / chunk.size();
    REQUIRE_FALSE(read_document("long.md", std::move(text), input_format::markdown, doc).has_value());
    CHECK(doc.sentences.size() > 1);  // cut by the reader
    make_one_sentence(doc);
    return chunks;
}

// How many times longer extracting the records of one line of `head`
// then `chunk` again and again takes for `large` bytes than for `small`;
// every chunk must give at least two records.
double extract_growth(const std::string& head, const std::string& chunk, std::size_t small,
                      std::size_t large) {
    claim_store store;
    store.build_index();
    std::size_t last_records = 0, last_chunks = 0;
    const auto read_line = [&](std::size_t bytes) {
        std::string text = head;
        while (text.size() < bytes) text += chunk;
        last_chunks = (text.size() - head.size()) / chunk.size();
        document doc;
        REQUIRE_FALSE(read_document("long.md", text + "\n", input_format::markdown, doc).has_value());
        make_one_sentence(doc);
        last_records = extract_records(doc, store, check_options{}).size();
    };
    const double ratio = testing::growth_ratio(read_line, small, large);
    CHECK(last_records >= 2 * last_chunks);
    return ratio;
}

}  // namespace

TEST_CASE("hostile: line_index columns on a long line with multi-byte characters") {
    // "é" and "€" straddle the 4 KiB blocks the index counts in.
    std::string source = "first line\n";
    for (int i = 0; i < 5000; ++i) source += (i % 3 == 0) ? "a\u00e9" : (i % 3 == 1 ? "\u20ac " : "x");
    source += "\nlast";
    const line_index lines(source);
    for (std::size_t byte = 0; byte <= source.size(); byte += 37) {
        if (byte < source.size() && (static_cast<unsigned char>(source[byte]) & 0xC0) == 0x80) continue;
        CHECK(lines.locate(byte).column == naive_column(source, byte));
    }
    CHECK(lines.locate(source.size()).line == 3);
    CHECK(lines.locate(source.size()).column == 5);
}

TEST_CASE("hostile: line_index locate is not linear in the line length") {
    // Once quadratic: every figure on a 50 MB single line counted its column
    // from the line start. Locating every 64th byte of a line eight times as
    // long must take about eight times as long, not sixty-four.
    std::size_t sum = 0;
    const auto locate_all = [&](std::size_t bytes) {
        const std::string source(bytes, 'a');
        const line_index lines(source);
        for (std::size_t byte = 0; byte < source.size(); byte += 64) sum += lines.locate(byte).column;
        CHECK(lines.locate(source.size() - 1).column == static_cast<int>(source.size()));
    };
    const double ratio = testing::growth_ratio(locate_all, 1024 * 1024, 8 * 1024 * 1024);
    CHECK(sum > 0);
    CHECK(ratio < 24.0);
}

TEST_CASE("hostile: a number too long for a double is not a figure") {
    // Once read as 7.8e63: the digits were cut at 64 characters.
    const std::string text = "The town counted " + std::string(10000, '7') + " riders in 2023.";
    for (const auto& q : grammar::find_quantities(text)) CHECK(q.end - q.begin < 100);
    const auto ok = grammar::find_quantities("about " + std::string("1") + std::string(60, '0') + " grains");
    REQUIRE(ok.size() == 1);
    CHECK(ok[0].value == doctest::Approx(1e60));
}

TEST_CASE("hostile: a long single line naming reference claims again and again is checked in linear time") {
    // Once quadratic three times over: each name looked for its figure and
    // dates over the whole sentence, FL201 compared every statement of a
    // subject with every earlier one, and each finding located its column
    // from a 4 KiB block. A 10 MB line did not finish in ten minutes.
    const claim_store store = testing::store_of(
        "claim ferry-riders\n"
        "  name \"ferry riders\"\n"
        "  value about 20,000 riders in 2022\n"
        "claim harbour-sales\n"
        "  name \"harbour sales\"\n"
        "  where \"Norhaven\"\n"
        "  value $9 million in 2022\n");
    const std::string chunk =
        "The ferry riders numbered about 12,000 in 2022 and harbour sales in Norhaven rose to $5 million in "
        "2022 "
        "while 300 boat fares cost $4 in 2021 and ";
    std::size_t findings = 0, chunks = 0;
    const auto check_line = [&](std::size_t bytes) {
        document doc;
        chunks = read_long_line(chunk, bytes, doc);
        findings = check_document(doc, store, check_options{}).findings.size();
    };
    const double ratio = testing::growth_ratio(check_line, 64 * 1024, 256 * 1024);
    CHECK(findings >= chunks);  // the names were matched and judged, chunk after chunk
    CHECK(ratio < 10.0);  // 17.8 on the quadratic code; ten as the other growth tests (docs/reliability.md)
}

TEST_CASE("hostile: a long single-line sentence full of figures is read in linear time") {
    // Once quadratic twice over: columns counted from the line start, and
    // every figure compared with every date of its sentence. A 50 MB line
    // never finished; a 2 MB one took over a minute. Four times the text
    // must take about four times as long (sixteen if quadratic); the limit
    // allows 10, since the 1 MB sentence's token lists outgrow the caches
    // (4.7 to 7.1 measured on a loaded machine, once 8.4 against the old
    // limit of 8).
    CHECK(extract_growth("", "The ferry carried about 12,000 riders in 2022 and ", 256 * 1024, 1024 * 1024) <
          10.0);
}

TEST_CASE("hostile: a long single line of figures after one date is read in linear time") {
    // Once quadratic: each figure with no date of its own looked back over
    // its whole part for the nearest one. Four times the text must take
    // about four times as long (sixteen if quadratic).
    CHECK(extract_growth("In 2000 the budget was ", "$1 million and 2,000 riders and ", 64 * 1024,
                         256 * 1024) < 10.0);
}

TEST_CASE("hostile: a long single line of figures with no verb is read in linear time") {
    // Once quadratic: each figure looked for the nearest tense marker (a
    // verb, "will") outward over the whole sentence, and a list of figures
    // has none. A 1.75 MB line took 46 s. Four times the text must take
    // about four times as long (sixteen if quadratic); the limit is 10 as
    // in the test above.
    CHECK(extract_growth("", "about 12,000 riders in 2022 and 3,400 cars in 2021 and ", 64 * 1024,
                         256 * 1024) < 10.0);
}
