// What the extractor knows about one sentence beyond its tokens: its
// clause-like parts, the tense and forecast status of each, and which
// verb governs each date.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/tokens.hpp"
#include "claims/record.hpp"

namespace factlint {

struct sentence_analysis {
    std::string_view text;
    sentence_tokens toks;
    std::vector<std::size_t> part;  // part index of each token
    std::size_t part_count = 0;
    // Per part, true or false (bytes: cheaper to fill than std::vector<bool>).
    std::vector<unsigned char> part_has_quantity;
    std::vector<unsigned char> part_forecast;  // will, expected, due to, budgeted…
    std::vector<tense> marker;                 // the tense each token marks, or unknown
    unsigned word_classes = 0;                 // every class some word of the sentence has
    // For tense_at and time_for_quantity in a long stretch of tokens
    // without what they look for, built on first need in the sentence: per
    // token, the nearest token before it and the nearest after it that mark
    // a tense, and the nearest time token before it (`none` when there is
    // none). Cleared with the rest by analyze_sentence.
    static constexpr std::size_t none = SIZE_MAX;
    mutable std::vector<std::size_t> marker_before, marker_after, time_before;
};

// A sentence in which the grammars find neither a quantity nor a time
// expression is left without tokens and parts.
[[nodiscard]] sentence_analysis analyze_sentence(std::string_view text,
                                                 const std::optional<time_span>& document_date);
// The same into `a`, reusing the buffers it holds from an earlier sentence.
void analyze_sentence(std::string_view text, const std::optional<time_span>& document_date,
                      sentence_analysis& a);

// The tense nearest to token i: markers in its own part first, then in the
// sentence.
[[nodiscard]] tense tense_at(const sentence_analysis& a, std::size_t token_index);

// The start/end/date role of the verb that governs the time at token
// index t ("ended in March 2023" -> end), or none; `verb` is its token.
struct governing_verb {
    event_role role = event_role::none;
    std::size_t verb = 0;
};
[[nodiscard]] governing_verb governing_role(const sentence_analysis& a, std::size_t time_token);

// The head noun of the subject of the verb at token index `verb` ("the
// drought emergency, declared in June 2022, ended" -> "emergency"), singular,
// or empty.
[[nodiscard]] std::string event_subject(const sentence_analysis& a, std::size_t verb);

// The counted noun phrase after the quantity at token index q ("2,500 U.S.
// troops" -> "U.S. troops"): a view into the sentence text, or empty.
[[nodiscard]] std::string_view noun_after(const sentence_analysis& a, std::size_t quantity_token);

// The time expression a quantity is about: one in its own part (the first
// after it, else the nearest before it), else an introductory one ("In 2023,
// …"); nullopt when the sentence gives none.
[[nodiscard]] std::optional<std::size_t> time_for_quantity(const sentence_analysis& a,
                                                           std::size_t quantity_index);

}  // namespace factlint
