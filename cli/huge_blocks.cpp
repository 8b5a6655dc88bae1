// The executable's operator new, in builds linked with mimalloc: a block
// of 1 MB or more (an input file's bytes, its sentences, its records, a
// claims file) starts on a 2 MB boundary and is a whole number of 2 MB
// pages long, asked for in huge pages (claims/huge_pages.hpp).
//
// Why: madvise can give huge pages only to the whole 2 MB pages inside a
// block, and mimalloc starts a large block anywhere in its segment. The
// first and last megabyte or so of each large buffer were then filled 4 KB
// page by page: about 400 page faults a buffer, whatever the input's size,
// at 3 to 10 microseconds each on a VM. Checking 5 MB paid that for each
// of its large buffers, and so ran slower per byte than checking 50 MB
// (docs/performance.md part 20). The rounding costs address space, and at
// most the part of one huge page past a block's end that gets written.
//
// Smaller blocks, and every operator delete, are mimalloc's own; but the
// segment they start in is prepared before anything else runs (below).
#include <mimalloc.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "claims/huge_pages.hpp"

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

// From half a huge page: a block of 1 to 2 MB (a 5 MB input's sentences)
// filled 4 KB at a time took 256 to 512 page faults (482 for those
// sentences), where one huge page takes one.
constexpr std::size_t smallest_huge_block = huge_page / 2;

void* allocate(std::size_t bytes) {
    if (bytes < smallest_huge_block) return mi_new(bytes);
    const std::size_t rounded = (bytes + huge_page - 1) & ~(huge_page - 1);
    void* block = mi_new_aligned(rounded, huge_page);
    factlint::prepare_for_filling(block, rounded);
    // mimalloc has written the block's first bytes already (its free-list
    // link) when the block lies in a segment in use: that 4 KB page was
    // mapped before the advice, and the rest of its 2 MB page would then
    // be mapped 4 KB at a time, 511 page faults (a 100,000-claim cache
    // hit paid them whenever the claims' 14 MB block landed in the segment
    // in use). One request maps that first 2 MB now, in a huge page where
    // it still can (docs/performance.md part 22).
    factlint::map_pages_now(block, huge_page);
    return block;
}

}  // namespace

void* operator new(std::size_t bytes) { return allocate(bytes); }
void* operator new[](std::size_t bytes) { return allocate(bytes); }

namespace {

// mimalloc 2 carves small blocks from 32 MiB segments, one thread's pages
// of one size class after another, all over the segment. Each 4 KB page
// first touched there was a page fault, at 10 to 20 microseconds each on
// a VM: an empty check with 1,000 claims took 76 of its 220 faults in the
// main thread's segment past its first 2 MB, the 2,225 files about 490 of
// 632, and a second thread's heap (-j 2) about 400 more
// (docs/performance.md parts 21 and 22).
//
// So every segment is asked for in huge pages: mimalloc's own option for
// it (large_os_pages) advises each segment as it is mapped, and with no
// delay before a thread's first segment is committed, that includes the
// worker threads' first segments. A huge page is one fault for 2 MB, at
// the price of resident memory for all of it (3 to 9 MB more a run; 18 MB
// with 100,000 claims). mimalloc first tries reserved huge pages
// (MAP_HUGETLB), which a system rarely has: one refused request each. A
// user's MIMALLOC_LARGE_OS_PAGES or MIMALLOC_EAGER_COMMIT_DELAY is left
// to decide.
//
// Should the main segment exist already (something allocated before this
// constructor), it is prepared here instead: its first 2 MB mapped at once
// (mimalloc has written its header there, so that 2 MB can no longer be a
// huge page), the rest advised. Were the segment laid out otherwise, the
// requests would map pages of the heap that are not used yet, or fail on
// an unmapped range: never wrong, only useless.
constexpr std::uintptr_t mimalloc_segment = std::uintptr_t{32} << 20;
constexpr std::size_t mapped_at_start = std::size_t{2} << 20;

__attribute__((constructor(101))) void prepare_segments() {
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
    if (std::getenv("MIMALLOC_EAGER_COMMIT_DELAY") == nullptr) mi_option_set(mi_option_eager_commit_delay, 0);
    void* probe = mi_malloc(16);
    const auto segment = reinterpret_cast<std::uintptr_t>(probe) & ~(mimalloc_segment - 1);
    factlint::map_pages_now(reinterpret_cast<const void*>(segment), mapped_at_start);
    factlint::prepare_for_filling(reinterpret_cast<const void*>(segment + mapped_at_start),
                                  mimalloc_segment - mapped_at_start);
    mi_free(probe);
    // Small blocks then lie in pages mapped already (the segment's first
    // 2 MB) or in huge pages: none needs its pages asked for again.
    if (mi_option_is_enabled(mi_option_large_os_pages)) factlint::note_small_blocks_in_huge_pages();
}

}  // namespace
