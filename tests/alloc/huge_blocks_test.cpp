// cli/huge_blocks.cpp's operator new, linked into a test program of its own
// (it replaces operator new for the whole process, as in the executable).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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
