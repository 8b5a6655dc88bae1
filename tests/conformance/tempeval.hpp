// TempEval-3 TimeML documents: plain text, gold TIMEX3 spans, creation time.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/parse.hpp"
#include "tests/conformance/harness.hpp"

namespace factlint::conformance {

struct gold_timex {
    std::string type;       // DATE, TIME, DURATION, SET
    std::string value;      // "1998-01-08", "1998-Q1", "PRESENT_REF", …
    std::size_t begin = 0;  // bytes into tml_document::text
    std::size_t end = 0;
};

struct tml_document {
    std::optional<time_span> creation;  // the DCT, day grain
    std::string text;                   // TEXT without tags, entities decoded
    std::vector<gold_timex> timexes;    // those inside TEXT (not the DCT)
};

struct tempeval_counts {
    int dates = 0;            // gold DATE timexes
    int found = 0;            // overlapped by one of our matches
    int value_right = 0;      // and that match's value right at the gold granularity
    int vague = 0;            // gold DATE values PRESENT_REF, PAST_REF, FUTURE_REF
    int vague_right = 0;      // of those, right
    int false_positives = 0;  // our matches overlapping no gold TIMEX3 of any type
    int exceptions = 0;       // documents on which find_times threw
};

[[nodiscard]] std::optional<tml_document> read_tml(const std::string& xml);
[[nodiscard]] std::optional<time_span> timeml_span(std::string_view value);
[[nodiscard]] bool timeml_value_right(const gold_timex& gold, const grammar::time_match& m,
                                      const time_span& document_date);
[[nodiscard]] tempeval_counts measure_document(const tml_document& doc, std::vector<failure>* misses);

// Two rows: DATE spans found, DATE values right. `root` holds TimeBank/ and AQUAINT/.
[[nodiscard]] std::vector<suite_score> run_tempeval(const std::filesystem::path& root);

}  // namespace factlint::conformance
