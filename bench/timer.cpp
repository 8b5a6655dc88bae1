// Times one command for bench/run.sh: timer [--cpu N] RESULT CMD [ARG...]
//
// Runs CMD with the standard streams it was given and writes one line to
// RESULT: wall seconds, user and system CPU seconds, peak RSS in KB, the
// exit status (128 + N for a signal N) and the minor page faults, the fields
// of `/usr/bin/time -f '%e %U %S %M %x %R'`. GNU time prints seconds with two
// decimals; a check of news.txt takes about 0.13 s, so its 10 ms step was
// an 8% step in every ratio. These are wait4's figures, to the microsecond.
// A small program of its own rather than Python: a child forked from an
// interpreter counts the interpreter's pages in its peak RSS.
//
// --cpu N runs CMD on core N only (sched_setaffinity in the child, before
// the exec, so that nothing else is timed). On the project's VM one core
// ran the same check up to a third slower than the other, and which one
// changed over minutes (docs/performance.md part 27); a figure then
// depended on where the scheduler put it.
#include <sched.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    int cpu = -1;  // no pinning
    if (argc >= 3 && std::strcmp(argv[1], "--cpu") == 0) {
        char* end = nullptr;
        const long n = std::strtol(argv[2], &end, 10);
        if (end == argv[2] || *end != '\0' || n < 0 || n >= CPU_SETSIZE) {
            std::fprintf(stderr, "timer: --cpu takes a core number, not '%s'\n", argv[2]);
            return 2;
        }
        cpu = static_cast<int>(n);
        argc -= 2;
        argv += 2;
    }
    if (argc < 3) {
        std::fprintf(stderr, "usage: timer [--cpu N] RESULT CMD [ARG...]\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("timer: fork");
        return 2;
    }
    if (pid == 0) {
        if (cpu >= 0) {
            cpu_set_t only;
            CPU_ZERO(&only);
            CPU_SET(cpu, &only);
            if (sched_setaffinity(0, sizeof only, &only) != 0) {
                std::perror("timer: sched_setaffinity");
                _exit(127);
            }
        }
        execvp(argv[2], argv + 2);
        std::perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0) {
        std::perror("timer: wait4");
        return 2;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::FILE* out = std::fopen(argv[1], "w");
    if (out == nullptr) {
        std::perror(argv[1]);
        return 2;
    }
    std::fprintf(out, "%.6f %.6f %.6f %ld %d %ld\n", wall, seconds(usage.ru_utime), seconds(usage.ru_stime),
                 usage.ru_maxrss, code, usage.ru_minflt);
    return std::fclose(out) == 0 ? 0 : 2;
}
