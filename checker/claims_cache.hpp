// The cache of compiled claims. Loading a large claims file costs more than
// checking a long article (100,000 claims: a parse and an index build of
// about 650 M instructions), and an editor's or a CI job's claims change
// far less often than its drafts. A store that loaded without error is
// written out compiled (claims/compiled_store.hpp), under a key that
// covers every byte it came from: the paths and contents of the claims
// files, in order, and the build of factlint itself (the build ids of the
// program and of the libraries it runs with). A later run with the same
// key reads it back instead of parsing. Any change, however small, is a
// different key; a damaged or foreign cache file is a miss; a cache that
// cannot be read or written is no cache. It is never the reason a run fails.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claims/store.hpp"

namespace factlint {

struct claims_cache_options {
    std::string dir;  // where compiled stores are kept; empty: no cache
    // Claims files smaller than this in total are parsed every time: they
    // load in milliseconds, and a run with them writes nothing.
    std::size_t min_bytes = std::size_t{1} << 20;
    std::size_t keep = 4;  // compiled stores kept, the most recently used
};

// $FACTLINT_CACHE_DIR, else $XDG_CACHE_HOME/factlint, else
// $HOME/.cache/factlint; empty when none of them is set.
[[nodiscard]] std::string default_claims_cache_dir();

// What one run did with the cache.
enum class cache_use { off, hit, stored, missed };

// One claims file as read, before its parse.
struct claims_text {
    std::string path;
    std::string content;
};

// The key of the claims files `paths` for this build of factlint, each
// file streamed through the hash (not kept), or nullopt: a file that
// cannot be read, files under `min_bytes` in total, or a build that cannot
// be identified (no build id); then nothing is cached.
[[nodiscard]] std::optional<std::string> claims_cache_key(const std::vector<std::string>& paths,
                                                          std::size_t min_bytes);
// The key of files with these texts: the key above of files holding them.
// A run that missed compares the two, so that a file changed between the
// hash and the parse is never stored under the key of its old text.
// Nullopt when a file is missing (it could not be read).
[[nodiscard]] std::optional<std::string> claims_cache_key(
    const std::vector<std::optional<claims_text>>& files);

// The store compiled under `key` from the files `paths`, read from its
// cache file (whose bytes it keeps), or nullopt: no such entry, or one
// that fails its checks.
[[nodiscard]] std::optional<claim_store> find_compiled_claims(const claims_cache_options& options,
                                                              const std::string& key,
                                                              const std::vector<std::string>& paths);

// Writes `store` under `key`; false when it could not (it never throws).
bool store_compiled_claims(const claims_cache_options& options, const std::string& key,
                           const claim_store& store);

}  // namespace factlint
