// Statements that relate several figures of one sentence: changes ("rose
// 6.2% to $1.34 billion from $1.26 billion") and totals with their parts ("a
// total of $38 million: $21 million … and $12 million"). Indices are the
// sentence's quantity indices.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "checker/sentence_analysis.hpp"

namespace factlint {

struct change_statement {
    std::size_t first_token = 0, last_token = 0;  // the words of the statement
    change_info::direction dir = change_info::direction::up;
    int percent = -1;              // "6.2%" or "0.8 percentage points"
    int delta = -1;                // "by $1.6 billion", "($1.6 billion)"
    bool delta_in_parens = false;  // "($332)" may be a conversion: same unit required
    int to = -1;                   // the new value
    int from = -1;                 // the old value
};

struct total_statement {
    int total = -1;
    bool exhaustive = false;
    std::string marker;
    std::vector<int> parts;
};

[[nodiscard]] std::vector<change_statement> find_changes(const sentence_analysis& a);
[[nodiscard]] std::vector<total_statement> find_totals(const sentence_analysis& a);

}  // namespace factlint
