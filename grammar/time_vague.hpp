// Internal to the time grammar (grammar/time_*.cpp): vague references to
// time, the words that point at the past, the present or the future
// without naming a span ("recently", "in the near future", "these days").
// X3-free, like time_core.hpp.
#pragma once

#include <optional>
#include <string_view>

#include "grammar/time_words.hpp"

namespace factlint::grammar::time_detail {

struct vague_reference {
    const char* begin = nullptr;
    const char* end = nullptr;
    std::string_view value;  // "PAST_REF", "PRESENT_REF" or "FUTURE_REF" (TimeML's values)
    // "these days", "at the moment": the document date itself, like "now"
    // (SPEC §3 basis `document`), not a vague reference.
    bool now = false;
};

// The trigger words vague_at looks at; the scanner offers it every one of
// them that no other reader took.
inline constexpr std::array<std::string_view, 14> vague_trigger_words{
    "recently", "recent", "previously", "formerly", "past",  "last",    "future",
    "soon",     "coming", "term",       "ahead",    "later", "current", "these"};
// Also "ago", "earlier" (when no count comes before them) and "moment",
// which the scanner already stops at.

// Reads a vague reference around the trigger word `w` (letters only, one
// of vague_trigger_words, "ago", "earlier" or "moment"), never reaching
// below `limit` (the end of the previous match) or past `end`.
[[nodiscard]] std::optional<vague_reference> vague_at(const char* limit, word_ref w, const char* end);

}  // namespace factlint::grammar::time_detail
