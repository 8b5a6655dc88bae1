// Output formats (SPEC §8) and extract records (SPEC §3): literal snapshots
// of every format on the hand-made findings of report_samples.hpp.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/detail.hpp"
#include "report/records.hpp"
#include "report/report.hpp"
#include "report_samples.hpp"

using namespace factlint;

namespace {

std::string render(output_format format, bool color = false) {
    const auto findings = samples::report_findings();
    const auto rules = samples::report_rules();
    report_input in = samples::report_sample_input(findings, rules);
    in.color = color;
    std::ostringstream out;
    write_report(format, in, out);
    return out.str();
}

std::string render_summary(const run_summary& s) {
    report_input in;
    in.summary = s;
    std::ostringstream out;
    write_report(output_format::text, in, out);
    return out.str();
}

}  // namespace

TEST_CASE("report: format names") {
    CHECK(parse_output_format("text") == output_format::text);
    CHECK(parse_output_format("json") == output_format::json);
    CHECK(parse_output_format("sarif") == output_format::sarif);
    CHECK(parse_output_format("github") == output_format::github);
    CHECK(parse_output_format("gcc") == output_format::gcc);
    CHECK_FALSE(parse_output_format("xml"));
    CHECK_FALSE(parse_output_format("TEXT"));
}

TEST_CASE("report: text") {
    // clang-format off
    const std::string expected =
        "draft.md:3:18: error[FL101]: about 2,500 U.S. troops does not match the reference value 3,100 (2024)\n"
        "3 | Today the US has about 2,500 U.S. troops in the region.\n"
        "  |                  ^~~~~~~~~~~~~~~~~~~~~~~\n"
        "  = note: reference troops-abroad: 3,100 in 2024 (source: ministry report)\n"
        "  = note: facts/world.claims:12: reference claim troops-abroad\n"
        "  = help: replace with \"about 3,100 U.S. troops\"\n"
        "\n"
        "draft.md:5:13: warning[FL104]: roughly 40% is the 2022 figure; 45% is newer (2024)\n"
        "5 | Über café — roughly 40% of orders are online.\n"
        "  |             ^~~~~~~~~~~\n"
        "  = note: draft.md:2:5: the newer figure is stated here\n"
        "\n"
        "draft.md:7:15: info[FL302]: \"last year\" cannot be resolved: no document date, 100% unknown,\n"
        "    set --as-of\n"
        "7 | Spending rose\tlast year to\n"
        "  |              \t^~~~~~~~~~~~\n"
        "\n"
        "notes/a,b: c.md:1:1: warning[FL201]: 1200 conflicts with 1,500 on line 9\n"
        "  = note: notes/a,b: c.md:9:10: the other value\n"
        "  = help: remove this text\n"
        "\n"
        "Found 1 error, 2 warnings, 1 info in 2 files (15 claims checked).\n";
    // clang-format on
    CHECK(render(output_format::text) == expected);
}

TEST_CASE("report: text indents a message's later lines as a character-by-character copy does") {
    // The slow path: each character copied but '\r', the indent after each '\n'.
    const auto slow = [](std::string_view text, std::size_t indent) {
        std::string out;
        for (const char c : text) {
            if (c == '\r') continue;
            out += c;
            if (c == '\n') out.append(indent, ' ');
        }
        return out + '\n';
    };
    for (const std::string_view message : {"", "one line", "a\r\nb", "a\nb\n\nc\r", "\r\r\n", "\n", "x\ry"}) {
        finding f;
        f.code = "FL101";
        f.level = severity::error;
        f.file = "d.md";
        f.message = std::string(message);
        f.notes = {std::string(message) + "!"};
        report_input in;
        const std::vector<finding> one{f};
        in.findings = one;
        std::ostringstream out;
        write_report(output_format::text, in, out);
        const std::string expected =
            "d.md: error[FL101]: " + slow(message, 4) + "  = note: " + slow(std::string(message) + "!", 4);
        CHECK(out.str().substr(0, expected.size()) == expected);
    }
}

