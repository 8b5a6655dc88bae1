// Claim records made a block of sentences at a time, so that a caller need
// not hold every record of a long document at once (check_document).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "checker/engine.hpp"
#include "checker/sentence_analysis.hpp"

namespace factlint {

// Records made and judged at a time. The rules that read one sentence at a
// time run on each block as it is made; only the records that the rules
// comparing across sentences read outlive it. A 50 MB input has 255,000
// records (63 MB), of which about 1,300 are kept (docs/performance.md, 8.).
// `extract` writes a block's records and drops them (extract_records_by_block).
constexpr std::size_t block_records = 1024;

// interned() takes a lock and hashes the word each call; the units, scales
// and hedges of a document's records are a handful of words, so the last
// few are kept here (views interned() gave: equal words, the same view),
// one of these for each of the three.
class recent_interned {
public:
    [[nodiscard]] std::string_view operator()(std::string_view word);

private:
    std::array<std::string_view, 8> recent_{};
    std::size_t next_ = 0;
};

class record_extractor {
public:
    record_extractor(const document& doc, const claim_store& store, const check_options& options);

    // Appends to `out` the records of whole sentences from sentence `first`
    // on, in document order, until `out` holds at least `enough` records or
    // the document ends; returns the sentence to go on from. Indices between
    // records (change statements, totals) count from the start of `out`.
    std::size_t extract(std::size_t first, std::size_t enough, std::vector<claim_record>& out);

private:
    void extract_sentence(std::size_t index, std::vector<claim_record>& out);
    void put_in_order(std::vector<claim_record>& out, std::size_t base);

    const document& doc_;
    const claim_store& store_;
    const check_options& options_;
    std::optional<time_span> document_date_;
    claim_store::link_kinds links_;  // what names can link (store_.links(), asked once)
    // Per-sentence buffers, kept across sentences so that their memory is reused.
    std::vector<int> q_rec_, t_rec_, order_, final_index_;
    sentence_analysis a_;
    recent_interned hedges_, units_, scales_;
};

}  // namespace factlint
