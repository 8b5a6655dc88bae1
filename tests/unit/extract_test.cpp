// Sentence analysis and extraction: times attach to their own clause,
// change and total statements, names of reference claims link to figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "checker/engine.hpp"
#include "checker/extract.hpp"
#include "checker/patterns.hpp"
#include "checker/sentence_analysis.hpp"
#include "claims/interned.hpp"
#include "store_of.hpp"

using namespace factlint;
using factlint::testing::store_of;

namespace {

struct extracted {
    document doc;
    std::vector<claim_record> records;
};

std::unique_ptr<extracted> extract(std::string markdown, const claim_store& store = claim_store{}) {
    auto e = std::make_unique<extracted>();
    REQUIRE_FALSE(read_document("t.md", std::move(markdown), input_format::markdown, e->doc));
    e->records = extract_records(e->doc, store, check_options{});
    return e;
}

const claim_record* find(const extracted& e, std::string_view text) {
    auto it = std::find_if(e.records.begin(), e.records.end(),
                           [&](const claim_record& r) { return r.text == text; });
    return it == e.records.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("extract: a date attaches to the figure in its own clause") {
    auto e = extract(
        "---\ndate: 2024-03-01\n---\nImports were $8.5 billion in 2023, down 15.5 percent from 2022.\n");
    const claim_record* imports = find(*e, "$8.5 billion");
    REQUIRE(imports);
    REQUIRE(imports->time);
    CHECK(*imports->time == time_span::year(2023));
    CHECK(imports->basis == time_basis::explicit_);
    CHECK(imports->unit == "currency:USD");
}

TEST_CASE("extract: a figure after \"in YEAR to\" or a dash is read with that date") {
    auto e = extract("Ridership rose in 2022 to 13,000 riders. The deficit fell in 2023 to $4.2 billion.\n");
    const claim_record* riders = find(*e, "13,000");
    REQUIRE(riders);
    REQUIRE(riders->time);
    CHECK(*riders->time == time_span::year(2022));
    const claim_record* deficit = find(*e, "$4.2 billion");
    REQUIRE(deficit);
    CHECK_FALSE(deficit->is_range);
    REQUIRE(deficit->time);
    CHECK(*deficit->time == time_span::year(2023));
    CHECK(find(*e, "2023"));  // the date itself is kept
}

TEST_CASE("extract: present tense takes the document date; forecasts are marked") {
    auto e = extract(
        "---\ndate: 2025-06-20\n---\nThe firm now employs about 2,300 people. The bridge will cost $48 "
        "million in 2027.\n");
    const claim_record* staff = find(*e, "about 2,300");
    REQUIRE(staff);
    CHECK(staff->basis == time_basis::document);
    CHECK(staff->noun == "people");
    const claim_record* cost = find(*e, "$48 million");
    REQUIRE(cost);
    CHECK(cost->forecast);
}

TEST_CASE("extract: an introductory date in an earlier clause") {
    auto e = extract("In October 2007, there were about 170,000 troops.\n");
    const claim_record* troops = find(*e, "about 170,000");
    REQUIRE(troops);
    REQUIRE(troops->time);
    CHECK(*troops->time == time_span::month(2007, 10));
}

TEST_CASE("extract: change statements with their figures") {
    auto e = extract("Output rose 6.2% to $1.34 billion last year, from $1.26 billion in 2023.\n");
    auto change = std::find_if(e->records.begin(), e->records.end(),
                               [](const claim_record& r) { return r.change.has_value(); });
    REQUIRE(change != e->records.end());
    CHECK(change->change->dir == change_info::direction::up);
    CHECK(change->change->percent_value == doctest::Approx(6.2));
    REQUIRE(change->change->to_index >= 0);
    REQUIRE(change->change->from_index >= 0);
    CHECK(e->records[static_cast<std::size_t>(change->change->to_index)].text == "$1.34 billion");
    CHECK(e->records[static_cast<std::size_t>(change->change->from_index)].text == "$1.26 billion");
}

TEST_CASE("extract: several change statements in one sentence come out in document order") {
    // Each change statement is read ahead of its figures, so the records
    // are moved into order; their indices must follow them.
    auto e = extract(
        "Sales rose 5% to $10 million from $8 million, exports grew 3% to $12 million from $9 million, "
        "and costs fell 2% to $4 million from $5 million.\n");
    for (std::size_t k = 1; k < e->records.size(); ++k)
        CHECK(e->records[k - 1].span.begin <= e->records[k].span.begin);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"$10 million", "$8 million"}, {"$12 million", "$9 million"}, {"$4 million", "$5 million"}};
    std::vector<std::pair<std::string, std::string>> changes;
    for (const claim_record& r : e->records) {
        if (!r.change || r.change->to_index < 0 || r.change->from_index < 0) continue;
        changes.emplace_back(e->records[static_cast<std::size_t>(r.change->to_index)].text,
                             e->records[static_cast<std::size_t>(r.change->from_index)].text);
    }
    CHECK(changes == expected);
}

