// Complexity guards without wall-clock limits: a fixed limit in seconds
// fails on a slow or busy machine (or under ASan) and passes a quadratic
// regression on a fast one. The ratio of two timings on one machine does
// neither: a linear algorithm takes about `large / small` times as long on
// the larger input, a quadratic one that squared.
#pragma once

#include <time.h>

#include <algorithm>
#include <cstddef>

namespace factlint::testing {

// CPU seconds this thread has used: unlike wall time, other processes
// taking the cores (a parallel build, the other tests of ctest -j) do not
// add to it.
inline double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// CPU seconds for one call of run(n): the best of three, so that a moment
// of load on a shared machine (cache and memory-bus contention) does not count.
template <typename Run>
double best_seconds(Run&& run, std::size_t n) {
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        const double start = thread_cpu_seconds();
        run(n);
        best = std::min(best, thread_cpu_seconds() - start);
    }
    return best;
}

// How many times longer run(large) takes than run(small).
template <typename Run>
double growth_ratio(Run&& run, std::size_t small, std::size_t large) {
    const double small_seconds = std::max(best_seconds(run, small), 1e-6);
    return best_seconds(run, large) / small_seconds;
}

}  // namespace factlint::testing
