#!/bin/sh
# Runs one rule fixture (tests/rules/FLxxx/) and compares the findings with
# its expected.txt:
#   run_rule_fixture.sh BINARY FIXTURE_DIR
# The command, run from inside the fixture folder so paths stay relative:
#   factlint check --no-config --format gcc [--claims claims.claims] [ARGS] draft.md
# where ARGS is the one line of the optional file `args`. A folder without
# draft.md checks every *.md in it together (cross-file rules, FL205).
# With UPDATE=1 in the environment, expected.txt is rewritten instead:
# review every line before committing it.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BINARY FIXTURE_DIR" >&2
    exit 2
fi

case "$1" in
    /*) binary=$1 ;;
    *) binary=$(pwd)/$1 ;;
esac
fixture=$2

if [ ! -x "$binary" ]; then
    echo "$0: not an executable: $binary" >&2
    exit 2
fi
cd "$fixture" || exit 2

set -- check --no-config --format gcc
if [ -f claims.claims ]; then
    set -- "$@" --claims claims.claims
fi
if [ -f args ]; then
    # One line of extra arguments, split on blanks (no quoting needed so far).
    # shellcheck disable=SC2046
    set -- "$@" $(head -n 1 args)
fi
if [ -f draft.md ]; then
    set -- "$@" draft.md
else
    # Sorted, so the order of the files on the command line is stable.
    found=0
    for f in *.md; do
        [ -f "$f" ] || continue
        set -- "$@" "$f"
        found=1
    done
    if [ $found -eq 0 ]; then
        echo "$0: no draft.md or *.md in $fixture" >&2
        exit 2
    fi
fi

actual=$(mktemp) || exit 2
trap 'rm -f "$actual"' EXIT
"$binary" "$@" >"$actual"
status=$?
# 0 and 1 are the normal outcomes of a check; anything else is a failure of
# the run itself (bad arguments, unreadable claims file, crash).
if [ $status -gt 1 ]; then
    echo "$0: factlint exited with status $status: $binary $*" >&2
    cat "$actual" >&2
    exit 1
fi

if [ "${UPDATE:-}" = 1 ]; then
    cp "$actual" expected.txt
    echo "updated $fixture/expected.txt"
    exit 0
fi

if [ ! -f expected.txt ]; then
    echo "$0: $fixture has no expected.txt (run with UPDATE=1 and review it)" >&2
    exit 1
fi
if ! diff -u expected.txt "$actual"; then
    echo "$0: findings differ from $fixture/expected.txt" >&2
    exit 1
fi