TEST_CASE("report: text color only when asked") {
    const std::string plain = render(output_format::text, false);
    const std::string color = render(output_format::text, true);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(color.find("\x1b[1mdraft.md:3:18:\x1b[0m \x1b[1;31merror[FL101]\x1b[0m: about") !=
          std::string::npos);
    CHECK(color.find("\x1b[1;33mwarning[FL104]\x1b[0m") != std::string::npos);
    CHECK(color.find("\x1b[1;36minfo[FL302]\x1b[0m") != std::string::npos);
    // The caret is colored, the blanks before it are not.
    CHECK(color.find("\x1b[1;34m  |\x1b[0m                  \x1b[1;31m^~~") != std::string::npos);
}

TEST_CASE("report: text summary line") {
    CHECK(render_summary({2, 0, 15, 0, 0, 0}) == "No problems found in 2 files (15 claims checked).\n");
    CHECK(render_summary({1, 0, 1, 0, 0, 0}) == "No problems found in 1 file (1 claim checked).\n");
    CHECK(render_summary({3, 1, 9, 0, 1, 0}) ==
          "Found 1 warning in 3 files (9 claims checked; 1 file skipped).\n");
    CHECK(render_summary({0, 2, 0, 0, 0, 0}) ==
          "No problems found in 0 files (0 claims checked; 2 files skipped).\n");
    CHECK(render_summary({2, 0, 15, 3, 1, 0}) ==
          "Found 3 errors, 1 warning in 2 files (15 claims checked).\n");
}

TEST_CASE("report: text underline edge cases") {
    finding f;
    f.code = "FL301";
    f.level = severity::warning;
    f.file = "x.md";
    f.message = "m";
    report_input in;
    const std::vector<finding> one{f};
    std::string line_text;
    in.source_line = [&line_text](const finding&) { return std::optional<source_text>(line_text); };
    auto underline_of = [&](int column, int end_line, int end_column) {
        std::vector<finding> v{f};
        v[0].line = 1, v[0].column = column, v[0].end_line = end_line, v[0].end_column = end_column;
        in.findings = v;
        std::ostringstream out;
        write_report(output_format::text, in, out);
        const std::string s = out.str();
        const auto start = s.find("  | ");
        return s.substr(start + 4, s.find('\n', start) - start - 4);
    };
    line_text = "ab";
    CHECK(underline_of(3, 1, 3) == "  ^");  // an empty span at the end of the line
    CHECK(underline_of(1, 1, 1) == "^");    // an empty span still gets a caret
    CHECK(underline_of(2, 2, 1) == " ^");   // several lines: to the end of the first
    line_text = "é\tx\x1b[31m";
    CHECK(underline_of(3, 1, 4) == " \t^");  // multibyte, then a tab kept
    line_text = "";
    CHECK(underline_of(1, 3, 2) == "^");
}

TEST_CASE("report: text quotes a stretch of a long line, marked where it was cut") {
    finding f;
    f.code = "FL101";
    f.file = "x.md";
    f.line = 1, f.column = 1003, f.end_line = 1, f.end_column = 1006;  // "12%" at column 1003
    const std::vector<finding> v{f};
    report_input in;
    in.findings = v;
    in.source_line = [](const finding&) {
        source_text t(std::string("rose 12% in"));
        t.first_column = 998;
        t.cut_before = t.cut_after = true;
        return std::optional<source_text>(t);
    };
    std::ostringstream out;
    write_report(output_format::text, in, out);
    // The caret sits under "12%": one column for the leading ellipsis, then "rose ".
    CHECK(out.str().find("1 | \xE2\x80\xA6rose 12% in\xE2\x80\xA6\n  |       ^~~\n") != std::string::npos);
}

TEST_CASE("report: text hides control characters of the source") {
    finding f;
    f.code = "FL101";
    f.file = "x.md";
    f.line = 1, f.column = 1, f.end_line = 1, f.end_column = 2;
    const std::vector<finding> v{f};
    report_input in;
    in.findings = v;
    in.source_line = [](const finding&) { return std::optional<source_text>(std::string("x\x1b[2Jy")); };
    std::ostringstream out;
    write_report(output_format::text, in, out);
    CHECK(out.str().find("1 | x?[2Jy\n") != std::string::npos);
}

