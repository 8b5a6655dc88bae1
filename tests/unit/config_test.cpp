// The pure parts of the command line: .factlint.toml, globs, file walking,
// option merging, the job pool.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "checker/parallel.hpp"
#include "claims/file_bytes.hpp"
#include "cli/config.hpp"
#include "cli/glob.hpp"
#include "cli/options.hpp"
#include "cli/walk.hpp"
#include "growth.hpp"

namespace fs = std::filesystem;
using namespace factlint;
using namespace factlint::cli;

namespace {

const std::vector<std::string> known = {"FL101", "FL102", "FL104", "FL201", "FL203", "FL301"};

config_result parse(std::string_view text) { return parse_config(".factlint.toml", "/repo", text, known); }

// The single error of `text`, as the command line would print it.
std::string only_error(std::string_view text) {
    const config_result r = parse(text);
    REQUIRE(r.errors.size() == 1);
    return format_located(r.errors.front());
}

// A fresh directory under the system temp dir, removed afterwards.
struct temp_dir {
    fs::path path;
    temp_dir() {
        std::random_device rd;
        path =
            fs::temp_directory_path() / ("factlint-cli-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const std::string& rel, const std::string& content = "text\n") const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << content;
    }
    [[nodiscard]] std::string str() const { return path.generic_string(); }
};

std::vector<std::string> strip_prefix(std::vector<std::string> files, const std::string& prefix) {
    for (std::string& f : files)
        if (f.starts_with(prefix)) f = f.substr(prefix.size());
    return files;
}

}  // namespace

TEST_CASE("cli: config: a file using every key") {
    const config_result r = parse(R"(
claims = ["facts/", "/abs/more.claims"]
as_of = "2024-06"
format = "json"
select = ["FL1", "FL201"]
ignore = "FL104,fl3"
jobs = 3
fail_on = "warning"
hedge_tolerance = 0.2
exclude = ["drafts/archive/**", "*.tmp.md"]
inline_ignores = false

[rules.FL104]
severity = "error"

[rules.FL301]
severity = "off"
)");
    REQUIRE(r.errors.empty());
    const config& c = r.value;
    REQUIRE(c.claims.has_value());
    REQUIRE(c.claims->size() == 2);
    CHECK(c.claims->at(0).ends_with("/repo/facts"));
    CHECK(c.claims->at(1) == "/abs/more.claims");
    REQUIRE(c.as_of.has_value());
    CHECK(*c.as_of == time_span::month(2024, 6));
    CHECK(c.format == output_format::json);
    CHECK(c.select == std::vector<std::string>{"FL1", "FL201"});
    CHECK(c.ignore == std::vector<std::string>{"FL104", "FL3"});
    CHECK(c.jobs == 3u);
    CHECK(c.fail_on == fail_level::warning);
    CHECK(c.hedge_tolerance == doctest::Approx(0.2));
    CHECK(c.exclude == std::vector<std::string>{"drafts/archive/**", "*.tmp.md"});
    CHECK(c.inline_ignores == false);
    CHECK(c.severity_overrides.at("FL104") == severity::error);
    CHECK(c.disabled_rules == std::vector<std::string>{"FL301"});
}

TEST_CASE("cli: config: relative claims paths are resolved against the config's directory") {
    const config_result r =
        parse_config("/repo/sub/.factlint.toml", "/repo/sub", "claims = [\"facts\"]\n", known);
    REQUIRE(r.errors.empty());
    CHECK(r.value.claims->at(0) == "/repo/sub/facts");  // cwd is not under /repo
}

TEST_CASE("cli: config: as_of accepts a TOML date") {
    const config_result r = parse("as_of = 2024-06-15\n");
    REQUIRE(r.errors.empty());
    CHECK(*r.value.as_of == time_span::day(2024, 6, 15));
}

TEST_CASE("cli: config: an empty file is valid and sets nothing") {
    const config_result r = parse("# nothing here\n");
    CHECK(r.errors.empty());
    CHECK_FALSE(r.value.claims.has_value());
    CHECK_FALSE(r.value.format.has_value());
}

TEST_CASE("cli: config: unknown key, with its position") {
    CHECK(only_error("format = \"text\"\n  foo = 1\n") ==
          ".factlint.toml:2:3: error: unknown key \"foo\" in .factlint.toml");
}

TEST_CASE("cli: config: unknown key inside a rule table") {
    CHECK(only_error("[rules.FL104]\nlevel = \"error\"\n") ==
          ".factlint.toml:2:1: error: unknown key \"level\" in [rules.FL104]");
}

TEST_CASE("cli: config: unknown rule code in a rules table") {
    CHECK(only_error("[rules.FL999]\nseverity = \"error\"\n") ==
          ".factlint.toml:1:8: error: unknown rule code \"FL999\" in .factlint.toml");
}

TEST_CASE("cli: config: unknown rule code in select and ignore") {
    CHECK(only_error("select = [\"FL101\", \"XY1\"]\n") ==
          ".factlint.toml:1:10: error: unknown rule code \"XY1\" in \"select\"");
    CHECK(only_error("ignore = \"FL9\"\n") ==
          ".factlint.toml:1:10: error: unknown rule code \"FL9\" in \"ignore\"");
}

TEST_CASE("cli: config: wrong types") {
    CHECK(only_error("jobs = \"four\"\n") ==
          ".factlint.toml:1:8: error: \"jobs\" must be an integer, not a string");
    CHECK(only_error("claims = \"facts\"\n") ==
          ".factlint.toml:1:10: error: \"claims\" must be an array of strings, not a string");
    CHECK(only_error("exclude = [\"a\", 3]\n") ==
          ".factlint.toml:1:17: error: \"exclude\" must hold strings, not an integer");
    CHECK(only_error("inline_ignores = \"no\"\n") ==
          ".factlint.toml:1:18: error: \"inline_ignores\" must be true or false, not a string");
    CHECK(only_error("hedge_tolerance = \"10%\"\n") ==
          ".factlint.toml:1:19: error: \"hedge_tolerance\" must be a number, not a string");
    CHECK(only_error("rules = 1\n") ==
          ".factlint.toml:1:9: error: \"rules\" must be a table ([rules.FL101]), not an integer");
}

TEST_CASE("cli: config: bad values") {
    CHECK(
        only_error("fail_on = \"fatal\"\n") ==
        ".factlint.toml:1:11: error: \"fail_on\" must be one of \"error\", \"warning\", \"info\", \"never\", "
        "not \"fatal\"");
    CHECK(only_error("format = \"xml\"\n") ==
          ".factlint.toml:1:10: error: \"format\" must be one of \"text\", \"json\", \"sarif\", \"github\", "
          "\"gcc\", not \"xml\"");
    CHECK(only_error("hedge_tolerance = 1.5\n") ==
          ".factlint.toml:1:19: error: \"hedge_tolerance\" must be between 0 and 1, not 1.5");
    CHECK(only_error("jobs = -1\n") ==
          ".factlint.toml:1:8: error: \"jobs\" must be between 0 (all cores) and 4096, not -1");
    CHECK(only_error("as_of = \"2024-13\"\n") ==
          ".factlint.toml:1:9: error: invalid date \"2024-13\" for \"as_of\" (expected 2024, 2024-06 or "
          "2024-06-15)");
    CHECK(
        only_error("[rules.FL104]\nseverity = \"loud\"\n") ==
        ".factlint.toml:2:12: error: \"severity\" must be one of \"error\", \"warning\", \"info\", \"off\", "
        "not \"loud\"");
}

TEST_CASE("cli: config: every error is reported, not just the first") {
    const config_result r = parse("foo = 1\nbar = 2\njobs = true\n");
    CHECK(r.errors.size() == 3);
}

TEST_CASE("cli: config: TOML syntax errors carry their position") {
    const config_result r = parse("format = \"text\"\nselect = [\"FL1\"\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors.front().file == ".factlint.toml");
    MESSAGE(format_located(r.errors.front()));
    CHECK(r.errors.front().line == 2);
    CHECK(r.errors.front().column > 1);
    CHECK_FALSE(r.errors.front().message.empty());
}

TEST_CASE("cli: config: found by walking up, not down") {
    temp_dir root;
    root.write(".factlint.toml", "jobs = 1\n");
    fs::create_directories(root.path / "a" / "b");
    const auto found = find_config(root.path / "a" / "b");
    REQUIRE(found.has_value());
    CHECK(fs::equivalent(*found, root.path / ".factlint.toml"));

    temp_dir other;
    other.write("sub/.factlint.toml", "jobs = 1\n");
    const auto none = find_config(other.path);
    if (none) CHECK_FALSE(fs::equivalent(*none, other.path / "sub" / ".factlint.toml"));
}

TEST_CASE("cli: config: an unreadable config file is an error") {
    temp_dir root;
    const config_result r = load_config(root.path / "missing.toml", known);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors.front().message == "cannot read config file");
}

TEST_CASE("cli: code lists: codes, prefixes, case and unknown entries") {
    std::vector<std::string> unknown;
    CHECK(parse_code_list("FL101, fl2 ,,FL3", known, unknown) ==
          std::vector<std::string>{"FL101", "FL2", "FL3"});
    CHECK(unknown.empty());
    CHECK(parse_code_list("FL1011,ZZ", known, unknown).empty());
    CHECK(unknown == std::vector<std::string>{"FL1011", "ZZ"});
}

TEST_CASE("cli: glob: star, question mark and double star") {
    CHECK(glob_match("*.md", "a.md"));
    CHECK_FALSE(glob_match("*.md", "d/a.md"));
    CHECK(glob_match("*.tmp.md", "draft.tmp.md"));
    CHECK_FALSE(glob_match("*.tmp.md", "draft.md"));
    CHECK(glob_match("a?c.md", "abc.md"));
    CHECK_FALSE(glob_match("a?c.md", "ac.md"));
    CHECK(glob_match("drafts/archive/**", "drafts/archive/a.md"));
    CHECK(glob_match("drafts/archive/**", "drafts/archive/2019/b.md"));
    CHECK_FALSE(glob_match("drafts/archive/**", "drafts/current/a.md"));
    CHECK(glob_match("**/x.md", "x.md"));
    CHECK(glob_match("**/x.md", "a/b/x.md"));
    CHECK(glob_match("a/**/z.md", "a/z.md"));
    CHECK(glob_match("a/**/z.md", "a/b/c/z.md"));
    CHECK_FALSE(glob_match("a/**/z.md", "b/z.md"));
    CHECK(glob_match("*", "anything"));
    CHECK(glob_match("**", "a/b/c"));
    CHECK_FALSE(glob_match("", "a"));
}

TEST_CASE("cli: glob: pathological patterns finish quickly") {
    const std::string path(200, 'a');
    CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*b", path));
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "d/";
    CHECK_FALSE(glob_match("**/**/**/**/**/**/x", deep + "y"));
}

TEST_CASE("cli: exclude: a pattern without a slash matches the file name anywhere") {
    CHECK(exclude_matches("*.tmp.md", "drafts/x.tmp.md"));
    CHECK(exclude_matches("*.tmp.md", "./x.tmp.md"));
    CHECK_FALSE(exclude_matches("drafts/*.md", "other/drafts/a.md"));
    CHECK(exclude_matches("/drafts/*.md", "drafts/a.md"));
}

TEST_CASE("cli: walk: recursive, sorted, by extension, hidden entries skipped") {
    temp_dir t;
    t.write("b.md");
    t.write("a.txt");
    t.write("c.markdown");
    t.write("notes.html");
    t.write("sub/z.md");
    t.write("sub/deeper/y.md");
    t.write(".git/ignored.md");
    t.write(".hidden.md");
    const walk_result r = collect_files({t.str()}, walk_options{});
    CHECK(r.errors.empty());
    CHECK(strip_prefix(r.files, t.str() + "/") ==
          std::vector<std::string>{"a.txt", "b.md", "c.markdown", "sub/deeper/y.md", "sub/z.md"});
}

TEST_CASE("cli: walk: extensions as std::filesystem reads them") {
    // The walk reads a name's extension from a view of the name, not
    // through fs::path::extension(); the expected list is made with that.
    const std::vector<std::string> names = {"a.b.md",   "x.md.txt",   "plain", "trail.", "md",    "a..md",
                                            "UPPER.MD", "c.markdown", "d.md.", "e.txtx", "f. md", "g.md"};
    temp_dir t;
    for (const std::string& n : names) t.write(n);
    const walk_options options;
    std::vector<std::string> expected;
    for (const std::string& n : names) {
        const std::string ext = fs::path(n).extension().string();
        if (std::find(options.extensions.begin(), options.extensions.end(), ext) != options.extensions.end())
            expected.push_back(n);
    }
    std::sort(expected.begin(), expected.end());
    const walk_result r = collect_files({t.str()}, options);
    CHECK(r.errors.empty());
    CHECK(strip_prefix(r.files, t.str() + "/") == expected);
    CHECK(expected.size() == 5);  // a..md, a.b.md, c.markdown, g.md, x.md.txt
}

TEST_CASE("cli: walk: a file named explicitly is taken whatever its extension, once") {
    temp_dir t;
    t.write("notes.html");
    t.write("a.md");
    const walk_result r =
        collect_files({t.str() + "/notes.html", t.str(), t.str() + "/a.md", "-"}, walk_options{});
    CHECK(strip_prefix(r.files, t.str() + "/") == std::vector<std::string>{"notes.html", "a.md", "-"});
}

TEST_CASE("cli: walk: a symbolic link loop is walked once") {
    temp_dir t;
    t.write("docs/a.md");
    std::error_code ec;
    fs::create_directory_symlink("..", t.path / "docs" / "up", ec);
    if (ec) {
        MESSAGE("cannot create symlinks here: " << ec.message());
        return;
    }
    fs::create_directory_symlink(".", t.path / "docs" / "self", ec);
    const walk_result r = collect_files({t.str()}, walk_options{});
    CHECK(r.errors.empty());
    CHECK(strip_prefix(r.files, t.str() + "/") == std::vector<std::string>{"docs/a.md"});
    CHECK_FALSE(r.warnings.empty());
}

TEST_CASE("cli: walk: files and folders in name order, a file reached twice listed once") {
    // A folder's files come before its subfolders' in the walk; the list is
    // sorted after, except where it is in order already (a flat folder).
    temp_dir t;
    t.write("a.md");
    t.write("b/x.md");
    t.write("c.md");
    t.write("d/e/f.md");
    const walk_result flat = collect_files({t.str() + "/d/e"}, walk_options{});
    CHECK(strip_prefix(flat.files, t.str() + "/") == std::vector<std::string>{"d/e/f.md"});
    std::error_code ec;
    fs::create_symlink(t.path / "a.md", t.path / "link.md", ec);
    const walk_result r = collect_files({t.str(), t.str() + "/c.md", t.str() + "/b"}, walk_options{});
    CHECK(r.errors.empty());
    CHECK(strip_prefix(r.files, t.str() + "/") ==
          std::vector<std::string>{"a.md", "b/x.md", "c.md", "d/e/f.md"});
}

TEST_CASE("cli: walk: broken links are warnings, missing paths errors") {
    temp_dir t;
    t.write("a.md");
    std::error_code ec;
    fs::create_symlink(t.path / "nowhere.md", t.path / "broken.md", ec);
    const walk_result r = collect_files({t.str(), t.str() + "/missing.md"}, walk_options{});
    CHECK(strip_prefix(r.files, t.str() + "/") == std::vector<std::string>{"a.md"});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors.front().path == t.str() + "/missing.md");
    CHECK(r.errors.front().message == "No such file or directory");
    if (!ec) CHECK(r.warnings.size() == 1);
}