TEST_CASE("extract: totals with exhaustive and inclusive parts") {
    auto e = extract(
        "The county spent a total of $38 million on relief: $21 million for pipes and $12 million for "
        "rebates.\n"
        "The plan costs $1.9 billion, including $400 million for buses.\n");
    const claim_record* total = find(*e, "$38 million");
    REQUIRE(total);
    REQUIRE(total->total);
    CHECK(total->total->exhaustive);
    CHECK(total->total->parts.size() == 2);
    const claim_record* plan = find(*e, "$1.9 billion");
    REQUIRE(plan);
    REQUIRE(plan->total);
    CHECK_FALSE(plan->total->exhaustive);
    CHECK(plan->total->parts.size() == 1);
}

TEST_CASE("extract: a share of a named quantity is not that quantity") {
    const claim_store store =
        store_of("claim cap\n  name \"capacity\"\n  where \"reservoir\"\n  value 78 million cubic meters\n");
    auto e = extract(
        "The reservoir held about 61 million cubic meters in September, roughly 78% of its capacity.\n",
        store);
    const claim_record* held = find(*e, "about 61 million cubic meters");
    REQUIRE(held);
    CHECK(held->claim_id.empty());
}

TEST_CASE("extract: a name links across an appositive, forwards only") {
    const claim_store store =
        store_of("claim imp\n  name \"imports from Iraq\"\n  value $8.5 billion in 2023\n");
    auto e = extract("U.S. goods imports from Iraq, mostly crude oil, were $8.5 billion in 2023.\n", store);
    const claim_record* imports = find(*e, "$8.5 billion");
    REQUIRE(imports);
    CHECK(imports->claim_id == "imp");
}

TEST_CASE("extract: dates governed by the name's own start and end verbs") {
    const claim_store store =
        store_of("claim mission\n  name \"combat mission\"\n  period 2014-08-08 to 2021-12-31\n");
    auto e = extract(
        "The combat mission began in August 2014 and ended in July 2021. Rainfall was high in 2019.\n",
        store);
    const claim_record* start = find(*e, "August 2014");
    const claim_record* end = find(*e, "July 2021");
    const claim_record* other = find(*e, "2019");
    REQUIRE(start);
    REQUIRE(end);
    REQUIRE(other);
    CHECK(start->role == event_role::start);
    CHECK(start->claim_id == "mission");
    CHECK(end->role == event_role::end);
    CHECK(end->claim_id == "mission");
    CHECK(other->claim_id.empty());
}

TEST_CASE("extract: the extractor's recent interned words are interned()'s own views") {
    // Its slow path is interned() itself: the same view for every word, also
    // after more distinct words than it keeps have pushed the first ones out.
    recent_interned recent;
    const std::string words[] = {
        "count",     "percent", "currency:USD", "million",       "about",        "",     "bn",
        "more than", "k",       "area:km2",     "percent_point", "currency:EUR", "count"};
    for (int round = 0; round < 3; ++round)
        for (const std::string& w : words) {
            const std::string copy = w;  // another buffer, the same word
            const std::string_view got = recent(copy);
            CHECK(got == w);
            CHECK(got.data() == interned(w).data());
        }
    CHECK(recent("").empty());
}

