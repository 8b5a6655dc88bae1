// The executable's own pages, mapped in two requests before the static
// constructors run instead of one page fault at a time as they are first
// touched (docs/performance.md part 22):
//
// * its writable data (.data and .bss: the grammar's parser objects, its
//   word filters, the rule table), which the static constructors write
//   page after page: about 55 of an empty check's 313 faults;
// * its code, 2.6 MB, of which a run touches pieces all over: the kernel
//   maps 64 KB around each fault, and an empty check still took 32 faults
//   there.
//
// A fault costs 10 to 20 microseconds on this project's VM; a page mapped
// in one request, under one. The code is normally in the page cache; where
// it is not (the first run after a reboot or a build), the request reads
// all of it from disk where the faults would have read only what runs:
// that one start costs more, the others less.
#include <link.h>

#include <cstdint>

#include "claims/huge_pages.hpp"

namespace {

struct address_range {
    std::uintptr_t begin = 0, end = 0;
};

struct program_ranges {
    address_range code;
    address_range writable;  // past RELRO, read-only by now: asking to write it would fail
};

int find_program_ranges(dl_phdr_info* info, std::size_t, void* out) {
    auto& ranges = *static_cast<program_ranges*>(out);
    std::uintptr_t relro_end = 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type == PT_GNU_RELRO) relro_end = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
    }
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_LOAD) continue;
        const address_range segment{info->dlpi_addr + ph.p_vaddr, info->dlpi_addr + ph.p_vaddr + ph.p_memsz};
        if ((ph.p_flags & PF_X) != 0) ranges.code = segment;
        if ((ph.p_flags & PF_W) != 0) {
            ranges.writable = segment;
            if (relro_end > segment.begin && relro_end < segment.end) ranges.writable.begin = relro_end;
        }
    }
    return 1;  // the first object is the main program: stop there
}

__attribute__((constructor(101))) void map_program_pages() {
    program_ranges ranges;
    dl_iterate_phdr(find_program_ranges, &ranges);
    if (ranges.code.end > ranges.code.begin)
        factlint::map_pages_for_reading(reinterpret_cast<const void*>(ranges.code.begin),
                                        ranges.code.end - ranges.code.begin);
    if (ranges.writable.end > ranges.writable.begin)
        factlint::map_pages_now(reinterpret_cast<const void*>(ranges.writable.begin),
                                ranges.writable.end - ranges.writable.begin);
}

}  // namespace
