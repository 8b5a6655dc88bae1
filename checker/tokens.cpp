#include "checker/tokens.hpp"

#include <algorithm>
#include <array>

#include "checker/words.hpp"

namespace factlint {

namespace {

// Letters, digits, the apostrophe and every byte of a UTF-8 sequence: one
// table look-up per byte of a sentence.
constexpr std::array<bool, 256> word_bytes = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
               c >= 0x80;
    return t;
}();

bool is_word_byte(unsigned char c) { return word_bytes[c]; }

bool overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) { return b1 < e2 && b2 < e1; }

void drop_overlapping_quantities(std::vector<grammar::quantity_match>& quantities,
                                 std::vector<grammar::time_match>& times) {
    if (quantities.empty() || times.empty()) return;  // nothing can overlap (most sentences)
    // Times come in order and do not overlap, so both their begins and ends
    // are sorted: search from the first time that ends after the figure
    // begins. (A linear search per figure made one long sentence quadratic:
    // a 50 MB single line never finished.) Unsorted input falls back to the
    // full search.
    const bool ordered = std::is_sorted(times.begin(), times.end(),
                                        [](const auto& a, const auto& b) { return a.begin < b.begin; }) &&
                         std::is_sorted(times.begin(), times.end(),
                                        [](const auto& a, const auto& b) { return a.end < b.end; });
    std::vector<bool> dropped(times.size(), false);
    std::size_t kept = 0;  // the figures kept move to the front, in order
    const auto keep = [&](grammar::quantity_match& q) {
        if (&q != &quantities[kept]) quantities[kept] = std::move(q);
        ++kept;
    };
    for (auto& q : quantities) {
        std::size_t k = 0;
        if (ordered)
            k = static_cast<std::size_t>(
                std::partition_point(times.begin(), times.end(),
                                     [&](const auto& t) { return t.end <= q.begin; }) -
                times.begin());
        std::size_t clash = times.size();
        for (; k < times.size(); ++k) {
            if (ordered && times[k].begin >= q.end) break;  // none further can overlap
            if (!dropped[k] && overlaps(q.begin, q.end, times[k].begin, times[k].end)) {
                clash = k;
                break;
            }
        }
        if (clash == times.size()) {
            keep(q);
            continue;
        }
        // "two years ago" is a date that holds a duration; "$2019 million" is
        // a figure that holds a year-like number.
        const auto& t = times[clash];
        const bool time_holds_figure = t.begin <= q.begin && q.end <= t.end;
        if (!time_holds_figure && (q.unit_written || !q.scale.empty())) {
            dropped[clash] = true;
            keep(q);
        }
    }
    quantities.resize(kept);
    std::size_t out = 0;
    for (std::size_t k = 0; k < times.size(); ++k)
        if (!dropped[k]) times[out++] = std::move(times[k]);
    times.resize(out);
}

// The word or punctuation starting at i, which is before `stop`; returns
// its end. `text` is the sentence, `lowered` its copy in lower case, which
// the tokens view; lowered[stop] is a byte no word holds (the caller's
// sentinel), and words::padded_room bytes from each word are readable.
// (Where the caller goes on: past the word's end, or past one space after it.)
std::size_t scan_plain(std::string_view text, const char* lowered, std::size_t i, std::size_t stop,
                       std::vector<token>& out) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
        // One pointer walks the word (with an index and the word's size
        // beside it, the compiler kept three counters in step, per byte).
        const auto* const low = reinterpret_cast<const unsigned char*>(lowered);
        const unsigned char* q = low + i + 1;  // after a word byte
        // Words keep inner dots of abbreviations ("U.S.") and hyphens ("mid-year").
        for (;;) {
            // Expected to hold: gcc then lays the loop out in place, five
            // instructions a byte, not with a jump out to the increment and back.
            while (__builtin_expect(is_word_byte(*q), 1)) ++q;
            const unsigned char d = *q;  // the sentinel at stop
            if ((d == '.' || d == '-') && is_word_byte(q[1]) &&
                (d == '-' || q - low == static_cast<std::ptrdiff_t>(i + 1) ||
                 (q - low >= 2 && q[-2] == '.'))) {
                q += 2;  // the mark and the word byte after it
                continue;
            }
            break;
        }
        const auto j = static_cast<std::size_t>(q - low);
        std::size_t size = j - i;
        // Possessive "'s" is part of the word but not of its meaning.
        if (size > 2 && lowered[j - 2] == '\'' && lowered[j - 1] == 's') size -= 2;
        out.push_back(token{token::kind::word, i, j, std::string_view(lowered + i, size), -1,
                            c >= 'A' && c <= 'Z', words::classes_of_padded(lowered + i, size)});
        // A word is mostly followed by one space: passed over here, not by
        // the caller's loop (the sentinel at `stop` is no space).
        return lowered[j] == ' ' ? j + 1 : j;
    }
    // A UTF-8 dash or quote is one punctuation token.
    std::size_t len = 1;
    if (c >= 0xC0) {
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        len = std::min(len, stop - i);
    }
    std::string_view p(lowered + i, len);
    if (p == "\xE2\x80\x94" || p == "\xE2\x80\x93") p = "--";  // em/en dash
    out.push_back(token{token::kind::punct, i, i + len, p, -1, false, 0});
    return i + len;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The tokens of the plain text in [i, stop), where no match begins or ends:
