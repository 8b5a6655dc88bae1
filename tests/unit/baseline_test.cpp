// Baseline files: parsing with positions, rendering, multiset matching,
// atomic writing, and the `baseline` key of .factlint.toml.
#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/baseline.hpp"
#include "cli/config.hpp"
#include "cli/options.hpp"
#include "growth.hpp"

namespace fs = std::filesystem;
using namespace factlint;
using namespace factlint::cli;

namespace {

finding make_finding(std::string file, std::string code, std::string fingerprint, std::string message,
                     int line) {
    finding f;
    f.file = std::move(file);
    f.code = std::move(code);
    f.fingerprint = std::move(fingerprint);
    f.message = std::move(message);
    f.line = line;
    return f;
}

std::string first_error(const baseline_result& r) {
    return r.errors.empty() ? "" : format_located(r.errors.front());
}

fs::path scratch_dir(const char* name) {
    const fs::path dir =
        fs::temp_directory_path() / ("factlint-baseline-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("baseline: file keys are lexically normalised") {
    CHECK(baseline_file_key("./drafts//a.md") == "drafts/a.md");
    CHECK(baseline_file_key("drafts/x/../a.md") == "drafts/a.md");
    CHECK(baseline_file_key("-") == "-");
    CHECK(baseline_file_key("/abs/a.md") == "/abs/a.md");
}

TEST_CASE("baseline: rendered entries are sorted, one per line, and read back with their lines") {
    const std::vector<finding> findings = {
        make_finding("b.md", "FL101", "ff01", "second file", 9),
        make_finding("./a.md", "FL203", "aa02", "a \"quoted\" message", 3),
        make_finding("a.md", "FL101", "aa01", "first", 7),
    };
    const std::string text = render_baseline(baseline_entries(findings));
    CHECK(text ==
          "{\n  \"version\": 1,\n  \"entries\": [\n"
          "    {\"file\":\"a.md\",\"code\":\"FL101\",\"fingerprint\":\"aa01\",\"message\":\"first\"},\n"
          "    {\"file\":\"a.md\",\"code\":\"FL203\",\"fingerprint\":\"aa02\",\"message\":\"a \\\"quoted\\\" "
          "message\"},\n"
          "    {\"file\":\"b.md\",\"code\":\"FL101\",\"fingerprint\":\"ff01\",\"message\":\"second file\"}\n"
          "  ]\n}\n");
    const baseline_result r = parse_baseline("base.json", text);
    REQUIRE(r.errors.empty());
    REQUIRE(r.value.entries.size() == 3);
    CHECK(r.value.entries[1].code == "FL203");
    CHECK(r.value.entries[1].message == "a \"quoted\" message");
    CHECK(r.value.entries[0].line == 4);
    CHECK(r.value.entries[0].column == 5);
    CHECK(r.value.entries[2].line == 6);
    CHECK(render_baseline({}) == "{\n  \"version\": 1,\n  \"entries\": []\n}\n");
    CHECK(parse_baseline("empty.json", render_baseline({})).errors.empty());
}

TEST_CASE("baseline: malformed files are errors with a line and column") {
    CHECK(first_error(parse_baseline("b.json", "{\n  \"version\": 1,\n  \"entries\": [\n    {\"file\": }\n"))
              .starts_with("b.json:4:14: error: invalid baseline JSON: "));
    CHECK(first_error(parse_baseline("b.json", "")).starts_with("b.json:1:1: error: invalid baseline JSON"));
    CHECK(first_error(parse_baseline("b.json", "[1, 2]")) ==
          "b.json:1:1: error: a baseline must be a JSON object with \"version\" and \"entries\"");
    CHECK(first_error(parse_baseline("b.json", "{\n  \"version\": 2,\n  \"entries\": []\n}")) ==
          "b.json:2:3: error: unsupported baseline version 2 (expected 1)");
    CHECK(first_error(parse_baseline("b.json", "{\"version\": 1}")) ==
          "b.json:1:1: error: missing \"entries\"");
    CHECK(first_error(parse_baseline("b.json", "{\"version\": 1, \"entries\": {}}")) ==
          "b.json:1:16: error: \"entries\" must be an array");
    const std::string missing =
        "{\"version\": 1, \"entries\": [\n  {\"file\": \"a.md\", \"code\": \"FL101\"}\n]}";
    CHECK(first_error(parse_baseline("b.json", missing)) ==
          "b.json:2:3: error: entry 1: missing \"fingerprint\"");
    const std::string wrong =
        "{\"version\": 1, \"entries\": [\n  {\"file\": \"a.md\", \"code\": 101, \"fingerprint\": \"x\", "
        "\"line\": \"3\"}\n]}";
    const baseline_result r = parse_baseline("b.json", wrong);
    REQUIRE(r.errors.size() == 2);
    CHECK(format_located(r.errors[0]) == "b.json:2:3: error: entry 1: \"code\" must be a string");
    CHECK(format_located(r.errors[1]) == "b.json:2:3: error: entry 1: unknown key \"line\"");
    CHECK(first_error(parse_baseline("b.json", "{\"version\": 1, \"entries\": [], \"extra\": 0}")) ==
          "b.json:1:31: error: unknown key \"extra\" in a baseline");
    CHECK(first_error(load_baseline("/nonexistent/factlint/base.json"))
              .starts_with("/nonexistent/factlint/base.json:1:1: error: cannot read baseline: "));
}

TEST_CASE("baseline: a long baseline is read in linear time, each entry at its line") {
    // Each entry's position was counted from the start of the file: 20,000
    // entries took 29 s. Entry i is on line 4 + i; one in the middle has a
    // number for its code, and its error names that line.
    const auto text_of = [](std::size_t n, std::size_t bad) {
        std::string t = "{\n  \"version\": 1,\n  \"entries\": [";
        for (std::size_t i = 0; i < n; ++i) {
            t += i == 0 ? "\n    " : ",\n    ";
            t += "{\"file\": \"\u00e9.md\", \"code\": " + std::string(i == bad ? "101" : "\"FL101\"") +
                 ", \"fingerprint\": \"" + std::to_string(i) + "\"}";
        }
        return t + "\n  ]\n}\n";
    };
    const baseline_result r = parse_baseline("b.json", text_of(3000, 1500));
    REQUIRE(r.errors.size() == 1);
    CHECK(format_located(r.errors[0]) == "b.json:1504:5: error: entry 1501: \"code\" must be a string");
    REQUIRE(r.value.entries.size() == 2999);
    bool lines_right = true;
    for (std::size_t i = 0; i < r.value.entries.size(); ++i) {
        const std::size_t entry = i < 1500 ? i : i + 1;
        lines_right = lines_right && r.value.entries[i].line == static_cast<int>(4 + entry) &&
                      r.value.entries[i].column == 5;
    }
    CHECK(lines_right);
    const double ratio = testing::growth_ratio(
        [&](std::size_t n) { CHECK(parse_baseline("b.json", text_of(n, n)).errors.empty()); }, 1000, 4000);
    CHECK(ratio < 10.0);  // about 4 if linear, 16 if quadratic
}

TEST_CASE("baseline: matching is a multiset keyed by file, code and fingerprint, never the line") {
    baseline b;
    b.entries = baseline_entries({make_finding("a.md", "FL101", "f1", "old message", 3),
                                  make_finding("a.md", "FL201", "f2", "x", 5),
                                  make_finding("gone.md", "FL101", "f3", "y", 1)});
    std::vector<finding> now = {
        make_finding("./a.md", "FL101", "f1", "moved down", 40),  // same key, another line: hidden
        make_finding("a.md", "FL101", "f1", "moved down", 41),    // a second copy needs a second entry
        make_finding("a.md", "FL101", "f9", "a new value", 42),   // new fingerprint: shown
        make_finding("b.md", "FL201", "f2", "x", 5),              // other file: shown
    };
    baseline_match m = apply_baseline(now, b);
    REQUIRE(m.hidden.size() == 1);
    CHECK(m.hidden[0].line == 40);
    REQUIRE(m.kept.size() == 3);
    CHECK(m.kept[0].line == 41);
    CHECK(m.kept[1].fingerprint == "f9");
    REQUIRE(m.stale.size() == 2);  // a.md FL201 and gone.md
    CHECK(b.entries[m.stale[0]].code == "FL201");
    CHECK(b.entries[m.stale[1]].file == "gone.md");
    CHECK(m.out_of_scope.empty());

    b.entries.push_back(b.entries[0]);  // two entries hide both copies
    m = apply_baseline(now, b);
    CHECK(m.hidden.size() == 2);
    CHECK(m.kept.size() == 2);

    // A run that did not check gone.md cannot call its entry stale.
    m = apply_baseline(now, b, [](const baseline_entry& e) { return e.file != "gone.md"; });
    CHECK(m.stale.size() == 1);
    REQUIRE(m.out_of_scope.size() == 1);
    CHECK(b.entries[m.out_of_scope[0]].file == "gone.md");
}

TEST_CASE("baseline: written atomically, no temporary file left behind") {
    const fs::path dir = scratch_dir("write");
    const std::string path = (dir / "base.json").string();
    {
        std::ofstream old(path);
        old << "old";
    }
    REQUIRE_FALSE(write_file_atomically(path, "new content\n").has_value());
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "new content\n");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
    const auto error = write_file_atomically((dir / "no-such-dir" / "base.json").string(), "x");
    REQUIRE(error.has_value());
    CHECK(*error == "No such file or directory");
    fs::remove_all(dir.parent_path());
}

TEST_CASE("baseline: the config key is a path relative to the config file") {
    const std::vector<std::string> known = {"FL101"};
    config_result r =
        parse_config("/repo/.factlint.toml", "/repo", "baseline = \"ci/baseline.json\"\n", known);
    REQUIRE(r.errors.empty());
    REQUIRE(r.value.baseline.has_value());
    CHECK(fs::path(*r.value.baseline).is_absolute() == fs::path("/repo/ci/baseline.json").is_absolute());
    CHECK(fs::path(*r.value.baseline).filename() == "baseline.json");
    r = parse_config("c.toml", "/repo", "baseline = 3\n", known);
    REQUIRE(r.errors.size() == 1);
    CHECK(format_located(r.errors[0]) == "c.toml:1:12: error: \"baseline\" must be a string, not an integer");
    r = parse_config("c.toml", "/repo", "\nbaseline = \"\"\n", known);
    REQUIRE(r.errors.size() == 1);
    CHECK(format_located(r.errors[0]) == "c.toml:2:12: error: \"baseline\" must name a file, not be empty");
}

TEST_CASE("baseline: --baseline replaces the config's, --no-baseline drops it") {
    config cfg;
    cfg.baseline = "ci/base.json";
    command_line cl;
    cl.paths = {"a.md"};
    CHECK(merge_settings(cl, &cfg, {}, 1).value.baseline == std::optional<std::string>("ci/base.json"));
    cl.baseline = "other.json";
    cl.write_baseline = "new.json";
    const settings s = merge_settings(cl, &cfg, {}, 1).value;
    CHECK(s.baseline == std::optional<std::string>("other.json"));
    CHECK(s.write_baseline == std::optional<std::string>("new.json"));
    cl.baseline.reset();
    cl.no_baseline = true;
    CHECK_FALSE(merge_settings(cl, &cfg, {}, 1).value.baseline.has_value());
}
