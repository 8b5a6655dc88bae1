// factlint_conformance: measures the quantity and time grammars against
// third-party suites, prints a score table, writes failure lists, and fails
// when a score drops below its recorded floor.
//
//   factlint_conformance [--shared DIR] [--floors FILE] [--failures DIR] [--markdown]
//
// Exit codes: 0 all floors held, 1 a floor broken or the data unreadable,
// 77 the suites are absent (ctest reports the test as skipped).
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/conformance/recognizers.hpp"
#include "tests/conformance/tempeval.hpp"

namespace fs = std::filesystem;
using namespace factlint::conformance;

namespace {

constexpr int skip_code = 77;

struct options {
    fs::path shared = FACTLINT_SHARED_DIR;
    fs::path floors = FACTLINT_CONFORMANCE_FLOORS;
    fs::path failures = "/tmp/conformance";
    bool markdown = false;  // also print the tables docs/conformance.md quotes
};

options parse_options(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--markdown") {
            o.markdown = true;
            continue;
        }
        if (i + 1 >= argc) throw std::runtime_error("option " + flag + " needs a value");
        ++i;
        if (flag == "--shared")
            o.shared = argv[i];
        else if (flag == "--floors")
            o.floors = argv[i];
        else if (flag == "--failures")
            o.failures = argv[i];
        else
            throw std::runtime_error("unknown option " + flag);
    }
    return o;
}

std::vector<suite_score> run_all(const fs::path& conformance) {
    const fs::path rt = conformance / "recognizers-text";
    std::vector<suite_score> scores;
    scores.push_back(run_number_model(rt / "Number/English/NumberModel.json"));
    scores.push_back(run_percent_model(rt / "Number/English/PercentModel.json"));
    scores.push_back(run_currency_model(rt / "NumberWithUnit/English/CurrencyModel.json"));
    scores.push_back(run_dimension_model(rt / "NumberWithUnit/English/DimensionModel.json"));
    scores.push_back(
        run_date_extractor(rt / "DateTime/English/DateExtractor.json", "recognizers.date_extractor"));
    scores.push_back(run_date_extractor(rt / "DateTime/English/DatePeriodExtractor.json",
                                        "recognizers.dateperiod_extractor"));
    scores.push_back(run_datetime_model(rt / "DateTime/English/DateTimeModel.json"));
    for (auto& s : run_tempeval(conformance / "tempeval3/train/TBAQ-cleaned")) scores.push_back(std::move(s));
    return scores;
}

// All Recognizers rows pooled: the figure the 90% target is about.
suite_score pooled_recognizers(const std::vector<suite_score>& scores) {
    suite_score all;
    all.name = "recognizers.all";
    for (const auto& s : scores)
        if (s.name.starts_with("recognizers.")) {
            all.in_scope += s.in_scope;
            all.right += s.right;
            all.all_cases += s.all_cases;
            all.all_right += s.all_right;
            for (const auto& [k, n] : s.excluded) all.excluded[k] += n;
        }
    return all;
}

void print_table(const std::vector<suite_score>& scores) {
    std::printf("%-36s %9s %7s %8s %16s  %s\n", "suite", "in scope", "right", "share", "all cases right",
                "excluded (category: cases)");
    for (const auto& s : scores) {
        int excluded = 0;
        std::string detail;
        for (const auto& [k, n] : s.excluded) {
            excluded += n;
            detail += (detail.empty() ? "" : ", ") + k + ": " + std::to_string(n);
        }
        std::printf("%-36s %9d %7d %7.1f%% %9d/%-6d  %d%s%s\n", s.name.c_str(), s.in_scope, s.right,
                    100 * s.share(), s.all_right, s.all_cases, excluded, detail.empty() ? "" : " — ",
                    detail.c_str());
    }
    for (const auto& s : scores)
        if (!s.note.empty()) std::printf("\n%s\n", s.note.c_str());
}

// The score table and, per suite, the excluded cases by category, as Markdown.
void print_markdown(const std::vector<suite_score>& scores) {
    std::printf(
        "\n| suite | in scope | right | share | excluded | all cases (scope ignored) | right | share |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const auto& s : scores) {
        int excluded = 0;
        for (const auto& [k, n] : s.excluded) excluded += n;
        const double all_share = s.all_cases == 0 ? 0.0 : 100.0 * s.all_right / s.all_cases;
        std::printf("| %s | %d | %d | %.1f%% | %d | %d | %d | %.1f%% |\n", s.name.c_str(), s.in_scope,
                    s.right, 100 * s.share(), excluded, s.all_cases, s.all_right, all_share);
    }
    std::map<std::string, std::map<std::string, int>> by_category;
    for (const auto& s : scores)
        if (s.name != "recognizers.all")
            for (const auto& [k, n] : s.excluded) by_category[k][s.name] = n;
    std::printf("\n| category | cases excluded (per suite) |\n|---|---|\n");
    for (const auto& [k, per_suite] : by_category) {
        std::string cells;
        for (const auto& [suite, n] : per_suite)
            cells +=
                (cells.empty() ? "" : ", ") + suite.substr(suite.find('.') + 1) + " " + std::to_string(n);
        std::printf("| `%s` | %s |\n", k.c_str(), cells.c_str());
    }
}

struct floor_line {
    double share = 0;
    int min_in_scope = 0;  // so a score cannot be held up by excluding more cases
};

// floors.txt: "<suite> <share floor> <minimum in-scope cases>", '#' comments.
std::map<std::string, floor_line> read_floors(const fs::path& p) {
    std::map<std::string, floor_line> floors;
    std::ifstream in(p);
    if (!in) throw std::runtime_error("cannot read floors file " + p.string());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string name;
        floor_line f;
        if (words >> name >> f.share >> f.min_in_scope) floors[name] = f;
    }
    return floors;
}

int check_floors(const std::vector<suite_score>& scores, const std::map<std::string, floor_line>& floors) {
    int broken = 0;
    for (const auto& [name, f] : floors) {
        const suite_score* s = nullptr;
        for (const auto& x : scores)
            if (x.name == name) s = &x;
        if (!s) {
            std::printf("FLOOR %s: no such suite\n", name.c_str());
            ++broken;
        } else if (s->share() + 1e-12 < f.share || s->in_scope < f.min_in_scope) {
            std::printf("FLOOR BROKEN %s: %.4f (%d in scope), floor %.4f (at least %d in scope)\n",
                        name.c_str(), s->share(), s->in_scope, f.share, f.min_in_scope);
            ++broken;
        }
    }
    return broken;
}

}  // namespace

int main(int argc, char** argv) try {
    const options o = parse_options(argc, argv);
    const fs::path conformance = o.shared / "conformance";
    if (!fs::is_directory(conformance)) {
        std::printf("SKIP: %s is absent; the conformance suites live beside the repository in ../shared\n",
                    conformance.string().c_str());
        return skip_code;
    }
    const auto started = std::chrono::steady_clock::now();
    auto scores = run_all(conformance);
    scores.push_back(pooled_recognizers(scores));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    print_table(scores);
    if (o.markdown) print_markdown(scores);
    for (const auto& s : scores)
        if (!s.failures.empty() || s.in_scope > 0) write_failures(o.failures, s);
    std::printf("\nfailure lists: %s/<suite>.txt; measured in %.2f s\n", o.failures.string().c_str(),
                seconds);
    const int broken = check_floors(scores, read_floors(o.floors));
    if (broken > 0) return 1;
    std::printf("all floors held (%s)\n", o.floors.string().c_str());
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "factlint_conformance: %s\n", e.what());
    return 1;
}
