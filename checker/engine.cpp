#include "checker/engine.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "checker/extract.hpp"
#include "checker/reference_check.hpp"
#include "checker/rule.hpp"
#include "checker/rule_support.hpp"
#include "checker/suppression.hpp"
#include "claims/huge_pages.hpp"

namespace factlint {

bool rule_selected(std::string_view code, const check_options& options) {
    auto matches = [&](const std::string& pattern) { return code.starts_with(pattern); };
    if (!options.select.empty() && std::none_of(options.select.begin(), options.select.end(), matches))
        return false;
    return std::none_of(options.ignore.begin(), options.ignore.end(), matches);
}

void place_finding(finding& f, const std::string& file, const line_index& lines,
                   const check_options& options) {
    const rule_info* rule = find_rule(f.code);
    if (rule != nullptr) {
        f.name = rule->name;
        f.level = rule->level;
    }
    if (const auto o = options.severity_overrides.find(f.code); o != options.severity_overrides.end())
        f.level = o->second;
    f.file = file;
    const auto start = lines.locate(f.span.begin);
    const auto end = lines.locate(f.span.end);
    f.line = start.line;
    f.column = start.column;
    f.end_line = end.line;
    f.end_column = end.column;
    for (related_location& r : f.related)
        if (r.file.empty()) r.file = file;
}

namespace {
// Runs of digits (with their separators) that start a word: "2,500" is one.
std::size_t digit_runs(std::string_view text) {
    std::size_t runs = 0;
    bool in_run = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool digit = c >= '0' && c <= '9';
        const bool joins = in_run && (c == ',' || c == '.') && i + 1 < text.size() && text[i + 1] >= '0' &&
                           text[i + 1] <= '9';
        if (digit && !in_run) ++runs;
        in_run = digit || joins;
    }
    return runs;
}

bool by_position(const finding& a, const finding& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
}

// One selected rule's run over the document.
struct rule_run {
    const rule_info* rule;
    std::size_t examined = 0;
    std::vector<finding> findings;
};

// The selected rules with an entry point, in table order, and what those
// that compare across sentences or files keep of each block.
struct rule_plan {
    std::vector<rule_run> runs;
    std::vector<record_filter> keeps;

    [[nodiscard]] bool kept(const claim_record& r) const {
        return std::any_of(keeps.begin(), keeps.end(), [&](record_filter keep) { return keep(r); });
    }
};

rule_plan plan_rules(const check_options& options) {
    rule_plan plan;
    // Room for every rule at once: grown one by one, the two vectors took
    // eight allocations for every file (13 rules).
    plan.runs.reserve(rule_table().size());
    plan.keeps.reserve(rule_table().size());
    for (const rule_info& rule : rule_table()) {
        if (!rule_selected(rule.code, options)) continue;
        if (rule.run != nullptr) plan.runs.push_back({&rule, 0, {}});
        if (rule.keeps != nullptr) plan.keeps.push_back(rule.keeps);
    }
    return plan;
}

void run_rules(rule_plan& plan, rule_reach reach, const document& doc,
               const std::vector<claim_record>& records, const claim_store& store,
               const check_options& options, verdict_memo* verdicts = nullptr) {
    if (verdicts != nullptr) verdicts->reset(records.size());
    for (rule_run& run : plan.runs)
        if (run.rule->reach == reach)
            run.rule->run(rule_context{doc, records, store, options, &run.examined, verdicts}, run.findings);
}

// What --stats counts of a block before it is dropped.
void count_block(const std::vector<claim_record>& block, const check_options& options, file_result& result) {
    result.record_count += block.size();
    for (const claim_record& r : block) {
        if (!r.claim_id.empty()) ++result.matched_count;
        if (options.count_numbers && r.kind != record_kind::change) result.numbers_read += digit_runs(r.text);
    }
}

// Room for one more. These fill for the whole document: once one has
// outgrown a few pages, its doubled buffer is mapped at once
// (claims/huge_pages.hpp) rather than a page fault for each 4 KB; a short
// document's few records stay in a small buffer, mapped as it fills.
template <typename T>
void room_for_one_more(std::vector<T>& v) {
    constexpr std::size_t few_pages = 16 * 1024;
    if (v.size() < v.capacity()) return;
    if (v.capacity() * sizeof(T) < few_pages)
        v.reserve(std::max<std::size_t>(4, 2 * v.capacity()));
    else
        reserve_huge(v, 2 * v.capacity());
}

// Points `words` at a copy in the result's own store unless it views the
// source, which stays while the document lives: the reader reuses the
// prose of a batch's other sentences (reader/document.hpp,
// sentence_batches). Most kept words are the source's (every sentence of
// plain text within one line, Markdown without markup in the sentence).
void keep_words(std::string_view& words, const document& doc, file_result& result) {
    if (words.empty() || lies_within(words, doc.source)) return;
    constexpr std::size_t first_chunk = 4096;
    if (!result.kept_words) result.kept_words = std::make_unique<text_store>(first_chunk);
    words = result.kept_words->keep(words);
}

// Moves the records that later rules compare out of a block, placed for
// FL205's report; their change and total parts index into the block.
void keep_compared(const rule_plan& plan, const document& doc, std::vector<claim_record>& block,
                   file_result& result) {
    for (claim_record& r : block) {
        if (!plan.kept(r)) continue;
        keep_words(r.text, doc, result);
        keep_words(r.noun, doc, result);
        room_for_one_more(result.record_starts);
        room_for_one_more(result.record_ends);
        room_for_one_more(result.kept_records);
        r.change.reset();
        r.total.reset();
        result.record_starts.push_back(doc.lines.locate(r.span.begin));
        result.record_ends.push_back(doc.lines.locate(r.span.end));
        result.kept_records.push_back(std::move(r));
    }
}
}  // namespace

