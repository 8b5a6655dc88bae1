#include "cli/session.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "checker/claims_cache.hpp"
#include "checker/claims_loader.hpp"
#include "checker/parallel.hpp"
#include "checker/rule.hpp"
#include "claims/file_bytes.hpp"
#include "cli/diagnostics.hpp"
#include "cli/walk.hpp"
#include "grammar/claims_file.hpp"

namespace fs = std::filesystem;

namespace factlint::cli {

std::vector<std::string> known_rule_codes() {
    std::vector<std::string> codes;
    for (const rule_info& r : rule_table()) codes.emplace_back(r.code);
    return codes;
}

namespace {

std::optional<config_result> config_for(const command_line& cl, const std::vector<std::string>& known) {
    if (cl.config_file) return load_config(*cl.config_file, known);
    if (cl.no_config) return std::nullopt;
    std::error_code ec;
    const auto found = find_config(fs::current_path(ec));
    if (!found) return std::nullopt;
    return load_config(*found, known);
}

}  // namespace

std::optional<settings> resolve_settings(const command_line& cl) {
    const std::vector<std::string> known = known_rule_codes();
    const std::optional<config_result> cfg = config_for(cl, known);
    if (cfg && !cfg->errors.empty()) {
        for (const located_error& e : cfg->errors) std::cerr << format_located(e) << '\n';
        return std::nullopt;
    }
    merge_result merged = merge_settings(cl, cfg ? &cfg->value : nullptr, known, hardware_jobs());
    if (!merged.errors.empty()) {
        for (const std::string& e : merged.errors) std::cerr << "factlint: error: " << e << '\n';
        return std::nullopt;
    }
    return std::move(merged.value);
}

std::optional<claim_store> load_reference_claims(const std::vector<std::string>& paths,
                                                 const claims_cache_options& cache, unsigned jobs,
                                                 cache_use* cache_used, std::string* key_to_write,
                                                 const pool_lender& lend) {
    if (paths.empty()) return claim_store{};
    walk_options options;
    options.extensions = {".claims"};
    const walk_result files = collect_files(paths, options);
    for (const walk_error& e : files.errors)
        std::cerr << format_located({e.path, 1, 1, "cannot read claims: " + e.message}) << '\n';
    if (!files.errors.empty()) return std::nullopt;
    claims_cache_options cache_options = cache;
    cache_options.defer_write = key_to_write != nullptr;
    load_result loaded = load_claim_files(files.files, cache_options, jobs, lend);
    if (cache_used != nullptr) *cache_used = loaded.cache;
    if (key_to_write != nullptr) *key_to_write = std::move(loaded.key_to_write);
    for (const grammar::claims_file_error& e : loaded.errors) {
        std::cerr << grammar::format_error(e);
        if (!grammar::format_error(e).ends_with('\n')) std::cerr << '\n';
    }
    if (!loaded.errors.empty()) return std::nullopt;
    return std::move(loaded.store);
}

cache_write_beside::cache_write_beside(const claims_cache_options& cache, std::string key,
                                       const claim_store& store) {
    if (key.empty()) return;
    thread_ = std::jthread([this, &cache, key = std::move(key), &store] {
        written_ = store_compiled_claims(cache, key, store);
    });
}

bool cache_write_beside::finish() {
    if (thread_.joinable()) thread_.join();
    return written_;
}

std::size_t inputs::failed() const {
    std::size_t n = walk_errors;
    for (const input_file& f : files) n += f.error ? 1 : 0;
    return n;
}

namespace {

walk_result walk_inputs(const settings& s) {
    walk_options options;
    options.excludes = s.excludes;
    return collect_files(s.paths, options);
}

// The walk's errors and warnings printed, and its files as inputs.
inputs inputs_of(walk_result walked) {
    for (const walk_error& e : walked.errors) std::cerr << format_located({e.path, 1, 1, e.message}) << '\n';
    for (const std::string& w : walked.warnings) std::cerr << "factlint: warning: " << w << '\n';
    inputs in;
    in.walk_errors = walked.errors.size();
    in.files.reserve(walked.files.size());
    for (std::string& path : walked.files) in.files.push_back({std::move(path), nullptr, std::nullopt});
    return in;
}

}  // namespace

// The walk prints nothing, so its messages still come after the claims'
// and the baseline's (docs/performance.md part 19). Handed to a thread that
// then stays for the checking: for a thread started for the walk alone and
// joined for its result, the start and the end (about a millisecond each
// on the project's VM) fell on the serial path (part 33).
run_threads::run_threads(const settings& s) : settings_(s), pool_(s.jobs > 1 ? 1 : 0) {
    if (pool_.threads() > 0) pool_.start([this](std::size_t) { walked_ = walk_inputs(settings_); });
}

void run_threads::finish_walk() {
    if (walk_done_) return;
    if (pool_.threads() > 0)
        pool_.wait();
    else
        walked_ = walk_inputs(settings_);
    walk_done_ = true;
}

worker_pool* run_threads::lend_pool() {
    if (pool_.threads() == 0) return nullptr;
    finish_walk();
    return &pool_;
}

inputs run_threads::walked_inputs() {
    finish_walk();
    inputs in = inputs_of(std::move(walked_));
    const std::size_t workers = std::min<std::size_t>(settings_.jobs, in.files.size());
    if (workers > 1) pool_.grow_to(workers - 1);
    return in;
}

// Straight from descriptor 0, as files are read: through std::cin a
// character at a time, 50 MB took 0.8 s more than the same file named.
stdin_text read_stdin_if_needed(const inputs& in) {
    stdin_text text;
    const auto dashes =
        std::count_if(in.files.begin(), in.files.end(), [](const input_file& f) { return f.path == "-"; });
    if (dashes == 0) return text;
    text.shared = dashes > 1;
    if (!read_descriptor_bytes(STDIN_FILENO, text.bytes, text.error)) text.bytes.clear();
    return text;
}

void read_input(input_file& file, stdin_text* stdin_input, const sentence_batches* batches) {
    std::string bytes;
    if (file.path == "-") {
        if (stdin_input && !stdin_input->error.empty()) {
            file.error = read_error{file.path, 0, 0, "cannot read standard input: " + stdin_input->error};
            return;
        }
        if (stdin_input) bytes = stdin_input->shared ? stdin_input->bytes : std::move(stdin_input->bytes);
    } else {
        std::string reason;
        if (!read_file_bytes(file.path, bytes, reason)) {
            file.error = read_error{file.path, 0, 0, "cannot read file: " + reason};
            return;
        }
    }
    auto doc = std::make_unique<document>();
    const input_format format = file.path == "-" ? input_format::markdown : format_for_path(file.path);
    if (auto error = read_document(file.path, std::move(bytes), format, *doc, batches)) {
        file.error = std::move(*error);
        return;
    }
    file.doc = std::move(doc);
}

void print_read_error(const read_error& e) {
    std::cerr << format_located({e.path, e.line, e.column, e.message}) << '\n';
}

void print_read_warnings(const document& doc) { print_read_warnings(doc.warnings); }

void print_read_warnings(const std::vector<read_error>& warnings) {
    for (const read_error& w : warnings)
        std::cerr << format_located({w.path, w.line, w.column, w.message}, "warning") << '\n';
}

}  // namespace factlint::cli
