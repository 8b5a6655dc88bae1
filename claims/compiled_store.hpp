// A claim store written out whole, index included, and read back: what the
// cache of compiled claims keeps (checker/claims_cache.hpp), so that a run
// whose claims files have not changed skips their parse and the index
// build. The bytes hold the files' texts too, so that a store read back
// views them where they lie instead of in a copy of the files.
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

// The store `bytes` describe, compiled from files named `paths` (in the
// same order). Its texts view `bytes`, which `owner` must keep alive: the
// store keeps `owner`. Nullopt when the bytes are not a store compiled
// from that many files; never a partial store.
[[nodiscard]] std::optional<claim_store> read_compiled_store(std::string_view bytes,
                                                             std::shared_ptr<const void> owner,
                                                             const std::vector<std::string>& paths);

}  // namespace factlint
