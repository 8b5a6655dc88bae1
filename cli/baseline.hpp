// Baselines: the findings a project has accepted for now, so that a check
// fails only on new ones. An entry is keyed by (file, rule code,
// fingerprint), never by a line, so editing around a finding keeps it
// matched; the message is kept only for the people reading the file.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/finding.hpp"
#include "cli/diagnostics.hpp"

namespace factlint::cli {

inline constexpr int baseline_version = 1;

struct baseline_entry {
    std::string file;  // as the finding names it, lexically normalised ("./a.md" -> "a.md")
    std::string code;
    std::string fingerprint;
    std::string message;
    int line = 0;  // where the entry starts in the baseline file (0 when built in memory)
    int column = 0;
};

struct baseline {
    std::string path;
    std::vector<baseline_entry> entries;
};

struct baseline_result {
    baseline value;
    std::vector<located_error> errors;  // empty when the file is valid
};

// "./drafts//a.md" -> "drafts/a.md": the file part of the key.
[[nodiscard]] std::string baseline_file_key(std::string_view file);

// Parses `text` as the baseline file `path`; errors carry line and column.
[[nodiscard]] baseline_result parse_baseline(const std::string& path, std::string_view text);
// Reads and parses a baseline file; a file that cannot be read is an error.
[[nodiscard]] baseline_result load_baseline(const std::string& path);

// One entry per finding, sorted by (file, code, fingerprint, message).
[[nodiscard]] std::vector<baseline_entry> baseline_entries(const std::vector<finding>& findings);
// Sorts by (file, code, fingerprint, message): the order of the file.
void sort_entries(std::vector<baseline_entry>& entries);
// The file's text: version, then one entry per line, for small diffs.
[[nodiscard]] std::string render_baseline(const std::vector<baseline_entry>& entries);

// Writes `content` to `path` through `path.tmp.<pid>` in the same directory
// (written, fsync'ed, renamed over `path`), so a reader sees the old file or
// the new one, never half of one. Returns an error message on failure.
[[nodiscard]] std::optional<std::string> write_file_atomically(const std::string& path,
                                                               std::string_view content);

struct baseline_match {
    std::vector<finding> kept;              // not in the baseline, in their original order
    std::vector<finding> hidden;            // matched an entry
    std::vector<std::size_t> stale;         // indices of entries in scope that no finding matched
    std::vector<std::size_t> out_of_scope;  // indices of unmatched entries the run did not look at
};

// Multiset matching: each entry hides at most one finding, so two identical
// findings need two entries. An unmatched entry is stale only if `in_scope`
// says the run checked its file and rule (a run on some files, or with
// --select, cannot tell whether the others' findings are gone).
[[nodiscard]] baseline_match apply_baseline(std::vector<finding> findings, const baseline& b,
                                            const std::function<bool(const baseline_entry&)>& in_scope = {});

}  // namespace factlint::cli
