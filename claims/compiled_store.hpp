// A claim store written out whole, index included, and read back: what the
// cache of compiled claims keeps (checker/claims_cache.hpp), so that a run
// whose claims files have not changed skips their parse and the index
// build. The bytes do not hold the files' texts, only their sizes: the run
// has read the files to hash them for the cache's key, and the store read
// back keeps those texts and views them, as a parsed store does.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/compiled_io.hpp"
#include "claims/storage.hpp"
#include "claims/store.hpp"

namespace factlint {

// The bytes of an indexed `store` whose claims all view the files it keeps
// (as load_claims makes them), or nullopt when it is not such a store.
[[nodiscard]] std::optional<compiled::byte_buffer> compile_store(const claim_store& store);

// The store `bytes` describe, compiled from `files` (in the same order),
// or nullopt when the bytes are not a store compiled from that many files
// of those sizes; never a partial store. The store takes the files'
// contents (left empty in `files`) and views them and `bytes`, which
// `owner` must keep alive: the store keeps `owner`. When it is refused,
// `files` is as it was, to be parsed.
//
// With a `source`, `bytes` is writable room of the store's size, which
// the source fills as the store is read back (compiled::byte_source); the
// store is refused unless the source's finish() accepts what it read.
[[nodiscard]] std::optional<claim_store> read_compiled_store(std::string_view bytes,
                                                             std::shared_ptr<const void> owner,
                                                             std::vector<claims_text>& files,
                                                             compiled::byte_source* source = nullptr);

}  // namespace factlint
