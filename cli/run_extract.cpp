// `factlint extract`: every claim record as JSON Lines (SPEC §3), file by
// file in path order, each file's records in document order.
#include <algorithm>
#include <iostream>

#include "checker/engine.hpp"
#include "cli/commands.hpp"
#include "cli/parallel.hpp"
#include "cli/session.hpp"
#include "report/records.hpp"

namespace factlint::cli {

int run_extract(const command_line& cl) {
    const std::optional<settings> s = resolve_settings(cl);
    if (!s) return exit_usage;
    const std::optional<claim_store> store = load_reference_claims(s->claims, s->claims_cache);
    if (!store) return exit_usage;

    inputs in = collect_inputs(*s);
    const check_options options = s->to_check_options();
    const std::string stdin_bytes = read_stdin_if_needed(in);
    std::vector<std::vector<claim_record>> records(in.files.size());
    parallel_for(in.files.size(), s->jobs, [&](std::size_t i) {
        input_file& f = in.files[i];
        try {
            read_input(f, &stdin_bytes);
            if (f.doc) records[i] = extract_records(*f.doc, *store, options);
        } catch (const std::exception& e) {
            f.doc.reset();
            f.error = read_error{f.path, 0, 0, std::string("internal error: ") + e.what()};
        }
    });

    std::size_t total = 0, matched = 0;
    for (std::size_t i = 0; i < in.files.size(); ++i) {
        const input_file& f = in.files[i];
        if (f.error) print_read_error(*f.error);
        if (!f.doc) continue;
        print_read_warnings(*f.doc);
        for (const claim_record& r : records[i]) write_record_jsonl(r, f.path, f.doc->lines, std::cout);
        const auto m = static_cast<std::size_t>(std::count_if(
            records[i].begin(), records[i].end(), [](const claim_record& r) { return !r.claim_id.empty(); }));
        if (s->stats) std::cerr << f.path << ": " << records[i].size() << " records, " << m << " matched\n";
        total += records[i].size();
        matched += m;
    }
    std::cout.flush();
    if (s->stats) std::cerr << "total: " << total << " records, " << matched << " matched\n";
    return in.failed() > 0 ? exit_usage : exit_ok;
}

}  // namespace factlint::cli
