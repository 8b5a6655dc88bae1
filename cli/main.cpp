// `factlint`: a table of subcommands (as ninja's kTools[]), CLI11 for the
// parsing, and one place that turns usage errors into exit status 2.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "checker/parallel.hpp"
#include "cli/commands.hpp"
#include "cli/process_end.hpp"
#include "cli/session.hpp"

namespace factlint::cli {

namespace {

// Everything any subcommand can be given; each fills its own part.
struct invocation {
    command_line check;
    std::vector<std::string> claims_files;
    cache_flags claims_cache;
    unsigned claims_jobs = 0;  // 0: all cores
    std::optional<std::string> rule_code;
};

void define_cache_options(CLI::App& cmd, cache_flags& flags) {
    auto* no_cache =
        cmd.add_flag("--no-cache", flags.no_cache, "do not read or write the compiled-claims cache");
    cmd.add_option_function<std::string>(
           "--cache-dir", [&flags](const std::string& v) { flags.cache_dir = v; },
           "keep compiled claims here (default: $FACTLINT_CACHE_DIR, else $XDG_CACHE_HOME/factlint)")
        ->excludes(no_cache);
}

void define_input_options(CLI::App& cmd, invocation& inv) {
    command_line& cl = inv.check;
    cmd.add_option("PATH", cl.paths, "files or directories (*.md, *.markdown, *.txt); - reads standard input")
        ->required();
    cmd.add_option("-c,--claims", cl.claims, "reference claims file or directory of *.claims (repeatable)")
        ->allow_extra_args(false);
    cmd.add_option_function<std::string>(
        "--as-of", [&cl](const std::string& v) { cl.as_of = v; },
        "document date when the front matter has none: 2024, 2024-06 or 2024-06-15");
    cmd.add_option_function<std::string>(
        "-f,--format", [&cl](const std::string& v) { cl.format = v; },
        "text (default), json, sarif, github, gcc");
    cmd.add_option_function<std::string>(
        "--select", [&cl](const std::string& v) { cl.select = v; },
        "only these rules: codes or prefixes (FL1,FL203)");
    cmd.add_option_function<std::string>(
        "--ignore", [&cl](const std::string& v) { cl.ignore = v; }, "not these rules: codes or prefixes");
    cmd.add_option_function<unsigned>(
        "-j,--jobs", [&cl](unsigned v) { cl.jobs = v; }, "files checked in parallel (default: all cores)");
    cmd.add_option_function<std::string>(
        "--fail-on", [&cl](const std::string& v) { cl.fail_on = v; },
        "exit 1 on findings at or above: error (default), warning, info, never");
    cmd.add_option("--exclude", cl.exclude,
                   "skip files matching this glob when walking directories (repeatable)")
        ->allow_extra_args(false);
    auto* no_config = cmd.add_flag("--no-config", cl.no_config, "ignore .factlint.toml");
    cmd.add_option_function<std::string>(
           "--config", [&cl](const std::string& v) { cl.config_file = v; },
           "read this config file instead of searching for .factlint.toml")
        ->excludes(no_config);
    cmd.add_flag("--no-inline-ignores", cl.no_inline_ignores, "do not honour factlint-disable comments");
    cmd.add_flag("--stats", cl.stats, "print counts of records, matches and findings to stderr");
    define_cache_options(cmd, cl.cache);
}

void define_check(CLI::App& cmd, invocation& inv) {
    define_input_options(cmd, inv);
    command_line& cl = inv.check;
    auto* no_baseline = cmd.add_flag("--no-baseline", cl.no_baseline, "ignore the config's baseline");
    cmd.add_option_function<std::string>(
           "--baseline", [&cl](const std::string& v) { cl.baseline = v; },
           "hide the findings recorded in this baseline file; report its stale entries")
        ->excludes(no_baseline);
    cmd.add_option_function<std::string>(
        "--write-baseline", [&cl](const std::string& v) { cl.write_baseline = v; },
        "record the findings in this baseline file (with --baseline: only those it still matches)");
}
void define_extract(CLI::App& cmd, invocation& inv) { define_input_options(cmd, inv); }
void define_claims(CLI::App& cmd, invocation& inv) {
    cmd.add_option("FILE", inv.claims_files, "claims files or directories of *.claims")->required();
    cmd.add_option("-j,--jobs", inv.claims_jobs, "claims files parsed in parallel (default: all cores)");
    define_cache_options(cmd, inv.claims_cache);
}
void define_rules(CLI::App& cmd, invocation& inv) {
    cmd.add_option_function<std::string>(
        "CODE", [&inv](const std::string& v) { inv.rule_code = v; }, "a rule code, such as FL101");
}

int dispatch_check(const invocation& inv) { return run_check(inv.check); }
int dispatch_extract(const invocation& inv) { return run_extract(inv.check); }
int dispatch_claims(const invocation& inv) {
    return run_claims(inv.claims_files, inv.claims_cache,
                      inv.claims_jobs > 0 ? inv.claims_jobs : hardware_jobs());
}
int dispatch_rules(const invocation& inv) { return run_rules(inv.rule_code); }

struct subcommand {
    const char* name;
    const char* summary;
    void (*define)(CLI::App&, invocation&);
    int (*run)(const invocation&);
};

constexpr subcommand subcommands[] = {
    {"check", "check the numbers and dates in drafts", define_check, dispatch_check},
    {"extract", "print the claim records of drafts as JSON Lines", define_extract, dispatch_extract},
    {"claims", "validate reference claims files and summarise them", define_claims, dispatch_claims},
    {"rules", "list the rules, or show one rule's documentation", define_rules, dispatch_rules},
};

int run(int argc, char** argv) {
    CLI::App app{"factlint: checks the numbers and dates in prose", "factlint"};
    app.set_version_flag("--version", std::string("factlint ") + FACTLINT_VERSION);
    app.require_subcommand(1);
    invocation inv;
    std::vector<std::pair<CLI::App*, const subcommand*>> commands;
    for (const subcommand& s : subcommands) {
        CLI::App* cmd = app.add_subcommand(s.name, s.summary);
        s.define(*cmd, inv);
        commands.emplace_back(cmd, &s);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "factlint: error: " << e.what() << "\nRun 'factlint --help' for usage.\n";
        return exit_usage;
    }
    for (const auto& [cmd, s] : commands)
        if (cmd->parsed()) return s->run(inv);
    return exit_usage;  // unreachable: require_subcommand(1)
}

}  // namespace

}  // namespace factlint::cli

namespace {

// Ends the process once its output is out, without the destructors of the
// static tables (the grammars' symbol trees, the word tables) or the
// allocator's exit work: freeing memory the kernel is about to take back
// anyway cost a run 0.3 to 0.4 ms (docs/performance.md part 26). A
// sanitizer build exits the ordinary way, so that LeakSanitizer's check at
// exit still runs.
[[noreturn]] void finish(int status) {
    if constexpr (!factlint::cli::ends_without_cleanup) std::exit(status);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(status);
}

}  // namespace

int main(int argc, char** argv) {
    int status = factlint::cli::exit_usage;
    try {
        status = factlint::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "factlint: error: " << e.what() << '\n';
    }
    finish(status);
}
