// A claim store read from claims-file text, as the unit tests build one:
// the text must parse without an error.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "claims/store.hpp"
#include "grammar/claims_file.hpp"

namespace factlint::testing {

inline claim_store store_of(std::string_view claims_text) {
    grammar::claims_file parsed = grammar::parse_claims_file("t.claims", std::string(claims_text));
    REQUIRE(parsed.errors.empty());
    claim_store store;
    store.keep(std::move(parsed.storage));
    store.add_all(std::move(parsed.claims));
    store.build_index();
    return store;
}

}  // namespace factlint::testing
