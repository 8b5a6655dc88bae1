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
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/store.hpp"

namespace factlint {

struct claims_cache_options {
    std::string dir;  // where compiled stores are kept; empty: no cache
    // Claims files smaller than this in total are parsed every time, and a
    // run with them writes nothing: under about 200 claims a hit saves a
    // run a tenth of a millisecond or two, 1,000 claims about 2 ms
    // (docs/performance.md part 30).
    std::size_t min_bytes = std::size_t{32} << 10;
    // The entries kept, the most recently used, counted apart by size: an
    // entry of `large_entry_bytes` or more (100,000 claims: 44 MB, 0.2 s
    // of parsing saved a run) is never removed to make room for smaller
    // ones (1,000 claims: 0.15 MB, 2 ms), however many small sets a CI
    // job's tests load.
    std::size_t keep = 4;
    std::size_t keep_small = 16;
    std::size_t large_entry_bytes = std::size_t{1} << 20;
    // On a miss, leave the entry for the caller to write (load_result::
    // key_to_write, store_compiled_claims) once the store is where it stays:
    // `check` and `extract` with two jobs or more write it while they work.
    bool defer_write = false;
};

// $FACTLINT_CACHE_DIR, else $XDG_CACHE_HOME/factlint, else
// $HOME/.cache/factlint; empty when none of them is set.
[[nodiscard]] std::string default_claims_cache_dir();

// What one run did with the cache.
enum class cache_use { off, hit, stored, missed };

// The key of the claims files as read, in order, for this build of
// factlint, or nullopt: a file that could not be read (no text), files
// under `min_bytes` in total, or a build that cannot be identified (no
// build id); then nothing is cached. The texts hashed are the texts then
// parsed or viewed by the store read back, so a file changed on disk
// meanwhile is never stored or read under the key of another text.
[[nodiscard]] std::optional<std::string> claims_cache_key(
    const std::vector<std::optional<claims_text>>& files, std::size_t min_bytes);

// The same key taken as the files are read, a piece at a time
// (read_file_bytes's sink): for each file in order begin_file, its pieces,
// end_file; or failed, for a file that could not be read. Equal to
// claims_cache_key's for the same paths and texts, however cut.
class claims_key_builder {
public:
    claims_key_builder();
    ~claims_key_builder();
    claims_key_builder(const claims_key_builder&) = delete;
    claims_key_builder& operator=(const claims_key_builder&) = delete;

    void begin_file(std::string_view path);
    void add(std::string_view piece);
    void end_file();
    void failed() { failed_ = true; }
    // After the last file: nullopt as for claims_cache_key.
    [[nodiscard]] std::optional<std::string> key(std::size_t min_bytes) const;

private:
    class hash;
    std::unique_ptr<hash> hash_;
    std::uint64_t file_bytes_ = 0;   // of the file being read
    std::uint64_t total_bytes_ = 0;  // of the files ended
    std::size_t files_ = 0;
    bool failed_ = false;
};

// The store compiled under `key` from `files`, read from its cache file
// (whose bytes it keeps) and holding the files' texts, moved out of
// `files`; or nullopt, `files` as they were: no such entry, or one that
// fails its checks.
[[nodiscard]] std::optional<claim_store> find_compiled_claims(const claims_cache_options& options,
                                                              const std::string& key,
                                                              std::vector<std::optional<claims_text>>& files);

// Writes `store` under `key`; false when it could not (it never throws).
bool store_compiled_claims(const claims_cache_options& options, const std::string& key,
                           const claim_store& store);

}  // namespace factlint
