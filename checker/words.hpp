// Word lists the extractor reads prose with: verbs that start or end an
// event, tense markers, stop words. Kept in one place so a reader can see
// (and extend) the vocabulary without reading the patterns.
#pragma once

#include <string_view>

namespace factlint::words {

// A word's classes as bits, so that a token is classified once and its
// patterns test a bit instead of looking a word up again.
enum word_class : unsigned {
    start_verb = 1u << 0,
    end_verb = 1u << 1,
    event_verb = 1u << 2,
    future = 1u << 3,
    present = 1u << 4,
    past = 1u << 5,  // a past marker: listed, or an -ed form that is not an exception
    rise = 1u << 6,
    fall = 1u << 7,
    noun_stop = 1u << 8,
    conjunction = 1u << 9,
    filler = 1u << 10,
};

// Every class of a lower-case word (0 for most words of prose).
[[nodiscard]] unsigned classes_of(std::string_view lower_word);

[[nodiscard]] bool is_start_verb(std::string_view w);          // began, opened, signed, declared…
[[nodiscard]] bool is_end_verb(std::string_view w);            // ended, withdrew, closed…
[[nodiscard]] bool is_event_verb(std::string_view w);          // took place, occurred, happened…
[[nodiscard]] bool is_future_marker(std::string_view w);       // will, expected, projected, due…
[[nodiscard]] bool is_present_marker(std::string_view w);      // is, are, has, now, currently…
[[nodiscard]] bool is_past_marker(std::string_view w);         // was, were, rose, fell, -ed verbs…
[[nodiscard]] bool is_rise_word(std::string_view w);           // rose, grew, up, increase…
[[nodiscard]] bool is_fall_word(std::string_view w);           // fell, dropped, down, decline…
[[nodiscard]] bool is_noun_stop(std::string_view w);           // words that end a counted noun phrase
[[nodiscard]] bool is_clause_conjunction(std::string_view w);  // and, but, while, which…
// Words that may stand between a verb and the date it governs ("ended
// officially in", "began on").
[[nodiscard]] bool is_verb_date_filler(std::string_view w);

}  // namespace factlint::words
