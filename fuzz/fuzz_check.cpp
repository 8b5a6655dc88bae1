// libFuzzer target: the whole check pipeline (read, extract, match, every
// rule) on an arbitrary Markdown draft against a small built-in claim store,
// read whole and read in batches of sentences (which must agree).
#include <cstddef>
#include <cstdint>
#include <string>

#include "checker/engine.hpp"
#include "grammar/claims_file.hpp"
#include "reader/document.hpp"

namespace {

// Made-up facts about a made-up town, in the claims file format.
constexpr std::string_view claims_text = R"(claim millbrook-population
  name    "residents", "population"
  where   "Millbrook"
  value   about 48,200 people in 2023
  value   about 45,900 people in 2020
  source  "Millbrook census office"

claim millbrook-bridge-opening
  name    "Millbrook Bridge"
  date    2019-05-04
  source  "Millbrook council minutes"

claim millbrook-budget
  name    "budget"
  where   "Millbrook"
  value   $12.5 million in 2022
  value   $14.75 million in 2023
  source  "Millbrook annual report"

claim millbrook-turnout
  name    "turnout"
  where   "Millbrook"
  value   about 61 percent in 2022
  source  "Millbrook election office"
)";

const factlint::claim_store& store() {
    static const factlint::claim_store s = [] {
        factlint::claim_store built;
        auto file = factlint::grammar::parse_claims_file("fuzz.claims", std::string(claims_text));
        if (!file.errors.empty()) __builtin_trap();  // the built-in facts must stay valid
        built.keep(std::move(file.storage));
        for (auto& c : file.claims) built.add(std::move(c));
        built.build_index();
        return built;
    }();
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    factlint::document doc;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (factlint::read_document("fuzz.md", bytes, factlint::input_format::markdown, doc)) return 0;
    factlint::check_options options;
    options.as_of = factlint::time_span::day(2024, 6, 15);
    const factlint::file_result whole = factlint::check_document(doc, store(), options);

    // Read again and checked as the CLI does, a batch of sentences at a
    // time (two here, so that every draft with a few sentences is split):
    // the same records and findings, or the batches lost something.
    factlint::document streamed;
    factlint::document_check check(store(), options);
    const factlint::sentence_batches batches{
        .size = 2, .take = [&check](const factlint::document& d) { check.add_sentences(d); }};
    if (factlint::read_document("fuzz.md", bytes, factlint::input_format::markdown, streamed, &batches))
        __builtin_trap();
    const factlint::file_result in_batches = check.finish(streamed);
    if (in_batches.record_count != whole.record_count ||
        in_batches.findings.size() != whole.findings.size() ||
        in_batches.kept_records.size() != whole.kept_records.size())
        __builtin_trap();
    // The words of records kept across batches: copied before the reader
    // reused the prose they came from, or another batch's text.
    for (std::size_t i = 0; i < whole.kept_records.size(); ++i)
        if (in_batches.kept_records[i].text != whole.kept_records[i].text ||
            in_batches.kept_records[i].noun != whole.kept_records[i].noun)
            __builtin_trap();
    for (std::size_t i = 0; i < whole.findings.size(); ++i) {
        const factlint::finding& a = whole.findings[i];
        const factlint::finding& b = in_batches.findings[i];
        if (a.code != b.code || a.span.begin != b.span.begin || a.span.end != b.span.end ||
            a.message != b.message)
            __builtin_trap();
    }
    return 0;
}
