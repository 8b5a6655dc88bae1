// The verdict on one figure matched to a reference claim, shared by the
// rules that report its different outcomes (FL101, FL104, FL105).
#pragma once

#include <cstdint>
#include <vector>

#include "checker/rule.hpp"
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

// The verdicts on one block of records, each worked out the first time a
// rule asks for it: FL101, FL104 and FL105 ask for the same records in
// turn, and a record checked against a long series costs a look through
// it (docs/performance.md part 25).
class verdict_memo {
public:
    // For a block of `records` records, none judged yet: a new generation,
    // so that no slot need be cleared (one reset a block of every document).
    void reset(std::size_t records) {
        ++generation_;
        if (slots_.size() < records) slots_.resize(records);
    }
    // The verdict on records[i], `r`.
    [[nodiscard]] const reference_verdict& of(std::size_t i, const claim_record& r,
                                              const claim_store& store) {
        slot& s = slots_[i];
        if (s.generation != generation_) {
            s.verdict = judge_value(r, store);
            s.generation = generation_;
        }
        return s.verdict;
    }

private:
    struct slot {
        std::uint64_t generation = 0;  // the block it was judged in; 0: never
        reference_verdict verdict;
    };
    std::vector<slot> slots_;
    std::uint64_t generation_ = 0;
};

// judge_value of a record of ctx.records, through the context's memo
// when it has one.
[[nodiscard]] reference_verdict judge(const rule_context& ctx, const claim_record& r);

}  // namespace factlint
