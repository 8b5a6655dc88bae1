// Reading a whole file into a string, for the inputs (cli/) and the
// claims files (checker/claims_loader.cpp) alike; and the read loop under
// it, which the claims cache reads its entries with.
#pragma once

#include <cstdint>
#include <string>

#include <sys/types.h>

namespace factlint {

// read(2) until `room` bytes came or the end of the file, again after a
// signal that interrupted it: the bytes read (fewer at the end), or -1.
// Once `enough` bytes came, a read that comes back short is taken for the
// end (a regular file's size is known: no read only to see 0).
[[nodiscard]] ssize_t read_fully(int fd, char* into, std::size_t room, std::size_t enough = SIZE_MAX);

// Reads a whole file; on failure returns false and sets `error` to a short
// reason ("No such file or directory", "is a directory").
[[nodiscard]] bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error);

}  // namespace factlint
