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
    // hit paid them for three blocks). One request maps that first 2 MB
    // now, in a huge page where it still can (docs/performance.md part 22).
    factlint::map_pages_now(block, huge_page);
    return block;
}

}  // namespace

void* operator new(std::size_t bytes) { return allocate(bytes); }
void* operator new[](std::size_t bytes) { return allocate(bytes); }

namespace {

// mimalloc 2 carves small blocks from the start of a 32 MiB segment, and
// the main thread's first segment serves the start-up (the grammar's
// symbol tables, the command line, the claims) and most of what a run
// keeps in small blocks. Those pages were mapped one fault at a time as
// blocks were handed out: 92 of an empty check's 374 page faults, 157 of
// a 5 MB check's 650, at 10 to 20 microseconds each on a VM. One request
// before any other constructor runs maps the segment's first 2 MB at
// about half a microsecond a page (docs/performance.md part 21).
//
// The rest of the segment is asked for in huge pages (part 22): mimalloc
// hands out its pages of small blocks, one size class after another, all
// over it, and each 4 KB page first touched there was another fault (an
// empty check with 1,000 claims: 76 of 220; the 2,225 files: about 490
// of 632). A huge page is one fault for 2 MB, at the price of resident
// memory for all of it (3 to 9 MB more a run). The first 2 MB cannot be one: mimalloc
// has written its segment's header there already.
//
// Were the segment laid out otherwise, the requests would map pages of the
// heap that are not used yet, or fail on an unmapped range: never wrong,
// only useless.
constexpr std::uintptr_t mimalloc_segment = std::uintptr_t{32} << 20;
constexpr std::size_t mapped_at_start = std::size_t{2} << 20;

__attribute__((constructor(101))) void prepare_first_segment() {
    void* probe = mi_malloc(16);
    const auto segment = reinterpret_cast<std::uintptr_t>(probe) & ~(mimalloc_segment - 1);
    factlint::map_pages_now(reinterpret_cast<const void*>(segment), mapped_at_start);
    factlint::prepare_for_filling(reinterpret_cast<const void*>(segment + mapped_at_start),
                                  mimalloc_segment - mapped_at_start);
    mi_free(probe);
}

}  // namespace
