#include "checker/parallel.hpp"

#include <utility>

namespace factlint {

worker_pool::worker_pool(unsigned threads) { grow_to(threads); }

worker_pool::~worker_pool() {
    {
        std::unique_lock<std::mutex> hold(lock_);
        round_done_.wait(hold, [this] { return busy_ == 0; });
        stopping_ = true;
    }
    work_ready_.notify_all();
}  // the threads return from serve and are joined

void worker_pool::grow_to(std::size_t threads) {
    // A thread added now has seen the rounds so far: it waits for the next.
    const std::uint64_t rounds_seen = round_;
    while (threads_.size() < threads)
        threads_.emplace_back([this, k = threads_.size(), rounds_seen] { serve(k, rounds_seen); });
}

void worker_pool::start(std::function<void(std::size_t)> job) {
    {
        const std::lock_guard<std::mutex> hold(lock_);
        job_ = std::move(job);
        busy_ = threads_.size();
        ++round_;
    }
    work_ready_.notify_all();
}

void worker_pool::wait() {
    std::unique_lock<std::mutex> hold(lock_);
    round_done_.wait(hold, [this] { return busy_ == 0; });
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void worker_pool::serve(std::size_t k, std::uint64_t rounds_seen) {
    for (;;) {
        {
            std::unique_lock<std::mutex> hold(lock_);
            work_ready_.wait(hold, [&] { return stopping_ || round_ != rounds_seen; });
            if (round_ == rounds_seen) return;  // stopping, and no round left to run
            rounds_seen = round_;
        }
        try {
            job_(k);
        } catch (...) {
            const std::lock_guard<std::mutex> hold(lock_);
            if (!failure_) failure_ = std::current_exception();
        }
        const std::lock_guard<std::mutex> hold(lock_);
        if (--busy_ == 0) round_done_.notify_all();
    }
}

}  // namespace factlint
