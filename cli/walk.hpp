// Collecting the files to check from the PATHs of the command line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace factlint::cli {

// An exclude glob and the directory it is relative to (the config file's
// directory for `exclude = [...]`, the current directory for `--exclude`).
struct exclude_pattern {
    std::string glob;
    std::filesystem::path base;
};

struct walk_error {
    std::string path;
    std::string message;
};

struct walk_result {
    std::vector<std::string> files;     // in output order; "-" for standard input
    std::vector<walk_error> errors;     // missing paths, unreadable directories
    std::vector<std::string> warnings;  // symlink loops, broken links: reported, not fatal
};

struct walk_options {
    std::vector<std::string> extensions{".md", ".markdown", ".txt"};
    std::vector<exclude_pattern> excludes;
};

// Files named on the command line are always taken (whatever their
// extension, excluded or not); directories are walked recursively for files
// with one of `extensions`, skipping hidden entries (".git") and excluded
// paths; the files under one directory argument sorted by whole path. A directory reached twice
// (a symlink loop or two links to one place) is walked once. A file named
// twice is checked once.
[[nodiscard]] walk_result collect_files(const std::vector<std::string>& paths, const walk_options& options);

// Is `path` excluded by one of `excludes`? Exposed for tests.
[[nodiscard]] bool is_excluded(const std::filesystem::path& path,
                               const std::vector<exclude_pattern>& excludes);

}  // namespace factlint::cli
