// One lasting copy of each word of a small vocabulary (units, scales,
// hedges), so that the many records naming one hold a view of it instead
// of a string of their own.
#pragma once

#include <string_view>

namespace factlint {

// A view of a copy of `word` that lives as long as the program; equal words
// give the same view. Thread-safe. Only for bounded vocabularies: nothing
// is ever released.
[[nodiscard]] std::string_view interned(std::string_view word);

}  // namespace factlint
