// The checker's front door: from a read document to its records and findings.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checker/finding.hpp"
#include "claims/record.hpp"
#include "claims/store.hpp"
#include "reader/document.hpp"

namespace factlint {

struct check_options {
    std::optional<time_span> as_of;  // document date when the front matter has none
    double hedge_tolerance = 0.10;
    std::vector<std::string> select;                     // codes or prefixes ("FL1"); empty: all
    std::vector<std::string> ignore;                     // codes or prefixes
    std::map<std::string, severity> severity_overrides;  // "FL104" -> error
    bool inline_ignores = true;                          // honour factlint-disable comments
    bool count_numbers = false;  // fill numbers_seen / numbers_read (--stats): a pass over all the prose
};

// Every claim record of a document, in document order, matched to the
// reference claims of `store` (which may be empty).
[[nodiscard]] std::vector<claim_record> extract_records(const document& doc, const claim_store& store,
                                                        const check_options& options);

// The same records, a block of sentences at a time (about a thousand
// records): each block is handed to `use` and dropped, so that a caller
// writing them out holds one block rather than the whole document's (two
// million records of a dense 50 MB file are 500 MB). Indices between the
// records of a block (change statements, totals) count from its start.
void extract_records_by_block(const document& doc, const claim_store& store, const check_options& options,
                              const std::function<void(std::span<const claim_record>)>& use);

// The same for a document read in batches (reader/document.hpp,
// sentence_batches): add_sentences(doc) with each batch, in order.
class record_stream {
public:
    record_stream(const claim_store& store, const check_options& options,
                  std::function<void(std::span<const claim_record>)> use);
    ~record_stream();
    record_stream(const record_stream&) = delete;
    record_stream& operator=(const record_stream&) = delete;
    void add_sentences(const document& doc);

private:
    struct parts;
    const claim_store& store_;
    const check_options& options_;
    std::function<void(std::span<const claim_record>)> use_;
    std::unique_ptr<parts> parts_;
};

struct file_result {
    std::string path;
    std::size_t record_count = 0;   // claim records of the document
    std::size_t matched_count = 0;  // of them, those matched to a reference claim
    // In document order, only the records that the selected rules comparing
    // across sentences or files read (rule_info::keeps): the others are
    // judged block by block and dropped (docs/architecture.md). Their change
    // and total parts, whose indices pointed into the block, are dropped too.
    std::vector<claim_record> kept_records;
    // Line and column of each kept record, for FL205's report.
    std::vector<line_index::position> record_starts;
    std::vector<line_index::position> record_ends;
    std::vector<finding> findings;  // sorted by position
    // Coverage, for --stats: what factlint saw and what it understood.
    std::size_t numbers_seen = 0;  // digit runs in the prose (with count_numbers)
    std::size_t numbers_read = 0;  // digit runs inside quantity and date records (same)
    // Per rule that ran, in table order: records it judged. The codes view
    // the rule table (a map of strings cost 5,000 instructions a file).
    std::vector<std::pair<std::string_view, std::size_t>> examined;
    // Words of the kept records (their `text` and `noun`) copied out of the
    // document: as they are kept, those outside its source (the reader
    // reuses the rest after each batch: reader/document.hpp); after
    // keep_for_across_files, all of them. Null while there are none.
    std::unique_ptr<text_store> kept_words;
};

// Runs every selected rule on one document.
[[nodiscard]] file_result check_document(const document& doc, const claim_store& store,
                                         const check_options& options);

// The same for a document read in batches (reader/document.hpp,
// sentence_batches): add_sentences(doc) with each batch, in order, then
// finish(doc) once the document is read. check_document is one batch.
class document_check {
public:
    document_check(const claim_store& store, const check_options& options);
    ~document_check();
    document_check(const document_check&) = delete;
    document_check& operator=(const document_check&) = delete;
    void add_sentences(const document& doc);
    [[nodiscard]] file_result finish(const document& doc);

private:
    struct parts;
    const claim_store& store_;
    const check_options& options_;
    std::unique_ptr<parts> parts_;
};

// Rules that compare documents with each other (FL205): appends findings to
// the results they concern.
void check_across_files(std::span<file_result> results, const claim_store& store,
                        const check_options& options);

// Keeps of `result` only what check_across_files reads: the kept records
// FL205 compares (none when it is not selected, or when no other file is
// checked with this one), with their words copied into
// `result.kept_words`. Afterwards the result no longer views the
// document, which can be freed before the other files are checked.
void keep_for_across_files(file_result& result, const check_options& options, bool other_files);

// Is `code` selected by the select/ignore lists?
[[nodiscard]] bool rule_selected(std::string_view code, const check_options& options);

}  // namespace factlint
