// Loading reference claims from many *.claims files and directories into one
// store (SPEC §5): ids are unique across every file loaded.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "checker/claims_cache.hpp"
#include "checker/parallel.hpp"
#include "claims/store.hpp"
#include "grammar/claims_file.hpp"

namespace factlint {

struct load_result {
    claim_store store;                               // indexed, ready to scan
    std::vector<grammar::claims_file_error> errors;  // all fatal; empty when every file is valid
    std::size_t files = 0;                           // files read
    cache_use cache = cache_use::off;                // what was done with the compiled-claims cache
    // With claims_cache_options::defer_write, the key of the entry to write
    // (cache is `missed` until the caller writes it); else empty.
    std::string key_to_write;
};

// Each path is a file or a directory; a directory contributes every *.claims
// file under it, recursively, in sorted order. An unreadable path is an error
// with line 0. A claim id defined twice is an error at the second definition
// naming the first. With a cache directory (checker/claims_cache.hpp), a
// valid set of files large enough is read back compiled when it has been
// loaded before, and written compiled when it has not.
[[nodiscard]] load_result load_claims(const std::vector<std::string>& paths,
                                      const claims_cache_options& cache = {}, unsigned jobs = 1);

// The same for paths that are all files, as a walk of the command line's
// paths lists them (cli/walk.hpp): no path is asked whether it is a
// directory, a system call each (4,000 claims files made 4,000).
//
// `jobs`: threads that may parse the files, and the parts of a large
// file, at once, when the set holds parallel_parse_min_bytes or more
// (checker/claims_parse.hpp): those of the pool `lend` gives, when given;
// what is loaded is the same for any number.
[[nodiscard]] load_result load_claim_files(const std::vector<std::string>& files,
                                           const claims_cache_options& cache = {}, unsigned jobs = 1,
                                           const pool_lender& lend = {});

}  // namespace factlint
