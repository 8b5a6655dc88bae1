#include "claims/file_bytes.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claims/huge_pages.hpp"

namespace factlint {

namespace {

// Closes a descriptor on every way out of read_file_bytes.
struct descriptor {
    int fd;
    explicit descriptor(int open_fd) : fd(open_fd) {}
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    ~descriptor() { ::close(fd); }
};

// `s` resized to `n` bytes that `fill(data, n)` writes, then cut to the
// size it returns. Where the library has resize_and_overwrite (C++23: this
// file is built as C++23 where the compiler can, claims/CMakeLists.txt),
// the bytes are not set to zeros first: for the 18 MB of 100,000 claims
// that fill cost 1.5 ms a run, the text of a check 0.4 ms for 5 MB
// (docs/performance.md part 28).
template <typename Fill>
void overwrite(std::string& s, std::size_t n, Fill fill) {
#if defined(__cpp_lib_string_resize_and_overwrite)
    s.resize_and_overwrite(n, fill);
#else
    s.resize(n);
    s.resize(fill(s.data(), n));
#endif
}

// read_fully(fd, into, room, expected), a piece at a time, each handed
// to `sink` once read.
ssize_t read_in_pieces(int fd, char* into, std::size_t room, std::size_t expected, const bytes_sink& sink) {
    constexpr std::size_t piece = std::size_t{256} << 10;
    std::size_t got = 0;
    while (got < room) {
        const std::size_t asked = std::min(piece, room - got);
        const ssize_t n =
            read_fully(fd, into + got, asked, expected > got ? std::min(asked, expected - got) : 0);
        if (n < 0) return -1;
        const auto read = static_cast<std::size_t>(n);
        if (read > 0) sink(std::string_view(into + got, read));
        got += read;
        if (read < asked) break;  // the end, or fstat's size reached and a read came back short
    }
    return static_cast<ssize_t>(got);
}

}  // namespace

ssize_t read_fully(int fd, char* into, std::size_t room, std::size_t enough) {
    std::size_t got = 0;
    while (got < room) {
        const std::size_t asked = room - got;
        const ssize_t n = ::read(fd, into + got, asked);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        got += static_cast<std::size_t>(n);
        if (got >= enough && static_cast<std::size_t>(n) < asked) break;
    }
    return static_cast<ssize_t>(got);
}

// With open(2), fstat(2) and read(2) straight into the string: a file
// stream and a 64 KB chunk copied cost 6,000 instructions a file, a
// quarter of what checking a short article costs besides its text.
bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error,
                     const bytes_sink& sink) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    const descriptor closer{fd};
    return read_descriptor_bytes(fd, bytes, error, sink);
}

bool read_descriptor_bytes(int fd, std::string& bytes, std::string& error, const bytes_sink& sink) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = std::strerror(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "is a directory";
        return false;
    }
    // A regular file is read into a string of its size (growing a buffer
    // as it came, a 50 MB input briefly cost 80 MB or more); a pipe, or a
    // file that grew since fstat, in chunks after that.
    bytes.clear();
    std::size_t size = 0;
    if (S_ISREG(st.st_mode)) {
        const auto expected = static_cast<std::size_t>(st.st_size);
        // One byte more than fstat's size is asked for, and a read that
        // comes back short once that size is in has met the end: no read(2)
        // is made only to see it return 0, one system call less a file
        // (docs/performance.md part 25). A file that grew since fstat fills
        // the extra byte and is read on below.
        ssize_t n = 0;
        overwrite(bytes, expected + 1, [&](char* into, std::size_t room) {
            prepare_for_filling(into, room);
            n = sink ? read_in_pieces(fd, into, room, expected, sink) : read_fully(fd, into, room, expected);
            return n < 0 ? std::size_t{0} : static_cast<std::size_t>(n);
        });
        if (n < 0) {
            error = "read error";
            return false;
        }
        size = static_cast<std::size_t>(n);
        if (size <= expected) return true;  // the end met, or cut short since fstat
    }
    char chunk[1 << 16];
    for (;;) {
        const ssize_t n = read_fully(fd, chunk, sizeof chunk);
        if (n < 0) {
            error = "read error";
            return false;
        }
        if (n == 0) return true;
        bytes.append(chunk, static_cast<std::size_t>(n));
        if (sink) sink(std::string_view(chunk, static_cast<std::size_t>(n)));
    }
}

}  // namespace factlint