TEST_CASE("cli: walk: exclude globs, relative to their base directory") {
    temp_dir t;
    t.write("drafts/archive/old.md");
    t.write("drafts/archive/2019/older.md");
    t.write("drafts/new.md");
    t.write("drafts/scratch.tmp.md");
    walk_options options;
    options.excludes = {{"drafts/archive/**", t.path}, {"*.tmp.md", t.path}};
    const walk_result r = collect_files({t.str()}, options);
    CHECK(strip_prefix(r.files, t.str() + "/") == std::vector<std::string>{"drafts/new.md"});
    // A glob relative to another base does not match.
    options.excludes = {{"drafts/archive/**", t.path / "elsewhere"}};
    CHECK(collect_files({t.str()}, options).files.size() == 4);
}

TEST_CASE("cli: is_excluded: relative and absolute paths and bases, inside and outside the base") {
    // The working directory is asked for once per set of excludes; paths
    // and bases relative to it, or absolute, give what fs::absolute gave.
    const fs::path cwd = fs::current_path();
    const std::vector<exclude_pattern> by_name = {{"*.tmp.md", "."}};
    CHECK(is_excluded("drafts/a.tmp.md", by_name));
    CHECK(is_excluded("./drafts/../a.tmp.md", by_name));
    CHECK(is_excluded("../x/a.tmp.md", by_name));  // outside the base: by its name
    CHECK(is_excluded(cwd / "a.tmp.md", by_name));
    CHECK_FALSE(is_excluded("drafts/a.md", by_name));
    const std::vector<exclude_pattern> in_sub = {{"drafts/*.md", "sub"}};
    CHECK(is_excluded("sub/drafts/a.md", in_sub));
    CHECK(is_excluded(cwd / "sub" / "drafts" / "a.md", in_sub));
    CHECK_FALSE(is_excluded("drafts/a.md", in_sub));        // outside the base, and the glob has a slash
    CHECK_FALSE(is_excluded("sub/x/drafts/a.md", in_sub));  // not at the base
    const std::vector<exclude_pattern> absolute = {{"drafts/**", cwd / "sub"}};
    CHECK(is_excluded("sub/drafts/deep/a.md", absolute));
    CHECK_FALSE(is_excluded("other/drafts/a.md", absolute));
    CHECK_FALSE(is_excluded("sub/drafts/a.md", {}));
}

