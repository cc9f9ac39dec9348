#!/usr/bin/env bash
# Runs unboil's fuzz targets with cargo-fuzz on stable Rust (no sanitizer:
# `-s none`; libFuzzer's coverage guidance still works).
#
#   fuzz/run.sh                  every target for 60 s each
#   fuzz/run.sh 600              every target for 10 minutes each
#   fuzz/run.sh 300 clean_bytes  one target
#   FUZZ_RUNS=5000 fuzz/run.sh   each target for 5000 inputs from a fixed seed:
#                                the same run every time (what CI does)
#
# A crash leaves its input in fuzz/artifacts/TARGET/; turn it into a named
# test in tests/hostile.rs (or a file under tests/fuzz-regressions/)
# before fixing it. The corpus grows in fuzz/corpus/TARGET/ (not committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(clean_bytes clean_article clean_text html_tree metadata)
fi

failed=()
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    # Seed the corpus: real page structure to mutate (the test fixtures),
    # and for the metadata target JSON-LD and dates (fuzz/seeds/metadata).
    if [ -d "seeds/$target" ]; then
        cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    elif [ "$target" != html_tree ]; then
        for page in ../tests/fixtures/*/source.* ../examples/data/*.html; do
            [ -f "$page" ] || continue
            seed="corpus/$target/seed-$(basename "$(dirname "$page")")-$(basename "$page")"
            [ -e "$seed" ] || cp "$page" "$seed"
        done
    fi
    if [ -n "${FUZZ_RUNS:-}" ]; then
        budget=(-runs="$FUZZ_RUNS" -seed=1)
        echo "== $target: $FUZZ_RUNS inputs"
    else
        budget=(-max_total_time="$seconds")
        echo "== $target: ${seconds}s"
    fi
    cargo fuzz run -s none "$target" "corpus/$target" -- \
        "${budget[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 || failed+=("$target")
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: failures in: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: no crash in ${targets[*]}"
