// Large buffers that are filled once and then read (a claims file, an
// input of many megabytes, the arrays of 100,000 loaded claims) are better
// mapped in 2 MB pages than in 4 KB ones: filling 100 MB page by page cost a
// claims load 27,000 page faults, a quarter of its time. Where the kernel
// maps huge pages on request only (transparent_hugepage "madvise", the
// usual default), asking for them is what makes the difference; elsewhere
// it changes nothing.
#pragma once

#include <cstddef>
#include <iterator>
#include <vector>

namespace factlint {

// Prepares the pages of [data, data + bytes), a buffer about to be
// filled, before they are first written (pages already touched keep their
// size). From 2 MB: asks for huge pages over the whole 2 MB pages inside.
// Below: maps its whole 4 KB pages at once, in one MADV_POPULATE_WRITE
// request, instead of one page fault each as the buffer fills. On this
// project's VM a page fault costs 10 to 20 microseconds and a populated
// page under one (docs/performance.md part 21); a buffer only half filled
// still costs less. Systems without the request are left alone; it never
// fails.
void prepare_for_filling(const void* data, std::size_t bytes);

// Tells prepare_for_filling that every block under 2 MB lies in memory
// asked for in huge pages already (the executable's allocator asks so for
// all its segments: cli/huge_blocks.cpp): its pages are mapped a huge page
// at a time whatever is asked, and a request per block would be a system
// call for nothing, about a microsecond here. A load of 4,000 small claims
// files made 6,000 of them (docs/performance.md part 25). Set once, before
// anything else runs; off unless set.
void note_small_blocks_in_huge_pages();
[[nodiscard]] bool small_blocks_in_huge_pages();

// Maps the whole 4 KB pages inside [data, data + bytes) now, in one
// request (MADV_POPULATE_WRITE, Linux 5.14 and later; elsewhere nothing).
// Their contents do not change.
void map_pages_now(const void* data, std::size_t bytes);

// The same for pages only to be read (a file mapped, the program's own
// code): MADV_POPULATE_READ, which reads from the page cache or the disk
// what is not in memory yet.
void map_pages_for_reading(const void* data, std::size_t bytes);

// `v.reserve(n)`, its new buffer prepared for filling before anything is
// written to it: a vector that grows moves its elements into fresh memory
// first, and that half of the new buffer would otherwise be mapped one
// page fault at a time too.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    if (n <= v.capacity()) return;
    std::vector<T> bigger;
    bigger.reserve(n);
    prepare_for_filling(bigger.data(), bigger.capacity() * sizeof(T));
    bigger.insert(bigger.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
    v.swap(bigger);
}

}  // namespace factlint
