#!/usr/bin/env bash
# Segmentation speed and memory, brug side by side with peers, in one run.
#
#   bash bench/segment.sh [SIZE_MB]     (default 10)
#
# Builds a Dutch text of about SIZE_MB from the bundled letter (repeated),
# then times:
#   - brug segment (release build, full layout repair, output discarded);
#   - the `sentencex` Rust crate (Wikimedia), no layout repair;
#   - pySBD (PyPI), on a 1 MB slice only (it is ~1000x slower), scaled.
# Reports wall seconds, MB/s and peak RSS (GNU time). Peers are installed
# into bench/.peers (git-ignored): the crate from crates.io, pySBD from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-10}
work=bench/.peers
mkdir -p "$work"

source bench/lib.sh
input="$work/input-${size_mb}mb.txt"
letter_text "$size_mb" "$input"
bytes=$(stat -c %s "$input")
mb=$(echo "scale=3; $bytes / 1048576" | bc)
echo "input: $input ($mb MB)"

cargo build --release --quiet
(cd bench/peers/sentencex-rs && CARGO_TARGET_DIR="$PWD/../../.peers/target" cargo build --release --quiet)
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet pysbd==0.3.4
fi

measure() { # name, command...
  local name=$1; shift
  local out
  out=$( { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -n 1)
  local secs=${out% *} rss_kb=${out#* }
  local rate
  rate=$(echo "scale=1; $mb / ($secs + 0.0001)" | bc)
  printf '%-26s %8s s %9s MB/s %8s MB peak RSS\n' "$name" "$secs" "$rate" "$((rss_kb / 1024))"
}

echo
echo "tool                          wall       speed      memory"
measure "brug segment (repair)" target/release/brug segment --lang nl --format lines "$input"
measure "sentencex crate 0.1.33" "$work/target/release/sentencex-bench" nl "$input"

slice="$work/input-1mb.txt"
head -c 1048576 "$input" | iconv -f utf-8 -t utf-8 -c > "$slice"
read -r _ secs < <("$work/venv/bin/python" bench/peers/pysbd_bench.py nl "$slice")
rate=$(echo "scale=3; 1 / $secs" | bc)
printf '%-26s %8s s %9s MB/s   (1 MB slice, segmentation only)\n' "pysbd 0.3.4" "$secs" "$rate"
