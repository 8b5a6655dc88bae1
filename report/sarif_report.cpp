// The sarif format (SPEC §8): SARIF 2.1.0, one run, for code-scanning tools.
// Columns are counted in Unicode code points (run.columnKind says so) and
// endColumn is exclusive, as SARIF defines it.
#include <cstdio>
#include <string>

#include "report/detail.hpp"

namespace factlint::report_detail {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view sarif_level(severity s) {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::info: return "note";
    }
    return "warning";
}

bool uri_safe(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
}

// A path as a URI reference: forward slashes, everything else that a URI
// may not hold percent-encoded ("my draft.md" -> "my%20draft.md").
std::string path_to_uri(std::string_view path) {
    std::string uri;
    for (char ch : path) {
        const auto c = static_cast<unsigned char>(ch == '\\' ? '/' : ch);
        if (uri_safe(c)) {
            uri += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            uri += buf;
        }
    }
    return uri;
}

bool absolute_path(std::string_view path) {
    return (!path.empty() && (path[0] == '/' || path[0] == '\\')) ||
           (path.size() > 2 && path[1] == ':' && (path[2] == '/' || path[2] == '\\'));
}

// Relative paths resolve against %SRCROOT% (the checkout, for CI uploads);
// absolute paths become file: URIs.
json artifact_location(const std::string& file) {
    if (absolute_path(file)) {
        std::string uri = path_to_uri(file);
        return json{{"uri", (uri[0] == '/' ? "file://" : "file:///") + uri}};
    }
    return json{{"uri", path_to_uri(file)}, {"uriBaseId", "%SRCROOT%"}};
}

// SARIF requires line and column numbers >= 1; unknown parts are left out.
json region(int line, int column, int end_line, int end_column) {
    json r;
    r["startLine"] = line;
    if (column > 0) r["startColumn"] = column;
    if (end_line >= line) {
        r["endLine"] = end_line;
        if (column > 0 && end_column > 0 && (end_line > line || end_column >= column))
            r["endColumn"] = end_column;
    }
    return r;
}

json physical_location(const std::string& file, int line, int column, int end_line, int end_column) {
    json p;
    p["artifactLocation"] = artifact_location(file);
    if (line > 0) p["region"] = region(line, column, end_line, end_column);
    return p;
}

json rule_json(const rule_description& r, const report_input& in) {
    json j;
    j["id"] = r.code;
    j["name"] = r.name;
    j["shortDescription"] = json{{"text", r.summary}};
    if (!in.help_uri_base.empty()) j["helpUri"] = in.help_uri_base + r.code + ".md";
    j["defaultConfiguration"] = json{{"level", sarif_level(r.level)}};
    return j;
}

json fix_json(const finding& f) {
    json replacement;
    replacement["deletedRegion"] = region(f.line, f.column, f.end_line, f.end_column);
    replacement["insertedContent"] = json{{"text", *f.fix}};
    json change;
    change["artifactLocation"] = artifact_location(f.file);
    change["replacements"] = json::array({replacement});
    json fix;
    fix["description"] =
        json{{"text", f.fix->empty() ? std::string("Remove the text") : "Replace with \"" + *f.fix + "\""}};
    fix["artifactChanges"] = json::array({change});
    return fix;
}

std::optional<std::size_t> rule_index(const report_input& in, const std::string& code) {
    for (std::size_t i = 0; i < in.rules.size(); ++i)
        if (in.rules[i].code == code) return i;
    return std::nullopt;
}

json result_json(const finding& f, const report_input& in) {
    json j;
    j["ruleId"] = f.code;
    if (auto index = rule_index(in, f.code)) j["ruleIndex"] = *index;
    j["level"] = sarif_level(f.level);
    j["message"] = json{{"text", f.message}};
    j["locations"] = json::array(
        {json{{"physicalLocation", physical_location(f.file, f.line, f.column, f.end_line, f.end_column)}}});
    if (!f.related.empty()) {
        json related = json::array();
        for (std::size_t i = 0; i < f.related.size(); ++i) {
            const related_location& r = f.related[i];
            json loc;
            loc["id"] = i;
            loc["physicalLocation"] = physical_location(r.file, r.line, r.column, r.end_line, r.end_column);
            if (!r.message.empty()) loc["message"] = json{{"text", r.message}};
            related.push_back(loc);
        }
        j["relatedLocations"] = related;
    }
    if (f.fix && f.line > 0) j["fixes"] = json::array({fix_json(f)});
    if (!f.fingerprint.empty()) j["partialFingerprints"] = json{{"factlint/v1", f.fingerprint}};
    return j;
}

}  // namespace

void write_sarif(const report_input& in, std::ostream& out) {
    json driver;
    driver["name"] = "factlint";
    if (!in.version.empty()) driver["version"] = in.version;
    if (!in.information_uri.empty()) driver["informationUri"] = in.information_uri;
    driver["rules"] = json::array();
    for (const rule_description& r : in.rules) driver["rules"].push_back(rule_json(r, in));

    json run;
    run["tool"] = json{{"driver", driver}};
    run["invocations"] = json::array({json{{"executionSuccessful", true}}});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = array_placeholder;

    json doc;
    doc["$schema"] = schema_uri;
    doc["version"] = "2.1.0";
    doc["runs"] = json::array({run});
    write_json_with_array(out, doc, 2, 3, in.findings.size(),
                          [&](std::size_t i) { return result_json(in.findings[i], in); });
    out << '\n';
}

}  // namespace factlint::report_detail
