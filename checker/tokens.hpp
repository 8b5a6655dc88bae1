// A sentence as a stream of tokens: words, punctuation, and the quantities
// and time expressions the grammars found, each as one token. The patterns
// of the extractor (clauses, verbs, change statements, totals) read this.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/parse.hpp"

namespace factlint {

struct token {
    enum class kind { word, punct, quantity, time } what = kind::word;
    std::size_t begin = 0;  // bytes in the sentence text
    std::size_t end = 0;
    // Words: lower-case text, possessive "'s" dropped; punct: the
    // character(s), "--" for a dash. A view into sentence_tokens::lowered.
    std::string_view lower;
    int index = -1;  // quantity/time: index into the sentence's matches
    bool capitalized = false;
    unsigned classes = 0;  // words: words::classes_of(lower), computed once

    [[nodiscard]] bool has(unsigned word_classes) const { return (classes & word_classes) != 0; }

    [[nodiscard]] bool is_word(std::string_view w) const { return what == kind::word && lower == w; }
    [[nodiscard]] bool is_punct(std::string_view p) const { return what == kind::punct && lower == p; }
};

// Not copyable: the tokens view `lowered`, which a move keeps in place.
struct sentence_tokens {
    sentence_tokens() = default;
    sentence_tokens(const sentence_tokens&) = delete;
    sentence_tokens& operator=(const sentence_tokens&) = delete;
    sentence_tokens(sentence_tokens&&) = default;
    sentence_tokens& operator=(sentence_tokens&&) = default;

    std::vector<char> lowered;  // the sentence, ASCII letters in lower case
    std::vector<token> tokens;
    std::vector<grammar::quantity_match> quantities;
    std::vector<grammar::time_match> times;
    // "recently", "soon", "the future" (basis vague): reported, but neither
    // tokens nor times a figure could take, so they change no reading.
    std::vector<grammar::time_match> vague_times;
    std::vector<std::size_t> quantity_token;  // token index of each quantity
    std::vector<std::size_t> time_token;      // token index of each time
    std::vector<std::size_t> match_tokens;    // the quantity and time tokens, in order
    grammar::scan_starts starts;              // where the grammars may find something
};

// Runs both grammars over `text` and tokenizes the rest. Quantities that
// overlap a time expression are dropped (a year is a date, not a count)
// unless a unit or currency was written with them.
[[nodiscard]] sentence_tokens tokenize(std::string_view text, const std::optional<time_span>& document_date);

// The two steps of tokenize, for callers that need no tokens when the
// grammars find nothing: the matches alone (tokens emptied), then the
// tokens. Both reuse the buffers `s` holds from an earlier sentence.
void find_matches(std::string_view text, const std::optional<time_span>& document_date, sentence_tokens& s);
void tokenize_between_matches(std::string_view text, sentence_tokens& s);

// The walk of tokenize_between_matches over the matches of `s`: a token
// for each match, appended in place, and for each stretch of plain text
// between them, text[i, stop), a call plain(i, stop) that appends its
// tokens. (A template, so that a unit test walks with its own reading.)
template <class Plain>
void walk_matches(std::string_view text, sentence_tokens& s, Plain&& plain) {
    std::size_t qi = 0, ti = 0, i = 0;
    while (i < text.size()) {
        // Skip time expressions that lie inside a kept quantity, and vice versa.
        while (ti < s.times.size() && s.times[ti].end <= i) ++ti;
        while (qi < s.quantities.size() && s.quantities[qi].end <= i) ++qi;
        if (qi < s.quantities.size() && s.quantities[qi].begin == i) {
            s.quantity_token[qi] = s.tokens.size();
            s.match_tokens.push_back(s.tokens.size());
            s.tokens.push_back(
                {token::kind::quantity, i, s.quantities[qi].end, {}, static_cast<int>(qi), false, 0});
            i = s.quantities[qi].end;
            continue;
        }
        if (ti < s.times.size() && s.times[ti].begin == i) {
            s.time_token[ti] = s.tokens.size();
            s.match_tokens.push_back(s.tokens.size());
            s.tokens.push_back({token::kind::time, i, s.times[ti].end, {}, static_cast<int>(ti), false, 0});
            i = s.times[ti].end;
            continue;
        }
        // Never run a plain token into the start of a match.
        std::size_t limit = text.size();
        if (qi < s.quantities.size()) limit = std::min(limit, s.quantities[qi].begin);
        if (ti < s.times.size()) limit = std::min(limit, s.times[ti].begin);
        // Inside a match that a kept one overlaps, one byte at a time; else
        // up to the next match.
        const std::size_t stop = std::max(limit, i + 1);
        plain(i, stop);
        i = stop;
    }
}

}  // namespace factlint
