#include "cli/walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>
#include <unordered_set>

#include "cli/glob.hpp"

namespace fs = std::filesystem;

namespace factlint::cli {

namespace {

bool hidden(std::string_view name) { return name.size() > 1 && name[0] == '.' && name != ".."; }

// fs::path::extension() of a file name: from its last '.', unless that is
// its first byte (".bashrc") or the name is "." or "..".
std::string_view extension_of(std::string_view name) {
    if (name == "." || name == "..") return {};
    const std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot);
}

bool has_extension(std::string_view name, const std::vector<std::string>& extensions) {
    const std::string_view ext = extension_of(name);
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

// dir + "/" + name without a doubled separator, in one allocation: for a
// canonical (absolute) directory, what fs::path(dir) / name gives.
std::string join_canonical(const std::string& dir, const std::string& name) {
    std::string path;
    path.reserve(dir.size() + 1 + name.size());
    path += dir;
    if (path.empty() || path.back() != '/') path += '/';
    path += name;
    return path;
}

// Displayed path of a directory entry: "docs" + "a.md" -> "docs/a.md",
// "." + "a.md" -> "a.md", "" + "a.md" -> "/a.md", as join_canonical joins.
std::string display_join(const std::string& dir, const std::string& name) {
    if (dir == "." || dir == "./") return name;
    return join_canonical(dir, name);
}

// What a listed entry is: from the listing's d_type when it says, else
// from the entry itself (lstat); a symbolic link is followed to what it
// names. nullopt: a link to nothing (or an entry gone since the listing).
struct entry_type {
    bool is_directory = false;
    bool is_link = false;
};
std::optional<entry_type> type_of(int dir_fd, const dirent& e) {
    struct stat st {};
    unsigned char type = e.d_type;
    if (type == DT_UNKNOWN) {
        if (::fstatat(dir_fd, e.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
        type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
    }
    if (type != DT_LNK) return entry_type{type == DT_DIR, false};
    if (::fstatat(dir_fd, e.d_name, &st, 0) != 0) return std::nullopt;
    return entry_type{S_ISDIR(st.st_mode), true};
}

// The excludes, with each base directory made absolute once: asked per
// entry and per pattern, fs::absolute asked the kernel for the working
// directory twice each time, and 13 patterns over 4,000 files took 0.16 s
// of a 0.22 s run (docs/performance.md part 23).
class exclude_matcher {
public:
    explicit exclude_matcher(const std::vector<exclude_pattern>& excludes) : excludes_(excludes) {
        if (excludes.empty()) return;  // no question will be asked
        std::error_code ec;
        cwd_ = fs::current_path(ec);
        cwd_known_ = !ec;
        for (const exclude_pattern& e : excludes)
            bases_.push_back(absolute_normal(e.base.empty() ? fs::path(".") : e.base));
    }

    [[nodiscard]] bool excluded(const fs::path& path) const {
        if (excludes_.empty()) return false;
        const fs::path abs_path = absolute_normal(path);
        for (std::size_t k = 0; k < excludes_.size(); ++k) {
            const exclude_pattern& e = excludes_[k];
            const fs::path rel_path = abs_path.lexically_relative(bases_[k]);
            const std::string rel =
                rel_path.empty() ? path.lexically_normal().generic_string() : rel_path.generic_string();
            // A path outside the base directory only matches by its file name.
            if (rel.starts_with("../") || rel == "..") {
                if (e.glob.find('/') == std::string::npos && exclude_matches(e.glob, rel)) return true;
                continue;
            }
            if (exclude_matches(e.glob, rel)) return true;
        }
        return false;
    }

private:
    // fs::absolute(p).lexically_normal(), with the working directory asked
    // for once (an empty path when it could not be, as fs::absolute's).
    [[nodiscard]] fs::path absolute_normal(const fs::path& p) const {
        if (p.is_absolute()) return p.lexically_normal();
        if (!cwd_known_) return {};
        return (cwd_ / p).lexically_normal();
    }

    const std::vector<exclude_pattern>& excludes_;
    std::vector<fs::path> bases_;  // excludes_[k].base, absolute and normal
    fs::path cwd_;
    bool cwd_known_ = false;
};

class walker {
public:
    walker(const walk_options& options, walk_result& out)
        : options_(options), out_(out), excludes_(options.excludes) {}

    void add_argument(const std::string& arg) {
        if (arg == "-") {
            add_file(arg, {});
            return;
        }
        std::error_code ec;
        const fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            const bool dangling = fs::is_symlink(fs::symlink_status(arg, ec));
            out_.errors.push_back({arg, dangling ? "broken symbolic link" : "No such file or directory"});
            return;
        }
        if (fs::is_directory(st)) {
            // One argument's files in byte order of their whole paths, so
            // files and subdirectories interleave by name.
            const std::size_t first = out_.files.size();
            walk_directory(arg);
            // Already in order when no subdirectory came between files (a
            // flat folder): checked in one pass rather than sorted again.
            const auto from = out_.files.begin() + static_cast<std::ptrdiff_t>(first);
            if (!std::is_sorted(from, out_.files.end())) std::sort(from, out_.files.end());
        } else {
            add_file(arg, canonical_or_self(arg).string());
        }
    }

private:
    static fs::path canonical_or_self(const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? fs::absolute(p, ec) : c;
    }

    // `identity`: the file's canonical path, or empty for standard input.
    void add_file(std::string shown, std::string identity) {
        if (!identity.empty() && !seen_files_.insert(std::move(identity)).second) return;
        out_.files.push_back(std::move(shown));
    }

    // A directory to walk: the path shown, and its canonical path when it
    // is known without asking (a subdirectory that is no symbolic link is
    // its canonical parent's path plus its name), else empty.
    struct pending_dir {
        std::string shown;
        std::string canonical;
    };

    // Explicit stack rather than recursion: deep trees cannot overflow it.
    // Only the root and symbolic links are resolved by `weakly_canonical`,
    // which reads every component of a path: asked for every directory, a
    // tree of 4,000 directories cost 29,000 readlink calls, and a chain of
    // 600 nested ones 2.1 s (docs/performance.md part 23).
    void walk_directory(const std::string& root) {
        std::vector<pending_dir> pending{{root, {}}};
        while (!pending.empty()) {
            pending_dir dir = std::move(pending.back());
            pending.pop_back();
            const std::string canonical_dir =
                dir.canonical.empty() ? canonical_or_self(dir.shown).string() : std::move(dir.canonical);
            if (!visited_dirs_.insert(canonical_dir).second) {
                out_.warnings.push_back(dir.shown +
                                        ": directory already visited (symbolic link loop?), skipped");
                continue;
            }
            std::vector<pending_dir> subdirs = scan_directory(dir.shown, canonical_dir);
            // Pushed in reverse so directories are walked in name order.
            pending.insert(pending.end(), std::make_move_iterator(subdirs.rbegin()),
                           std::make_move_iterator(subdirs.rend()));
        }
    }

    struct entry {
        std::string name;
        bool is_directory = false;
        bool is_link = false;
        auto operator<=>(const entry&) const = default;
    };

    // Adds the directory's files (sorted) and returns its subdirectories
    // (sorted). The entry types come from the directory listing itself
    // (readdir's d_type), so a plain file costs no system call here; only
    // symbolic links are followed and resolved (a file's identity is
    // otherwise the canonical directory plus its name). With thousands of
    // files this walk is serial work before any checking starts; at -j 2 it
    // runs beside the claims load and took longer (docs/performance.md part
    // 22): std::filesystem's directory iterator built and parsed a path for
    // every entry, 2,100 instructions each, where readdir hands out names.
    std::vector<pending_dir> scan_directory(const std::string& dir, const std::string& canonical_dir) {
        std::vector<entry> entries;
        const std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(dir.c_str()), &::closedir);
        if (!listing) {
            const int error = errno;
            out_.errors.push_back({dir, std::generic_category().message(error)});
            return {};
        }
        std::error_code ec;
        for (;;) {
            errno = 0;
            const dirent* e = ::readdir(listing.get());
            if (e == nullptr) {
                if (errno != 0) ec.assign(errno, std::generic_category());
                break;
            }
            const std::string_view name = e->d_name;
            if (name == "." || name == ".." || hidden(name)) continue;
            const std::optional<entry_type> type = type_of(::dirfd(listing.get()), *e);
            if (!type) {
                if (has_extension(name, options_.extensions))
                    out_.warnings.push_back(display_join(dir, std::string(name)) +
                                            ": broken symbolic link, skipped");
                continue;
            }
            entries.push_back({std::string(name), type->is_directory, type->is_link});
        }
        if (ec) out_.errors.push_back({dir, ec.message()});
        std::sort(entries.begin(), entries.end());

        std::vector<pending_dir> subdirs;
        for (const entry& e : entries) {
            // A file that is not checked needs no exclude question.
            if (!e.is_directory && !has_extension(e.name, options_.extensions)) continue;
            std::string shown = display_join(dir, e.name);
            // Without excludes, no path is built for the question.
            if (!options_.excludes.empty() && excludes_.excluded(shown)) continue;
            if (e.is_directory) {
                subdirs.push_back(
                    {std::move(shown), e.is_link ? std::string() : join_canonical(canonical_dir, e.name)});
            } else {
                std::string identity =
                    e.is_link ? canonical_or_self(shown).string() : join_canonical(canonical_dir, e.name);
                add_file(std::move(shown), std::move(identity));
            }
        }
        return subdirs;
    }

    const walk_options& options_;
    walk_result& out_;
    exclude_matcher excludes_;
    // Asked only whether a path is in them: hashed, where ordered sets
    // compared long paths with a shared head a dozen times an entry.
    std::unordered_set<std::string> visited_dirs_;
    std::unordered_set<std::string> seen_files_;
};

}  // namespace

bool is_excluded(const fs::path& path, const std::vector<exclude_pattern>& excludes) {
    return exclude_matcher(excludes).excluded(path);
}

walk_result collect_files(const std::vector<std::string>& paths, const walk_options& options) {
    walk_result out;
    walker w(options, out);
    for (const std::string& p : paths) w.add_argument(p);
    return out;
}

}  // namespace factlint::cli
