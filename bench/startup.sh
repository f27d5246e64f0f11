#!/usr/bin/env bash
# Start-up: `brug check` of the bundled project (one letter pair, its
# alignment record and glossary/) beside `brug segment` of that letter, in
# one run, the two commands taking turns so that both meet the same load:
# the median wall and CPU (user + system) milliseconds of REPEAT runs of
# each (default 30), the ratio, and the target (check within 3x segment).
# Prints figures; asserts nothing. On a shared machine the wall times
# follow the load; the CPU times much less.
#
#   bash bench/startup.sh        (REPEAT=10 for a quick look)
#   BRUG=path/to/brug bash bench/startup.sh   (another build, e.g. an older one)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-30}
if [ -z "${BRUG:-}" ]; then
  cargo build --release --quiet
fi
brug=${BRUG:-$PWD/target/release/brug}
letter=source_nl/kamerbrief-rusland-2021.txt

# "wall cpu" in seconds of one run of the command given.
TIMEFORMAT='%3R %3U %3S'
one_run() {
  local t
  t=$({ time "$@" > /dev/null 2>&1; } 2>&1) || true
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' <<< "$t"
}

# The median of the numbers on standard input, in milliseconds.
median_ms() {
  sort -n | awk '{ t[NR] = $1 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
          printf "%.1f", m * 1000 }'
}

one_run "$brug" segment "$letter" > /dev/null # warm the page cache
one_run "$brug" check > /dev/null
segment=()
check=()
for _ in $(seq "$repeat"); do
  segment+=("$(one_run "$brug" segment "$letter")")
  check+=("$(one_run "$brug" check)")
done
column() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median_ms; }
segment_wall=$(column 1 "${segment[@]}")
segment_cpu=$(column 2 "${segment[@]}")
check_wall=$(column 1 "${check[@]}")
check_cpu=$(column 2 "${check[@]}")
echo "median of $repeat runs each, milliseconds"
echo
echo "| command | wall | CPU |"
echo "|---|---:|---:|"
echo "| brug segment $letter | $segment_wall | $segment_cpu |"
echo "| brug check (the bundled project) | $check_wall | $check_cpu |"
awk -v cw="$check_wall" -v sw="$segment_wall" -v cc="$check_cpu" -v sc="$segment_cpu" 'BEGIN {
  printf "| check / segment | %.1fx | %.1fx |\n", cw / sw, cc / sc
  print ""
  print "target: check within 3x segment (wall)"
}'
