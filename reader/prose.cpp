// Assembling a block's prose with its source runs, and cutting it into
// sentence records.
#include <algorithm>
#include <functional>
#include <optional>

#include "claims/huge_pages.hpp"
#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

void prose_builder::append_source(std::string_view source, std::size_t at, std::size_t length) {
    if (length == 0) return;
    const std::size_t text_at = text_.size();
    text_.append(source.substr(at, length));
    // Pieces md4c hands over one after another are often contiguous in the
    // source too: one run then covers them all.
    if (!runs_.empty()) {
        sentence::run& last = runs_.back();
        if (last.at + last.length == text_at && last.source_at + last.length == at) {
            last.length += length;
            return;
        }
    }
    runs_.push_back({text_at, at, length});
}

void prose_builder::append_replacement(std::string_view text, std::optional<std::size_t> anchor) {
    if (text.empty()) return;
    if (anchor) runs_.push_back({text_.size(), *anchor, 0});
    text_.append(text);
}

bool prose_builder::has_prose() const {
    return std::any_of(text_.begin(), text_.end(), [](char c) { return !is_space(c); });
}

void prose_builder::clear() {
    text_.clear();
    runs_.clear();
    dropped_end_.reset();
}

void prose_builder::drop_before(std::size_t at) {
    // Kept: the run that covers `at`, a zero-length one at it, and all after.
    const auto first_kept = std::find_if(runs_.begin(), runs_.end(), [at](const sentence::run& r) {
        return r.at >= at || r.at + r.length > at;
    });
    if (first_kept != runs_.begin()) {
        const sentence::run& last = *(first_kept - 1);
        dropped_end_ = last.source_at + last.length;
    }
    runs_.erase(runs_.begin(), first_kept);
    if (!runs_.empty() && runs_.front().at < at) {
        sentence::run& covering = runs_.front();
        const std::size_t cut = at - covering.at;
        covering.source_at += cut;
        covering.length -= cut;
        covering.at = at;
    }
    for (sentence::run& r : runs_) r.at -= at;
    text_.erase(0, at);
}

namespace {

// The runs of prose[begin, end), rebased to the sentence's own text.
void copy_runs(const std::vector<sentence::run>& runs, std::optional<std::size_t> dropped_end,
               std::size_t begin, std::size_t end, std::vector<sentence::run>& out) {
    out.clear();
    auto it = std::upper_bound(runs.begin(), runs.end(), begin,
                               [](std::size_t x, const sentence::run& r) { return x < r.at; });
    if (it != runs.begin()) --it;
    for (; it != runs.end() && it->at <= end; ++it) {
        const std::size_t from = std::max(begin, it->at);
        const std::size_t to = std::min(end, it->at + it->length);
        if (from > to || (from == to && it->length != 0)) continue;
        if (it->length == 0 && (it->at < begin || it->at >= end)) continue;
        out.push_back({from - begin, it->source_at + (from - it->at), to - from});
    }
    // A sentence starting inside replaced text (a line break's space) still
    // needs a position: take the run before it, which may have been dropped
    // with the text before it (prose_builder::drop_before).
    if (!out.empty()) return;
    if (dropped_end && (runs.empty() || runs.front().at > begin)) {
        out.push_back({0, *dropped_end, 0});
    } else if (!runs.empty()) {
        sentence probe;
        probe.runs = runs;
        out.push_back({0, probe.source_offset(begin), 0});
    }
}

// Sentences split at a time: a block of very many short ones is never
// listed whole (sentence_splitter).
constexpr std::size_t sentence_round = 1024;

}  // namespace

