#!/usr/bin/env bash
# Sentence-alignment accuracy and speed, brug beside a plain Gale-Church
# reference, in one run.
#
#   bash bench/align.sh BLEUALIGN_DIR [SIZES]
#
# BLEUALIGN_DIR holds the Bleualign German-French gold set (test0..6 and
# dev .de/.fr/.defr; GPL-2.0, so it is not part of this repository).
# 1. Accuracy: each test document aligned separately as lines, no
#    dictionary; strict/lax P/R/F1 summed as vecalign's scorer does, and
#    the recall of the gold beads of each shape (1-0, 0-1, 1-1, 2-1, …);
#    also with the length variance measured on each pair (`calibrated`,
#    AlignOptions::calibrate, off by default).
# 2. Speed: synthetic documents of SIZES segments per side (default
#    "10000 50000 100000") built by repeating the set; wall seconds and
#    peak RSS for brug, and for the Python Gale-Church reference on 10,000.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/align.sh BLEUALIGN_DIR [SIZES]}
sizes=${2:-"10000 50000 100000"}
work=bench/.peers
mkdir -p "$work"
cargo build --release --quiet --example align_eval

echo "== accuracy (Bleualign de-fr test set, no dictionary)"
target/release/examples/align_eval "$dir" de fr test | tail -n 2 | sed 's/^/brug:          /'
CALIBRATE=1 target/release/examples/align_eval "$dir" de fr test | tail -n 2 | sed 's/^/calibrated:    /'
W=0 target/release/examples/align_eval "$dir" de fr test | tail -n 1 | sed 's/^/length only:   /'

echo
echo "== speed (synthetic documents, lines)"
python3 - "$dir" "$work" $sizes <<'PY'
import sys
d, work, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
de, fr = [], []
for n in ["dev"] + [f"test{i}" for i in range(7)]:
    de += open(f"{d}/{n}.de", encoding="utf-8").read().rstrip("\n").split("\n")
    fr += open(f"{d}/{n}.fr", encoding="utf-8").read().rstrip("\n").split("\n")
for size in sizes:
    k = size // len(de) + 1
    open(f"{work}/syn{size}.de", "w", encoding="utf-8").write("\n".join((de * k)[:size]) + "\n")
    open(f"{work}/syn{size}.fr", "w", encoding="utf-8").write("\n".join((fr * k)[: int(size * len(fr) / len(de))]) + "\n")
PY
for size in $sizes; do
  out=$( { /usr/bin/time -f '%e %M' target/release/brug align --input lines --format vecalign \
      "$work/syn$size.de" "$work/syn$size.fr" > "$work/syn$size.out"; } 2>&1 | tail -n 1)
  # Accuracy on the long document: the test documents' gold beads, moved
  # to where the repetitions put them (the dev set's gold does not match
  # its files, so its stretches are left out of the recall).
  recall=$(python3 - "$dir" "$size" "$work/syn$size.out" <<'PY'
import sys
d, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = []
for n in ["dev"] + [f"test{i}" for i in range(7)]:
    lde = len(open(f"{d}/{n}.de", encoding="utf-8").read().rstrip("\n").split("\n"))
    lfr = len(open(f"{d}/{n}.fr", encoding="utf-8").read().rstrip("\n").split("\n"))
    gold = [] if n == "dev" else [
        tuple(tuple(int(x) for x in side.strip("[] ").split(",") if x.strip()) for side in line.strip().split(":")[:2])
        for line in open(f"{d}/{n}.defr")]
    docs.append((lde, lfr, gold))
total_de = sum(x[0] for x in docs)
total_fr = sum(x[1] for x in docs)
fr_size = int(size * total_fr / total_de)
beads, ode, ofr = set(), 0, 0
while ode < size:
    for lde, lfr, gold in docs:
        for a, b in gold:
            a2, b2 = tuple(x + ode for x in a), tuple(x + ofr for x in b)
            if a and b and max(a2) < size and max(b2) < fr_size:
                beads.add((a2, b2))
        ode, ofr = ode + lde, ofr + lfr
found = set()
for line in open(out):
    a, b = (tuple(int(x) for x in side.strip("[] ").split(",") if x.strip()) for side in line.split(":")[:2])
    found.add((a, b))
print(f"{len(beads & found) / len(beads):.3f}")
PY
)
  printf 'brug            %7s x %-7s %8s s %8s MB   strict recall %s\n' "$size" "$size" "${out% *}" "$(( ${out#* } / 1024 ))" "$recall"
done
out=$( { /usr/bin/time -f '%e %M' python3 bench/peers/gale_church.py "$work/syn10000.de" "$work/syn10000.fr" > /dev/null; } 2>&1 | tail -n 1)
printf 'gale-church.py  %7s x %-7s %8s s %8s MB\n' 10000 10000 "${out% *}" "$(( ${out#* } / 1024 ))"