TEST_CASE("report: gcc") {
    // clang-format off
    CHECK(render(output_format::gcc) ==
          "draft.md:3:18: error: about 2,500 U.S. troops does not match the reference value 3,100 (2024) [FL101]\n"
          "draft.md:5:13: warning: roughly 40% is the 2022 figure; 45% is newer (2024) [FL104]\n"
          "draft.md:7:15: note: \"last year\" cannot be resolved: no document date, 100% unknown, set --as-of [FL302]\n"
          "notes/a,b: c.md:1:1: warning: 1200 conflicts with 1,500 on line 9 [FL201]\n");
    // clang-format on
}

TEST_CASE("report: github workflow commands and escaping") {
    // clang-format off
    CHECK(render(output_format::github) ==
          "::error file=draft.md,line=3,col=18,endLine=3,endColumn=41,title=FL101 value-mismatch::about 2,500 U.S. troops does not match the reference value 3,100 (2024)\n"
          "::warning file=draft.md,line=5,col=13,endLine=5,endColumn=24,title=FL104 stale-value::roughly 40%25 is the 2022 figure; 45%25 is newer (2024)\n"
          "::notice file=draft.md,line=7,col=15,endLine=8,endColumn=4,title=FL302 unresolved-relative-date::\"last year\" cannot be resolved: no document date, 100%25 unknown,%0Aset --as-of\n"
          "::warning file=notes/a%2Cb%3A c.md,line=1,col=1,endLine=1,endColumn=5,title=FL201 conflicting-values::1200 conflicts with 1,500 on line 9\n");
    // clang-format on
}

TEST_CASE("report: github without a known position") {
    finding f;
    f.code = "FL101";
    f.name = "value-mismatch";
    f.file = "a.md";
    f.message = "x\r\ny";
    const std::vector<finding> v{f};
    report_input in;
    in.findings = v;
    std::ostringstream out;
    write_report(output_format::github, in, out);
    CHECK(out.str() == "::error file=a.md,title=FL101 value-mismatch::x%0D%0Ay\n");
}

TEST_CASE("report: json") {
    // clang-format off
    CHECK(render(output_format::json) ==
          R"j({"version":1,"findings":[)j"
          R"j({"code":"FL101","name":"value-mismatch","severity":"error","file":"draft.md","line":3,"column":18,"end_line":3,"end_column":41,"message":"about 2,500 U.S. troops does not match the reference value 3,100 (2024)","notes":["reference troops-abroad: 3,100 in 2024 (source: ministry report)"],"related":[{"file":"facts/world.claims","line":12,"message":"reference claim troops-abroad"}],"fix":{"replacement":"about 3,100 U.S. troops"},"fingerprint":"FL101/troops-abroad/2500/2024"},)j"
          R"j({"code":"FL104","name":"stale-value","severity":"warning","file":"draft.md","line":5,"column":13,"end_line":5,"end_column":24,"message":"roughly 40% is the 2022 figure; 45% is newer (2024)","notes":[],"related":[{"file":"draft.md","line":2,"column":5,"end_line":2,"end_column":8,"message":"the newer figure is stated here"}],"fix":null,"fingerprint":"FL104/share-online/40"},)j"
          R"j({"code":"FL302","name":"unresolved-relative-date","severity":"info","file":"draft.md","line":7,"column":15,"end_line":8,"end_column":4,"message":"\"last year\" cannot be resolved: no document date, 100% unknown,\nset --as-of","notes":[],"related":[],"fix":null,"fingerprint":""},)j"
          R"j({"code":"FL201","name":"conflicting-values","severity":"warning","file":"notes/a,b: c.md","line":1,"column":1,"end_line":1,"end_column":5,"message":"1200 conflicts with 1,500 on line 9","notes":[],"related":[{"file":"notes/a,b: c.md","line":9,"column":10,"end_line":9,"end_column":15,"message":"the other value"}],"fix":{"replacement":""},"fingerprint":""}],)j"
          R"j("summary":{"files":2,"claims":15,"errors":1,"warnings":2,"infos":1,"skipped":0}})j"
          "\n");
    // clang-format on
}

