// The subcommands of `factlint`, each a function from its parsed arguments
// to an exit status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace factlint::cli {

[[nodiscard]] int run_check(const command_line& cl);
[[nodiscard]] int run_extract(const command_line& cl);
[[nodiscard]] int run_claims(const std::vector<std::string>& files, const cache_flags& cache, unsigned jobs);
[[nodiscard]] int run_rules(const std::optional<std::string>& code);

}  // namespace factlint::cli
