// Large buffers that are filled once and then read (a claims file, an
// input of many megabytes, the arrays of 100,000 loaded claims) are better
// mapped in 2 MB pages than in 4 KB ones: filling 100 MB page by page cost a
// claims load 27,000 page faults, a quarter of its time. Where the kernel
// maps huge pages on request only (transparent_hugepage "madvise", the
// usual default), asking for them is what makes the difference; elsewhere
// it changes nothing.
#pragma once

#include <cstddef>
#include <vector>

namespace factlint {

// Asks for huge pages over the whole 2 MB pages inside [data, data +
// bytes) before they are first written (pages already touched keep their
// size). Buffers holding no whole huge page and systems without the
// request are left alone; it never fails.
void advise_huge_pages(const void* data, std::size_t bytes);

// `v.reserve(n)` with that request over its new buffer.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace factlint