TEST_CASE("report: json of no findings, and bad UTF-8 does not throw") {
    finding f;
    f.code = "FL101";
    f.file = "a.md";
    f.message = "bad \xff byte";
    std::vector<finding> v{f};
    report_input in;
    in.findings = v;
    for (auto format : {output_format::json, output_format::sarif}) {
        std::ostringstream out;
        CHECK_NOTHROW(write_report(format, in, out));
        CHECK(out.str().find("bad \xef\xbf\xbd byte") != std::string::npos);  // U+FFFD
    }
    in.findings = {};
    std::ostringstream out;
    write_report(output_format::json, in, out);
    // clang-format off
    CHECK(out.str() ==
          R"j({"version":1,"findings":[],"summary":{"files":0,"claims":0,"errors":0,"warnings":0,"infos":0,"skipped":0}})j"
          "\n");
    // clang-format on
}

TEST_CASE("report: sarif") {
    const auto doc = nlohmann::ordered_json::parse(render(output_format::sarif));
    CHECK(doc["version"] == "2.1.0");
    // clang-format off
    CHECK(doc["$schema"] ==
          "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    // clang-format on
    REQUIRE(doc["runs"].size() == 1);
    const auto& run = doc["runs"][0];
    // clang-format off
    CHECK(run["tool"]["driver"].dump() ==
          R"j({"name":"factlint","version":"0.1.0","informationUri":"https://example.org/factlint","rules":[)j"
          R"j({"id":"FL101","name":"value-mismatch","shortDescription":{"text":"A value disagrees with the reference"},"helpUri":"https://example.org/factlint/docs/rules/FL101.md","defaultConfiguration":{"level":"error"}},)j"
          R"j({"id":"FL104","name":"stale-value","shortDescription":{"text":"A present-tense value is out of date"},"helpUri":"https://example.org/factlint/docs/rules/FL104.md","defaultConfiguration":{"level":"warning"}},)j"
          R"j({"id":"FL201","name":"conflicting-values","shortDescription":{"text":"One document states two values"},"helpUri":"https://example.org/factlint/docs/rules/FL201.md","defaultConfiguration":{"level":"error"}},)j"
          R"j({"id":"FL302","name":"unresolved-relative-date","shortDescription":{"text":"A relative date has no anchor"},"helpUri":"https://example.org/factlint/docs/rules/FL302.md","defaultConfiguration":{"level":"note"}}]})j");
    // clang-format on
    CHECK(run["invocations"].dump() == R"j([{"executionSuccessful":true}])j");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const auto& results = run["results"];
    REQUIRE(results.size() == 4);
    // clang-format off
    CHECK(results[0].dump() ==
          R"j({"ruleId":"FL101","ruleIndex":0,"level":"error","message":{"text":"about 2,500 U.S. troops does not match the reference value 3,100 (2024)"},)j"
          R"j("locations":[{"physicalLocation":{"artifactLocation":{"uri":"draft.md","uriBaseId":"%SRCROOT%"},"region":{"startLine":3,"startColumn":18,"endLine":3,"endColumn":41}}}],)j"
          R"j("relatedLocations":[{"id":0,"physicalLocation":{"artifactLocation":{"uri":"facts/world.claims","uriBaseId":"%SRCROOT%"},"region":{"startLine":12}},"message":{"text":"reference claim troops-abroad"}}],)j"
          R"j("fixes":[{"description":{"text":"Replace with \"about 3,100 U.S. troops\""},"artifactChanges":[{"artifactLocation":{"uri":"draft.md","uriBaseId":"%SRCROOT%"},)j"
          R"j("replacements":[{"deletedRegion":{"startLine":3,"startColumn":18,"endLine":3,"endColumn":41},"insertedContent":{"text":"about 3,100 U.S. troops"}}]}]}],)j"
          R"j("partialFingerprints":{"factlint/v1":"FL101/troops-abroad/2500/2024"}})j");
    // clang-format on
    CHECK(results[1]["level"] == "warning");
    // clang-format off
    CHECK(results[1]["relatedLocations"][0]["physicalLocation"]["region"].dump() ==
          R"j({"startLine":2,"startColumn":5,"endLine":2,"endColumn":8})j");
    // clang-format on
    CHECK(results[2]["level"] == "note");
    CHECK(results[2]["ruleIndex"] == 3);
    CHECK_FALSE(results[2].contains("partialFingerprints"));  // empty fingerprint
    CHECK_FALSE(results[2].contains("fixes"));
    // clang-format off
    CHECK(results[2]["locations"][0]["physicalLocation"]["region"].dump() ==
          R"j({"startLine":7,"startColumn":15,"endLine":8,"endColumn":4})j");
    // clang-format on
    // clang-format off
    CHECK(results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "notes/a,b:%20c.md");
    // clang-format on
    CHECK(results[3]["fixes"][0]["description"]["text"] == "Remove the text");
}

TEST_CASE("report: sarif paths and unknown rules") {
    finding f;
    f.code = "FL999";
    f.file = "C:\\drafts\\ünï.md";
    f.message = "m";
    finding g = f;
    g.file = "/srv/docs/a b.md";
    g.line = 4;  // a line without a column
    g.end_line = 4;
    const std::vector<finding> v{f, g};
    report_input in;
    in.findings = v;
    std::ostringstream out;
    write_report(output_format::sarif, in, out);
    const auto results = nlohmann::ordered_json::parse(out.str())["runs"][0]["results"];
    CHECK_FALSE(results[0].contains("ruleIndex"));  // not among in.rules
    // clang-format off
    CHECK(results[0]["locations"][0].dump() ==
          R"j({"physicalLocation":{"artifactLocation":{"uri":"file:///C:/drafts/%C3%BCn%C3%AF.md"}}})j");
    // clang-format on
    // clang-format off
    CHECK(results[1]["locations"][0].dump() ==
          R"j({"physicalLocation":{"artifactLocation":{"uri":"file:///srv/docs/a%20b.md"},"region":{"startLine":4,"endLine":4}}})j");
    // clang-format on
}

TEST_CASE("report: an array written element by element is the array dumped whole") {
    // The json and sarif writers build one finding's JSON at a time and put
    // the array where a placeholder stands in the report's skeleton; the
    // text must be what dumping the whole document prints, at any depth
    // and indent, with nested and empty elements and bad UTF-8 in strings.
    using report_detail::array_placeholder;
    using json = nlohmann::ordered_json;
    const std::vector<json> elements{
        json{{"a", 1},
             {"nested", json{{"list", json::array({1, 2, json{{"deep", "x"}}})}, {"empty", json::array()}}}},
        json::array(), json("text \xFF with a bad byte"), json{{"o", json::object()}}, json(2.5)};
    const auto wrapped = [](const json& array, bool placeholder, int depth) {
        json inner = placeholder ? json(array_placeholder) : array;
        for (int d = 1; d < depth; ++d)
            inner = d % 2 == 0 ? json::array({json("before"), inner})
                               : json{{"before", 0}, {"here", inner}, {"after", 1}};
        return json{{"head", "h"}, {"items", inner}, {"tail", json::array({1})}};
    };
    for (const int indent : {-1, 0, 2, 4}) {
        for (int depth = 1; depth <= 4; ++depth) {
            for (const std::size_t count : {std::size_t{0}, std::size_t{1}, elements.size()}) {
                const json whole(std::vector<json>(elements.begin(),
                                                   elements.begin() + static_cast<std::ptrdiff_t>(count)));
                std::ostringstream streamed;
                report_detail::write_json_with_array(streamed, wrapped(whole, true, depth), indent, depth,
                                                     count, [&](std::size_t i) { return elements[i]; });
                INFO("indent " << indent << " depth " << depth << " count " << count);
                CHECK(streamed.str() == report_detail::dump_json(wrapped(whole, false, depth), indent));
            }
        }
    }
}

TEST_CASE("report: json numbers print whole values as integers") {
    using report_detail::json_number;
    CHECK(json_number(2500.0).dump() == "2500");
    CHECK(json_number(8.5e9).dump() == "8500000000");
    CHECK(json_number(-0.0).dump() == "0");
    CHECK(json_number(64.45).dump() == "64.45");
    CHECK(json_number(1e300).dump() == "1e+300");
    CHECK(json_number(infinity).dump() == "null");
    CHECK(json_number(-infinity).dump() == "null");
    CHECK(json_number(std::numeric_limits<double>::quiet_NaN()).dump() == "null");
}

namespace {

// A record over `needle` in `source`, in a sentence that is the whole line.
// Its text views `needle` (a literal: it outlives the record).
claim_record record_at(const std::string& source, std::string_view needle) {
    claim_record r;
    r.span.begin = source.find(needle);
    r.span.end = r.span.begin + needle.size();
    r.text = needle;
    r.sentence.begin = source.rfind('\n', r.span.begin) + 1;
    r.sentence.end = source.find('\n', r.span.begin);
    return r;
}

std::string jsonl(const claim_record& r, const std::string& source) {
    const line_index lines(source);
    std::ostringstream out;
    write_record_jsonl(r, "draft.md", lines, out);
    return out.str();
}

}  // namespace

TEST_CASE("report: extract record of a quantity") {
    const std::string source =
        "# Draft\n"
        "Today the US has about 2,500 U.S. troops in the region, officials said.\n";
    claim_record r = record_at(source, "about 2,500 U.S. troops");
    r.value = 2500;
    r.range = interval::closed(2200, 2800);
    r.hedge = hedge_kind::approximate;
    r.hedge_text = "about";
    r.noun = "U.S. troops";
    r.time = time_span::day(2024, 6, 1);
    r.basis = time_basis::document;
    r.claim_id = "troops-abroad";
    // clang-format off
    CHECK(jsonl(r, source) ==
          R"j({"file":"draft.md","line":2,"column":18,"end_line":2,"end_column":41,)j"
          R"j("text":"about 2,500 U.S. troops","kind":"quantity","value":2500,"low":2200,"high":2800,)j"
          R"j("hedge":"about","unit":"count","noun":"U.S. troops","scale":null,)j"
          R"j("time":{"from":"2024-06-01","to":"2024-06-01","granularity":"day","basis":"document"},)j"
          R"j("sentence":[2,1,2,72],"claim":"troops-abroad"})j"
          "\n");
    // clang-format on
}

TEST_CASE("report: extract record with an open interval, multibyte text and unknown basis") {
    const std::string source = "Für die Stadt: more than $8.5 billion in 2023.\n";
    claim_record r = record_at(source, "more than $8.5 billion");
    r.value = 8.5e9;
    r.range = {8.5e9, infinity, true, false};
    r.hedge = hedge_kind::above;
    r.unit = "currency:USD";
    r.scale = "billion";
    r.time = time_span::year(2023);
    // clang-format off
    CHECK(jsonl(r, source) ==
          R"j({"file":"draft.md","line":1,"column":16,"end_line":1,"end_column":38,)j"
          R"j("text":"more than $8.5 billion","kind":"quantity","value":8500000000,"low":8500000000,"high":null,)j"
          R"j("hedge":"above","unit":"currency:USD","noun":null,"scale":"billion",)j"
          R"j("time":{"from":"2023-01-01","to":"2023-12-31","granularity":"year","basis":null},)j"
          R"j("sentence":[1,1,1,47],"claim":null})j"
          "\n");
    // clang-format on
}

TEST_CASE("report: extract writes strings and numbers as nlohmann's dump prints them") {
    // write_record_jsonl writes its line by hand; each string and number in
    // it must be what dump_json prints for that value: escapes, bytes that
    // are not UTF-8 (replaced), the edges of UTF-8's ranges, numbers whole
    // and not.
    using report_detail::dump_json;
    using report_detail::json_number;
    using json = nlohmann::ordered_json;
    const std::string source = "A line of prose.\n";
    const std::vector<std::string> strings{"plain",
                                           "quote \" and back\\slash",
                                           "tab\tnew\nline\x01\x1f",
                                           "\x7f",
                                           "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
                                           "\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 "
                                           "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF",  // the edges, valid
                                           "\xFF",
                                           "\xC0\x80",
                                           "\xC1\xBF",
                                           "\xE0\x9F\xBF",
                                           "\xED\xA0\x80",
                                           "\xF0\x8F\xBF\xBF",
                                           "\xF4\x90\x80\x80",
                                           "\xF5\x80\x80\x80",
                                           "\x80",
                                           "end \xE2\x82",
                                           "\xC3",
                                           "mixed \xC3\xA9\xFF\"\n"};
    for (const std::string& text : strings) {
        claim_record r = record_at(source, "line");
        r.text = text;
        r.noun = text;
        r.hedge_text = text;
        const std::string line = jsonl(r, source);
        INFO(line);
        CHECK(line.find("\"text\":" + dump_json(json(text)) + ",\"kind\"") != std::string::npos);
        CHECK(line.find("\"noun\":" + dump_json(json(text)) + ",\"scale\"") != std::string::npos);
        CHECK(line.find("\"hedge\":" + dump_json(json(text)) + ",\"unit\"") != std::string::npos);
        CHECK(json::accept(line));
    }
    const std::vector<double> numbers{0.0,
                                      -0.0,
                                      2500.0,
                                      64.45,
                                      -3.25,
                                      8.5e9,
                                      1e300,
                                      -1e300,
                                      1e-7,
                                      0.1,
                                      1.0 / 3,
                                      9007199254740992.0,
                                      9007199254740994.0,
                                      1e15 + 0.5,
                                      infinity,
                                      -infinity,
                                      std::numeric_limits<double>::quiet_NaN()};
    for (const double v : numbers) {
        claim_record r = record_at(source, "line");
        r.value = v;
        const std::string line = jsonl(r, source);
        INFO(line);
        CHECK(line.find("\"value\":" + dump_json(json_number(v)) + ",\"low\"") != std::string::npos);
    }
}

TEST_CASE("report: extract record of a vague reference") {
    const std::string source = "Rents rose recently.\n";
    claim_record vague = record_at(source, "recently");
    vague.kind = record_kind::date;
    vague.basis = time_basis::vague;
    vague.verb_tense = tense::past;
    // clang-format off
    CHECK(jsonl(vague, source) ==
          R"j({"file":"draft.md","line":1,"column":12,"end_line":1,"end_column":20,)j"
          R"j("text":"recently","kind":"date","hedge":null,"noun":null,"scale":null,)j"
          R"j("time":{"from":null,"to":null,"granularity":null,"basis":"vague","reference":"past"},)j"
          R"j("sentence":[1,1,1,21],"claim":null})j"
          "\n");
    // clang-format on
}

TEST_CASE("report: extract records of dates, open periods and changes") {
    const std::string source =
        "It ended in December 2021.\nIt has run since 2019.\nSales fell 64.5% this year.\n";
    claim_record date = record_at(source, "December 2021");
    date.kind = record_kind::date;
    date.time = time_span::month(2021, 12);
    date.basis = time_basis::explicit_;
    // clang-format off
    CHECK(jsonl(date, source) ==
          R"j({"file":"draft.md","line":1,"column":13,"end_line":1,"end_column":26,)j"
          R"j("text":"December 2021","kind":"date","hedge":null,"noun":null,"scale":null,)j"
          R"j("time":{"from":"2021-12-01","to":"2021-12-31","granularity":"month","basis":"explicit"},)j"
          R"j("sentence":[1,1,1,27],"claim":null})j"
          "\n");
    // clang-format on

    claim_record period = record_at(source, "since 2019");
    period.kind = record_kind::period;
    period.time = time_span{time_span::year(2019).from, open_end, granularity::year};
    period.basis = time_basis::explicit_;
    // clang-format off
    CHECK(jsonl(period, source) ==
          R"j({"file":"draft.md","line":2,"column":12,"end_line":2,"end_column":22,)j"
          R"j("text":"since 2019","kind":"period","hedge":null,"noun":null,"scale":null,)j"
          R"j("time":{"from":"2019-01-01","to":null,"granularity":"year","basis":"explicit"},)j"
          R"j("sentence":[2,1,2,23],"claim":null})j"
          "\n");
    // clang-format on

    claim_record change = record_at(source, "fell 64.5%");
    change.kind = record_kind::change;
    change.value = 64.5;
    change.range = interval::closed(64.45, 64.55);
    change.unit = "percent";
    change.time = time_span::year(2024);
    change.basis = time_basis::relative;
    change_info c;
    c.dir = change_info::direction::down;
    c.has_percent = true;
    c.percent_value = 64.5;
    change.change = c;
    // clang-format off
    CHECK(jsonl(change, source) ==
          R"j({"file":"draft.md","line":3,"column":7,"end_line":3,"end_column":17,)j"
          R"j("text":"fell 64.5%","kind":"change","value":64.5,"low":64.45,"high":64.55,)j"
          R"j("hedge":null,"unit":"percent","noun":null,"scale":null,)j"
          R"j("time":{"from":"2024-01-01","to":"2024-12-31","granularity":"year","basis":"relative"},)j"
          R"j("sentence":[3,1,3,28],"claim":null,"change":{"direction":"down","percent":64.5,"points":false}})j"
          "\n");
    // clang-format on
}
