// A small pool for "one task per file": workers take the next index from an
// atomic counter, so results land in slots by index and the output order
// never depends on the number of jobs.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace factlint {

template <class Task>
void parallel_for(std::size_t count, unsigned jobs, Task&& task) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
    };
    const std::size_t workers = std::min<std::size_t>(std::max(1u, jobs), count);
    if (workers <= 1) {
        work();
        return;
    }
    {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t k = 1; k < workers; ++k) pool.emplace_back(work);
        work();  // the calling thread is a worker too
    }            // jthreads join here
}

[[nodiscard]] inline unsigned hardware_jobs() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

}  // namespace factlint
