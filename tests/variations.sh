#!/usr/bin/env bash
# Hand-made variations of the shared reservoir draft: each edit plants one
# error, and the listed rule must fire on the listed line (on top of the
# draft's own two planted errors); code "-" marks a correction, after
# which that line must have no error.   variations.sh FACTLINT SHARED_CASES_DIR
set -uo pipefail
factlint=$1 cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$cases/reservoir/glenmoor.claims" "$work/"
failed=0
# from | to | line | code
while IFS='|' read -r from to line code; do
  [[ -z "$from" ]] && continue
  sed "s/$from/$to/" "$cases/reservoir/draft.md" > "$work/draft.md"
  if cmp -s "$work/draft.md" "$cases/reservoir/draft.md"; then
    echo "BAD VARIATION: '$from' not found" >&2; failed=1; continue
  fi
  out=$(cd "$work" && "$factlint" check --no-config --format gcc --claims glenmoor.claims draft.md)
  if [[ "$code" == "-" ]]; then
    # A correction: no error may remain on that line.
    if grep -q "^draft.md:$line:[0-9]*: error: " <<<"$out"; then
      echo "UNEXPECTED: '$from' -> '$to' should leave line $line without errors; got:" >&2
      echo "$out" >&2
      failed=1
    else
      echo "ok: '$from' -> '$to' leaves line $line clean"
    fi
    continue
  fi
  if grep -q "^draft.md:$line:[0-9]*: error: .*\[$code\]$" <<<"$out"; then
    echo "ok: '$from' -> '$to' fires $code on line $line"
  else
    echo "MISSING: '$from' -> '$to' should fire $code on line $line; got:" >&2
    echo "$out" >&2
    failed=1
  fi
done <<'EOF_VARIATIONS'
fell 11%|fell 15%|12|FL203
fell 11%|rose 11%|12|FL203
began in 1962|began in 1972|9|FL102
declared in June 2022|declared in June 2021|16|FL102
ended in March 2023|ended in March 2024|16|FL102
48.2 million cubic meters|42.8 million cubic meters|12|FL101
some 310,000 customers|some 410,000 customers|13|FL101
is \$142 million|is $152 million|21|FL101
roughly 78% of its capacity|roughly 78% of its capacity of 98 million cubic meters|9|FL101
\$21 million for pipelines|$26 million for pipelines|17|-
ended in May 2023|ended in March 2023|20|-
EOF_VARIATIONS
exit $failed
