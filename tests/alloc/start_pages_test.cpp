// cli/start_pages.cpp, linked into a test program of its own (it acts at
// start-up, before main, as in the executable): the program's writable
// data is mapped before anything touches it. (Its code is mapped too; but
// on this project's machine all of a small test program's code was mapped
// without that, the kernel mapping far more than the page that faulted, so
// no test here could tell: the effect is measured in docs/performance.md.)
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sys/mman.h>

#include <cstdint>
#include <vector>

namespace {

constexpr std::uintptr_t page = 4096;

// Never written or read before the test looks at it: without the mapping
// at start-up, none of its pages would be there.
char untouched_data[64 * page];

// A kernel before 5.14 cannot map pages on request: nothing to hold then.
bool kernel_maps_on_request() {
    void* scratch = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(scratch != MAP_FAILED);
    const bool can = ::madvise(scratch, page, MADV_POPULATE_WRITE) == 0;
    ::munmap(scratch, page);
    return can;
}

// How many of the pages over [begin, end) are not mapped.
std::size_t absent_pages(std::uintptr_t begin, std::uintptr_t end) {
    begin &= ~(page - 1);
    std::vector<unsigned char> resident((end - begin + page - 1) / page);
    REQUIRE(::mincore(reinterpret_cast<void*>(begin), end - begin, resident.data()) == 0);
    std::size_t absent = 0;
    for (const unsigned char r : resident) absent += (r & 1) == 0 ? 1 : 0;
    return absent;
}

}  // namespace

TEST_CASE("start pages: the program's writable data is mapped before it is touched") {
    if (!kernel_maps_on_request()) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(untouched_data);
    CHECK(absent_pages((begin + page - 1) & ~(page - 1), (begin + sizeof untouched_data) & ~(page - 1)) == 0);
}
