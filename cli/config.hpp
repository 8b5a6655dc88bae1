// `.factlint.toml` (SPEC §9): where it is, and what it says. Every value is
// validated here, with the position of the offending key or value, so the
// rest of the program only sees settings that make sense.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/finding.hpp"
#include "claims/time.hpp"
#include "cli/diagnostics.hpp"
#include "report/report.hpp"

namespace factlint::cli {

inline constexpr std::string_view config_file_name = ".factlint.toml";

// When a run fails (exit 1): a finding at or above this severity.
enum class fail_level { info, warning, error, never };
[[nodiscard]] std::optional<fail_level> parse_fail_level(std::string_view name);

// Values present in the file; absent keys stay empty.
struct config {
    std::filesystem::path file;  // as found or given
    std::filesystem::path dir;   // its directory: the base of relative paths and exclude globs

    std::optional<std::vector<std::string>> claims;  // paths, already resolved against `dir`
    std::optional<time_span> as_of;
    std::optional<output_format> format;
    std::optional<std::vector<std::string>> select;
    std::optional<std::vector<std::string>> ignore;
    std::optional<unsigned> jobs;  // 0: all cores
    std::optional<fail_level> fail_on;
    std::optional<double> hedge_tolerance;
    std::vector<std::string> exclude;  // globs relative to `dir`
    std::optional<bool> inline_ignores;
    std::optional<std::string> baseline;                 // path, already resolved against `dir`
    std::map<std::string, severity> severity_overrides;  // [rules.FL104] severity = "error"
    std::vector<std::string> disabled_rules;             // severity = "off"
};

struct config_result {
    config value;
    std::vector<located_error> errors;  // empty when the file is valid
};

// Parses `content` as the config file `file` (whose directory is `dir`).
// `known_codes` are the rule codes that exist; select/ignore entries may be
// codes or prefixes of them.
[[nodiscard]] config_result parse_config(const std::filesystem::path& file, const std::filesystem::path& dir,
                                         std::string_view content,
                                         const std::vector<std::string>& known_codes);

// Reads and parses a config file; a file that cannot be read is an error.
[[nodiscard]] config_result load_config(const std::filesystem::path& file,
                                        const std::vector<std::string>& known_codes);

// The nearest `.factlint.toml` in `start` or one of its parents, or nullopt.
[[nodiscard]] std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// "FL101,FL2" -> {"FL101", "FL2"}; every entry must be a known code or a
// prefix of one (case-insensitive, stored upper case). Unknown entries are
// appended to `unknown`.
[[nodiscard]] std::vector<std::string> parse_code_list(std::string_view text,
                                                       const std::vector<std::string>& known_codes,
                                                       std::vector<std::string>& unknown);
[[nodiscard]] bool known_code_or_prefix(std::string_view code, const std::vector<std::string>& known_codes);

// A path from the config file, resolved against the config's directory and
// shown relative to the current directory when that is shorter.
[[nodiscard]] std::string resolve_config_path(const std::filesystem::path& dir, std::string_view path);

}  // namespace factlint::cli
