// The verdict on one figure matched to a reference claim, shared by the
// rules that report its different outcomes (FL101, FL104, FL105).
#pragma once

#include "claims/record.hpp"
#include "claims/store.hpp"

namespace factlint {

struct reference_verdict {
    enum class kind {
        not_compared,  // no claim, a forecast, an unresolved date, no value in force
        consistent,
        mismatch,    // FL101: disjoint from the value in force (or from every value)
        other_year,  // FL105: disjoint from the value in force, equal to another time's value
        stale,       // FL104: present tense, equal to an older value while a newer one is in force
    } what = kind::not_compared;
    const reference_claim* claim = nullptr;
    const reference_value* expected = nullptr;  // the value in force (or nearest)
    const reference_value* matched = nullptr;   // the other time's value it equals
};

[[nodiscard]] reference_verdict judge_value(const claim_record& r, const claim_store& store);

}  // namespace factlint
