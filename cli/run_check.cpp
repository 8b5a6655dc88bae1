// `factlint check`: read every input, run the rules, render one report.
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>

#include "checker/engine.hpp"
#include "checker/parallel.hpp"
#include "checker/rule.hpp"
#include "claims/huge_pages.hpp"
#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/process_end.hpp"
#include "cli/session.hpp"
#include "report/report.hpp"

namespace factlint::cli {

namespace {

// Where rule pages live for people following a link from a report; a
// fork or mirror changes it here (docs/cli.md says so).
constexpr const char* help_uri_base = "https://github.com/factlint/factlint/blob/main/docs/rules/";
constexpr const char* information_uri = "https://github.com/factlint/factlint";

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
}

// Color only for people: a terminal, NO_COLOR unset; FORCE_COLOR forces it
// on (for CI logs that render ANSI), NO_COLOR wins over it.
bool use_color(output_format format) {
    if (format != output_format::text || env_set("NO_COLOR")) return false;
    const char* force = std::getenv("FORCE_COLOR");
    if (force && *force && std::string_view(force) != "0") return true;
    return isatty(STDOUT_FILENO) != 0;
}

std::vector<rule_description> rule_descriptions() {
    std::vector<rule_description> rules;
    for (const rule_info& r : rule_table())
        rules.push_back({std::string(r.code), std::string(r.name), std::string(r.summary), r.level});
    return rules;
}

bool by_position(const finding& a, const finding& b) {
    return std::tie(a.line, a.column, a.end_line, a.end_column, a.code) <
           std::tie(b.line, b.column, b.end_line, b.end_column, b.code);
}

// Frees what only checking read (the sentences, the prose they view, the
// directives) in the worker that read them, so that the next file it reads
// reuses that memory instead of touching fresh pages: over 2,225 files the
// page faults cost more than the instructions (docs/performance.md). The
// report still reads the path, the source and its line index (to quote
// lines) and the warnings.
void keep_for_report(document& doc) {
    doc.sentences = std::vector<sentence>();
    doc.prose.clear();
    doc.directives = std::vector<directive>();
}

// Whether the report may quote a line of this file: only the text report
// quotes, and only the lines of findings, which are the file's own or
// FL205's at a record it keeps.
bool may_quote(const file_result& result, const settings& s) {
    return s.format == output_format::text && (!result.findings.empty() || !result.kept_records.empty());
}

// What the report reads of the inputs once they are checked.
struct checked_inputs {
    std::vector<file_result> results;               // results[i] belongs to inputs.files[i]
    std::vector<std::vector<read_error>> warnings;  // of the files read
};

// Checks every readable input. A document is kept only while the report may
// quote it (the rest is freed by the worker that read it, see
// keep_for_report); no result views its document (keep_for_across_files).
checked_inputs check_all(inputs& in, const claim_store& store, const settings& s, worker_pool& pool) {
    const check_options options = s.to_check_options();
    stdin_text stdin_input = read_stdin_if_needed(in);
    checked_inputs checked;
    // Mapped in one request, not a page fault every 4 KB (claims/huge_pages.hpp):
    // 2,225 results fill 110 pages.
    reserve_huge(checked.results, in.files.size());
    checked.results.resize(in.files.size());
    checked.warnings.resize(in.files.size());
    parallel_for(pool, in.files.size(), [&](std::size_t i) {
        input_file& f = in.files[i];
        file_result& result = checked.results[i];
        try {
            // Checked as it is read: a document of many short sentences
            // never holds them all (reader/document.hpp).
            document_check check(store, options);
            const sentence_batches batches{
                .take = [&check](const document& doc) { check.add_sentences(doc); }};
            read_input(f, &stdin_input, &batches);
            if (f.doc) {
                result = check.finish(*f.doc);
                keep_for_across_files(result, options, in.files.size() > 1);
                checked.warnings[i] = std::move(f.doc->warnings);
                if (may_quote(result, s))
                    keep_for_report(*f.doc);
                else
                    f.doc.reset();
            }
        } catch (const std::exception& e) {  // one bad file must not take the run down
            f.doc.reset();
            f.error = read_error{f.path, 0, 0, std::string("internal error: ") + e.what()};
        }
        result.path = f.path;
    });
    return checked;
}

// --stats: how much was found, to stderr so it never mixes with a report.
void print_stats(const std::vector<file_result>& checked) {
    std::size_t records = 0, matched = 0, findings = 0, seen = 0, read = 0;
    std::map<std::string, std::size_t> per_rule, examined;
    auto line = [](const std::string& name, std::size_t seen, std::size_t read, std::size_t records,
                   std::size_t matched, std::size_t findings) {
        std::cerr << name << ": " << seen << " numbers seen, " << read << " read into claims, " << records
                  << " claim records, " << matched << " matched to a reference, " << findings
                  << " findings\n";
    };
    for (const file_result& r : checked) {
        line(r.path, r.numbers_seen, r.numbers_read, r.record_count, r.matched_count, r.findings.size());
        records += r.record_count;
        matched += r.matched_count;
        findings += r.findings.size();
        seen += r.numbers_seen;
        read += r.numbers_read;
        for (const finding& f : r.findings) ++per_rule[f.code];
        for (const auto& [code, n] : r.examined) examined[std::string(code)] += n;
    }
    line("total", seen, read, records, matched, findings);
    std::cerr << "rule     examined  findings\n";
    for (const auto& [code, n] : examined)
        std::cerr << code << "  " << std::setw(9) << n << "  " << std::setw(8) << per_rule[code] << '\n';
    for (const auto& [code, n] : per_rule)
        if (!examined.contains(code))
            std::cerr << code << "  " << std::setw(9) << "-"
                      << "  " << std::setw(8) << n << '\n';
}

// Whether large claims came from the cache: a CI maintainer keeping the
// cache between jobs can see that it works. Silent when it was not asked.
void print_cache_use(cache_use used, const claims_cache_options& cache) {
    switch (used) {
        case cache_use::off: return;
        case cache_use::hit:
            std::cerr << "claims: read compiled from the cache in " << cache.dir << '\n';
            return;
        case cache_use::stored:
            std::cerr << "claims: parsed, and compiled into the cache in " << cache.dir << '\n';
            return;
        case cache_use::missed:
            std::cerr << "claims: parsed, not written into the cache in " << cache.dir
                      << " (it could not be written, or a claims file changed while it was read)\n";
            return;
    }
}

std::optional<baseline> load_baseline_setting(const settings& s) {
    if (!s.baseline) return baseline{};
    baseline_result loaded = load_baseline(*s.baseline);
    for (const located_error& e : loaded.errors) std::cerr << format_located(e) << '\n';
    if (!loaded.errors.empty()) return std::nullopt;
    return std::move(loaded.value);
}

// Hides the findings the baseline records, reports its stale entries, and
// with --write-baseline records the findings: all of them, or with
// --baseline only those it still matched (so the baseline only shrinks).
// Returns the findings to report, or nullopt when the baseline cannot be
// written. A run with --write-baseline reports what the written baseline
// would not hide.
std::optional<std::vector<finding>> apply_baselines(std::vector<finding> findings, const baseline& base,
                                                    const std::vector<file_result>& checked,
                                                    const settings& s, bool inputs_failed,
                                                    std::size_t& hidden) {
    hidden = 0;
    if (base.entries.empty() && !s.write_baseline) return findings;  // nothing to hide: skip the file keys
    std::set<std::string> files;
    for (const file_result& r : checked) files.insert(baseline_file_key(r.path));
    const check_options options = s.to_check_options();
    auto in_scope = [&](const baseline_entry& e) {
        return files.contains(e.file) && rule_selected(e.code, options);
    };
    std::vector<baseline_entry> entries;
    if (s.write_baseline && !s.baseline) entries = baseline_entries(findings);
    baseline_match match = apply_baseline(std::move(findings), base, in_scope);
    const bool pruning = s.write_baseline && s.baseline;
    for (std::size_t i : match.stale) {
        const baseline_entry& e = base.entries[i];
        std::cerr << base.path << ':' << e.line << ':' << e.column << ": warning: stale baseline entry"
                  << (pruning ? " dropped: " : ": ") << e.code << " in " << e.file << " no longer occurs"
                  << (e.message.empty() ? std::string() : ": " + e.message) << '\n';
    }
    hidden = match.hidden.size();
    if (!s.write_baseline) return std::move(match.kept);
    if (s.baseline) {
        entries = baseline_entries(match.hidden);
        for (std::size_t i : match.out_of_scope) entries.push_back(base.entries[i]);
        sort_entries(entries);
    }
    if (inputs_failed) {  // a baseline without the unread files' findings would lose them
        std::cerr << format_located(
                         {*s.write_baseline, 1, 1, "baseline not written: some inputs could not be read"})
                  << '\n';
        return std::nullopt;
    }
    if (auto error = write_file_atomically(*s.write_baseline, render_baseline(entries))) {
        std::cerr << format_located({*s.write_baseline, 1, 1, "cannot write baseline: " + *error}) << '\n';
        return std::nullopt;
    }
    std::cerr << "factlint: wrote " << entries.size() << (entries.size() == 1 ? " entry" : " entries")
              << " to " << *s.write_baseline << '\n';
    if (s.baseline) return std::move(match.kept);
    hidden += match.kept.size();
    return std::vector<finding>{};
}

// The line a finding is on, for the text report; a long line only around
// the finding (report.hpp source_text), so that a file of one huge line
// with many findings is not quoted whole for each.
std::optional<source_text> quoted_source(const document& doc, const finding& f) {
    constexpr std::size_t whole_line_limit = 1000, context = 200;
    if (f.line < 1 || f.line > doc.lines.line_count()) return std::nullopt;
    const std::string_view line = doc.lines.line_text(f.line);
    if (line.size() <= whole_line_limit) return source_text(std::string(line));
    const auto line_start = static_cast<std::size_t>(line.data() - doc.source.data());
    if (f.span.begin < line_start || f.span.begin > line_start + line.size()) return std::nullopt;
    const std::size_t begin = f.span.begin - line_start;
    const std::size_t end = std::clamp(f.span.end, f.span.begin, line_start + line.size()) - line_start;
    std::size_t from = begin > context ? begin - context : 0;
    std::size_t to = std::min({line.size(), end + context, begin + whole_line_limit});
    const auto continuation = [&](std::size_t i) {
        return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
    };
    while (from > 0 && continuation(from)) --from;  // whole UTF-8 characters only
    while (to < line.size() && continuation(to)) ++to;
    source_text t(std::string(line.substr(from, to - from)));
    t.first_column = doc.lines.locate(line_start + from).column;
    t.cut_before = from > 0;
    t.cut_after = to < line.size();
    return t;
}

// Frees the documents and their records with the workers that made them:
// with thousands of files, freeing them one by one after the report was
// serial work that -j could not share (docs/performance.md part 24). Only
// builds that end the ordinary way free them at all (cli/process_end.hpp).
void release_in_parallel(inputs& in, std::vector<file_result>& checked, unsigned jobs) {
    parallel_for(std::max(in.files.size(), checked.size()), jobs, [&](std::size_t i) {
        if (i < in.files.size()) in.files[i].doc.reset();
        if (i < checked.size()) checked[i] = file_result{};
    });
}

}  // namespace

