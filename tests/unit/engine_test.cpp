// The engine: rules run on blocks of sentences and on the records kept for
// the rules that compare across sentences; the rule table says which is which.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "checker/engine.hpp"
#include "checker/reference_check.hpp"
#include "checker/rule.hpp"
#include "checker/rules/rules.hpp"
#include "checker/suppression.hpp"
#include "growth.hpp"
#include "reader/document.hpp"
#include "store_of.hpp"

using namespace factlint;

namespace {

std::size_t count_code(const file_result& r, std::string_view code) {
    return static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(),
                                                  [&](const finding& f) { return f.code == code; }));
}

}  // namespace

TEST_CASE("engine: the rule table says how far each rule reads and what it keeps") {
    for (const rule_info& rule : rule_table()) {
        CAPTURE(rule.code);
        const bool runs_on_records = rule.reach == rule_reach::sentence || rule.reach == rule_reach::document;
        CHECK((rule.run != nullptr) == runs_on_records);
        const bool compares_apart = rule.reach == rule_reach::document || rule.reach == rule_reach::files;
        CHECK((rule.keeps != nullptr) == compares_apart);
    }
}

TEST_CASE("engine: findings within and across blocks of sentences") {
    // Four records a sentence: 800 change statements make several blocks.
    // Each must be judged with its own figures, and the figures and dates
    // stated far apart must still be compared.
    const int changes = 800;
    std::string text =
        "# Harbour\n\nThe harbour counted 12,000 ferry riders in 2022.\n\n"
        "The bridge repairs ended in October 2022.\n\n";
    for (int i = 0; i < changes; ++i) {
        text += "Ticket sales rose 12% to $5.6 million from $4.8 million.\n\n";
        if (i == changes / 2)
            text +=
                "The council spent a total of $9.5 million on parks: $4.2 million for playgrounds and "
                "$3.1 million for trails.\n\n";
    }
    text += "The harbour counted 30,000 ferry riders in 2022.\n\nThe bridge repairs ended in 2023.\n";
    document doc;
    REQUIRE_FALSE(read_document("t.md", text, input_format::markdown, doc).has_value());
    const claim_store store{};
    check_options options;
    const file_result result = check_document(doc, store, options);

    CHECK(result.record_count == extract_records(doc, store, options).size());
    CHECK(result.record_count > 4 * changes);
    CHECK(result.kept_records.size() * 100 < result.record_count);
    CHECK(result.kept_records.size() == result.record_starts.size());
    const auto fl203 = std::find_if(result.examined.begin(), result.examined.end(),
                                    [](const auto& e) { return e.first == "FL203"; });
    REQUIRE(fl203 != result.examined.end());
    CHECK(fl203->second == static_cast<std::size_t>(changes));
    CHECK(count_code(result, "FL203") == static_cast<std::size_t>(changes));
    for (const finding& f : result.findings)
        if (f.code == "FL203")
            CHECK(f.message.find("from $4.8 million to $5.6 million") != std::string::npos);
    REQUIRE(count_code(result, "FL204") == 1);
    const auto total = std::find_if(result.findings.begin(), result.findings.end(),
                                    [](const finding& f) { return f.code == "FL204"; });
    CHECK(total->message.find("$4.2 million + $3.1 million") != std::string::npos);
    const int last_line = doc.lines.line_count();
    for (std::string_view code : {"FL201", "FL202"}) {
        CAPTURE(code);
        REQUIRE(count_code(result, code) == 1);
        const auto f = std::find_if(result.findings.begin(), result.findings.end(),
                                    [&](const finding& x) { return x.code == code; });
        CHECK(f->line >= last_line - 2);
        REQUIRE(f->related.size() == 1);
        CHECK(f->related[0].line <= 5);
    }
}

TEST_CASE("engine: a rule left out keeps no records") {
    const std::string text =
        "The harbour counted 12,000 ferry riders in 2022.\n\n"
        "The harbour counted 30,000 ferry riders in 2022.\n";
    document doc;
    REQUIRE_FALSE(read_document("t.md", text, input_format::markdown, doc).has_value());
    check_options options;
    CHECK(check_document(doc, claim_store{}, options).kept_records.size() == 2);
    options.ignore = {"FL2"};
    const file_result result = check_document(doc, claim_store{}, options);
    CHECK(result.kept_records.empty());
    CHECK(result.record_count == 4);
    CHECK(result.findings.empty());
}

