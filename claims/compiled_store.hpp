// A claim store written out whole, index included, and read back: what the
// cache of compiled claims keeps (checker/claims_cache.hpp), so that a run
// whose claims files have not changed skips their parse and the index
// build. The bytes hold no file's text: the store read back views the
// files' contents, read again by the caller, as the one written did.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/storage.hpp"
#include "claims/store.hpp"

namespace factlint {

// The bytes of an indexed `store` whose claims all view the files it keeps
// (as load_claims makes them), or nullopt when it is not such a store.
[[nodiscard]] std::optional<std::string> compile_store(const claim_store& store);

// The store `bytes` describe, over `files`: the storages of the files it
// was compiled from, in the same order, with the same paths and contents
// (their phrases and values are filled here). The store takes them; when
// the bytes are not a store compiled over such files, the result is
// nullopt (never a partial store) and `files` keep their paths and contents.
[[nodiscard]] std::optional<claim_store> read_compiled_store(
    std::string_view bytes, std::vector<std::unique_ptr<claims_storage>>& files);

}  // namespace factlint
