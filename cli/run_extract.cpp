// `factlint extract`: every claim record as JSON Lines (SPEC §3), file by
// file in path order, each file's records in document order.
#include <iostream>
#include <memory>
#include <span>
#include <sstream>

#include "checker/engine.hpp"
#include "checker/parallel.hpp"
#include "cli/commands.hpp"
#include "cli/process_end.hpp"
#include "cli/session.hpp"
#include "report/records.hpp"

namespace factlint::cli {

int run_extract(const command_line& cl) {
    const std::optional<settings> s = resolve_settings(cl);
    if (!s) return exit_usage;
    auto threads = std::make_unique<run_threads>(*s);  // the walk beside the claims load, as check does
    std::string key_to_write;
    const std::optional<claim_store> store =
        load_reference_claims(s->claims, s->claims_cache, s->jobs, nullptr,
                              s->jobs > 1 ? &key_to_write : nullptr, [&] { return threads->lend_pool(); });
    if (!store) return exit_usage;
    // As check does: a missed entry written while the records are made.
    cache_write_beside cache_writer(s->claims_cache, std::move(key_to_write), *store);

    inputs in = threads->walked_inputs();
    const check_options options = s->to_check_options();
    const std::string stdin_bytes = read_stdin_if_needed(in);
    // Each file's lines are written by the worker that read it, so that -j
    // shares the writing too, and its document freed there (with thousands
    // of files, every document was held until the end). With one worker the
    // files come in path order, and the lines go straight out: a large
    // file's text would otherwise be held beside its records.
    const bool in_order = s->jobs <= 1 || in.files.size() <= 1;
    struct file_lines {
        bool read = false;
        std::vector<read_error> warnings;
        std::string text;
        std::size_t records = 0, matched = 0;
    };
    std::vector<file_lines> lines(in.files.size());
    std::size_t total = 0, matched = 0;
    // A file's read error, warnings, lines and --stats line, in that order.
    const auto print_file = [&](std::size_t i) {
        const input_file& f = in.files[i];
        if (f.error) print_read_error(*f.error);
        const file_lines& l = lines[i];
        if (!l.read) return;
        print_read_warnings(l.warnings);
        std::cout.write(l.text.data(), static_cast<std::streamsize>(l.text.size()));
        if (s->stats) std::cerr << f.path << ": " << l.records << " records, " << l.matched << " matched\n";
        total += l.records;
        matched += l.matched;
    };
    parallel_for(threads->pool(), in.files.size(), [&](std::size_t i) {
        input_file& f = in.files[i];
        file_lines& l = lines[i];
        try {
            read_input(f, &stdin_bytes);
            if (f.doc) {
                l.read = true;
                l.warnings = std::move(f.doc->warnings);
                if (in_order) {
                    print_read_warnings(l.warnings);
                    l.warnings.clear();
                }
                // A block of records at a time, written and dropped: a dense
                // file's records all at once were many times its size.
                std::ostringstream buffered;
                std::ostream& out = in_order ? static_cast<std::ostream&>(std::cout) : buffered;
                extract_records_by_block(*f.doc, *store, options, [&](std::span<const claim_record> block) {
                    l.records += block.size();
                    for (const claim_record& r : block) {
                        if (!r.claim_id.empty()) ++l.matched;
                        write_record_jsonl(r, f.path, f.doc->lines, out);
                    }
                });
                if (!in_order) l.text = std::move(buffered).str();
                f.doc.reset();
            }
        } catch (const std::exception& e) {
            f.doc.reset();
            f.error = read_error{f.path, 0, 0, std::string("internal error: ") + e.what()};
            l = file_lines{};  // a file that failed prints its error only
        }
        if (in_order) print_file(i);
    });
    if (!in_order)
        for (std::size_t i = 0; i < in.files.size(); ++i) print_file(i);
    std::cout.flush();
    cache_writer.finish();
    if (s->stats) std::cerr << "total: " << total << " records, " << matched << " matched\n";
    if constexpr (ends_without_cleanup) leave_to_process_end(std::move(threads));  // as check does
    return in.failed() > 0 ? exit_usage : exit_ok;
}

}  // namespace factlint::cli
