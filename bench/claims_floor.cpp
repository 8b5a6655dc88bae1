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
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t slack = 64;  // the 32-byte loads may read past the end

// The whole file, or nullptr (the reason printed).
char* read_all(const char* path, bool naive, std::size_t& size) {
    const int fd = ::open(path, O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::perror(path);
        return nullptr;
    }
    size = static_cast<std::size_t>(st.st_size);
    char* buffer = nullptr;
    if (naive) {
        buffer = static_cast<char*>(std::malloc(size + slack));
    } else {
        const std::size_t room = (size + slack + huge_page - 1) / huge_page * huge_page;
        void* p = ::mmap(nullptr, room, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p != MAP_FAILED) {
            ::madvise(p, room, MADV_HUGEPAGE);
            buffer = static_cast<char*>(p);
        }
    }
    if (buffer == nullptr) {
        std::fprintf(stderr, "%s: out of memory\n", path);
        return nullptr;
    }
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, buffer + got, size - got);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    size = got;
    std::memset(buffer + size, 0, slack);
    return buffer;
}

std::size_t line_end_naive(const char* text, std::size_t at, std::size_t size) {
    const void* found = std::memchr(text + at, '\n', size - at);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text) : size;
}

std::size_t line_end_wide(const char* text, std::size_t at, std::size_t size) {
#if defined(__SSE2__) && defined(__x86_64__)
    const __m128i newline = _mm_set1_epi8('\n');
    for (; size - at >= 32; at += 32) {
        const auto* p = reinterpret_cast<const __m128i*>(text + at);
        const auto low =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p), newline)));
        const auto high =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(p + 1), newline)));
        if (const unsigned hits = low | high << 16; hits != 0)
            return at + static_cast<unsigned>(__builtin_ctz(hits));
    }
#endif
    return line_end_naive(text, at, size);
}

}  // namespace

int main(int argc, char** argv) {
    const bool naive = argc == 3 && std::string_view(argv[1]) == "--naive";
    if (argc != (naive ? 3 : 2)) {
        std::fprintf(stderr, "usage: claims_floor [--naive] FILE\n");
        return 2;
    }
    std::size_t size = 0;
    const char* text = read_all(argv[argc - 1], naive, size);
    if (text == nullptr) return 2;
    std::size_t lines = 0, values = 0;
    for (std::size_t at = 0; at < size;) {
        const std::size_t end = naive ? line_end_naive(text, at, size) : line_end_wide(text, at, size);
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
