// `factlint claims FILE...`: validate reference claims files and say what
// they hold.
#include <iostream>
#include <map>
#include <memory>

#include "checker/claims_loader.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostics.hpp"
#include "cli/process_end.hpp"
#include "cli/session.hpp"
#include "cli/walk.hpp"
#include "grammar/claims_file.hpp"

namespace factlint::cli {

namespace {

struct file_counts {
    std::size_t claims = 0, values = 0, dates = 0, periods = 0;
    void add(const reference_claim& c) {
        ++claims;
        values += c.values.size();
        dates += c.date ? 1 : 0;
        periods += c.period ? 1 : 0;
    }
    void add(const file_counts& o) {
        claims += o.claims;
        values += o.values;
        dates += o.dates;
        periods += o.periods;
    }
};

std::string counted(std::size_t n, const char* singular, const char* plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

void print_counts(const std::string& label, const file_counts& c) {
    std::cout << label << ": " << counted(c.claims, "claim", "claims") << ", "
              << counted(c.values, "value", "values") << ", " << counted(c.dates, "date", "dates") << ", "
              << counted(c.periods, "period", "periods") << '\n';
}

}  // namespace

int run_claims(const std::vector<std::string>& paths, const cache_flags& cache, unsigned jobs) {
    walk_options options;
    options.extensions = {".claims"};
    const walk_result files = collect_files(paths, options);
    for (const walk_error& e : files.errors)
        std::cerr << format_located({e.path, 1, 1, "cannot read claims: " + e.message}) << '\n';
    if (!files.errors.empty()) return exit_usage;
    if (files.files.empty()) {
        std::cerr << "factlint: error: no *.claims files found\n";
        return exit_usage;
    }

    // The threads of a parse in pieces, made when first asked for and kept
    // for its second step: a thread made for each step took up to 5 ms to
    // begin (checker/parallel.hpp, pool_lender).
    std::unique_ptr<worker_pool> pool;
    const load_result loaded = load_claim_files(files.files, cache_options_of(cache), jobs, [&] {
        if (!pool) pool = std::make_unique<worker_pool>(1);
        return pool.get();
    });
    if constexpr (ends_without_cleanup) leave_to_process_end(std::move(pool));  // no join: the run ends soon
    for (const grammar::claims_file_error& e : loaded.errors) {
        const std::string text = grammar::format_error(e);
        std::cerr << text << (text.ends_with('\n') ? "" : "\n");
    }
    if (!loaded.errors.empty()) return exit_usage;

    // Counts per file, in the order the files were named.
    // A file's claims are consecutive in the store: one map look-up per run
    // of claims, not per claim.
    std::map<std::string, file_counts> per_file;
    file_counts* counts = nullptr;
    std::string_view counts_file;
    for (const reference_claim& c : loaded.store.claims()) {
        if (counts == nullptr || c.where.file != counts_file) {
            counts = &per_file[std::string(c.where.file)];
            counts_file = c.where.file;
        }
        counts->add(c);
    }
    file_counts total;
    for (const std::string& f : files.files) {
        const file_counts c = per_file.count(f) ? per_file[f] : file_counts{};
        print_counts(f, c);
        total.add(c);
        per_file.erase(f);
    }
    for (const auto& [f, c] : per_file) {  // a loader that names files its own way
        print_counts(f, c);
        total.add(c);
    }
    print_counts("total (" + counted(files.files.size(), "file", "files") + ")", total);
    return exit_ok;
}

}  // namespace factlint::cli
