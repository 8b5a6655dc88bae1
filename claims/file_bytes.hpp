// Reading a whole file into a string, for the inputs (cli/) and the
// claims files (checker/claims_loader.cpp) alike.
#pragma once

#include <string>

namespace factlint {

// Reads a whole file; on failure returns false and sets `error` to a short
// reason ("No such file or directory", "is a directory").
[[nodiscard]] bool read_file_bytes(const std::string& path, std::string& bytes, std::string& error);

}  // namespace factlint
