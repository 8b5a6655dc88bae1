#include "cli/options.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace factlint::cli {

check_options settings::to_check_options() const {
    check_options o;
    o.as_of = as_of;
    o.hedge_tolerance = hedge_tolerance;
    o.select = select;
    o.ignore = ignore;
    o.severity_overrides = severity_overrides;
    o.inline_ignores = inline_ignores;
    o.count_numbers = stats;
    return o;
}

bool fails(severity s, fail_level level) {
    switch (level) {
        case fail_level::never: return false;
        case fail_level::info: return true;
        case fail_level::warning: return s != severity::info;
        case fail_level::error: return s == severity::error;
    }
    return false;
}

namespace {

std::vector<std::string> codes_option(const std::string& option, const std::string& text,
                                      const std::vector<std::string>& known,
                                      std::vector<std::string>& errors) {
    std::vector<std::string> unknown;
    std::vector<std::string> codes = parse_code_list(text, known, unknown);
    for (const std::string& u : unknown) errors.push_back(option + ": unknown rule code \"" + u + "\"");
    return codes;
}

void merge_config(const config& cfg, settings& s) {
    if (cfg.claims) s.claims = *cfg.claims;
    if (cfg.as_of) s.as_of = cfg.as_of;
    if (cfg.format) s.format = *cfg.format;
    if (cfg.select) s.select = *cfg.select;
    if (cfg.ignore) s.ignore = *cfg.ignore;
    if (cfg.jobs && *cfg.jobs > 0) s.jobs = *cfg.jobs;
    if (cfg.fail_on) s.fail_on = *cfg.fail_on;
    if (cfg.hedge_tolerance) s.hedge_tolerance = *cfg.hedge_tolerance;
    for (const std::string& g : cfg.exclude) s.excludes.push_back({g, cfg.dir});
    if (cfg.inline_ignores) s.inline_ignores = *cfg.inline_ignores;
    s.severity_overrides = cfg.severity_overrides;
    if (cfg.baseline) s.baseline = cfg.baseline;
}

void merge_command_line(const command_line& cl, const std::vector<std::string>& known, settings& s,
                        std::vector<std::string>& errors) {
    s.paths = cl.paths;
    if (!cl.claims.empty()) s.claims = cl.claims;
    if (cl.as_of) {
        if (auto span = parse_iso_date(*cl.as_of))
            s.as_of = *span;
        else
            errors.push_back("--as-of: invalid date \"" + *cl.as_of +
                             "\" (expected 2024, 2024-06 or 2024-06-15)");
    }
    if (cl.format) {
        if (auto f = parse_output_format(*cl.format))
            s.format = *f;
        else
            errors.push_back("--format: unknown format \"" + *cl.format +
                             "\" (expected text, json, sarif, github or gcc)");
    }
    if (cl.select) s.select = codes_option("--select", *cl.select, known, errors);
    if (cl.ignore) s.ignore = codes_option("--ignore", *cl.ignore, known, errors);
    if (cl.jobs && *cl.jobs > 0) s.jobs = *cl.jobs;
    if (cl.fail_on) {
        if (auto f = parse_fail_level(*cl.fail_on))
            s.fail_on = *f;
        else
            errors.push_back("--fail-on: unknown level \"" + *cl.fail_on +
                             "\" (expected error, warning, info or never)");
    }
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    for (const std::string& g : cl.exclude) s.excludes.push_back({g, cwd});
    if (cl.no_inline_ignores) s.inline_ignores = false;
    s.stats = cl.stats;
    if (cl.baseline) s.baseline = cl.baseline;
    if (cl.no_baseline) s.baseline.reset();
    if (cl.write_baseline) s.write_baseline = cl.write_baseline;
    s.claims_cache = cache_options_of(cl.cache);
}

}  // namespace

claims_cache_options cache_options_of(const cache_flags& flags) {
    claims_cache_options options;
    if (!flags.no_cache) options.dir = flags.cache_dir ? *flags.cache_dir : default_claims_cache_dir();
    return options;
}

merge_result merge_settings(const command_line& cl, const config* cfg,
                            const std::vector<std::string>& known_codes, unsigned hardware_jobs) {
    merge_result out;
    out.value.jobs = std::max(1u, hardware_jobs);
    if (cfg) merge_config(*cfg, out.value);
    merge_command_line(cl, known_codes, out.value, out.errors);
    // "off" in the config always wins: a rule switched off stays off.
    if (cfg)
        for (const std::string& code : cfg->disabled_rules) out.value.ignore.push_back(code);
    return out;
}

}  // namespace factlint::cli
