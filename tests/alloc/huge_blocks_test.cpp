// cli/huge_blocks.cpp's operator new, linked into a test program of its own
// (it replaces operator new for the whole process, as in the executable).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "claims/huge_pages.hpp"

namespace {

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;

bool on_huge_boundary(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % huge_page == 0; }

}  // namespace

TEST_CASE("huge blocks: a block of 1 MB or more starts on a 2 MB boundary") {
    for (const std::size_t bytes :
         {std::size_t{1} << 20, std::size_t{2} << 20, std::size_t{5032654}, std::size_t{50326550}}) {
        CAPTURE(bytes);
        const std::unique_ptr<char[]> block(new char[bytes]);
        CHECK(on_huge_boundary(block.get()));
        // The whole block is usable, to its last byte.
        block[0] = 'a';
        block[bytes - 1] = 'z';
        CHECK(block[bytes - 1] == 'z');
    }
    std::string text;
    text.reserve(3'000'000);
    CHECK(on_huge_boundary(text.data()));
    std::vector<double> numbers(300'000, 1.5);
    CHECK(on_huge_boundary(numbers.data()));
    CHECK(numbers.back() == 1.5);
}

TEST_CASE("huge blocks: smaller blocks are mimalloc's ordinary ones") {
    // Among 64 small blocks at most a few can fall on a 2 MB boundary by chance.
    std::vector<std::unique_ptr<char[]>> blocks;
    int aligned = 0;
    for (int i = 0; i < 64; ++i) {
        blocks.emplace_back(new char[1000 + 16 * static_cast<std::size_t>(i)]);
        aligned += on_huge_boundary(blocks.back().get()) ? 1 : 0;
    }
    CHECK(aligned <= 1);
    const std::unique_ptr<char[]> under(new char[(std::size_t{1} << 20) - 1]);
    CHECK_FALSE(on_huge_boundary(under.get()));
}

TEST_CASE("huge blocks: the start of the segment small blocks come from is mapped at start-up") {
    // What an empty check touched first, page fault by page fault.
    constexpr std::uintptr_t segment_size = std::uintptr_t{32} << 20, page = 4096;
    constexpr std::size_t mapped = std::size_t{2} << 20;
    void* probe = std::malloc(16);
    const auto segment = reinterpret_cast<std::uintptr_t>(probe) & ~(segment_size - 1);
    std::vector<unsigned char> resident(mapped / page);
    REQUIRE(::mincore(reinterpret_cast<void*>(segment), mapped, resident.data()) == 0);
    std::size_t absent = 0;
    for (const unsigned char r : resident) absent += (r & 1) == 0 ? 1 : 0;
    std::free(probe);
    // A kernel before 5.14 cannot map pages on request: nothing to hold then.
    void* scratch = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(scratch != MAP_FAILED);
    const bool kernel_can = ::madvise(scratch, page, MADV_POPULATE_WRITE) == 0;
    ::munmap(scratch, page);
    if (kernel_can) CHECK(absent == 0);
}

TEST_CASE("huge blocks: the first 2 MB of a block are mapped when it is handed out") {
    // mimalloc writes a block's first bytes before the huge-page advice can
    // apply; the rest of that 2 MB page was then filled 4 KB at a time.
    constexpr std::uintptr_t page = 4096;
    void* scratch = ::mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(scratch != MAP_FAILED);
    const bool kernel_can = ::madvise(scratch, page, MADV_POPULATE_WRITE) == 0;
    ::munmap(scratch, page);
    if (!kernel_can) return;
    for (const std::size_t bytes : {std::size_t{3} << 20, std::size_t{14} << 20}) {
        CAPTURE(bytes);
        const std::unique_ptr<char[]> block(new char[bytes]);
        std::vector<unsigned char> resident(huge_page / page);
        REQUIRE(::mincore(block.get(), huge_page, resident.data()) == 0);
        std::size_t absent = 0;
        for (const unsigned char r : resident) absent += (r & 1) == 0 ? 1 : 0;
        CHECK(absent == 0);
    }
}

namespace {

// How many mappings overlap [from, to), and how many of those carry the
// huge-page advice ("hg" in their VmFlags); {0, 0} without procfs.
std::pair<int, int> advised_mappings(std::uintptr_t from, std::uintptr_t to) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool overlaps = false;
    int mappings = 0, advised = 0;
    while (std::getline(smaps, line)) {
        unsigned long begin = 0, end = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &begin, &end) == 2) {  // a mapping's first line
            overlaps = begin < to && from < end;
            mappings += overlaps ? 1 : 0;
            continue;
        }
        if (overlaps && line.starts_with("VmFlags:") && line.find(" hg") != std::string::npos) ++advised;
    }
    return {mappings, advised};
}

constexpr std::uintptr_t segment_size = std::uintptr_t{32} << 20;

std::uintptr_t segment_of(const void* p) { return reinterpret_cast<std::uintptr_t>(p) & ~(segment_size - 1); }

}  // namespace

TEST_CASE("huge blocks: the rest of that segment is asked for in huge pages") {
    // Its first 2 MB are mapped (above); past them, every mapping over the
    // segment carries the huge-page advice, not only those of the large
    // blocks advised one by one.
    if (!std::ifstream("/proc/self/smaps")) return;  // no procfs: nothing to look at
    const std::unique_ptr<char[]> probe(new char[16]);
    const std::uintptr_t segment = segment_of(probe.get());
    const auto [mappings, advised] = advised_mappings(segment + huge_page, segment + segment_size);
    CHECK(mappings > 0);
    CHECK(advised == mappings);
}

TEST_CASE("huge blocks: another thread's heap is asked for in huge pages too") {
    if (!std::ifstream("/proc/self/smaps")) return;
    std::pair<int, int> found{0, 0};
    std::thread([&] {
        const std::unique_ptr<char[]> probe(new char[16]);
        const std::uintptr_t segment = segment_of(probe.get());
        found = advised_mappings(segment, segment + segment_size);
    }).join();
    CHECK(found.first > 0);
    CHECK(found.second == found.first);
}

TEST_CASE("huge blocks: blocks under 2 MB are not mapped again one by one") {
    // Every segment is in huge pages (above), so prepare_for_filling leaves
    // small blocks alone: a system call each for nothing.
    CHECK(factlint::small_blocks_in_huge_pages());
}
