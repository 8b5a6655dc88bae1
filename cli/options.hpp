// The options of `check` and `extract` as typed on the command line, and
// the settings a run uses: the command line over `.factlint.toml` over the
// defaults.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/claims_cache.hpp"
#include "checker/engine.hpp"
#include "cli/config.hpp"
#include "cli/walk.hpp"
#include "report/report.hpp"

namespace factlint::cli {

// The compiled-claims cache as typed (checker/claims_cache.hpp).
struct cache_flags {
    bool no_cache = false;                 // --no-cache
    std::optional<std::string> cache_dir;  // --cache-dir DIR
};

// What the user typed; an empty optional is an option not given.
struct command_line {
    std::vector<std::string> paths;
    std::vector<std::string> claims;
    std::optional<std::string> as_of;
    std::optional<std::string> format;
    std::optional<std::string> select;
    std::optional<std::string> ignore;
    std::optional<unsigned> jobs;
    std::optional<std::string> fail_on;
    std::optional<std::string> config_file;
    std::vector<std::string> exclude;
    std::optional<std::string> baseline;        // --baseline FILE
    std::optional<std::string> write_baseline;  // --write-baseline FILE
    bool no_baseline = false;
    bool no_config = false;
    bool no_inline_ignores = false;
    bool stats = false;
    cache_flags cache;
};

// Where the cache is, if anywhere: --no-cache, else --cache-dir, else the
// default (checker/claims_cache.hpp).
[[nodiscard]] claims_cache_options cache_options_of(const cache_flags& flags);

struct settings {
    std::vector<std::string> paths;
    std::vector<std::string> claims;
    std::optional<time_span> as_of;
    output_format format = output_format::text;
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    unsigned jobs = 1;
    fail_level fail_on = fail_level::error;
    double hedge_tolerance = 0.10;
    std::vector<exclude_pattern> excludes;
    bool inline_ignores = true;
    std::map<std::string, severity> severity_overrides;
    bool stats = false;
    std::optional<std::string> baseline;        // findings to hide
    std::optional<std::string> write_baseline;  // where to record findings
    claims_cache_options claims_cache;

    [[nodiscard]] check_options to_check_options() const;
};

struct merge_result {
    settings value;
    std::vector<std::string> errors;  // usage errors: exit 2
};

// Merges the command line over the config (which may be null) over the
// defaults. A given option replaces the config's value, except --exclude,
// which adds to the config's globs. `hardware_jobs` is the default for -j.
[[nodiscard]] merge_result merge_settings(const command_line& cl, const config* cfg,
                                          const std::vector<std::string>& known_codes,
                                          unsigned hardware_jobs);

// Does a finding of severity `s` fail the run at `level`?
[[nodiscard]] bool fails(severity s, fail_level level);

}  // namespace factlint::cli
