#!/usr/bin/env bash
# Real `factlint check --format sarif` output on the demo, validated against
# the SARIF 2.1.0 schema:  sarif_real.sh FACTLINT PYTHON3 VALIDATOR SCHEMA OUT
set -uo pipefail
factlint=$1 python=$2 validator=$3 schema=$4 out=$5
cd "$(dirname "$0")/../examples/us-iraq" || exit 2
"$factlint" check --no-config --format sarif --claims us-iraq.claims draft.md > "$out"
status=$?
if ((status != 1)); then
  echo "expected exit 1 (the demo has errors), got $status" >&2
  exit 1
fi
grep -q '"ruleId": *"FL101"' "$out" || { echo "no FL101 result in the SARIF log" >&2; exit 1; }
exec "$python" "$validator" "$out" "$schema"
