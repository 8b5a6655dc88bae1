// `factlint extract`: every claim record as JSON Lines (SPEC §3), file by
// file in path order, each file's records in document order.
#include <iostream>
#include <memory>
#include <span>
#include <string>

#include "checker/engine.hpp"
#include "checker/parallel.hpp"
#include "cli/commands.hpp"
#include "cli/ordered_output.hpp"
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
    stdin_text stdin_input = read_stdin_if_needed(in);
    // Each file's lines are made by the worker that read it, so that -j
    // shares the writing too, and its document freed there (with thousands
    // of files, every document was held until the end). They go out in path
    // order: the file at the head of the order straight through, a file
    // ahead of its turn kept until then (ordered_output).
    struct file_lines {
        bool read = false;
        bool error_printed = false;  // its read error, before its lines
        std::vector<read_error> warnings;
        std::size_t records = 0, matched = 0;
    };
    std::vector<file_lines> lines(in.files.size());
    std::size_t total = 0, matched = 0;
    // A file's read error and warnings before its lines, its --stats line
    // after them. An internal error comes to light once lines may be out:
    // it is printed after them.
    const auto open_file = [&](std::size_t i) {
        file_lines& l = lines[i];
        if (in.files[i].error) {
            print_read_error(*in.files[i].error);
            l.error_printed = true;
        }
        print_read_warnings(l.warnings);
    };
    const auto close_file = [&](std::size_t i) {
        const input_file& f = in.files[i];
        const file_lines& l = lines[i];
        if (f.error && !l.error_printed) print_read_error(*f.error);
        if (!l.read) return;
        if (s->stats) std::cerr << f.path << ": " << l.records << " records, " << l.matched << " matched\n";
        total += l.records;
        matched += l.matched;
    };
    ordered_output output(std::cout, in.files.size(), open_file, close_file);
    parallel_for(threads->pool(), in.files.size(), [&](std::size_t i) {
        input_file& f = in.files[i];
        file_lines& l = lines[i];
        try {
            // A block of records at a time, written and dropped, as the
            // reader hands sentences over: a dense file's records all at
            // once were many times its size, and so were its sentences.
            // The document is read (its warnings known: the reader makes
            // them before any sentence) once its first sentences arrive, or
            // once read_input returns for a document without one.
            const document* reading = nullptr;
            const auto read_so_far = [&](const document& doc) {
                if (reading) return;
                reading = &doc;
                l.warnings = doc.warnings;  // before its first line: open_file prints them
                l.read = true;
            };
            std::string text;
            record_stream records(*store, options, [&](std::span<const claim_record> block) {
                text.clear();
                for (const claim_record& r : block) {
                    if (!r.claim_id.empty()) ++l.matched;
                    append_record_jsonl(r, f.path, reading->lines, text);
                }
                l.records += block.size();
                output.write(i, text);
            });
            const sentence_batches batches{.take = [&](const document& doc) {
                read_so_far(doc);
                records.add_sentences(doc);
            }};
            read_input(f, &stdin_input, &batches);
            if (f.doc) read_so_far(*f.doc);
            f.doc.reset();
        } catch (const std::exception& e) {
            f.doc.reset();
            f.error = read_error{f.path, 0, 0, std::string("internal error: ") + e.what()};
            l.read = false;  // a file that failed prints its error, and no --stats line
        }
        output.finish(i);
    });
    std::cout.flush();
    cache_writer.finish();
    if (s->stats) std::cerr << "total: " << total << " records, " << matched << " matched\n";
    if constexpr (ends_without_cleanup) leave_to_process_end(std::move(threads));  // as check does
    return in.failed() > 0 ? exit_usage : exit_ok;
}

}  // namespace factlint::cli
