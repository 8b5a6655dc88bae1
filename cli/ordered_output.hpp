// Output of many files, written in path order while the files are worked
// on at once (`factlint extract -j N`).
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace factlint::cli {

// The file at the head of the order (every file before it out) writes
// straight through; the others keep their text until their turn. Keeping
// every file's text until all were done held the 666 million bytes of
// lines of a dense 50 MB file at once (docs/performance.md part 35).
//
// `open(i)` is called once before file i's first text, `close(i)` once
// after its last, both in path order and under the lock that orders the
// writing: whatever they print (a read error, warnings, a --stats line)
// stays in order with the text. Both are called on the thread of file i's
// `write` or `finish`, or once file i is finished: never while its worker
// may still change what they print.
class ordered_output {
public:
    ordered_output(std::ostream& out, std::size_t files, std::function<void(std::size_t)> open,
                   std::function<void(std::size_t)> close);

    // Text of file `file`, after the text it was given before.
    void write(std::size_t file, std::string_view text);
    // File `file` has no more text.
    void finish(std::size_t file);

private:
    struct file_state {
        std::string kept;  // text while the file is not at the head
        bool opened = false;
        bool finished = false;
    };
    void open_head();  // under lock_

    std::ostream& out_;
    std::function<void(std::size_t)> open_, close_;
    std::mutex lock_;
    std::vector<file_state> files_;
    std::size_t head_ = 0;  // the first file not yet finished and written
};

}  // namespace factlint::cli
