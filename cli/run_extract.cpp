// `factlint extract`: every claim record as JSON Lines (SPEC §3), file by
// file in path order, each file's records in document order.
#include <algorithm>
#include <iostream>
#include <sstream>

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
    // Each file's lines are written by the worker that read it, so that -j
    // shares the writing too, and its document freed there (with thousands
    // of files, every document was held until the end); they are printed in
    // path order afterwards.
    struct file_lines {
        bool read = false;
        std::vector<read_error> warnings;
        std::string text;
        std::size_t records = 0, matched = 0;
    };
    std::vector<file_lines> lines(in.files.size());
    parallel_for(in.files.size(), s->jobs, [&](std::size_t i) {
        input_file& f = in.files[i];
        try {
            read_input(f, &stdin_bytes);
            if (!f.doc) return;
            const std::vector<claim_record> records = extract_records(*f.doc, *store, options);
            std::ostringstream out;
            for (const claim_record& r : records) write_record_jsonl(r, f.path, f.doc->lines, out);
            lines[i].text = std::move(out).str();
            lines[i].records = records.size();
            lines[i].matched = static_cast<std::size_t>(std::count_if(
                records.begin(), records.end(), [](const claim_record& r) { return !r.claim_id.empty(); }));
            lines[i].read = true;
            lines[i].warnings = std::move(f.doc->warnings);
            f.doc.reset();
        } catch (const std::exception& e) {
            f.doc.reset();
            f.error = read_error{f.path, 0, 0, std::string("internal error: ") + e.what()};
        }
    });

    std::size_t total = 0, matched = 0;
    for (std::size_t i = 0; i < in.files.size(); ++i) {
        const input_file& f = in.files[i];
        if (f.error) print_read_error(*f.error);
        if (!lines[i].read) continue;
        print_read_warnings(lines[i].warnings);
        std::cout.write(lines[i].text.data(), static_cast<std::streamsize>(lines[i].text.size()));
        if (s->stats)
            std::cerr << f.path << ": " << lines[i].records << " records, " << lines[i].matched
                      << " matched\n";
        total += lines[i].records;
        matched += lines[i].matched;
    }
    std::cout.flush();
    if (s->stats) std::cerr << "total: " << total << " records, " << matched << " matched\n";
    return in.failed() > 0 ? exit_usage : exit_ok;
}

}  // namespace factlint::cli
