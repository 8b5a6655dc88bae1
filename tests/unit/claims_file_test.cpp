// The reference claims file: the worked examples parse to the right values
// and scopes, every error reads word for word as documented in
// docs/claims-format.md, and the loader merges files and directories.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <sstream>
#include <string>

#include "checker/claims_loader.hpp"
#include "checker/claims_parse.hpp"
#include "claims/compiled_store.hpp"
#include "grammar/claims_file.hpp"
#include "grammar/parse.hpp"
#include "growth.hpp"

namespace {

using namespace factlint;
using grammar::format_error;
using grammar::parse_claims_file;
using namespace std::string_literals;

std::string read_shared(const std::string& relative) {
    std::ifstream in(std::string(FACTLINT_SHARED_DIR) + "/" + relative, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const reference_claim& claim(const grammar::claims_file& f, std::string_view id) {
    for (const auto& c : f.claims) {
        if (c.id == id) return c;
    }
    FAIL("no claim " << id);
    throw;  // unreachable
}

std::vector<std::string> strings_of(std::span<const std::string_view> phrases) {
    return {phrases.begin(), phrases.end()};
}

time_span ymd(int y, unsigned m, unsigned d) { return time_span::day(y, m, d); }

// The one formatted error of a file that must have exactly one.
std::string only_error(const std::string& content) {
    const auto f = parse_claims_file("t.claims", content);
    REQUIRE(f.errors.size() == 1);
    return format_error(f.errors.front());
}

// A valid claim to put a bad line under.
const std::string head = "claim a\n  name \"x\"\n";

}  // namespace

TEST_CASE("claims-file: the budget example parses with its values and scopes") {
    const auto f = parse_claims_file("wrenfield.claims", read_shared("cases/budget/wrenfield.claims"));
    for (const auto& e : f.errors) INFO(format_error(e));
    REQUIRE(f.errors.empty());
    CHECK(f.claims.size() == 7);

    const auto& output = claim(f, "wrenfield-output");
    CHECK(strings_of(output.names) == std::vector<std::string>{"economic output"});
    CHECK(strings_of(output.wheres) == std::vector<std::string>{"Wrenfield"});
    CHECK(output.source == "County statistics office, annual accounts 2024");
    CHECK(output.where.line == 2);
    CHECK(output.where.column == 7);
    REQUIRE(output.values.size() == 2);
    CHECK(output.values[0].value == doctest::Approx(1.26e9));
    CHECK(output.values[0].unit == "currency:USD");
    CHECK(output.values[0].scope == value_scope::in);
    CHECK(output.values[0].when == time_span::year(2023));
    CHECK(output.values[0].range.low == doctest::Approx(1.255e9));
    CHECK(output.values[0].range.high == doctest::Approx(1.265e9));
    CHECK(output.values[0].text == "$1.26 billion in 2023");
    CHECK(output.values[0].where.line == 5);
    CHECK(output.values[0].where.column == 11);
    CHECK(output.values[1].when == time_span::year(2024));

    const auto& jobless = claim(f, "wrenfield-unemployment");
    REQUIRE(jobless.values.size() == 2);
    CHECK(jobless.values[1].unit == "percent");
    CHECK(jobless.values[1].value == doctest::Approx(4.1));
    CHECK(jobless.values[1].when == time_span::month(2025, 5));
    CHECK(jobless.values[1].range.low == doctest::Approx(4.05));

    const auto& staff = claim(f, "harbor-foods-staff");
    REQUIRE(staff.values.size() == 2);
    CHECK(staff.values[0].hedge == hedge_kind::approximate);
    CHECK(staff.values[0].scope == value_scope::in);
    CHECK(staff.values[1].scope == value_scope::as_of);
    CHECK(staff.values[1].when == time_span::month(2025, 1));
    CHECK(staff.values[1].value == doctest::Approx(2300));
    CHECK(staff.values[1].unit == "count");
    CHECK(staff.values[1].range.low < 2300 * 0.95);

    const auto& plant = claim(f, "harbor-foods-plant");
    CHECK(plant.values.empty());
    CHECK(plant.date == ymd(2011, 9, 14));
}

TEST_CASE("claims-file: the reservoir example parses with its periods and timeless values") {
    const auto f = parse_claims_file("glenmoor.claims", read_shared("cases/reservoir/glenmoor.claims"));
    for (const auto& e : f.errors) INFO(format_error(e));
    REQUIRE(f.errors.empty());
    CHECK(f.claims.size() == 7);

    const auto& capacity = claim(f, "glenmoor-reservoir-capacity");
    REQUIRE(capacity.values.size() == 1);
    CHECK(capacity.values[0].scope == value_scope::timeless);
    CHECK_FALSE(capacity.values[0].when.has_value());
    CHECK(capacity.values[0].value == doctest::Approx(78e6));
    CHECK(capacity.values[0].unit == "volume:m3");

    const auto& dam = claim(f, "glenmoor-dam");
    CHECK(strings_of(dam.names) == std::vector<std::string>{"the dam", "Glenmoor dam"});
    REQUIRE(dam.period.has_value());
    CHECK(dam.period->from == to_day_number({1962, 5, 1}));
    CHECK(dam.period->to == to_day_number({1966, 11, 30}));

    const auto& emergency = claim(f, "glenmoor-drought-emergency");
    REQUIRE(emergency.period.has_value());
    CHECK(emergency.period->from == to_day_number({2022, 6, 14}));
    CHECK(emergency.period->to == to_day_number({2023, 3, 30}));

    const auto& customers = claim(f, "glenmoor-customers");
    REQUIRE(customers.values.size() == 1);
    CHECK(customers.values[0].scope == value_scope::as_of);
    CHECK(customers.values[0].value == doctest::Approx(310000));

    const auto& budget = claim(f, "glenmoor-utility-budget");
    REQUIRE(budget.values.size() == 2);
    CHECK(budget.values[0].when == time_span::year(2025));
    CHECK(budget.values[1].value == doctest::Approx(131e6));
}

TEST_CASE("claims-file: time keywords, comments, tolerance and open periods") {
    const std::string text =
        "# ferry figures for a made-up harbor\n"
        "claim ferry-riders   # trailing comment\n"
        "  name  \"ferry riders\", \"ferry passengers\"\n"
        "  where \"Port Ellis\"\n"
        "  value 1.2 million riders from 2019 to 2021\n"
        "  value 900,000 riders from 2022\n"
        "  value 850,000 riders until 2018\n"
        "  value about 1,000 riders in the morning as of 2023-06\n"
        "  tolerance 2.5%\n"
        "  source \"Harbor board, \\\"annual\\\" report # 7\"\n"
        "\n"
        "claim ferry-service\n"
        "\tname \"ferry service\"\n"
        "  period December 2015 to present\n";
    const auto f = parse_claims_file("ferry.claims", text);
    for (const auto& e : f.errors) INFO(format_error(e));
    REQUIRE(f.errors.empty());
    REQUIRE(f.claims.size() == 2);
    const auto& riders = f.claims[0];
    CHECK(riders.id == "ferry-riders");
    CHECK(riders.names.size() == 2);
    CHECK(riders.tolerance == doctest::Approx(0.025));
    CHECK(riders.source == "Harbor board, \"annual\" report # 7");
    REQUIRE(riders.values.size() == 4);
    CHECK(riders.values[0].scope == value_scope::from_to);
    CHECK(riders.values[0].when->from == to_day_number({2019, 1, 1}));
    CHECK(riders.values[0].when->to == to_day_number({2021, 12, 31}));
    CHECK(riders.values[1].scope == value_scope::from);
    CHECK(riders.values[2].scope == value_scope::until);
    CHECK(riders.values[2].when == time_span::year(2018));
    // The last keyword followed by a date splits: "in the morning" stays in the noun.
    CHECK(riders.values[3].scope == value_scope::as_of);
    CHECK(riders.values[3].when == time_span::month(2023, 6));
    CHECK(riders.values[3].value == doctest::Approx(1000));

    const auto& service = f.claims[1];
    REQUIRE(service.period.has_value());
    CHECK(service.period->from == to_day_number({2015, 12, 1}));
    CHECK(service.period->to == open_end);
}

TEST_CASE("claims-file: comments found once per file, keywords told by length, phrases as views") {
    // A `#` is looked for once over the content, not on every line: lines
    // before, between and after comment-bearing lines (a `#` in quotes, a
    // trailing comment, a whole-line comment, a last line without a newline)
    // read as they would alone.
    const std::string text =
        "claim a\n"
        "  name \"a # not a comment\"   # but this is\n"
        "  where \"plain\", \"with \\\"escapes\\\"\"\n"
        "# a whole line\n"
        "  value 12 ships in 2020\n"
        "claim b # trailing\n"
        "  name \"b\"\n"
        "  value 3 boats # last";
    const auto f = parse_claims_file("c.claims", text);
    for (const auto& e : f.errors) INFO(format_error(e));
    REQUIRE(f.errors.empty());
    REQUIRE(f.claims.size() == 2);
    const auto& a = f.claims[0];
    CHECK(strings_of(a.names) == std::vector<std::string>{"a # not a comment"});
    CHECK(strings_of(a.wheres) == std::vector<std::string>{"plain", "with \"escapes\""});
    REQUIRE(f.claims[1].values.size() == 1);
    CHECK(f.claims[1].values[0].text == "3 boats");
    // A phrase without escapes is a view of the file's content (the fast
    // path); one with escapes is the storage's unescaped copy.
    const std::string& content = f.storage->content;
    const auto in_content = [&](std::string_view v) {
        return v.data() >= content.data() && v.data() + v.size() <= content.data() + content.size();
    };
    CHECK(in_content(a.names[0]));
    CHECK(in_content(a.wheres[0]));
    CHECK_FALSE(in_content(a.wheres[1]));
    // Words of a keyword's length that are not keywords.
    CHECK(only_error(head + "  names \"y\"\n") ==
          "t.claims:3:3: error: unknown keyword `names`: expected claim, name, where, value, date, period, "
          "tolerance or source\n    names \"y\"\n    ^\n");
    CHECK(only_error(head + "  Date 2020\n").starts_with("t.claims:3:3: error: unknown keyword `Date`"));
    CHECK(only_error(head + "  claims x\n").starts_with("t.claims:3:3: error: unknown keyword `claims`"));
    CHECK(only_error(head + "  tolerancE 5%\n")
              .starts_with("t.claims:3:3: error: unknown keyword `tolerancE`"));
    // A keyword compared in place is followed by a blank, a quote or the
    // end of the line; any other byte after it (a UTF-8 one here) makes a
    // longer word, read_head's.
    const auto quoted = parse_claims_file("t.claims", "claim a\n  name\"x\",\"y\"\n  value 5\n");
    REQUIRE(quoted.errors.empty());
    CHECK(strings_of(quoted.claims.at(0).names) == std::vector<std::string>{"x", "y"});
    CHECK(
        only_error(head + "  value\n").starts_with("t.claims:3:8: error: expected a quantity after `value`"));
    CHECK(only_error(head + "  value\xc2\xa0 5\n")
              .starts_with("t.claims:3:3: error: unknown keyword `value\xc2\xa0`"));
}

TEST_CASE("claims-file: a value's date is parse_date's, whether read by hand or by the grammar") {
    // YYYY, YYYY-MM and YYYY-MM-DD in digits are read by hand; the rest
    // (words, odd forms) by parse_date. Both give parse_date's span.
    for (const std::string date :
         {"2011", "0000", "1995", "2023-02", "2023-12", "2024-02-29", "1999-12-31", "2000-01-01",
          "December 2021", "Dec. 9, 2021", "Q3 2021", "2021-9", "2021-09-1"}) {
        INFO(date);
        const auto expected = grammar::parse_date(date);
        const auto f = parse_claims_file("t.claims", head + "  value 5 ships in " + date + "\n");
        if (!expected) {
            CHECK_FALSE(f.errors.empty());
            continue;
        }
        for (const auto& e : f.errors) INFO(format_error(e));
        REQUIRE(f.errors.empty());
        const auto& v = f.claims.at(0).values[0];
        CHECK(v.scope == value_scope::in);
        CHECK(v.when == expected);
    }
    // Shaped like a hand-read date but not a day of the calendar: the
    // grammar's path and its messages.
    CHECK(only_error(head + "  value 5 ships as of 2023-13\n").find("impossible date 2023-13") !=
          std::string::npos);
    CHECK(only_error(head + "  value 5 ships as of 2023-00\n").find("impossible date 2023-00") !=
          std::string::npos);
    CHECK(only_error(head + "  value 5 ships in 2023-02-29\n").find("impossible date 2023-02-29") !=
          std::string::npos);
}

TEST_CASE("claims-file: years and months in digits read by hand as parse_iso_date reads them") {
    // Every year 0000..9999, months 00..13 and odd bytes in each place of
    // a few: each value's time is parse_iso_date's (or parse_date's, for
    // text it does not take), and text neither takes is an error.
    std::vector<std::string> dates;
    for (int y = 0; y < 10000; ++y) dates.push_back(fmt::format("{:04}", y));
    for (const int y : {0, 1, 1600, 1900, 1999, 2000, 2024, 9999})
        for (int m = 0; m < 100; m += m < 14 ? 1 : 17) dates.push_back(fmt::format("{:04}-{:02}", y, m));
    for (const std::string base : {"2023", "2023-08"}) {
        for (std::size_t at = 0; at < base.size(); ++at)
            for (const char c : {'-', '/', ':', 'a', ' ', '\xc3'}) {
                std::string d = base;
                d[at] = c;
                dates.push_back(d);
            }
    }
    std::string content;
    for (std::size_t i = 0; i < dates.size(); ++i)
        content += fmt::format("claim c{}\n  name \"x\"\n  value 5 ships as of {}\n", i, dates[i]);
    const auto f = parse_claims_file("t.claims", content);
    std::size_t kept = 0, failed = 0;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        CAPTURE(dates[i]);
        const std::string& d = dates[i];
        // A month in digits out of range is an impossible date, not
        // parse_date's to read.
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        const bool month_shaped = d.size() == 7 && d[4] == '-' &&
                                  std::all_of(d.begin(), d.begin() + 4, digit) &&
                                  std::all_of(d.begin() + 5, d.end(), digit);
        auto expected = parse_iso_date(d);
        if (!expected && !month_shaped) expected = grammar::parse_date(d);
        // Claims are kept in file order; one whose value is an error is left out.
        if (kept == f.claims.size() || f.claims[kept].id != fmt::format("c{}", i)) {
            CHECK_FALSE(expected);
            ++failed;
            continue;
        }
        const reference_claim& c = f.claims[kept++];
        REQUIRE(c.values.size() == 1);
        CHECK(c.values[0].when == expected);
    }
    CHECK(kept + failed == dates.size());
    CHECK(kept > 10000);
}

TEST_CASE("claims-file: lines end at LF, CRLF or the end of the file") {
    const std::string lf = "claim a\n  name \"x\"\n\n  value 12 ships in 2020\n";
    std::string crlf;
    for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    for (const std::string& text : {lf, crlf, crlf.substr(0, crlf.size() - 2), std::string("\r\n\n") + lf}) {
        const auto f = parse_claims_file("t.claims", text);
        for (const auto& e : f.errors) INFO(format_error(e));
        REQUIRE(f.errors.empty());
        REQUIRE(f.claims.size() == 1);
        REQUIRE(f.claims[0].values.size() == 1);
        CHECK(f.claims[0].values[0].text == "12 ships in 2020");
    }
    CHECK(parse_claims_file("t.claims", "").claims.empty());
    CHECK(parse_claims_file("t.claims", "\n").errors.empty());
    // The line number after a CRLF line: the error is on line 3.
    CHECK(only_error("claim a\r\n  name \"x\"\r\n  value\r\n").starts_with("t.claims:3:8: error:"));
}

TEST_CASE("claims-file: allowed_interval widens by the claim's tolerance") {
    const auto f = parse_claims_file("t.claims", head + "  value 1,234 people\n  tolerance 10%\n");
    REQUIRE(f.errors.empty());
    const auto& c = f.claims.at(0);
    REQUIRE(c.values.size() == 1);
    CHECK(c.values[0].range.low == doctest::Approx(1233.5));
    const interval r = allowed_interval(c, c.values[0]);
    CHECK(r.low == doctest::Approx(1233.5 - 123.4));
    CHECK(r.high == doctest::Approx(1234.5 + 123.4));
}

TEST_CASE("claims-file: bytes above 0x7f beside blanks are errors, not undefined behaviour") {
    // fuzz_claims_file: Spirit's x3::blank classified a UTF-8 byte as a
    // negative char (a failed assertion in the sanitizer build).
    CHECK(only_error("claim caf\xc3\xa9\n  name \"x\"\n")
              .starts_with("t.claims:1:7: error: bad claim id `caf\xc3\xa9`"));
    CHECK(only_error("claim ferry\x8a  \n  name \"x\"\n")
              .starts_with("t.claims:1:7: error: bad claim id `ferry\x8a`"));
    CHECK(only_error(head + "  tolerance 5\xc2\xa0%\n").starts_with("t.claims:3:"));
    CHECK(only_error(head + "  \xc3\xa9 \"y\"\n")
              .starts_with("t.claims:3:3: error: unknown keyword `\xc3\xa9`"));
}

TEST_CASE("claims-file: every syntax error, word for word") {
    CHECK(only_error(head + "  nmae \"y\"\n") ==
          "t.claims:3:3: error: unknown keyword `nmae`: expected claim, name, where, value, date, period, "
          "tolerance or source\n"
          "    nmae \"y\"\n"
          "    ^\n");
    CHECK(only_error(head + "  \"y\"\n") ==
          "t.claims:3:3: error: expected a keyword: claim, name, where, value, date, period, tolerance or "
          "source\n"
          "    \"y\"\n"
          "    ^\n");
    CHECK(only_error(head + "  where U.S. troops\n") ==
          "t.claims:3:9: error: expected a quoted phrase after `where`, such as \"Harbor Foods\"\n"
          "    where U.S. troops\n"
          "          ^\n");
    CHECK(only_error(head + "  name \"U.S. troops\n") ==
          "t.claims:3:20: error: expected a closing `\"`\n"
          "    name \"U.S. troops\n"
          "                     ^\n");
    CHECK(only_error(head + "  name \"y\", z\n") ==
          "t.claims:3:13: error: expected a quoted phrase after `,`\n"
          "    name \"y\", z\n"
          "              ^\n");
    CHECK(only_error(head + "  name \"y\" \"z\"\n") ==
          "t.claims:3:12: error: expected `,` or the end of the line after a phrase\n"
          "    name \"y\" \"z\"\n"
          "             ^\n");
    CHECK(only_error(head + "  name \" \"\n") ==
          "t.claims:3:8: error: empty phrase: expected words between the quotes\n"
          "    name \" \"\n"
          "         ^\n");
    CHECK(only_error("claim US-Troops\n  name \"x\"\n") ==
          "t.claims:1:7: error: bad claim id `US-Troops`: expected a lower-case letter or digit, then "
          "lower-case letters, digits, `.`, `_` or `-`\n"
          "  claim US-Troops\n"
          "        ^\n");
    CHECK(only_error("claim ok extra\n  name \"x\"\n") ==
          "t.claims:1:10: error: expected the end of the line after claim id `ok`\n"
          "  claim ok extra\n"
          "           ^\n");
    CHECK(only_error("claim\n  name \"x\"\n") ==
          "t.claims:1:6: error: expected a claim id after `claim`\n"
          "  claim\n"
          "       ^\n");
    CHECK(only_error("  name \"x\"\n" + head) ==
          "t.claims:1:3: error: indented line before any `claim`: expected `claim ID` first\n"
          "    name \"x\"\n"
          "    ^\n");
    CHECK(only_error(head + "where \"y\"\n") ==
          "t.claims:3:1: error: `where` must be indented under a `claim` line: expected `claim ID`\n"
          "  where \"y\"\n"
          "  ^\n");
    CHECK(only_error(head + "  claim b\n  name \"y\"\n") ==
          "t.claims:3:3: error: `claim` must start at the beginning of the line\n"
          "    claim b\n"
          "    ^\n");
    CHECK(only_error(head + "  tolerance 2\n") ==
          "t.claims:3:14: error: expected a percentage after `tolerance`, such as `2%`\n"
          "    tolerance 2\n"
          "               ^\n");
    CHECK(only_error(head + "  tolerance two percent\n") ==
          "t.claims:3:13: error: expected a percentage after `tolerance`, such as `2%`\n"
          "    tolerance two percent\n"
          "              ^\n");
    CHECK(only_error(head + "  source \"a\", \"b\"\n") ==
          "t.claims:3:15: error: expected one quoted source, found several\n"
          "    source \"a\", \"b\"\n"
          "                ^\n");
    CHECK(only_error(head + "  date 2020\n  date 2021\n") ==
          "t.claims:4:3: error: claim `a` already has a `date` line (line 3)\n"
          "    date 2021\n"
          "    ^\n");
}

TEST_CASE("claims-file: every value and date error, word for word") {
    CHECK(only_error(head + "  value\n") ==
          "t.claims:3:8: error: expected a quantity after `value`, such as `about 2,500 troops in 2023`\n"
          "    value\n"
          "         ^\n");
    CHECK(only_error(head + "  value lots of people\n") ==
          "t.claims:3:9: error: expected a quantity such as `about 2,500 troops` or `$8.5 billion`, found "
          "`lots of people`\n"
          "    value lots of people\n"
          "          ^\n");
    CHECK(only_error(head + "  value lots of people in 2020\n") ==
          "t.claims:3:9: error: expected a quantity such as `about 2,500 troops` or `$8.5 billion`, found "
          "`lots of people`\n"
          "    value lots of people in 2020\n"
          "          ^\n");
    CHECK(only_error(head + "  value $5 million in 2021-02-30\n") ==
          "t.claims:3:23: error: impossible date 2021-02-30\n"
          "    value $5 million in 2021-02-30\n"
          "                        ^\n");
    CHECK(only_error(head + "  value $5 million from 2020 to soon\n") ==
          "t.claims:3:33: error: expected a date after `to`, such as 2023, 2023-08, 2008-11-17 or December "
          "2021, found `soon`\n"
          "    value $5 million from 2020 to soon\n"
          "                                  ^\n");
    CHECK(only_error(head + "  date 2021-02-30\n") ==
          "t.claims:3:8: error: impossible date 2021-02-30\n"
          "    date 2021-02-30\n"
          "         ^\n");
    CHECK(only_error(head + "  date 2021-13\n") ==
          "t.claims:3:8: error: impossible date 2021-13\n"
          "    date 2021-13\n"
          "         ^\n");
    CHECK(only_error(head + "  date some Tuesday\n") ==
          "t.claims:3:8: error: expected a date after `date`, such as 2023, 2023-08, 2008-11-17 or December "
          "2021, found `some Tuesday`\n"
          "    date some Tuesday\n"
          "         ^\n");
    CHECK(only_error(head + "  period 2020\n") ==
          "t.claims:3:10: error: expected `DATE to DATE` or `DATE to present` after `period`\n"
          "    period 2020\n"
          "           ^\n");
    CHECK(only_error(head + "  period 2020-05 to 2019\n") ==
          "t.claims:3:21: error: period end 2019 is before its start 2020-05\n"
          "    period 2020-05 to 2019\n"
          "                      ^\n");
    CHECK(only_error(head + "  period 2020-05 to 2020-02-30\n") ==
          "t.claims:3:21: error: impossible date 2020-02-30\n"
          "    period 2020-05 to 2020-02-30\n"
          "                      ^\n");
}

TEST_CASE("claims-file: every claim-level error, word for word") {
    CHECK(only_error("claim a\n  value 5 people\nclaim b\n  name \"y\"\n") ==
          "t.claims:1:1: error: claim `a` needs at least one `name`\n"
          "  claim a\n"
          "  ^\n");
    CHECK(only_error(head + "claim b\n  name \"y\"\nclaim a\n  name \"z\"\n") ==
          "t.claims:5:7: error: duplicate claim id `a`, first defined at t.claims:1:7\n"
          "  claim a\n"
          "        ^\n");
    CHECK(only_error(head + "  value $5 million in 2020\n  value 300 people in 2021\n") ==
          "t.claims:4:9: error: value is in count but earlier values of claim a are currency:USD\n"
          "    value 300 people in 2021\n"
          "          ^\n");
    CHECK(only_error(head + "  value 1,234 people in 2020\n  value 2,345 people in 2020\n") ==
          "t.claims:4:9: error: value `2,345 people in 2020` contradicts `1,234 people in 2020` on line 3: "
          "their times overlap and their ranges [2344.5, 2345.5] and [1233.5, 1234.5] are disjoint\n"
          "    value 2,345 people in 2020\n"
          "          ^\n");
}

TEST_CASE("claims-file: values that overlap in time but agree, or are nested, are fine") {
    // Agreeing figures for one year; a month inside a year (the month is more
    // specific); a series of `as of` values; timeless with a dated one.
    const auto f = parse_claims_file("t.claims", head +
                                                     "  value 1,234 people in 2020\n"
                                                     "  value about 1,200 people in 2020\n"
                                                     "  value 2,345 people in 2020-05\n"
                                                     "  value 3,456 people as of 2021\n"
                                                     "  value 4,567 people as of 2022\n"
                                                     "  value 5,678 people\n");
    for (const auto& e : f.errors) INFO(format_error(e));
    CHECK(f.errors.empty());
    REQUIRE(f.claims.size() == 1);
    CHECK(f.claims[0].values.size() == 6);
}

TEST_CASE("claims-file: errors are all collected, sorted, and a bad claim is left out") {
    const auto f = parse_claims_file("t.claims",
                                     "claim good\n  name \"fine\"\n"
                                     "claim bad\n  name \"x\"\n  date 2021-02-30\n  nmae \"y\"\n"
                                     "claim also-good\n  name \"also\"\n");
    REQUIRE(f.errors.size() == 2);
    CHECK(f.errors[0].where.line == 5);
    CHECK(f.errors[1].where.line == 6);
    CHECK(f.errors[1].line_text == "  nmae \"y\"");
    REQUIRE(f.claims.size() == 2);
    CHECK(f.claims[0].id == "good");
    CHECK(f.claims[1].id == "also-good");
}

// Names and values go into the storage's flat arrays as they are read; a
// claim left out must take its own back, whatever line its error is on.
TEST_CASE("claims-file: a left-out claim leaves no names, wheres or values to its neighbours") {
    const auto f = parse_claims_file("t.claims",
                                     "claim a\n  name \"a1\"\n  where \"w1\"\n  name \"a2\", \"a3\"\n"
                                     "  value 5 people\n  value 6 people in 2020\n"
                                     "claim bad\n  name \"b1\"\n  where \"bw\"\n  value 7 people\n"
                                     "  value 8 km\n  name \"b2\"\n"
                                     "claim bad2\n  value 9 people\n  where \"x\"\n"
                                     "claim c\n  where \"w2\", \"w3\"\n  value 10 people\n  name \"c1\"\n"
                                     "claim bad3\n  name \"d1\"\n  value 1 people\n  date 2021-02-30\n");
    REQUIRE(f.errors.size() == 3);
    REQUIRE(f.claims.size() == 2);
    const auto& a = f.claims[0];
    CHECK(a.id == "a");
    CHECK(strings_of(a.names) == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK(strings_of(a.wheres) == std::vector<std::string>{"w1"});
    REQUIRE(a.values.size() == 2);
    CHECK(a.values[0].text == "5 people");
    CHECK(a.values[1].text == "6 people in 2020");
    const auto& c = f.claims[1];
    CHECK(c.id == "c");
    CHECK(strings_of(c.names) == std::vector<std::string>{"c1"});
    CHECK(strings_of(c.wheres) == std::vector<std::string>{"w2", "w3"});
    REQUIRE(c.values.size() == 1);
    CHECK(c.values[0].text == "10 people");
    CHECK(c.values[0].value == 10);
    CHECK(f.storage->phrases.size() == 7);
    CHECK(f.storage->values.size() == 3);
}

TEST_CASE("claims-file: caret columns count UTF-8 characters and keep tabs") {
    const auto f = parse_claims_file("t.claims", head + "\twhere \"Zürich\" \"x\"\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].where.column == 17);
    CHECK(format_error(f.errors[0]) ==
          "t.claims:3:17: error: expected `,` or the end of the line after a phrase\n"
          "  \twhere \"Zürich\" \"x\"\n"
          "  \t               ^\n");
    // Columns are counted eight ASCII bytes at a time, then byte by byte
    // from the first word with a UTF-8 byte: UTF-8 within the first eight
    // bytes, after them, in several words.
    const auto column = [](const std::string& line) {
        const auto g = parse_claims_file("t.claims", head + line + "\n");
        REQUIRE(g.errors.size() == 1);
        return g.errors[0].where.column;
    };
    CHECK(column("  where   \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\", \"\"") == 19);
    CHECK(column("  where \"\xc3\xa9\", \"abcdefgh\xc3\xa9\", \"\"") == 27);
    CHECK(column("  where \"abcdefghijklmnopqrstuvwxyz\", \"\"") == 39);
    // The last bytes before the offset read as one word: a UTF-8
    // character inside them, or only after the offset.
    CHECK(column("  name \"\xc3\xa9\" \"xxxxxxxx\"") == 12);
    CHECK(column("  name \"\xc3\xa9\" \"x\"") == 12);
    CHECK(parse_claims_file("t.claims", "claim caf\xc3\xa9x\n  name \"x\"\n").errors.at(0).where.column == 7);
    grammar::claims_file_error unreadable;
    unreadable.where.file = "gone.claims";
    unreadable.message = "cannot read claims file";
    CHECK(format_error(unreadable) == "gone.claims: error: cannot read claims file\n");
}

TEST_CASE("claims-file: odd input never crashes") {
    const std::string odd[] = {"",
                               "\n\n",
                               "claim",
                               "claim \"",
                               "  ",
                               "#",
                               "claim a\n  name \"",
                               "\xEF\xBB\xBF"
                               "claim a\r\n  name \"x\"\r\n",
                               "claim a\n  value \xFF\xFE in 2020\n",
                               "claim a\n  value  from  to  in \n",
                               "claim a\n  name \"\0\"\n"s};
    for (const auto& text : odd) {
        const auto f = parse_claims_file("odd.claims", text);
        for (const auto& e : f.errors) CHECK_FALSE(format_error(e).empty());
    }
    const auto bom = parse_claims_file("bom.claims", odd[7]);
    CHECK(bom.errors.empty());
    CHECK(bom.claims.size() == 1);
}

// ---- the loader -------------------------------------------------------------------

namespace {

struct scratch_dir {
    std::filesystem::path path;
    scratch_dir() {
        path =
            std::filesystem::temp_directory_path() / ("factlint-claims-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path / "sub");
    }
    ~scratch_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::string& name, const std::string& content) const {
        std::ofstream(path / name, std::ios::binary) << content;
    }
};

}  // namespace

TEST_CASE("claims-file: the loader reads directories recursively and indexes every claim") {
    scratch_dir dir;
    dir.write("b.claims", "claim beta\n  name \"beta figure\"\n");
    dir.write("sub/a.claims", "claim alpha\n  name \"alpha figure\"\n");
    dir.write("notes.txt", "claim ignored\n");
    auto result = load_claims({dir.path.string()});
    CHECK(result.errors.empty());
    CHECK(result.files == 2);
    REQUIRE(result.store.claims().size() == 2);
    CHECK(result.store.claims()[0].id == "beta");  // "b.claims" sorts before "sub/a.claims"
    CHECK(result.store.find("alpha") != nullptr);
    CHECK(result.store.find("ignored") == nullptr);
    CHECK(result.store.scan("the alpha figures").size() == 1);
}

TEST_CASE("claims-file: a long series of values is checked for overlaps in n log n") {
    // One value a day: no two overlap, and the claim is kept whole. Pairs
    // were compared one by one: four times the values took sixteen times as
    // long. A value added at the end that overlaps one of them, with a
    // range disjoint from it, is still the error it was.
    const auto series = [](std::size_t days, bool contradiction) {
        std::string text = "claim daily\n  name \"daily riders\"\n";
        for (std::size_t d = 0; d < days; ++d) {
            const time_span day{static_cast<day_number>(d), static_cast<day_number>(d), granularity::day};
            text += "  value " + std::to_string(1000 + d % 500) + " riders in " + iso_date(day.from) + "\n";
        }
        if (contradiction) text += "  value 9,999 riders in 1970-01-05\n";
        return text;
    };
    const auto f = parse_claims_file("t.claims", series(3000, false));
    CHECK(f.errors.empty());
    REQUIRE(f.claims.size() == 1);
    CHECK(f.claims[0].values.size() == 3000);
    const auto g = parse_claims_file("t.claims", series(3000, true));
    REQUIRE(g.errors.size() == 1);
    CHECK(g.errors[0].message ==
          "value `9,999 riders in 1970-01-05` contradicts `1004 riders in 1970-01-05` on line 7: their times "
          "overlap and their ranges [9998.5, 9999.5] and [1003.5, 1004.5] are disjoint");
    const double ratio = testing::growth_ratio(
        [&](std::size_t days) { CHECK(parse_claims_file("t.claims", series(days, false)).errors.empty()); },
        2000, 8000);
    CHECK(ratio < 10.0);  // about 4 if n log n, 16 if quadratic
}

TEST_CASE("claims-file: duplicate ids are found as the id table grows, and errors stay in line order") {
    // Ids are added when their claim closes and the table starts small for
    // a short file: 3,000 claims make it double several times. Every
    // third claim repeats the id before it, some of them on a claim with an
    // error of its own (no name) that comes after the duplicate's column.
    std::string content;
    std::vector<int> duplicate_lines;
    int line = 1;
    for (int i = 0; i < 3000; ++i) {
        const bool repeat = i % 3 == 2;
        const std::string id = "id-" + std::to_string(repeat ? i - 1 : i);
        content += "claim " + id + "\n";
        if (repeat) duplicate_lines.push_back(line);
        if (i % 7 != 0) {
            content += "  name \"n" + std::to_string(i) + "\"\n";
            line += 1;
        }
        line += 1;
    }
    const auto f = parse_claims_file("t.claims", content);
    std::size_t duplicates = 0;
    int last_line = 0, last_column = 0;
    for (const auto& e : f.errors) {
        CHECK(std::pair(e.where.line, e.where.column) > std::pair(last_line, last_column));
        last_line = e.where.line, last_column = e.where.column;
        if (e.message.starts_with("duplicate claim id")) {
            REQUIRE(duplicates < duplicate_lines.size());
            CHECK(e.where.line == duplicate_lines[duplicates++]);
            CHECK(e.where.column == 7);
        }
    }
    CHECK(duplicates == duplicate_lines.size());
    // The first definition named is the first claim of that id.
    const auto dup = std::find_if(f.errors.begin(), f.errors.end(),
                                  [](const auto& e) { return e.message.starts_with("duplicate"); });
    REQUIRE(dup != f.errors.end());
    CHECK(dup->message == "duplicate claim id `id-1`, first defined at t.claims:2:7");
}

TEST_CASE("claims-file: the loader reports duplicates across files and unreadable paths") {
    scratch_dir dir;
    dir.write("one.claims", "claim same\n  name \"one\"\n");
    dir.write("two.claims", "# again\nclaim same\n  name \"two\"\n");
    const std::string one = (dir.path / "one.claims").string();
    const std::string two = (dir.path / "two.claims").string();
    const std::string missing = (dir.path / "missing.claims").string();
    auto result = load_claims({one, two, missing});
    REQUIRE(result.errors.size() == 2);
    CHECK(format_error(result.errors[0]) == two +
                                                ":2:7: error: duplicate claim id `same`, first defined at " +
                                                one + ":1:7\n  claim same\n        ^\n");
    CHECK(format_error(result.errors[1]) == missing + ": error: cannot read claims file\n");
    CHECK(result.files == 2);
    CHECK(result.store.claims().size() == 1);
    // Files listed already (the command line's walk): the same, without
    // asking of each whether it is a directory.
    auto listed = load_claim_files({one, two, missing});
    REQUIRE(listed.errors.size() == 2);
    CHECK(format_error(listed.errors[0]) == format_error(result.errors[0]));
    CHECK(format_error(listed.errors[1]) == format_error(result.errors[1]));
    CHECK(listed.store.claims().size() == 1);
}

TEST_CASE("claims-file: a set of files reads each file's values as the file alone reads them") {
    // The files of a set share what the grammar read for each shape of
    // value text (grammar::claims_set_parser): later files meet the
    // earlier ones' shapes without the grammar, and their nouns are their own.
    scratch_dir dir;
    const char* forms[] = {"about {} troops", "${} million", "{}%", "{} riders", "about ${} billion"};
    std::vector<std::string> files;
    for (int f = 0; f < 12; ++f) {
        std::string text;
        for (int c = 0; c < 6; ++c) {
            text += "claim f" + std::to_string(f) + "-c" + std::to_string(c) + "\n  name \"figure " +
                    std::to_string(f * 6 + c) + "\"\n";
            for (int v = 0; v < 3; ++v) {
                std::string value = forms[(f + c) % 5];  // one unit a claim
                value.replace(value.find("{}"), 2,
                              std::to_string(100 + f * 37 + c * 11 + v) + (v == 1 ? ".5" : ""));
                text += "  value " + value + " in " + std::to_string(2000 + v) + "\n";
            }
        }
        const std::string name = "set" + std::to_string(f) + ".claims";
        dir.write(name, text);
        files.push_back((dir.path / name).string());
    }
    auto set = load_claim_files(files);
    REQUIRE(set.errors.empty());
    REQUIRE(set.store.claims().size() == 72);
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto alone = parse_claims_file(file, content);
        REQUIRE(alone.errors.empty());
        for (const reference_claim& c : alone.claims) {
            const reference_claim* in_set = set.store.find(c.id);
            REQUIRE(in_set != nullptr);
            REQUIRE(in_set->values.size() == c.values.size());
            for (std::size_t k = 0; k < c.values.size(); ++k) {
                CAPTURE(c.values[k].text);
                CHECK(in_set->values[k].value == c.values[k].value);
                CHECK(in_set->values[k].range.low == c.values[k].range.low);
                CHECK(in_set->values[k].range.high == c.values[k].range.high);
                CHECK(in_set->values[k].unit == c.values[k].unit);
                CHECK(in_set->values[k].noun == c.values[k].noun);
                CHECK(in_set->values[k].hedge == c.values[k].hedge);
            }
        }
    }
}

TEST_CASE("claims-file: a large set of files loads the same on one thread and on several") {
    // Large enough to be parsed in parallel, with errors in several files
    // and ids defined again in a later file and within one, so that the
    // errors' order and the first definition they name are compared too.
    scratch_dir dir;
    std::vector<std::string> files;
    std::size_t bytes = 0;
    for (int f = 0; f < 7; ++f) {
        std::string text = "# part " + std::to_string(f) + "\n";
        for (int c = 0; c < 1500; ++c) {
            const int id = f == 5 && c < 3 ? c : f * 1500 + c;  // file 5 defines ids 0 to 2 again
            text += "claim c" + std::to_string(id) + "\n  name \"figure " + std::to_string(c % 97) + "\"\n";
            if (c % 13 == 0) text += "  where \"region " + std::to_string(c % 7) + "\"\n";
            text += "  value about $" + std::to_string(100 + c) + "." + std::to_string(c % 10) +
                    " million in " + std::to_string(1990 + c % 30) + "\n";
            text += "  value $" + std::to_string(2 + c % 50) + " billion as of 2021-0" +
                    std::to_string(1 + c % 9) + "\n";
            if (f == 2 && c == 600) text += "  value 12 widgets in 2020\n";  // a unit unlike the first's
            if (f == 3 && c == 40) text += "  colour \"blue\"\n";            // an unknown keyword
            if (f == 6 && c == 7) text += "claim c" + std::to_string(6 * 1500 + 3) + "\n  name \"again\"\n";
            text += "  source \"test\"\n\n";
        }
        bytes += text.size();
        const std::string name = "part" + std::to_string(f) + ".claims";
        dir.write(name, text);
        files.push_back((dir.path / name).string());
    }
    REQUIRE(bytes >= parallel_parse_min_bytes);

    const load_result one = load_claim_files(files, {}, 1);
    const load_result several = load_claim_files(files, {}, 4);
    REQUIRE(one.errors.size() == 6);  // 3 across files, 1 within file 6, a unit, a keyword
    REQUIRE(several.errors.size() == one.errors.size());
    for (std::size_t k = 0; k < one.errors.size(); ++k)
        CHECK(format_error(several.errors[k]) == format_error(one.errors[k]));
    CHECK(format_error(one.errors[0]).find("value is in") != std::string::npos);  // file 2
    CHECK(format_error(one.errors[1]).find("unknown keyword `colour`") != std::string::npos);
    CHECK(
        format_error(one.errors[2]).find("duplicate claim id `c0`, first defined at " + files[0] + ":2:7") !=
        std::string::npos);

    CHECK(several.files == one.files);
    REQUIRE(several.store.claims().size() == one.store.claims().size());
    for (std::size_t k = 0; k < one.store.claims().size(); ++k) {
        const reference_claim& a = one.store.claims()[k];
        const reference_claim& b = several.store.claims()[k];
        CAPTURE(a.id);
        CHECK(b.id == a.id);
        CHECK(b.where.file == a.where.file);
        CHECK(std::pair(b.where.line, b.where.column) == std::pair(a.where.line, a.where.column));
        CHECK(std::equal(a.names.begin(), a.names.end(), b.names.begin(), b.names.end()));
        CHECK(std::equal(a.wheres.begin(), a.wheres.end(), b.wheres.begin(), b.wheres.end()));
        CHECK(b.source == a.source);
        REQUIRE(b.values.size() == a.values.size());
        for (std::size_t v = 0; v < a.values.size(); ++v) {
            CHECK(b.values[v].text == a.values[v].text);
            CHECK(b.values[v].value == a.values[v].value);
            CHECK(b.values[v].range.low == a.values[v].range.low);
            CHECK(b.values[v].range.high == a.values[v].range.high);
            CHECK(b.values[v].unit == a.values[v].unit);
            CHECK(b.values[v].noun == a.values[v].noun);
        }
    }
    // The index finds the same claims by name.
    const std::string text = "The figure 7 rose again in region 3, and figure 96 fell.";
    const std::vector<name_hit> hits = one.store.scan(text);
    const std::vector<name_hit> hits_several = several.store.scan(text);
    CHECK(hits.size() > 10);
    REQUIRE(hits_several.size() == hits.size());
    for (std::size_t k = 0; k < hits.size(); ++k) {
        CHECK(hits_several[k].claim == hits[k].claim);
        CHECK(hits_several[k].begin == hits[k].begin);
        CHECK(hits_several[k].end == hits[k].end);
    }
}

namespace {

// A claims file of `count` claims written in many ways (a byte-order mark,
// comments, blank lines, tabs, CRLF endings, escaped phrases, `where`
// lines): what a file cut into pieces must read as it reads whole.
std::string varied_claims(int count) {
    std::string text = "\xEF\xBB\xBF# varied claims\n\n";
    for (int c = 0; c < count; ++c) {
        const std::string end = c % 17 == 3 ? "\r\n" : "\n";
        text += (c % 11 == 5 ? "claim\tv" : "claim v") + std::to_string(c) + (c % 23 == 1 ? "  # note" : "") +
                end;
        text += (c % 3 == 0 ? "\tname " : "  name ") + fmt::format("\"figure {}\"", c % 89);
        if (c % 7 == 2) text += fmt::format(", \"the \\\"{}\\\" total\"", c % 13);
        text += end;
        if (c % 19 == 4) text += fmt::format("  where \"port {}\"", c % 5) + end;
        text += fmt::format("  value about ${}.{} million in {}", 10 + c % 400, c % 10, 1980 + c % 40) + end;
        if (c % 2 == 0)
            text += fmt::format("  value ${} billion as of 2020-0{}", 1 + c % 70, 1 + c % 9) + end;
        if (c % 29 == 6) text += "  tolerance 5%" + end;
        text += "  source \"varied\"" + end;
        if (c % 5 == 0) text += "# between claims" + end;
        if (c % 4 == 0) text += end;
    }
    return text;
}

// Everything of a loaded set that a check reads, written out to compare.
std::string described(const load_result& r) {
    std::string out;
    for (const auto& e : r.errors) out += format_error(e);
    for (const reference_claim& c : r.store.claims()) {
        out += fmt::format("{} {}:{}:{} src={} tol={}\n", c.id, c.where.file, c.where.line, c.where.column,
                           c.source, c.tolerance);
        for (const auto& n : c.names) out += fmt::format("  name {}\n", n);
        for (const auto& w : c.wheres) out += fmt::format("  where {}\n", w);
        for (const auto& v : c.values)
            out += fmt::format("  value {} = {} [{}, {}] {} {} {}:{}\n", v.text, v.value, v.range.low,
                               v.range.high, v.unit, v.noun, v.where.line, v.where.column);
    }
    return out;
}

}  // namespace

TEST_CASE("claims-file: a large file parsed in pieces loads as it does whole") {
    scratch_dir dir;
    const std::string text = varied_claims(20000);
    REQUIRE(text.size() >= 2 * parallel_parse_min_bytes);
    REQUIRE(grammar::piece_starts(text, 4).size() == 4);
    dir.write("big.claims", text);
    const std::vector<std::string> files{(dir.path / "big.claims").string()};

    const load_result whole = load_claim_files(files, {}, 1);
    REQUIRE(whole.errors.empty());
    REQUIRE(whole.store.claims().size() == 20000);
    const std::string expected = described(whole);
    const std::string expected_bytes(compile_store(whole.store)->view());
    for (const unsigned jobs : {2u, 3u, 4u, 8u}) {
        CAPTURE(jobs);
        const load_result pieces = load_claim_files(files, {}, jobs);
        CHECK(described(pieces) == expected);
        // The compiled store, as the cache writes it, byte for byte.
        const auto bytes = compile_store(pieces.store);
        REQUIRE(bytes);
        CHECK(bytes->view() == expected_bytes);
    }
    // On a pool lent by the caller (as check's, after its walk): asked for
    // once, its threads used for both steps, the same claims; a pool of
    // fewer threads than jobs grows.
    for (const unsigned jobs : {2u, 4u}) {
        CAPTURE(jobs);
        worker_pool pool(1);
        int lent = 0;
        const load_result pieces = load_claim_files(files, {}, jobs, [&] {
            ++lent;
            return &pool;
        });
        CHECK(lent == 1);
        CHECK(pool.threads() == jobs - 1);
        CHECK(described(pieces) == expected);
        const auto bytes = compile_store(pieces.store);
        REQUIRE(bytes);
        CHECK(bytes->view() == expected_bytes);
    }
    // A lender that has no pool to give: threads of the load's own.
    CHECK(described(load_claim_files(files, {}, 2, [] { return static_cast<worker_pool*>(nullptr); })) ==
          expected);
    // With one job, or a set too small to cut, it is never asked.
    const auto never = []() -> worker_pool* {
        FAIL("the pool was asked for");
        return nullptr;
    };
    CHECK(described(load_claim_files(files, {}, 1, never)) == expected);
    dir.write("small.claims", varied_claims(20));
    CHECK(load_claim_files({(dir.path / "small.claims").string()}, {}, 4, never).store.claims().size() == 20);

    // Errors in every piece, and ids defined again across pieces: after a
    // claim that was left out (its first definition still counts), twice,
    // and within one piece.
    std::string bad = text;
    // Before the line of claim `id`, whatever its form.
    const auto before_claim = [&bad](const std::string& id, const std::string& lines) {
        const std::size_t at = bad.find(id + (bad.find(id + "\r\n") != std::string::npos ? "\r\n" : "\n"));
        REQUIRE(at != std::string::npos);
        bad.insert(bad.rfind('\n', at) + 1, lines);
    };
    bad += "claim v10\n  name \"again\"\n  value 3 in 2020\n";  // defined near the start
    before_claim("v4000", "claim v19999\n  name \"early\"\n");  // defined later: the later is the duplicate
    bad += "claim v10\n  name \"thrice\"\n";
    bad += "claim v20\n  colour \"red\"\n";  // an unknown keyword, and a duplicate
    before_claim("v6000", "  colour \"blue\"\n");
    before_claim("v100", "claim v100\n  value 1 in 2020\n");  // no name: left out, but defined first
    dir.write("big.claims", bad);
    const load_result one = load_claim_files(files, {}, 1);
    REQUIRE(one.errors.size() >= 7);
    const std::string expected_errors = described(one);
    for (const unsigned jobs : {2u, 3u, 4u, 8u}) {
        CAPTURE(jobs);
        CHECK(described(load_claim_files(files, {}, jobs)) == expected_errors);
    }
}

TEST_CASE("claims-file: line ends, quotes and backslashes read wherever they fall in a block of 32 bytes") {
    // The parser finds line ends 32 bytes at a time: names of every length,
    // with and without an escape at every place, on lines ending in LF or
    // CRLF, and the file's last line with no line end, must read as written.
    for (const bool crlf : {false, true}) {
        for (std::size_t length = 1; length <= 70; ++length) {
            CAPTURE(crlf);
            CAPTURE(length);
            const std::string end = crlf ? "\r\n" : "\n";
            const std::string plain(length, 'q');
            std::string escaped = plain;  // a backslash-escaped quote at a place moving with the length
            escaped.insert(length / 2, "\\\"");
            std::string with_quote = plain;
            with_quote.insert(length / 2, "\"");
            const std::string text = "claim a" + end + "  name \"" + plain + "\", \"" + escaped + "\"" + end +
                                     "  value " + std::to_string(length) + " in 2020" + end + "  source \"" +
                                     plain + "\"";  // no line end
            const auto f = parse_claims_file("t.claims", text);
            REQUIRE(f.errors.empty());
            const reference_claim& c = claim(f, "a");
            REQUIRE(c.names.size() == 2);
            CHECK(c.names[0] == plain);
            CHECK(c.names[1] == with_quote);
            CHECK(c.source == plain);
            REQUIRE(c.values.size() == 1);
            CHECK(c.values[0].value == static_cast<double>(length));
            CHECK(c.values[0].where.line == 3);
        }
    }
    // A quote never closed, at every length: an error, not a read past the line.
    for (std::size_t length = 0; length <= 70; ++length) {
        CAPTURE(length);
        const auto f =
            parse_claims_file("t.claims", "claim a\n  name \"" + std::string(length, 'q') + "\nclaim b\n");
        const bool on_line_2 = std::any_of(f.errors.begin(), f.errors.end(), [](const auto& e) {
            return e.where.line == 2 && e.message.find("closing") != std::string::npos;
        });
        CHECK(on_line_2);
    }
}

TEST_CASE("claims-file: the newlines before a piece are counted whatever the length and alignment") {
    using grammar::newlines_in;
    CHECK(newlines_in("") == 0);
    CHECK(newlines_in("\n") == 1);
    CHECK(newlines_in("no newline at all") == 0);
    // Every length up to several blocks of 16 bytes, every offset into a
    // buffer (unaligned loads), newlines at block edges and bytes of every
    // value around them (0xFF and 0x0A + 1 must not count).
    std::string text;
    for (int i = 0; i < 300; ++i) text += static_cast<char>(i % 7 == 0 ? '\n' : (i * 37) % 256);
    for (std::size_t from = 0; from < 17; ++from) {
        for (std::size_t size = 0; from + size <= text.size(); size += size < 64 ? 1 : 13) {
            const std::string_view piece = std::string_view(text).substr(from, size);
            CAPTURE(from);
            CAPTURE(size);
            CHECK(newlines_in(piece) ==
                  static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n')));
        }
    }
    // More than 255 blocks of sixteen newlines: a byte counter per lane
    // would wrap at 256.
    const std::string all_newlines(16 * 300 + 5, '\n');
    CHECK(newlines_in(all_newlines) == all_newlines.size());
}

TEST_CASE("claims-file: a file is cut only where a line opens a claim") {
    using grammar::piece_starts;
    CHECK(piece_starts("", 4) == std::vector<std::size_t>{0});
    const std::string text =
        "# head\nclaim a\n  name \"claimed\"\nclaims b\nclaim\tc\n  name \"c\"\n  claim d\nclaim e\n";
    CHECK(piece_starts(text, 1) == std::vector<std::size_t>{0});
    // Only "claim a", "claim\tc" and "claim e" open a claim at a line's
    // start: "claims b" is another word, "  claim d" is indented.
    const std::vector<std::size_t> openings{text.find("claim a"), text.find("claim\tc"),
                                            text.find("claim e")};
    for (std::size_t pieces = 2; pieces <= 12; ++pieces) {
        CAPTURE(pieces);
        const std::vector<std::size_t> starts = piece_starts(text, pieces);
        REQUIRE(!starts.empty());
        CHECK(starts.front() == 0);
        CHECK(starts.size() <= pieces);
        for (std::size_t k = 1; k < starts.size(); ++k) {
            CHECK(starts[k] > starts[k - 1]);
            CHECK(std::find(openings.begin(), openings.end(), starts[k]) != openings.end());
        }
    }
    // A cut falls on the first opening at or after the even share.
    CHECK(piece_starts(text, 2) == std::vector<std::size_t>{0, text.find("claim\tc")});
    // One claim of many lines has nowhere to be cut.
    std::string series = "claim s\n  name \"series\"\n";
    for (int v = 0; v < 2000; ++v)
        series += "  value " + std::to_string(v) + " in " + std::to_string(1000 + v) + "\n";
    CHECK(piece_starts(series, 4) == std::vector<std::size_t>{0});
}