TEST_CASE("hostile: one event date repeated thousands of times is checked in linear time") {
    // FL202 once compared each statement of an event with every earlier
    // one: quadratic when a text repeats the same agreeing date. Four times
    // the text must take about four times as long (sixteen if quadratic).
    std::size_t findings = 0;
    const auto check_text = [&](std::size_t bytes) {
        std::string text;
        while (text.size() < bytes) text += "The bridge repairs ended in October 2022.\n";
        text += "The bridge repairs ended in 2024.\n";
        document doc;
        REQUIRE_FALSE(read_document("dates.md", text, input_format::markdown, doc).has_value());
        findings = count_code(check_document(doc, claim_store{}, check_options{}), "FL202");
    };
    const double ratio = testing::growth_ratio(check_text, 64 * 1024, 256 * 1024);
    CHECK(findings == 1);  // the last date still meets an earlier one it contradicts
    // Ten, not eight: under ASan on a busy machine a linear run read 8.13
    // (docs/reliability.md); quadratic reads sixteen.
    CHECK(ratio < 10.0);
}

TEST_CASE("hostile: thousands of factlint-disable comments are applied in linear time") {
    // Every comment's scope was asked of every finding: quadratic when a
    // draft hides many findings one line at a time (50,000 took 1.9 s).
    // Here the findings are made by hand, one on each line under a comment
    // and one under none, so that the suppressions are all that is timed.
    // Plain text: md4c's own calls of C string functions read to the end
    // of the text under ASan's strict_string_checks (the sanitizer run of
    // CI), which made reading thousands of HTML comments quadratic there.
    std::size_t left = 0, unused = 0, hidden = 0;
    const auto apply = [&](std::size_t comments) {
        std::string text;
        std::vector<finding> findings;
        int line = 0;
        const auto add_finding = [&](int at, const char* code) {
            finding& f = findings.emplace_back();
            f.code = code;
            f.line = at;
            f.message = "a figure";
        };
        for (std::size_t k = 0; k < comments; ++k) {
            if (k % 2 == 0) {
                text += "# factlint-disable-next-line FL101\nA figure.\n\n";
                add_finding(line + 2, "FL101");
                line += 3;
            } else {
                text += "# factlint-disable FL1\nA figure.\n# factlint-enable FL1\n\n";
                add_finding(line + 2, "FL104");
                line += 4;
            }
        }
        text += "A figure.\n\n# factlint-disable-next-line FL203\nNo figure.\n";
        add_finding(line + 1, "FL101");
        document doc;
        REQUIRE_FALSE(read_document("quiet.txt", text, input_format::text, doc).has_value());
        REQUIRE(doc.directives.size() == comments + comments / 2 + 1);
        hidden = findings.size() - 1;
        apply_suppressions(doc, findings, true);
        left = static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                      [](const finding& f) { return f.code == "FL101"; }));
        unused = static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                        [](const finding& f) { return f.code == "FL901"; }));
        CHECK(findings.size() == 2);
        CHECK(findings.front().message == "a figure");  // kept whole, not moved onto itself
    };
    const double ratio = testing::growth_ratio(apply, 5'000, 20'000);
    CHECK(hidden == 20'000);
    CHECK(left == 1);     // the last figure, under no comment
    CHECK(unused == 1);   // the comment above a line with nothing to hide
    CHECK(ratio < 10.0);  // sixteen if quadratic
}