std::size_t emit_sentences(prose_builder& prose, std::size_t block, bool heading, std::string_view source,
                           prose_store& store, std::vector<sentence>& out, sentence_flow* flow,
                           bool more_follows) {
    const std::string& text = prose.text();
    std::vector<std::pair<std::size_t, std::size_t>>& sentences = prose.scratch_sentences_;
    std::vector<sentence::run>& runs = prose.scratch_runs_;
    sentence_splitter splitter(text, more_follows);
    while (splitter.next(sentence_round, sentences))
        for (const auto& [begin, end] : sentences) {
            sentence& s = out.emplace_back();
            copy_runs(prose.runs(), prose.dropped_end(), begin, end, runs);
            // Verbatim: one run covering the whole sentence, so its text is the source's.
            s.verbatim = runs.size() == 1 && runs[0].length == end - begin;
            if (s.verbatim) {
                s.text = source.substr(runs[0].source_at, runs[0].length);
                s.verbatim_at = static_cast<std::uint32_t>(runs[0].source_at);
            } else {
                s.text = store.keep_text(std::string_view(text).substr(begin, end - begin));
                s.runs = store.keep_runs(runs);
            }
            s.block = block;
            s.heading = heading;
            if (flow) flow->sentence_done();
        }
    return more_follows ? splitter.settled_end() : text.size();
}

}  // namespace factlint::reader_detail

namespace factlint {

namespace {

// The chunk that `more` items go into: the last one, or a new one twice
// the size of the one before (from `first` items, up to 32 times that),
// so that a document that filled one chunk gets the next one prepared
// for filling (huge pages, or its pages mapped at once: claims/huge_pages.hpp)
// while a short document keeps one small chunk, mapped as it fills.
template <typename Chunk>
Chunk& chunk_with_room(std::vector<Chunk>& chunks, std::size_t first, std::size_t more) {
    if (!chunks.empty() && chunks.back().capacity() - chunks.back().size() >= more) return chunks.back();
    const bool filled_before = !chunks.empty();
    const std::size_t planned = filled_before ? std::min(2 * chunks.back().capacity(), first << 5) : first;
    Chunk& fresh = chunks.emplace_back();
    fresh.reserve(std::max(planned, more));
    if (filled_before) prepare_for_filling(fresh.data(), fresh.capacity() * sizeof(*fresh.data()));
    return fresh;
}

// Keeps the last chunk, emptied: a reader that recycles its store after
// each batch then fills the same pages again instead of mapping new ones.
template <typename Chunk>
void keep_last_emptied(std::vector<Chunk>& chunks) {
    if (chunks.size() > 1) chunks.erase(chunks.begin(), chunks.end() - 1);
    if (!chunks.empty()) chunks.back().clear();
}

// Sentences have about three runs each.
constexpr std::size_t first_run_chunk = 4096;

}  // namespace

std::string_view text_store::keep(std::string_view text) {
    std::string& chunk = chunk_with_room(chunks_, first_chunk_, text.size());
    const std::size_t at = chunk.size();
    chunk.append(text);  // within its capacity: never moves it
    return std::string_view(chunk).substr(at, text.size());
}

void text_store::reserve(std::size_t bytes) {
    if (!chunks_.empty() && chunks_.back().capacity() - chunks_.back().size() >= bytes) return;
    std::string& fresh = chunks_.emplace_back();
    fresh.reserve(std::max(bytes, first_chunk_));
    prepare_for_filling(fresh.data(), fresh.capacity());
}

bool lies_within(std::string_view view, std::string_view buffer) {
    const std::less_equal<const char*> at_or_before;
    return at_or_before(buffer.data(), view.data()) &&
           at_or_before(view.data() + view.size(), buffer.data() + buffer.size());
}

bool text_store::holds(std::string_view view) const {
    return std::any_of(chunks_.begin(), chunks_.end(),
                       [view](const std::string& chunk) { return lies_within(view, chunk); });
}

void text_store::recycle() { keep_last_emptied(chunks_); }

std::span<const sentence::run> prose_store::keep_runs(std::span<const sentence::run> runs) {
    bytes_ += runs.size_bytes();
    std::vector<sentence::run>& chunk = chunk_with_room(run_chunks_, first_run_chunk, runs.size());
    const std::size_t at = chunk.size();
    chunk.insert(chunk.end(), runs.begin(), runs.end());
    return std::span<const sentence::run>(chunk).subspan(at, runs.size());
}

void prose_store::clear() {
    text_.clear();
    run_chunks_.clear();
    bytes_ = 0;
}

void prose_store::recycle() {
    text_.recycle();
    keep_last_emptied(run_chunks_);
    bytes_ = 0;
}

}  // namespace factlint
