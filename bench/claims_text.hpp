// What bench/claims_floor.cpp and bench/claims_sketch.cpp share: a claims
// file read whole, and its line ends found, in factlint's ways or a naive
// one (docs/performance.md part 39). Header only: each bench program is
// one translation unit that bench/claims_floor.sh compiles by itself.
#pragma once

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace claims_text {

inline constexpr std::size_t huge_page = std::size_t{2} << 20;
inline constexpr std::size_t slack = 64;  // zero bytes after the text: the 32-byte loads may read there

// The whole file, or nullptr (the reason printed). By default in memory
// given huge pages, as claims/huge_pages.cpp advises large buffers (the
// length a whole number of huge pages: the kernel then places the mapping
// on a 2 MB boundary); `naive`: in malloc's memory.
inline char* read_all(const char* path, bool naive, std::size_t& size) {
    const int fd = ::open(path, O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::perror(path);
        if (fd >= 0) ::close(fd);
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
        ::close(fd);
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

// The first '\n' of text[at, size), or `size`: by memchr.
inline std::size_t line_end_naive(const char* text, std::size_t at, std::size_t size) {
    const void* found = std::memchr(text + at, '\n', size - at);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text) : size;
}

// The same, 32 bytes a step with SSE2, as grammar/claims_file.cpp's
// next_newline finds them.
inline std::size_t line_end_wide(const char* text, std::size_t at, std::size_t size) {
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

}  // namespace claims_text
