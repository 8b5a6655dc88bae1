#!/usr/bin/env bash
# bench/timer.cpp: one line of six figures per command, the command's exit
# status among them, and --cpu pinning the command (not the timer) to one
# core. Usage: bench_timer.sh SOURCE_DIR
set -euo pipefail
source=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
c++ -std=c++17 -O2 -o "$work/timer" "$source/bench/timer.cpp"

# wall, user, sys, peak RSS KB, exit status, minor faults
"$work/timer" "$work/line" sh -c 'exit 3'
grep -Eq '^[0-9]+\.[0-9]{6} [0-9]+\.[0-9]{6} [0-9]+\.[0-9]{6} [1-9][0-9]* 3 [1-9][0-9]*$' "$work/line" ||
  fail "not six figures with status 3: $(cat "$work/line")"

# The command runs on the core it was given; without --cpu, on every core.
all=$(grep '^Cpus_allowed_list:' /proc/self/status | cut -f2)
"$work/timer" "$work/line" sh -c 'grep "^Cpus_allowed_list:" /proc/self/status | cut -f2' >"$work/cores"
[ "$(cat "$work/cores")" = "$all" ] || fail "unpinned run saw cores $(cat "$work/cores"), not $all"
last=$(($(nproc) - 1))
for core in 0 "$last"; do
  "$work/timer" --cpu "$core" "$work/line" sh -c 'grep "^Cpus_allowed_list:" /proc/self/status | cut -f2' >"$work/cores"
  [ "$(cat "$work/cores")" = "$core" ] || fail "--cpu $core ran on cores $(cat "$work/cores")"
  awk '$5 != 0 { exit 1 }' "$work/line" || fail "--cpu $core: status $(cat "$work/line")"
done

# A core that is not a number is refused before anything runs.
if "$work/timer" --cpu x "$work/line" touch "$work/ran" 2>"$work/err"; then fail "--cpu x accepted"; fi
grep -q "takes a core number" "$work/err" || fail "no message for --cpu x: $(cat "$work/err")"
[ ! -e "$work/ran" ] || fail "--cpu x still ran the command"
echo "bench timer: ok"
