#!/usr/bin/env bash
# Precision with no reference claims: runs `factlint check` over
#   - the BBC news corpus (../shared/corpus/news.txt), one file per article,
#     with the corpus's own time as the document date (--as-of 2005-12-31);
#   - the TempEval-3 training documents, each with its creation time as the
#     front-matter date.
# Prints every error finding and the rate per 100 articles. Usage:
#   scripts/precision.sh [FACTLINT]    (default: build/cli/factlint)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
factlint=${1:-$here/build/cli/factlint}
# A missing binary would otherwise read as "0 findings": a perfect score.
[[ -x "$factlint" ]] || { echo "precision.sh: no factlint at $factlint (build it, or pass its path)" >&2; exit 2; }
shared=${FACTLINT_SHARED_DIR:-$here/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/news" "$work/tempeval"
awk -v dir="$work/news" 'BEGIN{n=1; f=sprintf("%s/a%04d.txt",dir,n)}
     /^$/{n++; f=sprintf("%s/a%04d.txt",dir,n); next} {print > f}' "$shared/corpus/news.txt"
articles=$(ls "$work/news" | wc -l)

docs=0
for tml in "$shared"/conformance/tempeval3/train/TBAQ-cleaned/*/*.tml; do
  dct=$(grep -o '<TIMEX3[^>]*CREATION_TIME[^>]*>' "$tml" | grep -o 'value="[0-9-]*' | head -1 | cut -d'"' -f2 || true)
  name=$(basename "$tml" .tml)
  {
    [[ -n "$dct" ]] && printf -- '---\ndate: %s\n---\n\n' "${dct:0:10}"
    # The body between <TEXT> and </TEXT>, tags removed, entities decoded.
    sed -n '/<TEXT>/,/<\/TEXT>/p' "$tml" | sed -e 's/<[^>]*>//g' -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g'
  } > "$work/tempeval/$name.txt"
  docs=$((docs + 1))
done

report() {  # NAME DIR COUNT [ARGS...]
  local name=$1 dir=$2 count=$3; shift 3
  local out=$work/$name.out
  "$factlint" check --no-config --format gcc "$@" "$dir" > "$out" || true
  local errors warnings
  errors=$(grep -c ': error: ' "$out" || true)
  warnings=$(grep -c ': warning: ' "$out" || true)
  echo "== $name: $count documents, $errors error findings, $warnings warnings"
  sed "s|$dir/||" "$out" | grep ': error: ' || true
  awk -v e="$errors" -v n="$count" -v name="$name" 'BEGIN{printf "%s: %.2f error findings per 100 documents\n", name, 100*e/n}'
}
report news "$work/news" "$articles" --as-of 2005-12-31
report tempeval "$work/tempeval" "$docs"
