#!/usr/bin/env bash
# Speed and memory of `brug check`, side by side with translate-toolkit's
# pofilter on the same pairs, in one run.
#
#   bash bench/check.sh [SIZES]     (default "10000 50000 100000")
#
# Builds a Dutch letter and its English translation of about SIZE segments
# per side from the bundled pair (the whole files repeated, the date in the
# first sentence varied per copy), and glossaries of the real
# glossary/glossary.json (its size is the label: 296 terms now, 164 when
# the figures in bench/README.md were taken), 1,000 and 10,000 terms (the real ones plus
# synthetic terms that occur nowhere: bench/peers/make_glossary.py). Times,
# with wall seconds and peak RSS (GNU time):
#   - brug check --source S --target T: ingestion, segmentation, alignment
#     and checks, at every size with the real glossary, and at the largest size
#     with 1,000 and 10,000 terms; on the letter alone (92 segments) with
#     each glossary, which is the fixed cost of loading the glossary;
#   - brug align --write R (alignment alone), then brug check --record R:
#     the checks without the alignment;
#   - pofilter (translate-toolkit, PyPI, all default checks) on the aligned
#     pairs as XLIFF 1.2 (bench/peers/tsv_to_xliff.py), at sizes up to
#     POFILTER_MAX (default 100000); larger sizes are extrapolated linearly
#     from the largest measured one, and marked so. pofilter has no
#     glossary check.
# Peers and generated data go to bench/.peers (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"10000 50000 100000"}
pofilter_max=${POFILTER_MAX:-100000}
work=bench/.peers/check
mkdir -p "$work"
letter_nl=source_nl/kamerbrief-rusland-2021.txt
letter_en=target_en/kamerbrief-rusland-2021.txt
largest=$(printf '%s\n' $sizes | sort -n | tail -n 1)

