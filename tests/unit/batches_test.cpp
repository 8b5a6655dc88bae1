// Sentences handed over in batches as they are read (reader/document.hpp,
// sentence_batches), split a round at a time (sentence_splitter), and
// checked or extracted batch by batch (document_check, record_stream): the
// same sentences, records and findings as a document read whole, with
// never more than a batch of sentences held.
#include <doctest/doctest.h>
#include <malloc.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/engine.hpp"
#include "reader/detail.hpp"
#include "reader/document.hpp"
#include "store_of.hpp"

using namespace factlint;
using namespace factlint::reader_detail;
using factlint::testing::store_of;

namespace {

// A sentence with the positions it stands for: what a reader hands over,
// copied out before the reader drops it.
struct sentence_copy {
    std::string text;
    std::size_t block = 0;
    bool heading = false;
    bool verbatim = false;
    std::size_t begin = 0, end = 0;
    std::vector<std::size_t> offsets;  // source_offset of each text byte

    explicit sentence_copy(const sentence& s)
        : text(s.text),
          block(s.block),
          heading(s.heading),
          verbatim(s.verbatim),
          begin(s.source_begin()),
          end(s.source_end()) {
        for (std::size_t i = 0; i <= s.text.size(); ++i) offsets.push_back(s.source_offset(i));
    }
    bool operator==(const sentence_copy&) const = default;
};

std::vector<sentence_copy> copies(const std::vector<sentence>& sentences) {
    return {sentences.begin(), sentences.end()};
}

// Drafts of every kind the readers take apart: front matter with a title,
// headings, lists, tables, links, emphasis, entities, code, directives,
// sentences across lines and paragraphs of many sentences.
std::string random_draft(std::mt19937& random, bool markdown) {
    static const char* const md_pieces[] = {"The fleet grew 5.5% to 2,500 ships in 2021.",
                                            "Mr. Smith left in Dec. 2020.",
                                            "Why?",
                                            "Wow!",
                                            "It rose *sharply* to **$8.5 billion**.",
                                            "See [the report](https://example.org/2024).",
                                            "Costs &amp; fees fell 3%.",
                                            "`code 2019`",
                                            "| year | troops |\n|---|---|\n| 2020 | 1,200 |\n| 2021 | 900 |",
                                            "- item one, 12 units.\n- item two, 14 units.",
                                            "## A heading of 2022",
                                            "<!-- factlint-disable FL201 -->",
                                            "Up 5%. Down 3%. Flat.",
                                            "U.S. troops: about 2,500.",
                                            "a line\nbroken in the middle. Then more."};
    static const char* const text_pieces[] = {"The fleet grew 5.5% to 2,500 ships in 2021.",
                                              "Mr. Smith left in Dec. 2020.",
                                              "Why?",
                                              "Wow!",
                                              "Up 5%. Down 3%. Flat.",
                                              "# factlint-disable FL201",
                                              "# not a directive",
                                              "U.S. troops: about 2,500.",
                                              "a line\nbroken in the middle. Then more.",
                                              "\t  indented 7 figures.  "};
    static const char* const gaps[] = {" ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "  "};
    std::string draft;
    if (random() % 3 == 0) draft += "---\ntitle: Budget of 2023\ndate: 2024-01-15\n---\n";
    const std::size_t pieces = random() % 60;
    for (std::size_t i = 0; i < pieces; ++i) {
        if (markdown)
            draft += md_pieces[random() % std::size(md_pieces)];
        else
            draft += text_pieces[random() % std::size(text_pieces)];
        draft += gaps[random() % std::size(gaps)];
    }
    return draft;
}

// Reads `draft` in batches of `size` sentences or `prose_bytes`, checking
// each hand-over, and returns the sentences handed over in order.
std::vector<sentence_copy> read_in_batches(const std::string& draft, input_format format, std::size_t size,
                                           std::size_t prose_bytes = std::size_t{1} << 20) {
    std::vector<sentence_copy> got;
    document doc;
    sentence_batches batches{.size = size, .prose_bytes = prose_bytes, .take = [&](const document& d) {
                                 CHECK(d.sentences_before == got.size());
                                 CHECK(!d.sentences.empty());
                                 CHECK(d.sentences.size() <= size);
                                 for (const sentence& s : d.sentences) got.emplace_back(s);
                             }};
    REQUIRE_FALSE(read_document("t", draft, format, doc, &batches).has_value());
    CHECK(doc.sentences.empty());
    CHECK(doc.sentences_before == got.size());
    return got;
}

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A record in a form to compare: its words, place, sentence and claim.
std::string record_line(const claim_record& r) {
    return std::string(r.text) + "@" + std::to_string(r.span.begin) + " s" +
           std::to_string(r.sentence_index) + " " + std::string(r.claim_id);
}

// What a check found, in a form to compare.
std::vector<std::string> summary(const file_result& r) {
    std::vector<std::string> lines;
    lines.push_back("records " + std::to_string(r.record_count) + " matched " +
                    std::to_string(r.matched_count) + " seen " + std::to_string(r.numbers_seen) + " read " +
                    std::to_string(r.numbers_read) + " kept " + std::to_string(r.kept_records.size()));
    for (const claim_record& k : r.kept_records)
        lines.push_back("kept " + std::string(k.text) + " in sentence " + std::to_string(k.sentence_index));
    for (const auto& [code, n] : r.examined)
        lines.push_back(std::string(code) + " examined " + std::to_string(n));
    for (const finding& f : r.findings) {
        std::string line = f.code + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + "-" +
                           std::to_string(f.end_line) + ":" + std::to_string(f.end_column) + " " + f.message;
        for (const related_location& rel : f.related)
            line += " | " + rel.file + ":" + std::to_string(rel.line) + ":" + std::to_string(rel.column);
        lines.push_back(line);
    }
    return lines;
}

// The summary of a check in batches, made while the document lives: the
// kept records view its text (the CLI copies what outlives it,
// keep_for_across_files).
std::vector<std::string> check_in_batches(const std::string& draft, input_format format,
                                          const claim_store& store, const check_options& options,
                                          std::size_t size) {
    document doc;
    document_check check(store, options);
    const sentence_batches batches{.size = size, .take = [&](const document& d) { check.add_sentences(d); }};
    REQUIRE_FALSE(read_document("t", draft, format, doc, &batches).has_value());
    return summary(check.finish(doc));
}

// Bytes of glibc's heap in use, blocks it mapped on their own (those of
// 128 KiB or more) included.
std::size_t heap_in_use() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

// A rule's fixture (tests/rules/FLxxx): its draft, and the claims beside
// it where it has some.
struct rule_fixture {
    std::string name;  // the draft's path, for CAPTURE
    std::string draft;
    claim_store store;
};

std::vector<rule_fixture> rule_fixtures() {
    const std::filesystem::path rules = std::filesystem::path(FACTLINT_SOURCE_DIR) / "tests" / "rules";
    std::vector<rule_fixture> fixtures;
    for (const auto& entry : std::filesystem::directory_iterator(rules)) {
        const std::filesystem::path draft_path = entry.path() / "draft.md";
        if (!std::filesystem::exists(draft_path)) continue;
        const std::filesystem::path claims_path = entry.path() / "claims.claims";
        fixtures.push_back(
            {draft_path.string(), slurp(draft_path),
             std::filesystem::exists(claims_path) ? store_of(slurp(claims_path)) : claim_store{}});
    }
    return fixtures;
}

// The draft with its figures in bold, so that no sentence with one is a
// verbatim piece of the file: the reader keeps such a sentence's text in
// its prose store, which it reuses after each batch. Digits after a
// letter (FL201 in a directive) and the front matter are left as they are.
std::string with_figures_in_bold(const std::string& draft) {
    std::size_t body = 0;
    if (draft.starts_with("---\n"))
        if (const std::size_t end = draft.find("\n---\n", 3); end != std::string::npos) body = end + 5;
    auto digit = [&](std::size_t i) { return i < draft.size() && draft[i] >= '0' && draft[i] <= '9'; };
    auto alnum = [&](std::size_t i) {
        return digit(i) || std::isalpha(static_cast<unsigned char>(draft[i]));
    };
    std::string out = draft.substr(0, body);
    for (std::size_t i = body; i < draft.size();) {
        if (!digit(i)) {
            out += draft[i++];
            continue;
        }
        std::size_t end = i;
        while (digit(end) || ((draft[end] == ',' || draft[end] == '.') && digit(end + 1))) ++end;
        const bool after_letter = i > 0 && alnum(i - 1);
        out += after_letter ? draft.substr(i, end - i) : "**" + draft.substr(i, end - i) + "**";
        i = end;
    }
    return out;
}

}  // namespace

TEST_CASE("batches: the sentences handed over are those of the document read whole") {
    std::mt19937 random(20261203);
    for (int round = 0; round < 300; ++round) {
        const bool markdown = round % 2 == 0;
        const input_format format = markdown ? input_format::markdown : input_format::text;
        const std::string draft = random_draft(random, markdown);
        CAPTURE(draft);
        document whole;
        REQUIRE_FALSE(read_document("t", draft, format, whole).has_value());
        const std::vector<sentence_copy> expected = copies(whole.sentences);
        for (const std::size_t size : {1, 2, 3, 7, 4096}) {
            CAPTURE(size);
            CHECK(read_in_batches(draft, format, size) == expected);
        }
        // Handed over by the bytes of prose kept (a sentence with markup,
        // or across lines in plain text), whatever their count.
        for (const std::size_t prose_bytes : {1, 40, 200}) {
            CAPTURE(prose_bytes);
            CHECK(read_in_batches(draft, format, 4096, prose_bytes) == expected);
        }
    }
}

TEST_CASE("batches: a document of very many short sentences never holds them all") {
    // A table of 60,000 cells and a paragraph of 60,000 short sentences: as
    // a list, 48 bytes each where each has some 8 bytes of text.
    std::string table = "| a | b | c |\n|---|---|---|\n";
    std::string paragraph;
    for (int i = 0; i < 20000; ++i) {
        table += "| " + std::to_string(i) + " | 7 | 9 |\n";
        paragraph += "Up " + std::to_string(i % 97) + "%. Down 2%. Flat.\n";
    }
    // (Not a structured binding: clang 14 lets no lambda, CAPTURE's, name one.)
    for (const auto& shape :
         {std::pair{table, input_format::markdown}, std::pair{paragraph, input_format::text},
          std::pair{paragraph, input_format::markdown}}) {
        const std::string& draft = shape.first;
        const input_format format = shape.second;
        CAPTURE(format == input_format::markdown);
        std::size_t handed = 0, most_held = 0;
        document doc;
        const sentence_batches batches{.size = 1024, .take = [&](const document& d) {
                                           handed += d.sentences.size();
                                           most_held = std::max(most_held, d.sentences.capacity());
                                       }};
        REQUIRE_FALSE(read_document("t", draft, format, doc, &batches).has_value());
        CHECK(handed >= 60000);
        CHECK(most_held <= 1024);
        CHECK(doc.sentences.capacity() <= 1024);
    }
}

TEST_CASE("batches: a paragraph split a round at a time gives the sentences split at once") {
    std::mt19937 random(7);
    static const char* const words[] = {"Up", "5%.",  "Mr.",     "U.S.",   "Why?", "Wow!", "rose", "2,500.",
                                        "\n", "e.g.", "\"So.\"", "(see.)", "x",    "...",  "?!"};
    for (int round = 0; round < 200; ++round) {
        std::string prose;
        const std::size_t n = random() % 400;
        for (std::size_t i = 0; i < n; ++i) {
            prose += words[random() % std::size(words)];
            prose += ' ';
        }
        // A stretch with no sentence end past the cut (16 KiB) now and then.
        if (round % 50 == 0) prose += std::string(40000, 'a') + " " + std::string(20000, 'b') + ". End.";
        CAPTURE(prose.substr(0, 200));
        std::vector<std::pair<std::size_t, std::size_t>> whole;
        split_sentences(prose, whole);
        for (const std::size_t most : {1, 2, 5, 1024}) {
            CAPTURE(most);
            sentence_splitter splitter(prose);
            std::vector<std::pair<std::size_t, std::size_t>> round_out, all;
            while (splitter.next(most, round_out)) {
                CHECK(!round_out.empty());
                // A round stops once it has `most`; a stretch cut in
                // pieces may add a few more.
                CHECK(round_out.size() <= most + 8);
                all.insert(all.end(), round_out.begin(), round_out.end());
            }
            CHECK(round_out.empty());
            CHECK_FALSE(splitter.next(most, round_out));
            CHECK(all == whole);
        }
    }
}

TEST_CASE("batches: a draft checked batch by batch finds what it finds read whole") {
    // Every rule's fixture, with its claims where it has some, in batches
    // down to one sentence: the rules that compare across sentences see
    // sentences of different batches, and the numbering of sentences
    // (which FL201 and FL202 compare) counts across batches.
    const std::vector<rule_fixture> fixtures = rule_fixtures();
    for (const rule_fixture& fixture : fixtures) {
        CAPTURE(fixture.name);
        const claim_store& store = fixture.store;
        const std::string& draft = fixture.draft;
        check_options options;
        options.as_of = time_span::day(2026, 1, 1);
        options.count_numbers = true;
        for (const input_format format : {input_format::markdown, input_format::text}) {
            document whole;
            REQUIRE_FALSE(read_document("t", draft, format, whole).has_value());
            const std::vector<std::string> expected = summary(check_document(whole, store, options));
            for (const std::size_t size : {1, 2, 5, 4096}) {
                CAPTURE(size);
                CHECK(check_in_batches(draft, format, store, options, size) == expected);
            }
        }
    }
    CHECK(fixtures.size() >= 10);
}

TEST_CASE("batches: the words of records kept across batches outlive the batch's prose") {
    // Every rule's fixture with its figures in bold: the records the rules
    // across sentences keep (FL201, FL202) view sentences whose text the
    // reader reuses once their batch is taken, so the check copies their
    // words as it keeps them. Without the copy, a kept record of batch 1
    // shows a later batch's text (and FL201's message quotes it).
    std::size_t kept_in_bold = 0;
    for (const rule_fixture& fixture : rule_fixtures()) {
        CAPTURE(fixture.name);
        const claim_store& store = fixture.store;
        check_options options;
        options.as_of = time_span::day(2026, 1, 1);
        const std::string draft = with_figures_in_bold(fixture.draft);
        document whole;
        REQUIRE_FALSE(read_document("t", draft, input_format::markdown, whole).has_value());
        const file_result expected = check_document(whole, store, options);
        for (const claim_record& r : expected.kept_records)
            if (expected.kept_words && expected.kept_words->holds(r.text)) ++kept_in_bold;
        for (const std::size_t size : {1, 2, 5}) {
            CAPTURE(size);
            CHECK(check_in_batches(draft, input_format::markdown, store, options, size) == summary(expected));
        }
    }
    CHECK(kept_in_bold >= 10);
}

TEST_CASE("batches: the prose of sentences with markup is reused batch by batch") {
    // 60,000 sentences, each with an entity and a link, so none is a
    // verbatim piece of the file: kept for the whole document, their text
    // and runs (three of 24 bytes a sentence) took 5 MB of heap; recycled
    // after each batch, a batch's worth. (glibc's count of bytes in use; a
    // sanitizer's allocator may report none, which proves nothing but fails
    // nothing.)
    std::string draft;
    for (int i = 0; i < 20000; ++i) {
        const std::string n = std::to_string(i);
        draft += "Fig &ldquo;" + n + "&rdquo; rose. See [item " + n + "](https://example.org/" + n +
                 "). Up 5% &amp; more.\n\n";
    }
    document doc;
    std::size_t handed = 0, most_in_use = 0;
    const std::size_t in_use_before = heap_in_use();
    const sentence_batches batches{.size = 512, .take = [&](const document& d) {
                                       handed += d.sentences.size();
                                       most_in_use = std::max(most_in_use, heap_in_use());
                                   }};
    REQUIRE_FALSE(read_document("t.md", draft, input_format::markdown, doc, &batches).has_value());
    CHECK(handed == 60000);
    // Beyond the source (and its line index), read into the document.
    const std::size_t source_and_index = doc.source.capacity() + 4 * 40000;
    CHECK(most_in_use - std::min(most_in_use, in_use_before + source_and_index) < 1024 * 1024);
}

TEST_CASE("batches: long sentences that are not verbatim go by the bytes of their prose") {
    // Hard-wrapped text with no sentence end: the reader cuts it into
    // pieces of 16 KiB, each across some 200 lines, so each keeps its text
    // joined and a run a line in the prose store. 4,096 of them were 64 MB
    // of text and 19 MB of runs before a batch was handed over; the batch
    // now goes once the store holds 1 MiB. (3 MB here: 5.9 MB of heap
    // beyond the source without the bound, 2.5 to 3.1 MB with it.)
    std::string wrapped;
    for (int i = 0; wrapped.size() < 3 * 1024 * 1024; ++i)
        wrapped += "the fleet had " + std::to_string(i) + " ships and some more words to fill a line out\n";
    for (const input_format format : {input_format::text, input_format::markdown}) {
        CAPTURE(format == input_format::markdown);
        document doc;
        std::size_t handed = 0, batches_seen = 0, most_prose = 0, longest = 0;
        const std::size_t in_use_before = heap_in_use();
        std::size_t most_in_use = in_use_before;
        const sentence_batches batches{.take = [&](const document& d) {
            ++batches_seen;
            handed += d.sentences.size();
            most_prose = std::max(most_prose, d.prose.bytes());
            for (const sentence& s : d.sentences)
                longest = std::max(longest, s.text.size() + s.runs.size_bytes());
            most_in_use = std::max(most_in_use, heap_in_use());
        }};
        REQUIRE_FALSE(read_document("t", wrapped, format, doc, &batches).has_value());
        CHECK(handed >= 180);  // pieces of at most 16 KiB
        CHECK(batches_seen >= 3);
        CHECK(most_prose < (std::size_t{1} << 20) + longest);
        // Beyond the source and its line index (4 bytes a line).
        const std::size_t source_and_index =
            doc.source.capacity() + 4 * static_cast<std::size_t>(doc.lines.line_count());
        CHECK(most_in_use - std::min(most_in_use, in_use_before + source_and_index) < 4 * 1024 * 1024);
    }
}

TEST_CASE("batches: records extracted batch by batch are those of the document read whole") {
    std::mt19937 random(11);
    const claim_store store = store_of("claim fleet\n  name \"fleet\"\n  value 2,500 ships in 2021\n");
    const check_options options;
    for (int round = 0; round < 60; ++round) {
        const bool markdown = round % 2 == 0;
        const input_format format = markdown ? input_format::markdown : input_format::text;
        const std::string draft = random_draft(random, markdown);
        CAPTURE(draft);
        document whole;
        REQUIRE_FALSE(read_document("t", draft, format, whole).has_value());
        std::vector<std::string> expected;
        for (const claim_record& r : extract_records(whole, store, options))
            expected.push_back(record_line(r));
        for (const std::size_t size : {1, 3}) {
            std::vector<std::string> got;
            record_stream stream(store, options, [&](std::span<const claim_record> block) {
                for (const claim_record& r : block) got.push_back(record_line(r));
            });
            document doc;
            const sentence_batches batches{.size = size,
                                           .take = [&](const document& d) { stream.add_sentences(d); }};
            REQUIRE_FALSE(read_document("t", draft, format, doc, &batches).has_value());
            CHECK(got == expected);
        }
    }
}

TEST_CASE("batches: what the taker throws reaches the caller, through md4c too") {
    for (const input_format format : {input_format::markdown, input_format::text}) {
        std::string draft;
        for (int i = 0; i < 50; ++i) draft += "Paragraph " + std::to_string(i) + " had 12 ships.\n\n";
        int taken = 0;
        const sentence_batches batches{.size = 4, .take = [&](const document&) {
                                           if (++taken == 3) throw std::runtime_error("taker failed");
                                       }};
        document doc;
        CHECK_THROWS_WITH_AS((void)read_document("t", draft, format, doc, &batches), "taker failed",
                             std::runtime_error);
        CHECK(taken == 3);  // md4c stopped at once: no sentence handed over after it
    }
}

namespace {

// A Markdown draft of long paragraphs built from pieces that test where a
// sentence ends (marks, closers, abbreviations, entities, breaks, long
// stretches without an end, long words and runs of blanks).
std::string long_markdown(std::mt19937& random) {
    static const char* const pieces[] = {"The fleet grew 5.5% to 2,500 ships in 2021.",
                                         "Mr. Smith left.",
                                         "U.S. troops: about 2,500.",
                                         "&ldquo;Quoted.&rdquo; Then",
                                         "Costs &amp; fees fell 3%.",
                                         "It rose *sharply* to **$8.5 billion**.",
                                         "See [the report](https://example.org/2024).",
                                         "`code 2019.`",
                                         "Why?!",
                                         "Wow!",
                                         "(see.)",
                                         "\"So.\"",
                                         "e.g. this",
                                         "5. Five",
                                         "...",
                                         "\u00C9t\u00E9.",
                                         "\u20AC4.",
                                         "\u00BB.",
                                         ".\u201D X",
                                         "No. 5",
                                         "a\nb.",
                                         "x  \ny.",
                                         "word"};
    std::string draft;
    const std::size_t paragraphs = 1 + random() % 3;
    for (std::size_t p = 0; p < paragraphs; ++p) {
        const std::size_t n = random() % 400;
        for (std::size_t i = 0; i < n; ++i) {
            switch (random() % 40) {
                case 0: draft += std::string(100 + random() % 20000, 'a'); break;  // a long word
                case 1: draft += std::string(1 + random() % 3000, ' '); break;     // a run of blanks
                case 2:
                    for (int w = 0; w < 3000; ++w) draft += "lorem ";  // 18 KB with no end
                    break;
                case 3:  // a word longer than the cut's window, handed over in pieces
                    draft += "Go. " + std::string(17000, 'c') + "&amp;" + std::string(5000, 'd');
                    break;
                default: draft += pieces[random() % std::size(pieces)]; break;
            }
            draft += random() % 5 == 0 ? "\n" : " ";
        }
        draft += "\n\n";
    }
    return draft;
}

std::vector<sentence_copy> read_markdown_settling(const std::string& text, std::size_t settle_at) {
    document doc;
    doc.source = text;
    doc.lines = line_index(doc.source);
    sentence_flow flow(doc, nullptr);
    read_markdown(doc, 0, 0, flow, settle_at);
    return copies(doc.sentences);
}

}  // namespace

TEST_CASE(
    "batches: a long Markdown block's settled sentences, sent early, are those of the block read whole") {
    // Its sentences go out while the block is read, and their text is
    // dropped: the same sentences, positions and blocks as reading it to
    // its end first, whatever the point at which they settle.
    std::mt19937 random(36);
    for (int round = 0; round < 40; ++round) {
        const std::string draft = long_markdown(random);
        CAPTURE(draft.size());
        const std::vector<sentence_copy> whole = read_markdown_settling(draft, SIZE_MAX);
        for (const std::size_t settle_at : {1, 5, 200, 4096, 70000}) {
            CAPTURE(settle_at);
            const std::vector<sentence_copy> early = read_markdown_settling(draft, settle_at);
            REQUIRE(early.size() == whole.size());
            for (std::size_t k = 0; k < whole.size(); ++k) {
                CAPTURE(k);
                CAPTURE(whole[k].text.substr(0, 80));
                CHECK(early[k] == whole[k]);
            }
        }
    }
}

TEST_CASE("batches: a Markdown paragraph of many lines is never held whole") {
    // 40,000 lines of one paragraph, 1.4 MB: read whole, the block's text
    // and a run for each line (2.4 MB) were held until its end. What the
    // heap holds beyond the source while sentences are handed over stays
    // near the point at which they settle. (glibc's count of bytes in use;
    // a sanitizer's allocator may report none, which proves nothing but
    // fails nothing.)
    std::string paragraph;
    for (int i = 0; i < 40000; ++i) paragraph += "In 1957 the fleet had " + std::to_string(i) + " ships.\n";
    document doc;
    doc.source = paragraph;
    doc.lines = line_index(doc.source);
    const std::size_t in_use_before = heap_in_use();
    std::size_t handed = 0, most_in_use = in_use_before;
    const sentence_batches batches{.size = 512, .take = [&](const document& d) {
                                       handed += d.sentences.size();
                                       most_in_use = std::max(most_in_use, heap_in_use());
                                   }};
    sentence_flow flow(doc, &batches);
    read_markdown(doc, 0, 0, flow);
    flow.finish();
    CHECK(handed == 40000);
    CHECK(most_in_use - in_use_before < 1024 * 1024);
}
