#!/usr/bin/env bash
# Peak memory per hostile page: writes one page of each dos-fuzzer kind
# (seed 1) at BYTES (default 4 MB) to DIR, cleans each alone with the
# `clean` example under /usr/bin/time -v, and prints the peak RSS, the peak
# over the process's own baseline (a one-line page), both as a multiple of
# the page's size, and the time.
#
#   fuzz/dos_rss.sh [DIR] [BYTES]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-/tmp/unboil-hostile}"
bytes="${2:-4000000}"
cargo build --release --quiet --example clean --example dos_fuzz
target/release/examples/dos_fuzz write "$dir" "$bytes"
echo '<p>The committee met again on Thursday evening to discuss the plans.</p>' > "$dir/tiny.html"
peak() { /usr/bin/time -v target/release/examples/clean "$1" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; }
base=$(peak "$dir/tiny.html")
printf '%-26s %9s %10s %8s %8s %7s\n' page MB peak_MiB x_input x_over_base seconds
for f in "$dir"/*; do
    size=$(stat -c %s "$f")
    start=$(date +%s.%N)
    kb=$(peak "$f")
    end=$(date +%s.%N)
    awk -v f="$(basename "$f")" -v s="$size" -v k="$kb" -v b="$base" -v t="$(echo "$end - $start" | bc)" \
        'BEGIN { printf "%-26s %9.2f %10.1f %8.2f %8.2f %7.2f\n", f, s/1e6, k/1024, k*1024/s, (k-b)*1024/s, t }'
done
