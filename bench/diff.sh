#!/usr/bin/env bash
# Change tracking at scale: two versions of a 100,000-segment document
# (1% of segments edited, 0.5% added, 0.5% deleted, 0.5% moved), brug diff
# beside git diff --no-index --word-diff on the same files, in one run.
#
#   bash bench/diff.sh [SEGMENTS...]     (default: 25000 50000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-"25000 50000 100000"}
work=bench/.peers/diff
mkdir -p "$work"
cargo build --release --quiet
target/release/brug segment source_nl/kamerbrief-rusland-2021.txt --format lines > "$work/sentences.txt"
for size in $sizes; do
  python3 - "$work" "$size" <<'PY'
import random, sys
work, size = sys.argv[1], int(sys.argv[2])
base = [s for s in open(f"{work}/sentences.txt", encoding="utf-8").read().split("\n") if len(s.split()) >= 4]
rng = random.Random(size)
# Distinct sentences: each copy of the letter numbers its sentences.
old = [f"{base[k % len(base)].rstrip('.')} ({k // len(base) + 1}.{k % len(base) + 1})." for k in range(size)]
new = list(old)
n = len(new)
edited = rng.sample(range(n), n // 100)
for k in edited:
    words = new[k].split()
    w = rng.randrange(len(words) - 1)
    words[w] = words[w] + "x"
    new[k] = " ".join(words)
for k in sorted(rng.sample(range(len(new)), n // 200), reverse=True):
    del new[k]
for k in sorted(rng.sample(range(len(new)), n // 200), reverse=True):
    new.insert(k, f"Een nieuwe zin nummer {k} over het beleid van {rng.randrange(2000, 2030)}.")
for _ in range(n // 200):
    k = rng.randrange(len(new)); s = new.pop(k); new.insert(rng.randrange(len(new)), s)
def write(path, sentences):
    # Paragraphs of five sentences, one paragraph per line.
    with open(path, "w", encoding="utf-8") as f:
        for p in range(0, len(sentences), 5):
            f.write(" ".join(sentences[p:p + 5]) + "\n\n")
write(f"{work}/old{size}.txt", old)
write(f"{work}/new{size}.txt", new)
PY
  b=$( { /usr/bin/time -f '%e %M' target/release/brug diff --format json "$work/old$size.txt" "$work/new$size.txt" > "$work/out$size.json"; } 2>&1 | tail -n 1)
  g=$( { /usr/bin/time -f '%e %M' git diff --no-index --word-diff "$work/old$size.txt" "$work/new$size.txt" > /dev/null || true; } 2>&1 | tail -n 1)
  counts=$(python3 -c "
import json,collections,sys
c=collections.Counter(e['change'] for e in json.load(open('$work/out$size.json')))
print(' '.join(f'{k} {c[k]}' for k in ['modified','added','deleted','moved']))")
  printf 'brug diff      %7s segments %7s s %6s MB   %s\n' "$size" "${b% *}" "$(( ${b#* } / 1024 ))" "$counts"
  printf 'git word-diff  %7s segments %7s s %6s MB\n' "$size" "${g% *}" "$(( ${g#* } / 1024 ))"
done