TEST_CASE("hostile: figures that disagree with a long series are judged without a look at every value") {
    // A figure that disagrees with the value in force is compared with the
    // other values of its claim, to name one it agrees with: once every
    // value, so that n mentions of a series of n values took n * n steps
    // (20,000 mentions of 25,000 values: 5.5 s). Four times both must take
    // about four times as long, not sixteen.
    std::size_t mismatches = 0;
    bool dated = true;  // figures with their year, or (the second run) with no time at all
    const auto check_series = [&](std::size_t n) {
        std::string claims = "claim fleet\n  name \"bus fleet\"\n";
        for (std::size_t i = 0; i < n; ++i)
            claims +=
                fmt::format("  value {} buses as of {:04}-{:02}\n", 1000 + i, 1000 + i / 12, 1 + i % 12);
        const claim_store store = testing::store_of(claims);
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            if (dated) {
                text += fmt::format("The bus fleet had about {} buses in {:04}.\n\n", 1000 + (i * 7919) % n,
                                    1000 + (i * 104729) % (n / 12));
            } else {
                // No time: judged against every value, and a mismatch
                // quotes the nearest one (once found by a look at each).
                text += fmt::format("The bus fleet had {} buses.\n\n", 3 * n + (i * 7919) % n);
            }
        }
        document doc;
        REQUIRE_FALSE(read_document("fleet.md", text, input_format::markdown, doc).has_value());
        mismatches = count_code(check_document(doc, store, check_options{}), "FL101");
    };
    const double ratio = testing::growth_ratio(check_series, 2'000, 8'000);
    CHECK(mismatches > 1'000);  // most figures disagree with the value of their year
    CHECK(ratio < 10.0);        // sixteen if each figure looked at every value
    dated = false;
    const double undated = testing::growth_ratio(check_series, 2'000, 8'000);
    CHECK(mismatches > 1'000);  // none of them is a value of the series
    CHECK(undated < 10.0);
}

TEST_CASE("engine: the records kept for the check across files outlive their documents") {
    // The CLI frees each document once it is checked (cli/run_check.cpp):
    // what check_across_files reads must then be the result's own. Figures
    // in markup and sentences across lines put the words in the document's
    // prose store, not its source.
    const auto draft = [](int n) {
        std::string text = "---\ndate: 2025-03-1";
        text += std::to_string(n);
        text += "\n---\n# Water board\n\nThe Brenna water board added **";
        text += std::to_string(4100 + 300 * n);
        text += "** household\nconnections in 2024.\n\nIt ran *";
        text += std::to_string(10 + n);
        text += "* pumping stations in 2024, about ";
        text += std::to_string(20 + 7 * n);
        text += "% of them new.\n";
        return text;
    };
    const int files = 5;
    const claim_store store{};
    const check_options options;
    std::vector<std::unique_ptr<document>> docs;
    std::vector<file_result> plain, kept;
    for (int n = 0; n < files; ++n) {
        docs.push_back(std::make_unique<document>());
        std::string path = std::to_string(n);
        path += ".md";
        REQUIRE_FALSE(read_document(path, draft(n), input_format::markdown, *docs.back()).has_value());
        plain.push_back(check_document(*docs.back(), store, options));
        kept.push_back(check_document(*docs.back(), store, options));
        keep_for_across_files(kept.back(), options, true);
    }
    for (const file_result& r : kept) {
        REQUIRE(r.kept_records.size() == r.record_starts.size());
        REQUIRE(r.kept_records.size() == r.record_ends.size());
        for (const claim_record& rec : r.kept_records) {
            CHECK(rules::comparable_across_files(rec));
            REQUIRE(r.kept_words);
            for (std::string_view view : {rec.text, rec.noun}) CHECK(r.kept_words->holds(view));
        }
    }
    check_across_files(plain, store, options);
    // Freed, and the memory written over by other documents.
    docs.clear();
    for (int n = 0; n < files; ++n) {
        document other;
        REQUIRE_FALSE(read_document("x.md", draft(n + files), input_format::markdown, other).has_value());
    }
    check_across_files(kept, store, options);
    std::size_t compared = 0;
    for (int n = 0; n < files; ++n) {
        std::vector<const finding*> want, got;
        for (const finding& f : plain[n].findings)
            if (f.code == "FL205") want.push_back(&f);
        for (const finding& f : kept[n].findings)
            if (f.code == "FL205") got.push_back(&f);
        REQUIRE(want.size() == got.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            CHECK(got[k]->message == want[k]->message);
            CHECK(got[k]->line == want[k]->line);
            CHECK(got[k]->column == want[k]->column);
            CHECK(got[k]->related[0].message == want[k]->related[0].message);
            ++compared;
        }
    }
    CHECK(compared >= static_cast<std::size_t>(files - 1));

    check_options without = options;
    without.ignore = {"FL205"};
    document doc;
    REQUIRE_FALSE(read_document("d.md", draft(0), input_format::markdown, doc).has_value());
    file_result none = check_document(doc, store, without);
    CHECK_FALSE(none.kept_records.empty());  // FL201 and FL202 read them
    keep_for_across_files(none, without, true);
    CHECK(none.kept_records.empty());
    CHECK(none.record_starts.empty());

    // A file checked alone is compared with nothing.
    file_result alone = check_document(doc, store, options);
    CHECK_FALSE(alone.kept_records.empty());
    keep_for_across_files(alone, options, false);
    CHECK(alone.kept_records.empty());
    CHECK(alone.record_ends.empty());
    CHECK_FALSE(alone.kept_words);
}

TEST_CASE("engine: the rules of a block share each record's verdict, as each would judge it") {
    // FL101, FL104 and FL105 ask for the same records' verdicts in turn;
    // the engine works each out once a block (verdict_memo). Over blocks
    // of a long draft citing a monthly series, the findings are those the
    // verdicts judge_value gives each record one by one.
    std::string claims = "claim riders\n  name \"ferry riders\"\n";
    for (int m = 0; m < 36; ++m)
        claims += "  value " + std::to_string(1003 + 137 * m) + " riders in " +
                  std::to_string(2020 + m / 12) + "-" + (m % 12 < 9 ? "0" : "") + std::to_string(m % 12 + 1) +
                  "\n";
    const claim_store store = testing::store_of(claims);
    REQUIRE(store.series_of(store.claims().front()) != nullptr);

    const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
    std::string text = "# Ferries\n\n";
    for (int i = 0; i < 2500; ++i) {
        const int m = (i * 7) % 36;
        const int figure = i % 3 == 0   ? 1003 + 137 * m               // right
                           : i % 3 == 1 ? 1003 + 137 * ((m + 5) % 36)  // another month's
                                        : 90001 + 2 * i;               // no month's
        text += "The ferry riders numbered " + std::to_string(figure) + " in " + months[m % 12] + " " +
                std::to_string(2020 + m / 12) + ".\n\n";
    }
    document doc;
    REQUIRE_FALSE(read_document("t.md", text, input_format::markdown, doc).has_value());
    check_options options;
    const file_result result = check_document(doc, store, options);

    std::size_t mismatch = 0, other_year = 0, stale = 0;
    const std::vector<claim_record> records = extract_records(doc, store, options);
    REQUIRE(records.size() > 2000);  // several blocks of 1,024
    for (const claim_record& r : records) {
        const reference_verdict v = judge_value(r, store);
        mismatch += v.what == reference_verdict::kind::mismatch && v.expected != nullptr ? 1 : 0;
        other_year += v.what == reference_verdict::kind::other_year && r.time ? 1 : 0;
        stale += v.what == reference_verdict::kind::stale ? 1 : 0;
    }
    CHECK(mismatch > 500);
    CHECK(other_year > 500);
    CHECK(count_code(result, "FL101") == mismatch);
    CHECK(count_code(result, "FL105") == other_year);
    CHECK(count_code(result, "FL104") == stale);
}

TEST_CASE("engine: a verdict memo judges a record once a block") {
    const claim_store store =
        testing::store_of("claim riders\n  name \"ferry riders\"\n  value 4,217 riders in 2021\n");
    document doc;
    REQUIRE_FALSE(
        read_document("t.md", "The ferry riders numbered 5,308 in 2021.\n", input_format::markdown, doc)
            .has_value());
    std::vector<claim_record> records = extract_records(doc, store, check_options{});
    REQUIRE_FALSE(records.empty());
    REQUIRE(records[0].kind == record_kind::quantity);  // then the date
    // The matcher hands the rules the claim's place, not only its id.
    CHECK(records[0].claim_place == 0);
    CHECK(store.claim_of(records[0]) == &store.claims()[0]);
    verdict_memo memo;
    memo.reset(records.size());
    const reference_verdict& first = memo.of(0, records[0], store);
    CHECK(first.what == reference_verdict::kind::mismatch);
    // Judged once: a change to the record is not seen until the next block.
    records[0].claim_id = {};
    CHECK(memo.of(0, records[0], store).what == reference_verdict::kind::mismatch);
    memo.reset(records.size());
    CHECK(memo.of(0, records[0], store).what == reference_verdict::kind::not_compared);
}
