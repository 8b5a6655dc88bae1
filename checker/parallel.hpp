// A small pool for "one task per file": workers take the next index from an
// atomic counter, so results land in slots by index and the output order
// never depends on the number of jobs.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace factlint {

namespace parallel_detail {

struct no_state {};  // the State of a parallel_for without one

// The work of each worker of a parallel_for: the next index from a shared
// counter until none is left, with a `State` of its own made on its
// thread. A task that throws stops every worker taking more tasks; the
// first exception is kept for the caller to throw again (thrown on a
// thread, it would have ended the process).
template <class State, class Task>
class index_loop {
public:
    index_loop(std::size_t count, Task& task) : count_(count), task_(task) {}

    void work() {
        try {
            State state;
            for (std::size_t i = next_.fetch_add(1); i < count_; i = next_.fetch_add(1)) task_(i, state);
        } catch (...) {
            next_ = count_;
            const std::lock_guard<std::mutex> hold(failure_lock_);
            if (!failure_) failure_ = std::current_exception();
        }
    }
    void rethrow() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::size_t count_;
    Task& task_;
    std::atomic<std::size_t> next_{0};
    std::mutex failure_lock_;
    std::exception_ptr failure_;
};

}  // namespace parallel_detail

// Threads kept for a whole run, handed one round of work after another
// (cli/run_check.cpp: the directory walk beside the claims load, then the
// checking). On the project's VM a thread's start took about a
// millisecond before its work began, and its end another before a join
// returned: a thread per step put both on the serial path of every run
// with two jobs (docs/performance.md part 33).
class worker_pool {
public:
    explicit worker_pool(unsigned threads);
    worker_pool(const worker_pool&) = delete;
    worker_pool& operator=(const worker_pool&) = delete;
    // Waits for the round in hand, then stops and joins the threads.
    ~worker_pool();

    [[nodiscard]] std::size_t threads() const { return threads_.size(); }
    // More threads, up to `threads` in all; between rounds only.
    void grow_to(std::size_t threads);
    // Starts a round: job(k) on each thread k; returns at once. The round
    // before must have been waited for.
    void start(std::function<void(std::size_t)> job);
    // Waits for the round started last, and throws again the first
    // exception one of its jobs threw.
    void wait();

private:
    void serve(std::size_t k, std::uint64_t rounds_seen);

    std::mutex lock_;
    std::condition_variable work_ready_, round_done_;
    std::function<void(std::size_t)> job_;  // the round's; not changed while one runs
    std::uint64_t round_ = 0;
    std::size_t busy_ = 0;  // threads still in the round
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::vector<std::jthread> threads_;
};

// As parallel_for below, each worker with a `State` of its own, made on its
// thread and handed to every task it runs (a parser that remembers what it
// has read). A task that throws stops the workers taking more tasks, and
// its exception is thrown again here once they have all stopped.
template <class State, class Task>
void parallel_for_with(std::size_t count, unsigned jobs, Task&& task) {
    parallel_detail::index_loop<State, Task> loop(count, task);
    const std::size_t workers = std::min<std::size_t>(std::max(1u, jobs), count);
    if (workers <= 1) {
        loop.work();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t k = 1; k < workers; ++k) pool.emplace_back([&loop] { loop.work(); });
        loop.work();  // the calling thread is a worker too
    }                 // jthreads join here
    loop.rethrow();
}

// parallel_for_with on `pool`: up to `jobs` workers, the calling thread and
// pool threads (the pool grown for them when it has fewer), the others
// idle for the round.
template <class State, class Task>
void parallel_for_with(worker_pool& pool, std::size_t count, unsigned jobs, Task&& task) {
    parallel_detail::index_loop<State, Task> loop(count, task);
    const std::size_t workers = std::min<std::size_t>(std::max(1u, jobs), count);
    if (workers > 1) {
        pool.grow_to(std::max(pool.threads(), workers - 1));
        pool.start([&loop, workers](std::size_t k) {
            if (k + 1 < workers) loop.work();
        });
        loop.work();
        pool.wait();
    } else {
        loop.work();
    }
    loop.rethrow();
}

// parallel_for on the threads of `pool` and the calling thread.
template <class Task>
void parallel_for(worker_pool& pool, std::size_t count, Task&& task) {
    using parallel_detail::no_state;
    const auto workers = static_cast<unsigned>(pool.threads() + 1);
    parallel_for_with<no_state>(pool, count, workers, [&task](std::size_t i, no_state&) { task(i); });
}

// Where a step that may run on several threads finds them: a pool the
// caller lends once its own round on it is over (cli/session.hpp: the
// walk's), or nullptr for threads of the step's own. A thread started for
// the step took up to 5 ms to begin its work on the project's VM (placed
// beside its parent, it waited for the scheduler to move it), where one of
// the pool's, started at the run's beginning, is woken on its own core
// (docs/performance.md part 34).
using pool_lender = std::function<worker_pool*()>;

template <class Task>
void parallel_for(std::size_t count, unsigned jobs, Task&& task) {
    using parallel_detail::no_state;
    parallel_for_with<no_state>(count, jobs, [&task](std::size_t i, no_state&) { task(i); });
}

[[nodiscard]] inline unsigned hardware_jobs() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

}  // namespace factlint