int run_check(const command_line& cl) {
    const std::optional<settings> s = resolve_settings(cl);
    if (!s) return exit_usage;
    // With two jobs or more, the directory walk runs beside the claims load:
    // both come before any file is checked, so neither could be shared out
    // (over 2,225 files they were most of the serial part: docs/performance.md
    // part 19).
    auto threads = std::make_unique<run_threads>(*s);
    cache_use cache_used = cache_use::off;
    std::string key_to_write;
    std::optional<claim_store> store =
        load_reference_claims(s->claims, s->claims_cache, s->jobs, &cache_used,
                              s->jobs > 1 ? &key_to_write : nullptr, [&] { return threads->lend_pool(); });
    if (!store) return exit_usage;
    // With two jobs or more, claims parsed on a cache miss are written into
    // the cache beside the checking, not before it: 100,000 claims took
    // about 20 ms to compile and write.
    cache_write_beside cache_writer(s->claims_cache, std::move(key_to_write), *store);
    const std::optional<baseline> base = load_baseline_setting(*s);
    if (!base) return exit_usage;

    inputs in = threads->walked_inputs();
    checked_inputs read = check_all(in, *store, *s, threads->pool());

    // Across files only over what was read: keep the checked results together.
    std::vector<file_result> checked;
    std::vector<std::size_t> origin;
    reserve_huge(checked, in.files.size());  // grown one by one, it moved every result again
    origin.reserve(in.files.size());
    for (std::size_t i = 0; i < in.files.size(); ++i) {
        if (in.files[i].error) {
            print_read_error(*in.files[i].error);
            continue;
        }
        print_read_warnings(read.warnings[i]);
        checked.push_back(std::move(read.results[i]));
        origin.push_back(i);
    }
    check_across_files(checked, *store, s->to_check_options());

    std::vector<finding> findings;
    run_summary summary;
    std::map<std::string, const document*> docs;
    for (std::size_t k = 0; k < checked.size(); ++k) {
        file_result& r = checked[k];
        std::stable_sort(r.findings.begin(), r.findings.end(), by_position);
        if (s->stats) {  // --stats counts each file's findings after the report
            findings.insert(findings.end(), r.findings.begin(), r.findings.end());
        } else {  // moved, not copied: a finding holds four or five strings
            findings.insert(findings.end(), std::make_move_iterator(r.findings.begin()),
                            std::make_move_iterator(r.findings.end()));
            r.findings = std::vector<finding>();
        }
        summary.claims += r.record_count;
        if (const document* doc = in.files[origin[k]].doc.get()) docs.emplace(r.path, doc);
    }
    std::size_t hidden = 0;
    std::optional<std::vector<finding>> shown =
        apply_baselines(std::move(findings), *base, checked, *s, in.failed() > 0, hidden);
    if (!shown) return exit_usage;
    findings = std::move(*shown);
    summary.files = checked.size();
    summary.skipped = in.failed();
    bool failed = false;
    for (const finding& f : findings) {
        if (f.level == severity::error)
            ++summary.errors;
        else if (f.level == severity::warning)
            ++summary.warnings;
        else
            ++summary.infos;
        failed = failed || fails(f.level, s->fail_on);
    }

    const std::vector<rule_description> rules = rule_descriptions();
    report_input report;
    report.findings = findings;
    report.summary = summary;
    report.rules = rules;
    report.source_line = [&docs](const finding& f) -> std::optional<source_text> {
        auto it = docs.find(f.file);
        if (it == docs.end()) return std::nullopt;
        return quoted_source(*it->second, f);
    };
    report.color = use_color(s->format);
    report.version = FACTLINT_VERSION;
    report.help_uri_base = help_uri_base;
    report.information_uri = information_uri;
    write_report(s->format, report, std::cout);
    std::cout.flush();
    if (cache_writer.finish()) cache_used = cache_use::stored;

    if (s->stats) {
        print_stats(checked);
        if (s->baseline || s->write_baseline)
            std::cerr << "hidden by the baseline: " << hidden << " findings\n";
        print_cache_use(cache_used, s->claims_cache);
    }
    const bool inputs_failed = in.failed() > 0;
    if constexpr (ends_without_cleanup) {
        leave_to_process_end(std::move(in));
        leave_to_process_end(std::move(checked));
        leave_to_process_end(std::move(read));
        leave_to_process_end(std::move(store));
        leave_to_process_end(std::move(threads));  // a join would wait for each thread's end
    } else {
        release_in_parallel(in, checked, s->jobs);
    }

    if (inputs_failed) return exit_usage;
    return failed ? exit_findings : exit_ok;
}

}  // namespace factlint::cli
