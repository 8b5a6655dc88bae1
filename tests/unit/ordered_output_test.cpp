// Output of many files in path order while they are worked on at once.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "checker/parallel.hpp"
#include "cli/ordered_output.hpp"

using namespace factlint;
using namespace factlint::cli;

namespace {

// Piece k of file i: "i.k;". Built by appends: g++ 12 warns of a false
// overlap (-Wrestrict) in "literal" + std::string chains.
std::string piece(std::size_t i, std::size_t k) {
    std::string s = std::to_string(i);
    s += '.';
    s += std::to_string(k);
    s += ';';
    return s;
}

// What file i writes: a header, its pieces, a footer, as one string.
std::string expected_of(std::size_t i, std::size_t pieces) {
    std::string s;
    s += '<';
    s += std::to_string(i);
    s += '>';
    for (std::size_t k = 0; k < pieces; ++k) s += piece(i, k);
    s += "</";
    s += std::to_string(i);
    s += '>';
    return s;
}

}  // namespace

TEST_CASE("cli: ordered_output: files in path order whatever order they are worked in") {
    std::ostringstream out;
    std::vector<int> opened(4, 0), closed(4, 0);
    ordered_output o(
        out, 4,
        [&](std::size_t i) {
            ++opened[i];
            out << "<" << i << ">";
        },
        [&](std::size_t i) {
            ++closed[i];
            out << "</" << i << ">";
        });
    o.write(2, "2.0;");
    o.write(0, "0.0;");  // the head: straight through
    CHECK(out.str() == "<0>0.0;");
    o.write(1, "1.0;");
    o.finish(2);  // ahead of its turn: kept
    CHECK(out.str() == "<0>0.0;");
    o.finish(0);  // file 1 is now the head, but opened only by its own write
    CHECK(out.str() == "<0>0.0;</0>");
    o.write(1, "1.1;");
    CHECK(out.str() == "<0>0.0;</0><1>1.0;1.1;");
    o.finish(1);  // and file 2, finished, follows at once
    CHECK(out.str() == "<0>0.0;</0><1>1.0;1.1;</1><2>2.0;</2>");
    o.finish(3);  // no text at all: opened and closed
    CHECK(out.str() == expected_of(0, 1) + expected_of(1, 2) + expected_of(2, 1) + expected_of(3, 0));
    CHECK(opened == std::vector<int>{1, 1, 1, 1});
    CHECK(closed == std::vector<int>{1, 1, 1, 1});
}

TEST_CASE("cli: ordered_output: workers at once give the output of one in order") {
    for (unsigned threads : {0u, 1u, 3u}) {
        constexpr std::size_t files = 300;
        std::ostringstream out;
        ordered_output o(
            out, files, [&](std::size_t i) { out << "<" << i << ">"; },
            [&](std::size_t i) { out << "</" << i << ">"; });
        worker_pool pool(threads);
        parallel_for(pool, files, [&](std::size_t i) {
            const std::size_t pieces = (i * 7) % 5;
            for (std::size_t k = 0; k < pieces; ++k) {
                o.write(i, piece(i, k));
                if (i % 3 == 0) std::this_thread::yield();
            }
            o.finish(i);
        });
        std::string expected;
        for (std::size_t i = 0; i < files; ++i) expected += expected_of(i, (i * 7) % 5);
        CHECK(out.str() == expected);
    }
}