TEST_CASE("extract: interned() gives every thread the same view of a word") {
    // Each thread remembers words of its own before the shared table: the
    // views must still be one per word, whichever thread asked first, also
    // for words that share a slot of that memory (same size and ends).
    std::vector<std::string> words;
    for (int i = 0; i < 300; ++i) {
        std::string w = "w";
        w += std::to_string(i % 7);
        w.append(static_cast<std::size_t>(i % 5), 'x');
        w += 'z';
        words.push_back(w);
    }
    std::vector<std::vector<const char*>> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round)
                for (std::size_t k = 0; k < words.size(); ++k) {
                    const std::string copy = words[(k + t * 37) % words.size()];
                    const std::string_view v = interned(copy);
                    CHECK(v == copy);
                    if (round == 2) seen[t].push_back(v.data());
                }
        });
    for (std::thread& th : threads) th.join();
    for (std::size_t k = 0; k < words.size(); ++k) {
        const char* first = interned(words[k]).data();
        for (std::size_t t = 0; t < seen.size(); ++t)
            CHECK(seen[t][(k + words.size() - (t * 37) % words.size()) % words.size()] == first);
    }
}

TEST_CASE("extract: sentences with nothing a claim could link are not scanned, and lose no link") {
    // Claims with values alone link figures only: a sentence with dates and
    // no figure is not scanned. The slow path: the same claims and one with
    // a date whose name never occurs, so that every sentence is scanned.
    const std::string values =
        "claim sales\n  name \"sales\"\n  value $5 million in 2008\n\n"
        "claim jobs\n  name \"jobs\"\n  value 12,000 in 2010\n\n"
        "claim troops\n  name \"U.S. troops\"\n  value 3,100 in 2024\n\n";
    const claim_store fast = store_of(values);
    const claim_store slow =
        store_of(values + "claim never\n  name \"zzqx never named\"\n  date 2001-01-01\n");
    CHECK(fast.links().figures);
    CHECK_FALSE(fast.links().dates);
    CHECK(slow.links().dates);
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/corpus/news.txt", std::ios::binary);
    REQUIRE(in);
    std::string text, line;
    for (int n = 0; n < 3000 && std::getline(in, line); ++n) text += line + "\n\n";
    text += "Sales rose in 2008. The jobs report came in March 2010. U.S. troops left in 2011.\n";
    const auto a = extract(text, fast);
    const auto b = extract(text, slow);
    REQUIRE(a->records.size() == b->records.size());
    std::size_t linked = 0;
    for (std::size_t i = 0; i < a->records.size(); ++i) {
        CHECK(a->records[i].claim_id == b->records[i].claim_id);
        CHECK(a->records[i].subject == b->records[i].subject);
        linked += !a->records[i].claim_id.empty();
    }
    CHECK(linked > 0);
}

TEST_CASE("extract: records by block are the document's records, a block at a time") {
    // `factlint extract` writes each block and drops it; what it writes must
    // be what extract_records gives for the whole document.
    std::string text;
    for (int i = 0; i < 900; ++i)
        text += "About " + std::to_string(1000 + i) + " riders came in " + std::to_string(1990 + i % 30) +
                ", up 5% from a year earlier, at a cost of $" + std::to_string(i + 1) + " million.\n\n";
    const auto whole = extract(text);
    REQUIRE(whole->records.size() > 2 * block_records);
    std::vector<std::string_view> texts;
    std::vector<std::size_t> block_sizes;
    extract_records_by_block(whole->doc, claim_store{}, check_options{},
                             [&](std::span<const claim_record> block) {
                                 block_sizes.push_back(block.size());
                                 for (const claim_record& r : block) texts.push_back(r.text);
                             });
    REQUIRE(texts.size() == whole->records.size());
    for (std::size_t i = 0; i < texts.size(); ++i) CHECK(texts[i] == whole->records[i].text);
    REQUIRE(block_sizes.size() >= 3);
    for (const std::size_t n : block_sizes) CHECK(n < block_records + 10);  // whole sentences past the mark
}