cargo build --release --quiet
brug=target/release/brug
venv=bench/.peers/venv-tt
if [ ! -x "$venv/bin/pofilter" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet translate-toolkit==3.20.4
fi

# Glossaries: label -> file.
real=$(python3 -c 'import json; print(len(json.load(open("glossary/glossary.json"))["terms"]))')
declare -A glossary=([$real]=glossary/glossary.json)
for n in 1000 10000; do
  glossary[$n]=$work/glossary-$n.json
  [ -s "${glossary[$n]}" ] || python3 bench/peers/make_glossary.py glossary/glossary.json "$n" \
    "${glossary[$n]}" "$letter_nl" "$letter_en"
done

# The pairs, SIZE segments per side or a little more.
per_letter=$("$brug" segment "$letter_nl" --format lines | wc -l)
for size in $sizes; do
  [ -s "$work/pair$size.en.txt" ] && continue
  python3 - "$work" "$size" "$per_letter" "$letter_nl" "$letter_en" <<'PY'
import sys
work, size, per_letter, nl_path, en_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
nl = open(nl_path, encoding="utf-8").read().rstrip() + "\n\n"
en = open(en_path, encoding="utf-8").read().rstrip() + "\n\n"
assert "op 28 september 2020" in nl and "on 28 September 2020" in en
with open(f"{work}/pair{size}.nl.txt", "w", encoding="utf-8") as s, \
     open(f"{work}/pair{size}.en.txt", "w", encoding="utf-8") as t:
    for c in range(-(-size // per_letter)):
        day = c % 28 + 1
        s.write(nl.replace("op 28 september 2020", f"op {day} september 2020"))
        t.write(en.replace("on 28 September 2020", f"on {day} September 2020"))
PY
done

results=$work/results.tsv
: > "$results"   # tool, mode, size, nl segments, en segments, pairs, terms, seconds, peak KB
measure() { # out_file, command... ; sets secs, rss_kb
  local out=$1; shift
  local tf=$work/time.txt status
  /usr/bin/time -o "$tf" -f '%e %M %x' "$@" > "$out" 2> "$work/stderr.txt" || true
  read -r secs rss_kb status < <(tail -n 1 "$tf")
  if [ "$status" -gt 1 ]; then # brug check: 1 = findings
    echo "failed ($status): $*" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
}
declare -A nl_segs en_segs pairs
row() { # tool mode size terms
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${nl_segs[$3]}" "${en_segs[$3]}" \
    "${pairs[$3]}" "$4" "$secs" "$rss_kb" >> "$results"
  printf '  %-8s %-24s %7s segments %6s terms %8s s %6s MB\n' "$1" "$2" "$3" "$4" "$secs" "$((rss_kb / 1024))"
}
findings() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$1"; }

echo "== brug"
nl_segs[letter]=$per_letter
en_segs[letter]=$("$brug" segment "$letter_en" --format lines | wc -l)
for terms in $real 1000 10000; do
  measure "$work/out-letter-$terms.json" "$brug" check --source "$letter_nl" --target "$letter_en" \
    --glossary "${glossary[$terms]}" --format json
  pairs[letter]=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["pairs"])' \
    "$work/out-letter-$terms.json")
  row brug "check (glossary load)" letter "$terms"
done
for size in $sizes; do
  nl_segs[$size]=$("$brug" segment "$work/pair$size.nl.txt" --format lines | wc -l)
  en_segs[$size]=$("$brug" segment "$work/pair$size.en.txt" --format lines | wc -l)
  # Alignment alone; its TSV is what pofilter gets, its record what
  # check --record reads.
  measure "$work/pair$size.tsv" "$brug" align "$work/pair$size.nl.txt" "$work/pair$size.en.txt" \
    --glossary glossary/glossary.json --format tsv --write "$work/pair$size.align.json"
  pairs[$size]=$(($(wc -l < "$work/pair$size.tsv") - 1))
  row brug "align --write" "$size" "$real"
  size_terms="$real"
  [ "$size" = "$largest" ] && size_terms="$real 1000 10000"
  for terms in $size_terms; do
    measure "$work/out-$size-$terms.json" "$brug" check --source "$work/pair$size.nl.txt" \
      --target "$work/pair$size.en.txt" --glossary "${glossary[$terms]}" --format json
    row brug "check" "$size" "$terms"
    measure "$work/out-$size-$terms-record.json" "$brug" check --record "$work/pair$size.align.json" \
      --glossary "${glossary[$terms]}" --format json
    row brug "check --record" "$size" "$terms"
    a=$(findings "$work/out-$size-$terms.json") b=$(findings "$work/out-$size-$terms-record.json")
    [ "$a" = "$b" ] || echo "  note: $a findings without the record, $b with it"
  done
done
# The record must be used as it is (not aligned anew).
if "$brug" check --record "$work/pair$largest.align.json" --glossary glossary/glossary.json \
    --format human 2>&1 | grep -q "aligned anew"; then
  echo "warning: brug check --record aligned anew; its times include the alignment" >&2
fi

echo "== pofilter (translate-toolkit 3.20.4, default checks)"
measured=""
for size in $sizes; do
  [ "$size" -le "$pofilter_max" ] || continue
  python3 bench/peers/tsv_to_xliff.py "$work/pair$size.tsv" "$work/pair$size.xlf" > /dev/null
  measure "$work/pair$size.pofilter.xlf" "$venv/bin/pofilter" --progress=none \
    -i "$work/pair$size.xlf" -o "$work/pair$size.pofilter.xlf"
  flagged=$(grep -c '<trans-unit' "$work/pair$size.pofilter.xlf" || true)
  if [ "$flagged" -eq 0 ]; then # pofilter exits 0 even when it fails
    echo "pofilter wrote no units for $size:" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  row pofilter "default checks" "$size" -
  echo "           ($flagged of ${pairs[$size]} units flagged)"
  measured=$size
done
for size in $sizes; do
  [ "$size" -gt "$pofilter_max" ] && [ -n "$measured" ] || continue
  read -r secs rss_kb < <(awk -F'\t' -v m="$measured" -v p="${pairs[$size]}" \
    '$1 == "pofilter" && $3 == m { printf "%.1f %d\n", $8 * p / $6, $9 * p / $6 }' "$results")
  row pofilter "extrapolated" "$size" -
  echo "           (extrapolated linearly from $measured segments, not run)"
done

echo
python3 - "$results" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
peer = {r[2]: float(r[7]) for r in rows if r[0] == "pofilter"}
print(f"{'tool':<9} {'mode':<22} {'segments nl/en':>15} {'pairs':>7} {'terms':>6} {'seconds':>8} {'peak MB':>8} {'pofilter/brug':>14}")
for tool, mode, size, nl, en, pairs, terms, secs, kb in rows:
    ratio = f"{peer[size] / max(float(secs), 0.005):.1f}x" if tool == "brug" and mode.startswith("check") and size in peer else ""
    if tool == "pofilter" and mode == "extrapolated":
        mode += " *"
    print(f"{tool:<9} {mode:<22} {nl + '/' + en:>15} {pairs:>7} {terms:>6} {secs:>8} {int(kb) // 1024:>8} {ratio:>14}")
if any(r[1] == "extrapolated" for r in rows):
    print("* pofilter not run at this size: seconds and MB scaled linearly from the largest size it ran on")
print("pofilter/brug: how many times faster brug is than pofilter on the same pairs (pofilter has no glossary check)")
PY
