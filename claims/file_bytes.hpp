// Reading a whole file into a string, for the inputs (cli/) and the
// claims files (checker/claims_loader.cpp) alike; and the read loop under
// it, which the claims cache reads its entries with.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace factlint {

// read(2) until `room` bytes came or the end of the file, again after a
// signal that interrupted it: the bytes read (fewer at the end), or -1.
// Once `enough` bytes came, a read that comes back short is taken for the
// end (a regular file's size is known: no read only to see 0).
[[nodiscard]] ssize_t read_fully(int fd, char* into, std::size_t room, std::size_t enough = SIZE_MAX);

// Reads a whole file; on failure returns false and sets `error` to a short
// reason ("No such file or directory", "is a directory"). With a `sink`,
// the bytes are read a quarter of a megabyte at a time and each piece is
// handed to it as it comes, in order, while it is still in the
// processor's cache (the claims cache hashes the claims text so: 18 MB
// hashed after the read cost a hit about 1.5 ms more, docs/performance.md
// parts 29 and 30); they are in `bytes` all the same.
using bytes_sink = std::function<void(std::string_view)>;
[[nodiscard]] bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error,
                                   const bytes_sink& sink = {});

// The same from a descriptor already open (standard input: a regular file
// redirected in is read in one piece of its size, a pipe as it comes);
// the descriptor is left open.
[[nodiscard]] bool read_descriptor_bytes(int fd, std::string& bytes, std::string& error,
                                         const bytes_sink& sink = {});

}  // namespace factlint
