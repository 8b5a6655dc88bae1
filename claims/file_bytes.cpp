#include "claims/file_bytes.hpp"

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
bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    const descriptor closer{fd};
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
        bytes.reserve(expected + 1);
        prepare_for_filling(bytes.data(), bytes.capacity());
        bytes.resize(expected + 1);
        // One byte more than fstat's size is asked for, and a read that
        // comes back short once that size is in has met the end: no read(2)
        // is made only to see it return 0, one system call less a file
        // (docs/performance.md part 25). A file that grew since fstat fills
        // the extra byte and is read on below.
        const ssize_t n = read_fully(fd, bytes.data(), expected + 1, expected);
        if (n < 0) {
            error = "read error";
            return false;
        }
        size = static_cast<std::size_t>(n);
        bytes.resize(size);
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
    }
}

}  // namespace factlint