TEST_CASE("cli: walk: a deep chain of directories is walked in linear time") {
    // Each directory's canonical path was asked of the file system, which
    // reads every component: 600 nested directories took 2.1 s. A
    // subdirectory that is no symbolic link is its parent's canonical path
    // plus its name. Four times as deep must take about four times as long
    // (sixteen if quadratic).
    temp_dir t;
    std::string deep;
    for (int i = 0; i < 400; ++i) deep += "d/";
    t.write("short/" + deep.substr(0, 200) + "a.md");
    t.write("long/" + deep + "a.md");
    std::size_t found = 0;
    const double ratio = testing::growth_ratio(
        [&](std::size_t depth) {
            const walk_result r = collect_files({(t.path / (depth == 100 ? "short" : "long")).string()}, {});
            found = r.files.size();
            CHECK(r.errors.empty());
        },
        100, 400);
    CHECK(found == 1);
    CHECK(ratio < 10.0);
}

TEST_CASE("cli: read_file_bytes: content, and errors for what cannot be read") {
    // Tests run as root, so a mode-000 file would still be readable; a
    // directory and a missing file exercise the same error path.
    temp_dir t;
    t.write("a.md", "one\ntwo\n");
    std::string bytes, error;
    REQUIRE(read_file_bytes(t.str() + "/a.md", bytes, error));
    CHECK(bytes == "one\ntwo\n");
    CHECK_FALSE(read_file_bytes(t.str(), bytes, error));
    CHECK(error == "is a directory");
    CHECK_FALSE(read_file_bytes(t.str() + "/missing.md", bytes, error));
    CHECK(error == "No such file or directory");
}

