// leave_to_process_end: what a check hands to the end of the process leaves
// its owner and stays alive; a build that exits the ordinary way keeps it
// with its owner, so that its destructor runs where LeakSanitizer sees it.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/process_end.hpp"

using namespace factlint::cli;

namespace {

// Counts its own destructions, through a flag that outlives it.
struct destruction_witness {
    std::shared_ptr<int> destroyed = std::make_shared<int>(0);
    destruction_witness() = default;
    destruction_witness(destruction_witness&& other) noexcept
        : destroyed(std::move(other.destroyed)), moved_from(false) {
        other.moved_from = true;
    }
    destruction_witness(const destruction_witness&) = delete;
    destruction_witness& operator=(const destruction_witness&) = delete;
    destruction_witness& operator=(destruction_witness&&) = delete;
    ~destruction_witness() {
        if (!moved_from) ++*destroyed;
    }
    bool moved_from = false;
};

}  // namespace

TEST_CASE("leave_to_process_end moves the value out of its owner and keeps it alive") {
    std::shared_ptr<int> destroyed;
    bool owner_moved_from = false;
    {
        destruction_witness owner;
        destroyed = owner.destroyed;
        leave_to_process_end(std::move(owner));
        owner_moved_from = owner.moved_from;  // NOLINT(bugprone-use-after-move): what the call promises
    }
    if constexpr (ends_without_cleanup) {
        CHECK(owner_moved_from);
        CHECK(*destroyed == 0);  // the kept value was never destroyed
    } else {
        CHECK_FALSE(owner_moved_from);
        CHECK(*destroyed == 1);  // freed with its owner, as before
    }
}

TEST_CASE("leave_to_process_end takes containers whole") {
    std::vector<std::string> documents{"one", "two", "three"};
    leave_to_process_end(std::move(documents));
    if constexpr (ends_without_cleanup) {
        CHECK(documents.empty());  // NOLINT(bugprone-use-after-move): what the call promises
    } else {
        CHECK(documents.size() == 3);
    }
}