// words, punctuation and blanks alone.
void scan_stretch(std::string_view text, char* lowered, std::size_t i, std::size_t stop,
                  std::vector<token>& out) {
    // A byte no word holds at `stop` ends every word there without a test
    // of the index; the match (or padding) it stands on gets its byte back.
    const char at_stop = lowered[stop];
    lowered[stop] = '\0';
    while (i < stop) {
        if (is_blank(text[i]))
            ++i;
        else
            i = scan_plain(text, lowered, i, stop, out);
    }
    lowered[stop] = at_stop;
}

// Moves the vague references out of `times`, keeping both in order.
void set_vague_times_apart(std::vector<grammar::time_match>& times, std::vector<grammar::time_match>& vague) {
    vague.clear();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (times[i].basis == time_basis::vague)
            vague.push_back(std::move(times[i]));
        else if (kept++ != i)
            times[kept - 1] = std::move(times[i]);
    }
    times.resize(kept);
}

}  // namespace

void find_matches(std::string_view text, const std::optional<time_span>& document_date, sentence_tokens& s) {
    s.tokens.clear();
    s.match_tokens.clear();
    grammar::find_scan_starts(text, s.starts);
    s.quantities.clear();
    s.times.clear();
    if (!s.starts.quantity.empty()) grammar::find_quantities(text, s.starts, s.quantities);
    if (!s.starts.time.empty()) grammar::find_times(text, document_date, s.starts.time, s.times);
    set_vague_times_apart(s.times, s.vague_times);
    drop_overlapping_quantities(s.quantities, s.times);
    s.quantity_token.assign(s.quantities.size(), 0);
    s.time_token.assign(s.times.size(), 0);
}

void tokenize_between_matches(std::string_view text, sentence_tokens& s) {
    // Zeros after the sentence: the last stretch's sentinel, and room for
    // the word table's 16-byte loads.
    s.lowered.resize(text.size() + words::padded_room + 1);
    std::transform(text.begin(), text.end(), s.lowered.begin(),
                   [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; });
    std::fill(s.lowered.begin() + static_cast<std::ptrdiff_t>(text.size()), s.lowered.end(), '\0');
    char* const lowered = s.lowered.data();
    s.tokens.clear();
    s.match_tokens.clear();
    // About six bytes a token in prose; capped, so that one huge "sentence"
    // (a 50 MB line without a period) reserves nothing it does not use.
    s.tokens.reserve(std::min<std::size_t>(text.size() / 5 + 4, 512));

    std::vector<token>& tokens = s.tokens;
    walk_matches(text, s, [text, lowered, &tokens](std::size_t i, std::size_t stop) {
        scan_stretch(text, lowered, i, stop, tokens);
    });
}

sentence_tokens tokenize(std::string_view text, const std::optional<time_span>& document_date) {
    sentence_tokens s;
    find_matches(text, document_date, s);
    tokenize_between_matches(text, s);
    return s;
}

}  // namespace factlint
