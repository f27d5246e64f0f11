#!/usr/bin/env bash
# The speed benchmarks in one run, brug beside its peers; prints figures
# and ratios, asserts nothing.
#
#   bash bench/run.sh --quick    (under a minute once built; .ci/run prints it)
#   bash bench/run.sh            (the full scripts: startup, segment, diff)
#
# Quick mode, on small inputs so that it fits in CI:
#   - start-up: `brug check` of the bundled project beside `brug segment`
#     of its letter (bench/startup.sh, 10 runs each);
#   - segmentation: 1 MB and 4 MB of Dutch text built from the bundled
#     letter, brug (full layout repair) beside the `sentencex` crate; the
#     4 MB / 1 MB time ratio shows whether brug stays linear (4 is linear);
#   - change tracking: 10,000 segments, brug diff beside
#     git diff --no-index --word-diff (bench/diff.sh).
# The full mode runs bench/startup.sh, bench/segment.sh and bench/diff.sh
# with their defaults; bench/check.sh, bench/pipeline.sh and
# bench/align.sh need peers or data this script does not fetch.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--quick" ]; then
  bash bench/startup.sh
  bash bench/segment.sh
  bash bench/diff.sh
  exit 0
fi

cargo build --release --quiet
work=bench/.peers
mkdir -p "$work"
brug=$PWD/target/release/brug

echo "== start-up"
REPEAT=10 BRUG=$brug bash bench/startup.sh | tail -n 7

echo
echo "== segmentation (Dutch text built from the bundled letter)"
(cd bench/peers/sentencex-rs && CARGO_TARGET_DIR="$PWD/../../.peers/target" cargo build --release --quiet)
sentencex=$work/target/release/sentencex-bench
source bench/lib.sh
for mb in 1 4; do
  letter_text "$mb" "$work/quick-${mb}mb.txt"
done
# Sets `secs` (wall, to the millisecond: a peer takes a few of them) and
# `peak_kb` from one run of the command given.
measure() {
  local t0 t1
  t0=$(date +%s%N)
  peak_kb=$({ /usr/bin/time -f '%M' "$@" > /dev/null; } 2>&1 | tail -n 1)
  t1=$(date +%s%N)
  secs=$(printf '%.3f' "$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)")
}
printf '%-18s %8s %8s %10s %13s\n' tool "1 MB s" "4 MB s" "4 MB/1 MB" "4 MB peak MB"
# Prints a row and sets `last` to the 4 MB seconds: name, command... (the
# input is appended).
row() {
  local name=$1 one
  shift
  measure "$@" "$work/quick-1mb.txt"
  one=$secs
  measure "$@" "$work/quick-4mb.txt"
  last=$secs
  printf '%-18s %8s %8s %10s %13s\n' "$name" "$one" "$secs" \
    "$(echo "scale=1; $secs / ($one + 0.001)" | bc)" "$((peak_kb / 1024))"
}
row "brug segment" "$brug" segment --lang nl --format lines
brug_secs=$last
row "sentencex crate" "$sentencex" nl
echo "brug / sentencex on 4 MB: $(echo "scale=1; $brug_secs / ($last + 0.001)" | bc)x the time (target: 1x or less)"

echo
echo "== change tracking (10,000 segments)"
bash bench/diff.sh 10000 | tail -n 2
