// What `check` and `extract` share: settings from the command line and the
// config, the reference claims, and the documents read (in parallel).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "checker/parallel.hpp"
#include "claims/store.hpp"
#include "cli/options.hpp"
#include "cli/walk.hpp"
#include "reader/document.hpp"

namespace factlint::cli {

// Exit statuses (SPEC §2).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_usage = 2;

// Every rule code of the rule table.
[[nodiscard]] std::vector<std::string> known_rule_codes();

// Settings for a run: the config file (unless --no-config) under the
// command line. On failure prints the errors and returns nullopt.
[[nodiscard]] std::optional<settings> resolve_settings(const command_line& cl);

// Loads the reference claims named by `paths` (files or directories of
// *.claims). On failure prints every error and returns nullopt.
// `jobs`: threads that may parse many claims files at once, those of the
// pool `lend` gives when given (run_threads::lend_pool). `cache_used`
// (when given) says what the compiled-claims cache did. `key_to_write`
// (when given) takes the entry a miss leaves unwritten, for the caller to
// write (claims_cache_options::defer_write); else the load writes it.
[[nodiscard]] std::optional<claim_store> load_reference_claims(const std::vector<std::string>& paths,
                                                               const claims_cache_options& cache,
                                                               unsigned jobs, cache_use* cache_used = nullptr,
                                                               std::string* key_to_write = nullptr,
                                                               const pool_lender& lend = {});

// The claims-cache entry a load left to its caller (`key_to_write` above),
// written on a thread of its own while the run checks or extracts: with
// two jobs or more a first run need not wait for it (docs/performance.md
// part 32). The writer reads the store as the run does and never changes
// it; declared after the store, it is joined before the store goes, on
// any return.
class cache_write_beside {
public:
    // No thread when `key` is empty.
    cache_write_beside(const claims_cache_options& cache, std::string key, const claim_store& store);
    cache_write_beside(const cache_write_beside&) = delete;
    cache_write_beside& operator=(const cache_write_beside&) = delete;
    // Waits for the write: whether the entry was written.
    bool finish();

private:
    bool written_ = false;
    std::jthread thread_;  // last: it is joined before written_ goes
};

// One input file and what became of it.
struct input_file {
    std::string path;
    std::unique_ptr<document> doc;    // null when it could not be read, or once no longer needed
    std::optional<read_error> error;  // why it could not be read
};

struct inputs {
    std::vector<input_file> files;             // in output order
    std::size_t walk_errors = 0;               // PATHs that do not exist, unreadable directories
    [[nodiscard]] std::size_t failed() const;  // walk errors + files with an error
};

// The files of the PATHs, and the threads of a run of check or extract with
// two jobs or more: made at its start, the first walks the PATHs beside the
// claims load, then all of them take files with the calling thread
// (checker/parallel.hpp). With one job there are none, and the walk waits
// for walked_inputs(), which prints the walk's errors and warnings.
class run_threads {
public:
    explicit run_threads(const settings& s);
    // The pool once the walk is over, for the claims load to parse on
    // (load_reference_claims); nullptr with one job.
    [[nodiscard]] worker_pool* lend_pool();
    // The inputs once walked (their messages printed, inputs_of), and the
    // pool grown to a thread per job beside the caller, no more than files.
    [[nodiscard]] inputs walked_inputs();
    [[nodiscard]] worker_pool& pool() { return pool_; }

private:
    void finish_walk();

    const settings& settings_;
    walk_result walked_;  // before the pool: its end waits for the walk writing here
    bool walk_done_ = false;
    worker_pool pool_;
};

// The standard input, read once before the files when one of them is "-".
struct stdin_text {
    std::string bytes;
    std::string error;    // why it could not be read; empty when it was
    bool shared = false;  // "-" named more than once: each copies the bytes
};

// Reads input `i` (or "-" from `stdin_input`) into its document; safe to call
// for different `i` from different threads. A "-" named once takes the
// bytes of `stdin_input` rather than a copy: a 50 MB input was held twice.
// With `batches`, its sentences go to them as they are read, and the
// document keeps none (reader/document.hpp).
void read_input(input_file& file, stdin_text* stdin_input, const sentence_batches* batches = nullptr);

// Prints a read error as "FILE:LINE:COL: error: message".
void print_read_error(const read_error& e);
void print_read_warnings(const document& doc);  // FILE:LINE:COL: warning: ...
void print_read_warnings(const std::vector<read_error>& warnings);

// The standard input, read once with read(2), if one of the files is "-".
[[nodiscard]] stdin_text read_stdin_if_needed(const inputs& in);

}  // namespace factlint::cli
