// Writes the SARIF report of the sample findings (tests/unit/report_samples.hpp)
// for tests/validate_sarif.py to check against the OASIS schema.
//   factlint_sarif_sample OUT            the sample findings
//   factlint_sarif_sample OUT --empty    no findings
//   factlint_sarif_sample OUT --broken   the sample, deliberately made invalid,
//                                        to prove the validator rejects it
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "unit/report_samples.hpp"

namespace {

// Mistakes a SARIF writer could make: a level SARIF does not know, a zero
// line, a missing tool name.
std::string broken(const std::string& sarif) {
    auto doc = nlohmann::ordered_json::parse(sarif);
    auto& run = doc["runs"][0];
    run["results"][0]["level"] = "fatal";
    run["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    run["tool"]["driver"].erase("name");
    return doc.dump(2);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: factlint_sarif_sample OUT [--empty|--broken]\n";
        return 2;
    }
    const std::string mode = argc == 3 ? argv[2] : "";
    std::vector<factlint::finding> findings;
    if (mode != "--empty") findings = factlint::samples::report_findings();
    const auto rules = factlint::samples::report_rules();
    const auto in = factlint::samples::report_sample_input(findings, rules);
    std::ostringstream sarif;
    factlint::write_report(factlint::output_format::sarif, in, sarif);
    std::ofstream out(argv[1], std::ios::binary);
    out << (mode == "--broken" ? broken(sarif.str()) : sarif.str());
    return out ? 0 : 1;
}
