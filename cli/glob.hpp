// A small glob matcher for `--exclude` and `exclude = [...]`: `*` and `?`
// stay inside one path segment, `**` spans any number of segments.
#pragma once

#include <string_view>

namespace factlint::cli {

// Does `path` (segments separated by '/') match `pattern`?
// "drafts/archive/**" matches "drafts/archive/a.md" and
// "drafts/archive/old/b.md"; "*.tmp.md" matches "x.tmp.md" but not "d/x.tmp.md";
// "**/x.md" matches "x.md" and "a/b/x.md".
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view path);

// An exclude pattern without a '/' applies to the file name alone, in any
// directory (as in .gitignore); one with a '/' applies to the whole relative path.
[[nodiscard]] bool exclude_matches(std::string_view pattern, std::string_view relative_path);

}  // namespace factlint::cli
