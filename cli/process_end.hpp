// How a run of factlint ends, and what that spares the code before it.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define FACTLINT_HAS_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FACTLINT_HAS_SANITIZER 1
#endif
#ifndef FACTLINT_HAS_SANITIZER
#define FACTLINT_HAS_SANITIZER 0
#endif

namespace factlint::cli {

// Whether main() ends the process with std::_Exit once the output is out,
// skipping static destructors and the allocator's exit work. A sanitizer
// build exits the ordinary way instead, so that LeakSanitizer's check at
// exit still runs and still sees everything freed.
inline constexpr bool ends_without_cleanup = FACTLINT_HAS_SANITIZER == 0;

// Hands `value` to the end of the process instead of destroying it where
// its owner goes out of scope: freeing thousands of documents and results
// whose memory the kernel takes back a moment later anyway was serial work
// at the end of every check (docs/performance.md part 27). The values stay
// reachable from a static list, so a leak checker counts them as in use,
// not lost; that list is destroyed only by an ordinary exit. Where the
// process ends the ordinary way, `value` is left with its owner.
template <class T>
void leave_to_process_end(T&& value) {
    static_assert(!std::is_lvalue_reference_v<T>, "moved in, never copied");
    if constexpr (ends_without_cleanup) {
        static std::vector<std::shared_ptr<void>> kept;
        kept.push_back(std::make_shared<std::remove_cvref_t<T>>(std::forward<T>(value)));
    }
}

}  // namespace factlint::cli
