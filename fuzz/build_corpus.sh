#!/usr/bin/env bash
# Collects the seed corpora of the fuzz targets:
#   build_corpus.sh REPO_DIR OUT_DIR  ->  OUT_DIR/<target>/<files>
# Seeds: fuzz/seeds/<kind>/* (small hand-written inputs), the repo's drafts
# (examples/, tests/rules/*/draft.md, tests/cli/fixtures) and claims files.
# Large drafts are also cut into paragraphs so each seed stays small.
set -euo pipefail
repo=$1
out=$2
rm -rf "$out"
mkdir -p "$out"/{fuzz_quantity,fuzz_time,fuzz_claims_file,fuzz_reader,fuzz_check,fuzz_compiled_store}

copy() {  # copy FILE DIR...: named by content hash, so duplicates merge
    local file=$1; shift
    local name
    name=$(sha1sum "$file" | cut -c1-16)
    for dir in "$@"; do cp "$file" "$out/$dir/$name"; done
}

drafts=$(find "$repo/examples" "$repo/tests/rules" "$repo/tests/cli/fixtures" \
              \( -name '*.md' -o -name '*.txt' \) -type f -size -64k | sort)
claims=$(find "$repo/examples" "$repo/tests/rules" "$repo/tests/cli/fixtures" \
              -name '*.claims' -type f -size -64k | sort)

for f in $drafts; do copy "$f" fuzz_reader fuzz_check; done
for f in $claims; do copy "$f" fuzz_claims_file fuzz_compiled_store; done

# Prose paragraphs of the drafts for the grammar targets (one seed each).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for f in $drafts; do
    awk -v dir="$tmp" -v base="$n" 'BEGIN{RS=""} {file=dir "/" base "_" NR; print > file; close(file)}' "$f"
    n=$((n + 1))
done
for f in "$tmp"/*; do copy "$f" fuzz_quantity fuzz_time; done

for kind in quantity time claims_file reader check; do
    if [ -d "$repo/fuzz/seeds/$kind" ]; then
        for f in "$repo/fuzz/seeds/$kind"/*; do copy "$f" "fuzz_$kind"; done
        # Claims files are the compiled store's input too.
        if [ "$kind" = claims_file ]; then
            for f in "$repo/fuzz/seeds/$kind"/*; do copy "$f" fuzz_compiled_store; done
        fi
    fi
done
for dir in "$out"/*; do echo "$(basename "$dir"): $(ls "$dir" | wc -l) seeds"; done
