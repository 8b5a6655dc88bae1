// The json format (SPEC §8): one document with every finding and a summary.
#include "report/detail.hpp"

namespace factlint::report_detail {
namespace {

using json = nlohmann::ordered_json;

json related_json(const related_location& r) {
    json j;
    j["file"] = r.file;
    j["line"] = r.line;
    if (r.column > 0) j["column"] = r.column;
    if (r.end_line > 0) j["end_line"] = r.end_line;
    if (r.end_line > 0 && r.end_column > 0) j["end_column"] = r.end_column;
    j["message"] = r.message;
    return j;
}

json finding_json(const finding& f) {
    json j;
    j["code"] = f.code;
    j["name"] = f.name;
    j["severity"] = severity_name(f.level);
    j["file"] = f.file;
    j["line"] = f.line;
    j["column"] = f.column;
    j["end_line"] = f.end_line;
    j["end_column"] = f.end_column;
    j["message"] = f.message;
    j["notes"] = f.notes;
    j["related"] = json::array();
    for (const related_location& r : f.related) j["related"].push_back(related_json(r));
    j["fix"] = f.fix ? json{{"replacement", *f.fix}} : json(nullptr);
    j["fingerprint"] = f.fingerprint;
    return j;
}

}  // namespace

void write_json(const report_input& in, std::ostream& out) {
    json doc;
    doc["version"] = 1;
    doc["findings"] = array_placeholder;
    const run_summary& s = in.summary;
    doc["summary"] = json{{"files", s.files},       {"claims", s.claims}, {"errors", s.errors},
                          {"warnings", s.warnings}, {"infos", s.infos},   {"skipped", s.skipped}};
    write_json_with_array(out, doc, -1, 1, in.findings.size(),
                          [&](std::size_t i) { return finding_json(in.findings[i]); });
    out << '\n';
}

}  // namespace factlint::report_detail
