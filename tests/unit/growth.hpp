// Complexity guards without wall-clock limits: a fixed limit in seconds
// fails on a slow or busy machine (or under ASan) and passes a quadratic
// regression on a fast one. The ratio of two timings on one machine does
// neither: a linear algorithm takes about `large / small` times as long on
// the larger input, a quadratic one that squared.
#pragma once

#include <time.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

// CPU seconds for one call of run(n).
template <typename Run>
double seconds(Run&& run, std::size_t n) {
    const double start = thread_cpu_seconds();
    run(n);
    return thread_cpu_seconds() - start;
}

// How many times longer run(large) takes than run(small): the best of
// seven of each, so that a moment of load on a shared machine (cache and
// memory-bus contention) does not count, taken by turns, so that a drift
// of the machine's speed while they run (this project's VM drifts by a
// third over minutes) slows both sizes alike rather than one of them.
// Seven, not three: under ASan + UBSan in ctest -j 2 a linear test read
// 8.13 and 10.03 with three turns where, alone on the machine, it reads
// 3.2 to 3.9 (docs/reliability.md).
// Keeps freed memory in the process: glibc's malloc gives a large block
// back to the kernel when it is freed (mmap'd blocks, the heap's trimmed
// top), so every run of the larger size paid its page faults afresh while
// the smaller one reused memory, and a linear run read 14 to 33 on a VM
// where a page fault costs 10 to 20 microseconds (docs/reliability.md).
inline void keep_freed_memory() {
#if defined(__GLIBC__)
    static const bool kept = [] {
        mallopt(M_MMAP_THRESHOLD, 256 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        return true;
    }();
    (void)kept;
#endif
}

template <typename Run>
double growth_ratio(Run&& run, std::size_t small, std::size_t large) {
    keep_freed_memory();
    double small_seconds = 1e300, large_seconds = 1e300;
    for (int i = 0; i < 7; ++i) {
        small_seconds = std::min(small_seconds, seconds(run, small));
        large_seconds = std::min(large_seconds, seconds(run, large));
    }
    return large_seconds / std::max(small_seconds, 1e-6);
}

}  // namespace factlint::testing
