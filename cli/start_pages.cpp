// The executable's writable data (.data and .bss: the grammar's parser
// objects, its word filters, the rule table) is written by the static
// constructors at start-up, page after page, one page fault each: about
// 80 of an empty check's 313 faults, at 10 to 20 microseconds each on this
// project's VM. One request before those constructors run maps the whole
// range at under a microsecond a page (docs/performance.md part 22).
#include <link.h>

#include <cstdint>

#include "claims/huge_pages.hpp"

namespace {

struct writable_range {
    std::uintptr_t begin = 0, end = 0;
};

// The main program's writable segment past its RELRO part: RELRO is
// read-only by the time constructors run, and asking to write it fails.
int find_writable_data(dl_phdr_info* info, std::size_t, void* out) {
    auto& range = *static_cast<writable_range*>(out);
    std::uintptr_t relro_end = 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type == PT_GNU_RELRO) relro_end = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
    }
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_LOAD || (ph.p_flags & PF_W) == 0) continue;
        range.begin = info->dlpi_addr + ph.p_vaddr;
        range.end = range.begin + ph.p_memsz;
        if (relro_end > range.begin && relro_end < range.end) range.begin = relro_end;
    }
    return 1;  // the first object is the main program: stop there
}

__attribute__((constructor(101))) void map_writable_data() {
    writable_range range;
    dl_iterate_phdr(find_writable_data, &range);
    if (range.end > range.begin)
        factlint::map_pages_now(reinterpret_cast<const void*>(range.begin), range.end - range.begin);
}

}  // namespace
