// A small pool for "one task per file": workers take the next index from an
// atomic counter, so results land in slots by index and the output order
// never depends on the number of jobs.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace factlint {

// As parallel_for below, each worker with a `State` of its own, made on its
// thread and handed to every task it runs (a parser that remembers what it
// has read). A task that throws stops the workers taking more tasks, and
// its exception is thrown again here once they have all stopped: thrown on
// a thread of the pool, it would have ended the process.
template <class State, class Task>
void parallel_for_with(std::size_t count, unsigned jobs, Task&& task) {
    std::atomic<std::size_t> next{0};
    std::mutex failure_lock;
    std::exception_ptr failure;
    auto work = [&] {
        try {
            State state;
            for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i, state);
        } catch (...) {
            next = count;
            const std::lock_guard<std::mutex> hold(failure_lock);
            if (!failure) failure = std::current_exception();
        }
    };
    const std::size_t workers = std::min<std::size_t>(std::max(1u, jobs), count);
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t k = 1; k < workers; ++k) pool.emplace_back(work);
        work();  // the calling thread is a worker too
    }            // jthreads join here
    if (failure) std::rethrow_exception(failure);
}

template <class Task>
void parallel_for(std::size_t count, unsigned jobs, Task&& task) {
    struct no_state {};
    parallel_for_with<no_state>(count, jobs, [&task](std::size_t i, no_state&) { task(i); });
}

[[nodiscard]] inline unsigned hardware_jobs() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

}  // namespace factlint