TEST_CASE("cli: read_file_bytes: empty and large files, and a pipe longer than one chunk") {
    temp_dir t;
    std::string bytes = "stale", error;
    t.write("empty.md", "");
    REQUIRE(read_file_bytes(t.str() + "/empty.md", bytes, error));
    CHECK(bytes.empty());

    // Bytes of every value, over several 64 KB chunks and not a multiple of one.
    std::string large;
    std::mt19937 random(7);
    for (int i = 0; i < 200'001; ++i) large.push_back(static_cast<char>(random() & 0xFF));
    t.write("large.md", large);
    REQUIRE(read_file_bytes(t.str() + "/large.md", bytes, error));
    CHECK(bytes == large);

    // A file holding more than fstat said (here 0 bytes: a file of /proc,
    // made as it is read) is read on to its end past that size.
    REQUIRE(read_file_bytes("/proc/self/status", bytes, error));
    CHECK(bytes.starts_with("Name:"));
    CHECK(bytes.find("\nPid:") != std::string::npos);
    CHECK(bytes.ends_with('\n'));

    // A pipe has no size to read into: it is read in chunks until its end.
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    std::thread writer([&] {
        std::size_t sent = 0;
        while (sent < large.size()) {
            const ssize_t n = ::write(ends[1], large.data() + sent, large.size() - sent);
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        ::close(ends[1]);
    });
    const bool read = read_file_bytes("/dev/fd/" + std::to_string(ends[0]), bytes, error);
    writer.join();
    ::close(ends[0]);
    REQUIRE(read);
    CHECK(bytes == large);
}

TEST_CASE(
    "cli: read_file_bytes: a sink is handed every byte once, in order, a quarter megabyte at most at a "
    "time") {
    temp_dir t;
    std::string large;
    std::mt19937 random(11);
    for (int i = 0; i < 700'001; ++i) large.push_back(static_cast<char>(random() & 0xFF));
    t.write("large.md", large);
    std::string bytes, error, handed;
    std::size_t pieces = 0, biggest = 0;
    const bytes_sink sink = [&](std::string_view piece) {
        handed.append(piece);
        ++pieces;
        biggest = std::max(biggest, piece.size());
    };
    REQUIRE(read_file_bytes(t.str() + "/large.md", bytes, error, sink));
    CHECK(bytes == large);
    CHECK(handed == large);
    CHECK(pieces == 3);  // 256 KB, 256 KB and the rest
    CHECK(biggest == std::size_t{256} << 10);

    // Past fstat's size (a file of /proc), and an empty file: the same.
    handed.clear();
    REQUIRE(read_file_bytes("/proc/self/status", bytes, error, sink));
    CHECK(handed == bytes);
    handed.clear();
    pieces = 0;
    t.write("empty.md", "");
    REQUIRE(read_file_bytes(t.str() + "/empty.md", bytes, error, sink));
    CHECK(handed.empty());
    CHECK(pieces == 0);
}

TEST_CASE("cli: options: defaults") {
    const merge_result r = merge_settings(command_line{}, nullptr, known, 8);
    REQUIRE(r.errors.empty());
    CHECK(r.value.jobs == 8u);
    CHECK(r.value.format == output_format::text);
    CHECK(r.value.fail_on == fail_level::error);
    CHECK(r.value.hedge_tolerance == doctest::Approx(0.10));
    CHECK(r.value.inline_ignores);
    CHECK_FALSE(r.value.as_of.has_value());
}

TEST_CASE("cli: options: the command line overrides the config") {
    config cfg;
    cfg.dir = "/repo";
    cfg.claims = std::vector<std::string>{"/repo/facts"};
    cfg.format = output_format::json;
    cfg.select = std::vector<std::string>{"FL1"};
    cfg.jobs = 2;
    cfg.as_of = time_span::year(2023);
    cfg.exclude = {"drafts/**"};
    cfg.severity_overrides["FL104"] = severity::error;
    cfg.disabled_rules = {"FL301"};

    command_line cl;
    cl.claims = {"other.claims"};
    cl.format = "gcc";
    cl.as_of = "2024-06-15";
    cl.exclude = {"*.tmp.md"};
    cl.no_inline_ignores = true;
    const merge_result r = merge_settings(cl, &cfg, known, 8);
    REQUIRE(r.errors.empty());
    CHECK(r.value.claims == std::vector<std::string>{"other.claims"});
    CHECK(r.value.format == output_format::gcc);
    CHECK(r.value.select == std::vector<std::string>{"FL1"});  // not given: the config's
    CHECK(r.value.jobs == 2u);
    CHECK(*r.value.as_of == time_span::day(2024, 6, 15));
    REQUIRE(r.value.excludes.size() == 2);  // --exclude adds to the config's
    CHECK(r.value.excludes[0].glob == "drafts/**");
    CHECK(r.value.excludes[0].base == fs::path("/repo"));
    CHECK(r.value.excludes[1].glob == "*.tmp.md");
    CHECK_FALSE(r.value.inline_ignores);
    CHECK(r.value.ignore == std::vector<std::string>{"FL301"});

    const check_options o = r.value.to_check_options();
    CHECK(o.severity_overrides.at("FL104") == severity::error);
    CHECK_FALSE(o.inline_ignores);
    CHECK(o.ignore == std::vector<std::string>{"FL301"});
}

TEST_CASE("cli: options: usage errors") {
    command_line cl;
    cl.as_of = "2024-02-30";
    cl.format = "xml";
    cl.select = "FL101,NOPE";
    cl.fail_on = "sometimes";
    const merge_result r = merge_settings(cl, nullptr, known, 1);
    REQUIRE(r.errors.size() == 4);
    CHECK(r.errors[0] == "--as-of: invalid date \"2024-02-30\" (expected 2024, 2024-06 or 2024-06-15)");
    CHECK(r.errors[1] == "--format: unknown format \"xml\" (expected text, json, sarif, github or gcc)");
    CHECK(r.errors[2] == "--select: unknown rule code \"NOPE\"");
    CHECK(r.errors[3] == "--fail-on: unknown level \"sometimes\" (expected error, warning, info or never)");
}

TEST_CASE("cli: options: which severities fail a run") {
    CHECK(fails(severity::error, fail_level::error));
    CHECK_FALSE(fails(severity::warning, fail_level::error));
    CHECK(fails(severity::warning, fail_level::warning));
    CHECK_FALSE(fails(severity::info, fail_level::warning));
    CHECK(fails(severity::info, fail_level::info));
    CHECK_FALSE(fails(severity::error, fail_level::never));
}

TEST_CASE("cli: parallel_for: every index exactly once, for any number of jobs") {
    for (unsigned jobs : {0u, 1u, 2u, 7u}) {
        std::vector<std::atomic<int>> hits(100);
        parallel_for(hits.size(), jobs, [&](std::size_t i) { hits[i].fetch_add(1); });
        for (const auto& h : hits) CHECK(h.load() == 1);
    }
    parallel_for(0, 4, [](std::size_t) { FAIL("no task expected"); });
}

TEST_CASE("cli: parallel_for_with: a state for each worker, and a task's exception thrown again") {
    // Each worker's state counts the tasks it ran: together, every task once.
    struct tally {
        int tasks = 0;
        std::atomic<int>* total = nullptr;
        ~tally() {
            if (total != nullptr) total->fetch_add(tasks);
        }
    };
    for (unsigned jobs : {1u, 2u, 5u}) {
        std::atomic<int> total{0};
        parallel_for_with<tally>(50, jobs, [&](std::size_t, tally& t) {
            t.total = &total;
            ++t.tasks;
        });
        CHECK(total.load() == 50);
    }
    // Thrown on a worker thread, it reaches the caller instead of ending the
    // process; the workers take no task after it.
    for (unsigned jobs : {1u, 3u}) {
        std::atomic<int> ran{0};
        CHECK_THROWS_WITH_AS(parallel_for(1000, jobs,
                                          [&](std::size_t) {
                                              if (ran.fetch_add(1) >= 10)
                                                  throw std::runtime_error("task failed");
                                          }),
                             "task failed", std::runtime_error);
        if (jobs == 1) CHECK(ran.load() == 11);
    }
}

TEST_CASE("cli: worker_pool: rounds run once on every thread, in turn, on threads that stay") {
    worker_pool pool(2);
    REQUIRE(pool.threads() == 2);
    std::vector<std::thread::id> first(2), second(2);
    pool.start([&](std::size_t k) { first[k] = std::this_thread::get_id(); });
    pool.wait();
    pool.start([&](std::size_t k) { second[k] = std::this_thread::get_id(); });
    pool.wait();
    CHECK(first == second);  // the same two threads served both rounds
    CHECK(first[0] != first[1]);
    CHECK(first[0] != std::this_thread::get_id());
    // A thread added between rounds runs the next round, not one before it.
    pool.grow_to(3);
    pool.grow_to(1);  // never fewer
    REQUIRE(pool.threads() == 3);
    std::vector<std::atomic<int>> runs(3);
    pool.start([&](std::size_t k) { runs[k].fetch_add(1); });
    pool.wait();
    for (const auto& r : runs) CHECK(r.load() == 1);
}

TEST_CASE("cli: worker_pool: a job's exception reaches wait, and the pool goes on") {
    worker_pool pool(3);
    pool.start([](std::size_t k) {
        if (k == 1) throw std::runtime_error("job failed");
    });
    CHECK_THROWS_WITH_AS(pool.wait(), "job failed", std::runtime_error);
    std::atomic<int> ran{0};
    pool.start([&](std::size_t) { ran.fetch_add(1); });
    CHECK_NOTHROW(pool.wait());
    CHECK(ran.load() == 3);
}

TEST_CASE("cli: worker_pool: the end of a pool waits for the round in hand") {
    std::atomic<bool> finished{false};
    {
        worker_pool pool(1);
        pool.start([&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            finished = true;
        });
    }
    CHECK(finished.load());
}

TEST_CASE("cli: parallel_for_with on a pool: no more workers than jobs, the pool grown when short") {
    struct tally {
        int tasks = 0;
        std::atomic<int>* total = nullptr;
        std::atomic<int>* workers = nullptr;
        ~tally() {
            if (total == nullptr) return;
            total->fetch_add(tasks);
            workers->fetch_add(1);
        }
    };
    worker_pool pool(3);
    for (unsigned jobs : {1u, 2u, 4u, 6u}) {
        CAPTURE(jobs);
        std::atomic<int> total{0}, workers{0};
        std::mutex lock;
        std::set<std::thread::id> threads;
        parallel_for_with<tally>(pool, 400, jobs, [&](std::size_t, tally& t) {
            t.total = &total, t.workers = &workers;
            ++t.tasks;
            const std::lock_guard<std::mutex> hold(lock);
            threads.insert(std::this_thread::get_id());
        });
        CHECK(total.load() == 400);
        // A worker that took a task made one state; no more than `jobs` did.
        CHECK(workers.load() <= static_cast<int>(jobs));
        CHECK(threads.size() <= jobs);
        if (jobs == 1) CHECK(threads == std::set<std::thread::id>{std::this_thread::get_id()});
    }
    CHECK(pool.threads() == 5);  // grown for six jobs, the caller the sixth
    // Fewer tasks than jobs: no more workers than tasks.
    std::atomic<int> total{0}, workers{0};
    parallel_for_with<tally>(pool, 2, 6, [&](std::size_t, tally& t) {
        t.total = &total, t.workers = &workers;
        ++t.tasks;
    });
    CHECK(total.load() == 2);
    CHECK(workers.load() <= 2);
    // A task's exception is thrown again here, and the pool goes on.
    CHECK_THROWS_WITH_AS(parallel_for_with<tally>(pool, 100, 3,
                                                  [](std::size_t i, tally&) {
                                                      if (i == 50) throw std::runtime_error("task failed");
                                                  }),
                         "task failed", std::runtime_error);
    std::atomic<int> after{0};
    parallel_for(pool, 60, [&](std::size_t) { after.fetch_add(1); });
    CHECK(after.load() == 60);
}

TEST_CASE("cli: parallel_for on a pool: every index once, the caller working too") {
    for (unsigned threads : {0u, 1u, 3u}) {
        worker_pool pool(threads);
        for (int round = 0; round < 3; ++round) {  // one pool, many loops
            std::vector<std::atomic<int>> hits(200);
            parallel_for(pool, hits.size(), [&](std::size_t i) { hits[i].fetch_add(1); });
            for (const auto& h : hits) CHECK(h.load() == 1);
        }
        parallel_for(pool, 0, [](std::size_t) { FAIL("no task expected"); });
        std::atomic<int> ran{0};
        CHECK_THROWS_WITH_AS(parallel_for(pool, 1000,
                                          [&](std::size_t) {
                                              if (ran.fetch_add(1) >= 10)
                                                  throw std::runtime_error("task failed");
                                          }),
                             "task failed", std::runtime_error);
        if (threads == 0) CHECK(ran.load() == 11);
        // Still usable after a failed loop.
        std::atomic<int> after{0};
        parallel_for(pool, 50, [&](std::size_t) { after.fetch_add(1); });
        CHECK(after.load() == 50);
    }
}
