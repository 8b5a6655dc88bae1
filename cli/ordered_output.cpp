#include "cli/ordered_output.hpp"

#include <utility>

namespace factlint::cli {

ordered_output::ordered_output(std::ostream& out, std::size_t files, std::function<void(std::size_t)> open,
                               std::function<void(std::size_t)> close)
    : out_(out), open_(std::move(open)), close_(std::move(close)), files_(files) {}

void ordered_output::open_head() {
    file_state& f = files_[head_];
    if (f.opened) return;
    f.opened = true;
    open_(head_);
    out_.write(f.kept.data(), static_cast<std::streamsize>(f.kept.size()));
    std::string().swap(f.kept);  // its memory back now, not at the end
}

void ordered_output::write(std::size_t file, std::string_view text) {
    const std::lock_guard<std::mutex> hold(lock_);
    if (file == head_) {
        open_head();
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    } else {
        files_[file].kept.append(text);
    }
}

void ordered_output::finish(std::size_t file) {
    const std::lock_guard<std::mutex> hold(lock_);
    files_[file].finished = true;
    // The head, and each finished file after it, goes out whole. The first
    // unfinished one is opened by its own worker at its next write: only
    // that worker knows what it has read so far.
    while (head_ < files_.size() && files_[head_].finished) {
        open_head();
        close_(head_);
        ++head_;
    }
}

}  // namespace factlint::cli
