// Parsing the files of a claims set, on several threads when it is large:
// the files, and the parts of a large file, are shared out, and what comes
// back is what one parser reading the files in turn would give.
#pragma once

#include "checker/parallel.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claims/storage.hpp"
#include "grammar/claims_file.hpp"

namespace factlint {

// A set smaller than this is parsed on one thread whatever `jobs` says:
// 1 MiB, some 6,000 claims, parse in about 3 ms here, and a thread costs
// about a tenth of a millisecond and its own fresh memory.
inline constexpr std::size_t parallel_parse_min_bytes = std::size_t{1} << 20;

// A file cut into parts is cut into parts of this size or more.
inline constexpr std::size_t min_piece_bytes = std::size_t{512} << 10;

// One file's claims and errors, as grammar::claims_file, with the storages
// they view: the first holds the file's path and content; a file parsed
// in parts has one more for each part (claims_storage::continues_previous).
struct parsed_claims_file {
    std::vector<reference_claim> claims;
    std::vector<grammar::claims_file_error> errors;  // in order of position
    std::vector<std::unique_ptr<claims_storage>> storages;
};

// Parses each file of `texts` (moving its content into the result), on up
// to `jobs` threads when the set holds parallel_parse_min_bytes or more:
// the threads of the pool `lend` gives (asked only then), else threads of
// its own. A file that was not read (nullopt) has no result. An exception
// in a thread (out of memory) is thrown again here.
[[nodiscard]] std::vector<std::optional<parsed_claims_file>> parse_claim_texts(
    std::vector<std::optional<claims_text>>& texts, unsigned jobs, const pool_lender& lend = {});

}  // namespace factlint
