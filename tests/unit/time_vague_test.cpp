// Vague references to time (grammar/time_vague.cpp): what is read as a
// past, present or future reference with no span, what is left alone, and
// how extraction keeps them away from the figures of their sentence.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "checker/engine.hpp"
#include "grammar/parse.hpp"

using namespace factlint;

namespace {

const std::optional<time_span> june_20 = time_span::day(2025, 6, 20);

// "text [VALUE]" for every match of find_times, joined by "; ".
std::string readings(std::string_view text) {
    std::string out;
    for (const auto& m : grammar::find_times(text, june_20)) {
        if (!out.empty()) out += "; ";
        out += std::string(text.substr(m.begin, m.end - m.begin)) + " [" + m.normalized + "]";
    }
    return out;
}

}  // namespace

TEST_CASE("vague: past references") {
    CHECK(readings("The mayor recently opened a bridge.") == "recently [PAST_REF]");
    CHECK(readings("More recently, rents fell.") == "More recently [PAST_REF]");
    CHECK(readings("Prices rose in recent years.") == "recent years [PAST_REF]");
    CHECK(readings("after recent talks") == "recent [PAST_REF]");
    CHECK(readings("She previously ran the agency.") == "previously [PAST_REF]");
    CHECK(readings("It was formerly a mill.") == "formerly [PAST_REF]");
    CHECK(readings("Floods were rare in the past.") == "the past [PAST_REF]");
    CHECK(readings("In the past it was a mill.") == "the past [PAST_REF]");
    CHECK(readings("over the past few months") == "the past few months [PAST_REF]");
    CHECK(readings("in the last couple of years") == "the last couple of years [PAST_REF]");
    CHECK(readings("It closed several years ago.") == "several years ago [PAST_REF]");
    CHECK(readings("It closed a few weeks ago.") == "a few weeks ago [PAST_REF]");
    CHECK(readings("not long ago") == "not long ago [PAST_REF]");
    CHECK(readings("as the minister said earlier.") == "earlier [PAST_REF]");
    CHECK(readings("the then-current rules") == "then-current [PAST_REF]");
}

TEST_CASE("vague: future and present references") {
    CHECK(readings("Rates may rise in the future.") == "the future [FUTURE_REF]");
    CHECK(readings("in the near future") == "the near future [FUTURE_REF]");
    CHECK(readings("The line will soon reopen.") == "soon [FUTURE_REF]");
    CHECK(readings("Fix it as soon as possible.") == "as soon as possible [FUTURE_REF]");
    CHECK(readings("over the coming months") == "the coming months [FUTURE_REF]");
    CHECK(readings("in the near term") == "the near term [FUTURE_REF]");
    CHECK(readings("the years ahead") == "the years ahead [FUTURE_REF]");
    CHECK(readings("at a later date") == "a later date [FUTURE_REF]");
    CHECK(readings("under current rules") == "current [PRESENT_REF]");
}

TEST_CASE("vague: 'these days' and 'at the moment' are the document date") {
    const auto found =
        grammar::find_times("At the moment the road is shut; these days it often is.", june_20);
    REQUIRE(found.size() == 2);
    for (const auto& m : found) {
        CHECK(m.basis == time_basis::document);
        REQUIRE(m.span);
        CHECK(*m.span == *june_20);
    }
}

TEST_CASE("vague: a vague reference has no span and basis vague") {
    const auto found = grammar::find_times("Sales recently fell.", june_20);
    REQUIRE(found.size() == 1);
    CHECK(found[0].basis == time_basis::vague);
    CHECK_FALSE(found[0].span.has_value());
}

TEST_CASE("vague: forms left alone, or read by the other rules") {
    CHECK(readings("the most recent quarter") == "the most recent quarter [2025-Q1]");
    CHECK(readings("the current quarter") == "current quarter [2025-Q2]");
    CHECK(readings("the coming year") == "coming year [2026]");
    CHECK(readings("two years ago") == "two years ago [2023]");
    CHECK(readings("this past spring") == "this past spring [2025-SP]");
    CHECK(readings("over the past two years") == "");  // a duration
    CHECK(readings("Past performance is no guide to future returns.") == "");
    CHECK(readings("Future Combat Systems") == "");
    CHECK(readings("oil futures") == "");
    CHECK(readings("the current account deficit") == "");
    CHECK(readings("swimming against the current.") == "");
    CHECK(readings("soon after the war") == "");
    CHECK(readings("The drummer soon dropped out.") == "");
    CHECK(readings("It was soon clear.") == "");
    CHECK(readings("A ruling is expected soon.") == "soon [FUTURE_REF]");
    CHECK(readings("as soon as next month") == "next month [2025-07]");
    CHECK(readings("an earlier estimate") == "");
    CHECK(readings("at the moment of impact") == "");
    CHECK(readings("long-term debt") == "");
    CHECK(readings("He walked past the gate.") == "");
}

TEST_CASE("vague: extraction reports them but attaches them to no figure") {
    document doc;
    REQUIRE_FALSE(read_document("t.md",
                                "---\ndate: 2025-06-20\n---\nThe park recently has about 2,500 rangers, and "
                                "soon 3,000.\n",
                                input_format::markdown, doc));
    const auto records = extract_records(doc, claim_store{}, check_options{});
    const auto find = [&](std::string_view text) {
        const auto it = std::find_if(records.begin(), records.end(),
                                     [&](const claim_record& r) { return r.text == text; });
        REQUIRE(it != records.end());
        return *it;
    };
    const claim_record recently = find("recently");
    CHECK(recently.kind == record_kind::date);
    CHECK(recently.basis == time_basis::vague);
    CHECK_FALSE(recently.time.has_value());
    CHECK_FALSE(recently.unresolved_relative);  // no FL302
    CHECK(recently.verb_tense == tense::past);
    CHECK(find("soon").verb_tense == tense::future);
    // The present-tense figure keeps the document date: "recently" replaced it once.
    const claim_record rangers = find("about 2,500");
    CHECK(rangers.basis == time_basis::document);
    REQUIRE(rangers.time);
    CHECK(*rangers.time == time_span::day(2025, 6, 20));
    CHECK_FALSE(rangers.unresolved_relative);
    // Document order.
    CHECK(std::is_sorted(records.begin(), records.end(), [](const claim_record& a, const claim_record& b) {
        return a.span.begin < b.span.begin;
    }));
}