struct document_check::parts {
    parts(const document& doc, const claim_store& store, const check_options& options)
        : plan(plan_rules(options)), extractor(doc, store, options) {}
    rule_plan plan;
    record_extractor extractor;
    std::vector<claim_record> block;
    verdict_memo verdicts;  // the block's, for its sentence rules
    file_result result;
};

document_check::document_check(const claim_store& store, const check_options& options)
    : store_(store), options_(options) {}

document_check::~document_check() = default;

void document_check::add_sentences(const document& doc) {
    // Made at the first sentences, when the reader knows the front matter's date.
    if (!parts_) parts_ = std::make_unique<parts>(doc, store_, options_);
    parts& p = *parts_;
    for (std::size_t next = 0; next < doc.sentences.size();) {
        p.block.clear();
        next = p.extractor.extract(next, block_records, p.block);
        count_block(p.block, options_, p.result);
        run_rules(p.plan, rule_reach::sentence, doc, p.block, store_, options_, &p.verdicts);
        keep_compared(p.plan, doc, p.block, p.result);
    }
    if (options_.count_numbers)
        for (const sentence& s : doc.sentences) p.result.numbers_seen += digit_runs(s.text);
}

file_result check_document(const document& doc, const claim_store& store, const check_options& options) {
    document_check check(store, options);
    check.add_sentences(doc);
    return check.finish(doc);
}

file_result document_check::finish(const document& doc) {
    if (!parts_) parts_ = std::make_unique<parts>(doc, store_, options_);  // a document without sentences
    rule_plan& plan = parts_->plan;
    const check_options& options = options_;
    const claim_store& store = store_;
    file_result result = std::move(parts_->result);
    result.path = doc.path;
    run_rules(plan, rule_reach::document, doc, result.kept_records, store, options);

    // In table order, as when every rule read the whole document: the sort
    // below is not stable.
    result.examined.reserve(plan.runs.size());
    std::size_t finding_count = 0, rules_finding = 0;
    for (const rule_run& run : plan.runs) {
        finding_count += run.findings.size();
        rules_finding += run.findings.empty() ? 0 : 1;
    }
    reserve_huge(result.findings, rules_finding > 1 ? finding_count : 0);
    for (rule_run& run : plan.runs) {
        result.examined.emplace_back(run.rule->code, run.examined);
        if (rules_finding == 1 && !run.findings.empty())
            result.findings = std::move(run.findings);  // the only rule that found: no copy
        else
            std::move(run.findings.begin(), run.findings.end(), std::back_inserter(result.findings));
    }
    for (finding& f : result.findings) place_finding(f, doc.path, doc.lines, options);
    if (options.inline_ignores) apply_suppressions(doc, result.findings, rule_selected("FL901", options));
    for (finding& f : result.findings) place_finding(f, doc.path, doc.lines, options);
    std::sort(result.findings.begin(), result.findings.end(), by_position);
    return result;
}

}  // namespace factlint
