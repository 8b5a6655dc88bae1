// The floor under a first run's claims load (bench/claims_floor.sh): reads
// a claims file, finds every line's end and counts the `value` lines, and
// does nothing else. Whatever a parser of claims files does, it does at
// least this, so the time of this program is the least any design could
// spend before it parses a byte (docs/performance.md part 39).
//
//     claims_floor [--naive] FILE
//
// By default it uses factlint's own ways: the file read into memory given
// huge pages (madvise), as claims/huge_pages.cpp does, and the line ends
// found 32 bytes a step with SSE2, as grammar/claims_file.cpp's
// next_newline does. --naive reads into malloc's memory and finds each
// line's end with memchr: what a first program would do.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "claims_text.hpp"

int main(int argc, char** argv) {
    const bool naive = argc == 3 && std::string_view(argv[1]) == "--naive";
    if (argc != (naive ? 3 : 2)) {
        std::fprintf(stderr, "usage: claims_floor [--naive] FILE\n");
        return 2;
    }
    std::size_t size = 0;
    const char* text = claims_text::read_all(argv[argc - 1], naive, size);
    if (text == nullptr) return 2;
    std::size_t lines = 0, values = 0;
    for (std::size_t at = 0; at < size;) {
        const std::size_t end =
            naive ? claims_text::line_end_naive(text, at, size) : claims_text::line_end_wide(text, at, size);
        std::size_t word = at;
        while (word < end && (text[word] == ' ' || text[word] == '\t')) ++word;
        if (end - word > 5 && std::memcmp(text + word, "value", 5) == 0 &&
            (text[word + 5] == ' ' || text[word + 5] == '\t'))
            ++values;
        ++lines;
        at = end + 1;
    }
    std::printf("%zu lines, %zu value lines\n", lines, values);
    return 0;
}
