#include "cli/glob.hpp"

#include <vector>

namespace factlint::cli {

namespace {

// Matches one segment against a segment pattern made of literals, '*' and '?'.
// Iterative with one backtrack point, so it is linear-ish and never recurses.
bool segment_match(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<std::string_view> split_segments(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t slash = s.find('/', start);
        if (slash == std::string_view::npos) slash = s.size();
        if (slash > start) parts.push_back(s.substr(start, slash - start));  // "a//b" == "a/b"
        start = slash + 1;
    }
    return parts;
}

// Segment-level matching with `**`; memoised over (pattern index, path index)
// so that patterns such as "**/**/**/x" stay polynomial.
class segment_matcher {
public:
    segment_matcher(std::vector<std::string_view> pattern, std::vector<std::string_view> path)
        : pattern_(std::move(pattern)),
          path_(std::move(path)),
          memo_((pattern_.size() + 1) * (path_.size() + 1), unknown) {}

    bool match(std::size_t p, std::size_t s) {
        char& cell = memo_[p * (path_.size() + 1) + s];
        if (cell != unknown) return cell == yes;
        cell = compute(p, s) ? yes : no;
        return cell == yes;
    }

private:
    static constexpr char unknown = 0, yes = 1, no = 2;

    bool compute(std::size_t p, std::size_t s) {
        if (p == pattern_.size()) return s == path_.size();
        if (pattern_[p] == "**") {
            // zero segments, or swallow one and stay on `**`
            return match(p + 1, s) || (s < path_.size() && match(p, s + 1));
        }
        return s < path_.size() && segment_match(pattern_[p], path_[s]) && match(p + 1, s + 1);
    }

    std::vector<std::string_view> pattern_;
    std::vector<std::string_view> path_;
    std::vector<char> memo_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    segment_matcher m(split_segments(pattern), split_segments(path));
    return m.match(0, 0);
}

bool exclude_matches(std::string_view pattern, std::string_view relative_path) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    while (relative_path.starts_with("./")) relative_path.remove_prefix(2);
    if (pattern.find('/') == std::string_view::npos) {
        const std::size_t slash = relative_path.rfind('/');
        const std::string_view name =
            slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
        return glob_match(pattern, name);
    }
    if (pattern.starts_with('/')) pattern.remove_prefix(1);  // anchored at the base directory
    return glob_match(pattern, relative_path);
}

}  // namespace factlint::cli
