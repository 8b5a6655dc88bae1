#include "claims/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace factlint {

namespace {

#if defined(__linux__)
constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
constexpr std::uintptr_t small_page = 4096;

// The whole pages of `size` inside [data, data + bytes): the bytes around
// a buffer may belong to other allocations.
struct page_range {
    std::uintptr_t begin = 0, end = 0;
    page_range(const void* data, std::size_t bytes, std::uintptr_t size)
        : begin((reinterpret_cast<std::uintptr_t>(data) + size - 1) & ~(size - 1)),
          end((reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(size - 1)) {}
    [[nodiscard]] bool empty() const { return end <= begin; }
    void advise(int advice) const {
        if (!empty()) (void)madvise(reinterpret_cast<void*>(begin), end - begin, advice);
    }
};
#endif

// Written by a constructor before main, read after: no thread races it.
bool small_blocks_premapped = false;

}  // namespace

void note_small_blocks_in_huge_pages() { small_blocks_premapped = true; }
bool small_blocks_in_huge_pages() { return small_blocks_premapped; }

void prepare_for_filling(const void* data, std::size_t bytes) {
#if defined(__linux__)
    if (data == nullptr) return;
#if defined(MADV_HUGEPAGE)
    if (bytes >= huge_page) {
        page_range(data, bytes, huge_page).advise(MADV_HUGEPAGE);
        return;
    }
#endif
    if (small_blocks_premapped) return;
    map_pages_now(data, bytes);
#else
    (void)data;
    (void)bytes;
#endif
}

void map_pages_now(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    // A kernel older than 5.14 refuses the request (EINVAL): the pages are
    // then mapped one fault at a time, as before.
    if (data != nullptr) page_range(data, bytes, small_page).advise(MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

void map_pages_for_reading(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_READ)
    if (data != nullptr) page_range(data, bytes, small_page).advise(MADV_POPULATE_READ);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace factlint
