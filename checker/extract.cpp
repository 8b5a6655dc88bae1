// From a read document to its claim records (SPEC §3, §6).
#include <algorithm>
#include <cstdint>
#include <numeric>

#include "checker/extract.hpp"
#include "checker/patterns.hpp"
#include "checker/words.hpp"
#include "claims/huge_pages.hpp"
#include "claims/interned.hpp"
#include "claims/unit.hpp"

namespace factlint {

namespace {

using tk = token::kind;

struct sentence_context {
    const sentence& s;
    std::size_t index;
    const sentence_analysis& a;
    const std::optional<time_span>& document_date;
    const check_options& options;
    recent_interned& hedges;
    recent_interned& units;
    recent_interned& scales;
};

byte_span source_span(const sentence& s, std::size_t begin, std::size_t end) {
    if (end <= begin) return {s.source_offset(begin), s.source_offset(begin)};
    return {s.source_offset(begin), s.source_offset(end - 1) + 1};
}

// Where a record stands: its span and text, and its sentence.
void set_position(claim_record& r, const sentence_context& c, std::size_t begin, std::size_t end) {
    r.span = source_span(c.s, begin, end);
    r.text = c.s.text.substr(begin, end - begin);
    r.sentence = {c.s.source_begin(), c.s.source_end()};
    r.sentence_index = static_cast<std::uint32_t>(c.index);
}

void set_common(claim_record& r, const sentence_context& c, std::size_t begin, std::size_t end,
                std::size_t token) {
    set_position(r, c, begin, end);
    r.clause_index = c.a.part[token];
    r.verb_tense = tense_at(c.a, token);
    r.forecast = c.a.part_forecast[r.clause_index] || r.verb_tense == tense::future;
}

// Applies the time expression `t` to a quantity record.
void apply_time(claim_record& r, const sentence_context& c, const grammar::time_match& t) {
    r.time_written = true;
    if (!t.span) {
        r.basis = time_basis::relative;
        r.unresolved_relative = true;
        return;
    }
    if (t.kind == grammar::time_kind::since && c.document_date) {
        // "has grown to $5 billion since 2019": the figure is today's.
        r.time = c.document_date;
        r.basis = time_basis::document;
        return;
    }
    r.time = t.span;
    r.basis = t.basis;
    if (t.is_by && c.document_date && after(*t.span, *c.document_date)) r.forecast = true;
}

// The record builders fill a record made in place at the end of the
// sentence's list: a claim_record moves dearly.
void fill_quantity_record(claim_record& r, const sentence_context& c, std::size_t qi) {
    const grammar::quantity_match& q = c.a.toks.quantities[qi];
    const std::size_t token = c.a.toks.quantity_token[qi];
    r.kind = record_kind::quantity;
    set_common(r, c, q.begin, q.end, token);
    r.value = q.value;
    r.is_range = q.is_range;
    r.range = q.is_range ? range_interval(q.low, q.low_half_unit, q.high, q.high_half_unit, q.hedge,
                                          c.options.hedge_tolerance)
                         : stated_interval(q.value, q.half_unit, q.hedge, c.options.hedge_tolerance);
    r.hedge = q.hedge;
    r.hedge_text = c.hedges(q.hedge_text);
    r.unit = c.units(q.unit);
    r.scale = c.scales(q.scale);
    if (q.unit == "count") r.noun = noun_after(c.a, token);
    if (const auto t = time_for_quantity(c.a, qi)) {
        apply_time(r, c, c.a.toks.times[*t]);
    } else if (r.verb_tense == tense::present && c.document_date) {
        r.time = c.document_date;
        r.basis = time_basis::document;
    }
    // A figure about a time after the document's own date is a plan or a forecast.
    if (r.time && c.document_date && after(*r.time, *c.document_date) && r.basis == time_basis::explicit_)
        r.forecast = true;
}

void fill_time_record(claim_record& r, const sentence_context& c, std::size_t ti) {
    const grammar::time_match& t = c.a.toks.times[ti];
    const std::size_t token = c.a.toks.time_token[ti];
    r.kind = t.kind == grammar::time_kind::point ? record_kind::date : record_kind::period;
    set_common(r, c, t.begin, t.end, token);
    r.time = t.span;
    r.basis = t.basis;
    r.unresolved_relative = !t.span.has_value();
    r.time_written = true;
    const governing_verb v = governing_role(c.a, token);
    r.role = v.role;
    if (v.role != event_role::none) {
        // Unmatched events are compared by their subject's head noun (FL202).
        if (const std::string head = event_subject(c.a, v.verb); !head.empty()) r.subject = "event:" + head;
        r.verb_tense = c.a.toks.tokens[v.verb].has(words::past) ? tense::past : r.verb_tense;
    }
}

// "recently", "soon": a date record with no interval (basis vague). It
// belongs to no clause and attaches to nothing; its tense is the direction
// it points to, which the JSON output prints.
void fill_vague_record(claim_record& r, const sentence_context& c, const grammar::time_match& t) {
    r.kind = record_kind::date;
    set_position(r, c, t.begin, t.end);
    r.basis = time_basis::vague;
    r.time_written = true;
    r.verb_tense = t.normalized == "PAST_REF"     ? tense::past
                   : t.normalized == "FUTURE_REF" ? tense::future
                                                  : tense::present;
}

// Normalized subject of a counted noun phrase of two or more words.
std::string noun_subject(std::string_view noun) {
    std::string key;
    int words = 0;
    bool in_word = false;
    for (char ch : noun) {
        const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (letter) {
            if (!in_word && !key.empty()) key += ' ';
            if (!in_word) ++words;
            key += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        }
        in_word = letter || (in_word && ch == '.');
    }
    if (words < 2) return {};
    if (key.size() > 3 && key.back() == 's') key.pop_back();
    return key;
}

}  // namespace

std::string_view recent_interned::operator()(std::string_view word) {
    if (word.empty()) return {};
    for (const std::string_view w : recent_)
        if (w == word) return w;
    const std::string_view w = interned(word);
    recent_[next_++ % recent_.size()] = w;
    return w;
}

// Links names of reference claims in a sentence to its records (match.cpp).
void match_claims(const sentence_analysis& a, const claim_store& store, std::vector<claim_record>& records,
                  const std::vector<int>& quantity_record, const std::vector<int>& time_record);

record_extractor::record_extractor(const document& doc, const claim_store& store,
                                   const check_options& options)
    : doc_(doc),
      store_(store),
      options_(options),
      document_date_(doc.date ? doc.date : options.as_of),
      links_(store.links()) {}

std::size_t record_extractor::extract(std::size_t first, std::size_t enough, std::vector<claim_record>& out) {
    std::size_t si = first;
    while (si < doc_.sentences.size() && out.size() < enough) extract_sentence(si++, out);
    return si;
}

void record_extractor::extract_sentence(std::size_t si, std::vector<claim_record>& out) {
    const sentence& s = doc_.sentences[si];
    analyze_sentence(s.text, document_date_, a_);
    // Tokens exist only where there is a figure or a date (analyze_sentence).
    const bool tokenized = !a_.toks.quantities.empty() || !a_.toks.times.empty();
    if (!tokenized && a_.toks.vague_times.empty()) return;
    // Numbered across the batches a document may be read in (sentences_before).
    const sentence_context c{
        s, doc_.sentences_before + si, a_, document_date_, options_, hedges_, units_, scales_};

    // The records are made in place at the end of `out` (a claim_record
    // moves dearly), and their indices count from its start. Room for the
    // sentence's records is made once: exactly for the first sentence
    // (a document that is one huge sentence, a 50 MB single line, holds
    // its records once, docs/reliability.md), by doubling after that.
    const std::size_t base = out.size();
    const std::size_t expected =
        a_.toks.quantities.size() + a_.toks.times.size() + a_.toks.vague_times.size() + 2;
    if (out.capacity() - base < expected)
        reserve_huge(out, base == 0 ? expected : std::max(2 * out.capacity(), base + expected));
    q_rec_.assign(a_.toks.quantities.size(), -1);
    t_rec_.assign(a_.toks.times.size(), -1);
    for (const std::size_t i : a_.toks.match_tokens) {
        const token& t = a_.toks.tokens[i];
        if (t.what == tk::quantity) {
            q_rec_[static_cast<std::size_t>(t.index)] = static_cast<int>(out.size());
            fill_quantity_record(out.emplace_back(), c, static_cast<std::size_t>(t.index));
        } else if (t.what == tk::time) {
            t_rec_[static_cast<std::size_t>(t.index)] = static_cast<int>(out.size());
            fill_time_record(out.emplace_back(), c, static_cast<std::size_t>(t.index));
        }
    }
    auto rec_of = [&](int q) { return q < 0 ? -1 : q_rec_[static_cast<std::size_t>(q)]; };
    for (const change_statement& ch : find_changes(a_)) {
        claim_record r;
        r.kind = record_kind::change;
        const auto& first = a_.toks.tokens[ch.first_token];
        const auto& last = a_.toks.tokens[ch.last_token];
        set_common(r, c, first.begin, last.end, ch.first_token);
        r.change = change_info{};
        r.change->dir = ch.dir;
        r.change->delta_index = rec_of(ch.delta);
        r.change->to_index = rec_of(ch.to);
        r.change->from_index = rec_of(ch.from);
        if (ch.percent >= 0) {
            const claim_record& p = out[static_cast<std::size_t>(rec_of(ch.percent))];
            r.change->has_percent = true;
            r.change->percent = p.range;
            r.change->percent_value = p.value;
            r.change->percent_points = p.unit == "percent_point";
            r.value = p.value;
            r.range = p.range;
            r.unit = p.unit;
        }
        // The change is about the new value's time.
        if (r.change->to_index >= 0) {
            const claim_record& to = out[static_cast<std::size_t>(r.change->to_index)];
            r.time = to.time;
            r.basis = to.basis;
        }
        out.push_back(std::move(r));
    }
    for (const total_statement& t : find_totals(a_)) {
        claim_record& total = out[static_cast<std::size_t>(rec_of(t.total))];
        total.total = claim_record::total_info{t.exhaustive, t.marker, {}};
        for (int p : t.parts) total.total->parts.push_back(rec_of(p));
    }
    for (std::size_t k = base; k < out.size(); ++k)
        if (out[k].kind == record_kind::quantity && out[k].subject.empty())
            out[k].subject = noun_subject(out[k].noun);
    for (const grammar::time_match& t : a_.toks.vague_times) fill_vague_record(out.emplace_back(), c, t);
    // Names are looked for only where a claim could link what the sentence
    // has: most claims have values alone, and most sentences with a date
    // and no figure then need no scan.
    const bool linkable =
        (links_.figures && !a_.toks.quantities.empty()) || (links_.dates && !a_.toks.times.empty());
    if (linkable) match_claims(a_, store_, out, q_rec_, t_rec_);
    put_in_order(out, base);
}

// Puts the records of a sentence, out[base, end), in document order, with
// the indices between them remapped to their new places.
void record_extractor::put_in_order(std::vector<claim_record>& out, std::size_t base) {
    const std::size_t count = out.size() - base;
    if (count < 2) return;  // in order as it stands
    order_.resize(count);
    std::iota(order_.begin(), order_.end(), 0);
    const auto earlier = [&](int x, int y) {
        return out[base + static_cast<std::size_t>(x)].span.begin <
               out[base + static_cast<std::size_t>(y)].span.begin;
    };
    // Usually in order already (no change statement): then nothing moves.
    if (std::is_sorted(order_.begin(), order_.end(), earlier)) return;
    std::stable_sort(order_.begin(), order_.end(), earlier);
    final_index_.resize(count);
    for (std::size_t k = 0; k < count; ++k)
        final_index_[static_cast<std::size_t>(order_[k])] = static_cast<int>(base + k);
    auto remap = [&](int& i) {
        if (i >= 0) i = final_index_[static_cast<std::size_t>(i) - base];
    };
    for (std::size_t k = base; k < out.size(); ++k) {
        claim_record& r = out[k];
        if (r.change) remap(r.change->delta_index), remap(r.change->to_index), remap(r.change->from_index);
        if (r.total)
            for (int& p : r.total->parts) remap(p);
    }
    // Moved in place, one cycle of the permutation at a time: a copy of
    // the records (and its doublings) was 2.6 times their size on top of
    // them, 190 MB for a 4 MB sentence of figures.
    for (std::size_t start = 0; start < count; ++start) {
        if (order_[start] < 0 || static_cast<std::size_t>(order_[start]) == start) continue;
        claim_record held = std::move(out[base + start]);
        std::size_t at = start;
        for (;;) {
            const auto from = static_cast<std::size_t>(order_[at]);
            order_[at] = -1;
            if (from == start) {
                out[base + at] = std::move(held);
                break;
            }
            out[base + at] = std::move(out[base + from]);
            at = from;
        }
    }
}

std::vector<claim_record> extract_records(const document& doc, const claim_store& store,
                                          const check_options& options) {
    std::vector<claim_record> all;
    record_extractor(doc, store, options).extract(0, SIZE_MAX, all);
    return all;
}

struct record_stream::parts {
    parts(const document& doc, const claim_store& store, const check_options& options)
        : extractor(doc, store, options) {}
    record_extractor extractor;
    std::vector<claim_record> block;
};

record_stream::record_stream(const claim_store& store, const check_options& options,
                             std::function<void(std::span<const claim_record>)> use)
    : store_(store), options_(options), use_(std::move(use)) {}

record_stream::~record_stream() = default;

void record_stream::add_sentences(const document& doc) {
    // Made at the first sentences, when the reader knows the front matter's date.
    if (!parts_) parts_ = std::make_unique<parts>(doc, store_, options_);
    std::vector<claim_record>& block = parts_->block;
    for (std::size_t next = 0; next < doc.sentences.size();) {
        block.clear();
        next = parts_->extractor.extract(next, block_records, block);
        if (!block.empty()) use_(block);
    }
}

void extract_records_by_block(const document& doc, const claim_store& store, const check_options& options,
                              const std::function<void(std::span<const claim_record>)>& use) {
    record_stream stream(store, options, use);
    stream.add_sentences(doc);
}

}  // namespace factlint
