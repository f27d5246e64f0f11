#!/usr/bin/env bash
# End-to-end `brug check` (ingestion, segmentation, alignment, checks,
# report) beside translate-toolkit's pofilter on the same pairs, in one
# table: wall seconds, CPU seconds (user + system) and peak RSS (GNU time),
# the median of REPEAT runs (default 3) by wall time.
#
#   bash bench/pipeline.sh        (REPEAT=1 for a quick look)
#
# Runs:
#   (a) the bundled letter, source_nl/ against target_en/ with glossary/
#       (named with --source/--target, so it is aligned, not read from its
#       committed alignment record);
#   (b) the pair of about 100,000 segments per side that bench/check.sh
#       builds from the letter (the whole letter repeated, the date in its
#       first sentence varied per copy), reused from bench/.peers/check/
#       when there;
#   (c) a project folder of 1,000 letter pairs,
#       bench/.peers/pipeline/project/{source_nl,target_en}/letter-NNNN.txt
#       (the letter with a different date per copy) and glossary/, checked
#       from the folder as `brug check`; with --jobs 1 and --jobs 2 when
#       `brug check --help` offers --jobs (one document pair per thread).
# pofilter (PyPI translate-toolkit 3.20.4, default checks, no glossary
# check) gets the same bead pairs as XLIFF 1.2 (bench/peers/tsv_to_xliff.py
# on `brug align --format tsv`): one file for (a) and (b); for (c) one file
# per letter pair, all in one folder, checked in one pofilter run over the
# folder, as brug checks the project in one run.
# Peers and generated data go to bench/.peers (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${REPEAT:-3}
letters=1000
root=$PWD
work=$root/bench/.peers/pipeline
project=$work/project
mkdir -p "$work"
letter_nl=source_nl/kamerbrief-rusland-2021.txt
letter_en=target_en/kamerbrief-rusland-2021.txt

cargo build --release --quiet
brug=$root/target/release/brug
venv=$root/bench/.peers/venv-tt
if [ ! -x "$venv/bin/pofilter" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet translate-toolkit==3.20.4
fi

# (b) The 100k pair, as bench/check.sh builds it.
pair=$root/bench/.peers/check/pair100000
if [ ! -s "$pair.en.txt" ]; then
  mkdir -p "$(dirname "$pair")"
  per_letter=$("$brug" segment "$letter_nl" --format lines | wc -l)
  python3 - "$pair" 100000 "$per_letter" "$letter_nl" "$letter_en" <<'PY'
import sys
out, size, per_letter, nl_path, en_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
nl = open(nl_path, encoding="utf-8").read().rstrip() + "\n\n"
en = open(en_path, encoding="utf-8").read().rstrip() + "\n\n"
with open(f"{out}.nl.txt", "w", encoding="utf-8") as s, open(f"{out}.en.txt", "w", encoding="utf-8") as t:
    for c in range(-(-size // per_letter)):
        day = c % 28 + 1
        s.write(nl.replace("op 28 september 2020", f"op {day} september 2020"))
        t.write(en.replace("on 28 September 2020", f"on {day} September 2020"))
PY
fi

# (c) The project: 1,000 copies of the letter pair, a date per copy.
if [ ! -s "$project/target_en/letter-$(printf '%04d' "$letters").txt" ]; then
  rm -rf "$project"
  mkdir -p "$project/source_nl" "$project/target_en" "$project/glossary"
  cp glossary/*.json "$project/glossary/"
  python3 - "$project" "$letters" "$letter_nl" "$letter_en" <<'PY'
import sys
project, letters, nl_path, en_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
nl = open(nl_path, encoding="utf-8").read()
en = open(en_path, encoding="utf-8").read()
assert "op 28 september 2020" in nl and "on 28 September 2020" in en
for c in range(letters):
    day = c % 28 + 1
    name = f"letter-{c + 1:04d}.txt"
    open(f"{project}/source_nl/{name}", "w", encoding="utf-8").write(
        nl.replace("op 28 september 2020", f"op {day} september 2020"))
    open(f"{project}/target_en/{name}", "w", encoding="utf-8").write(
        en.replace("on 28 September 2020", f"on {day} September 2020"))
PY
fi

# The same pairs as XLIFF for pofilter.
"$brug" align "$letter_nl" "$letter_en" --glossary glossary/glossary.json --format tsv > "$work/letter.tsv"
python3 bench/peers/tsv_to_xliff.py "$work/letter.tsv" "$work/letter.xlf" > /dev/null
"$brug" align "$pair.nl.txt" "$pair.en.txt" --glossary glossary/glossary.json --format tsv > "$work/pair100000.tsv"
python3 bench/peers/tsv_to_xliff.py "$work/pair100000.tsv" "$work/pair100000.xlf" > /dev/null
# Per letter of the project: its own bead pairs (the letter's, with its
# date), one XLIFF file each.
if [ ! -s "$work/xliff/letter-$(printf '%04d' "$letters").xlf" ]; then
  rm -rf "$work/xliff"
  mkdir -p "$work/xliff"
  python3 - "$work" "$letters" <<'PY'
import contextlib, io, runpy, sys
work, letters = sys.argv[1], int(sys.argv[2])
tsv = open(f"{work}/letter.tsv", encoding="utf-8").read()
assert "op 28 september 2020" in tsv and "on 28 September 2020" in tsv
for c in range(letters):
    day = c % 28 + 1
    name = f"{work}/xliff/letter-{c + 1:04d}"
    open(f"{name}.tsv", "w", encoding="utf-8").write(
        tsv.replace("op 28 september 2020", f"op {day} september 2020")
           .replace("on 28 September 2020", f"on {day} September 2020"))
    sys.argv = ["tsv_to_xliff.py", f"{name}.tsv", f"{name}.xlf"]
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path("bench/peers/tsv_to_xliff.py", run_name="__main__")
PY
  rm -f "$work"/xliff/*.tsv
fi

results=$work/results.tsv
: > "$results" # run, tool, mode, pairs, wall, cpu, peak KB
# measure DIR OUT COMMAND...: REPEAT runs in DIR; sets wall, cpu, rss_kb
# to the median run's (by wall time).
measure() {
  local dir=$1 out=$2; shift 2
  local runs=() tf=$work/time.txt status
  for _ in $(seq "$repeat"); do
    (cd "$dir" && /usr/bin/time -o "$tf" -f '%e %U %S %M %x' "$@" > "$out" 2> "$work/stderr.txt") || true
    read -r w u s m status < <(tail -n 1 "$tf")
    if [ "$status" -gt 1 ]; then # brug check: 1 = findings
      echo "failed ($status): $*" >&2
      cat "$work/stderr.txt" >&2
      exit 1
    fi
    runs+=("$w $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') $m")
  done
  read -r wall cpu rss_kb < <(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")
}
row() { # run tool mode pairs
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$wall" "$cpu" "$rss_kb" >> "$results"
  printf '  %-14s %-9s %-28s %8s s wall %8s s CPU %6s MB\n' "$1" "$2" "$3" "$wall" "$cpu" "$((rss_kb / 1024))"
}
pairs_of() { python3 -c 'import json,sys; print(sum(d["pairs"] for d in [json.load(open(sys.argv[1]))["summary"]]))' "$1"; }
units_of() { grep -c '<trans-unit' "$1" || true; }
pofilter_ok() { # pofilter exits 0 even when it fails
  if [ "$(find "$1" -name '*.xlf' -size +0 | head -n 1)" = "" ]; then
    echo "pofilter wrote nothing:" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
}

echo "== (a) the bundled letter"
measure "$root" "$work/out-letter.json" "$brug" check --source "$letter_nl" --target "$letter_en" \
  --glossary glossary/glossary.json --format json
row letter brug "check" "$(pairs_of "$work/out-letter.json")"
measure "$root" "$work/letter.pofilter.xlf" "$venv/bin/pofilter" --progress=none \
  -i "$work/letter.xlf" -o "$work/letter.pofilter.xlf"
pofilter_ok "$work/letter.pofilter.xlf"
row letter pofilter "default checks" "$(units_of "$work/letter.xlf")"

echo "== (b) 100k segments per side"
measure "$root" "$work/out-100k.json" "$brug" check --source "$pair.nl.txt" --target "$pair.en.txt" \
  --glossary glossary/glossary.json --format json
row 100k brug "check" "$(pairs_of "$work/out-100k.json")"
measure "$root" "$work/pair100000.pofilter.xlf" "$venv/bin/pofilter" --progress=none \
  -i "$work/pair100000.xlf" -o "$work/pair100000.pofilter.xlf"
pofilter_ok "$work/pair100000.pofilter.xlf"
row 100k pofilter "default checks" "$(units_of "$work/pair100000.xlf")"

echo "== (c) a project of $letters letter pairs"
if "$brug" check --help | grep -q -- '--jobs'; then
  for jobs in 1 2; do
    measure "$project" "$work/out-project-$jobs.json" "$brug" check --format json --jobs "$jobs"
    row "$letters letters" brug "check --jobs $jobs" "$(pairs_of "$work/out-project-$jobs.json")"
  done
else
  measure "$project" "$work/out-project.json" "$brug" check --format json
  row "$letters letters" brug "check (no --jobs)" "$(pairs_of "$work/out-project.json")"
  echo "  note: this brug has no --jobs; the project's pairs are checked one after the other"
fi
rm -rf "$work/xliff-out"
measure "$root" /dev/null "$venv/bin/pofilter" --progress=none -i "$work/xliff" -o "$work/xliff-out"
pofilter_ok "$work/xliff-out"
row "$letters letters" pofilter "default checks, folder" "$(cat "$work"/xliff/*.xlf | units_of /dev/stdin)"

echo
python3 - "$results" "$repeat" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
peer = {r[0]: float(r[4]) for r in rows if r[1] == "pofilter"}
print(f"{'run':<14} {'tool':<9} {'mode':<24} {'pairs':>7} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'pofilter/brug':>14}")
for run, tool, mode, pairs, wall, cpu, kb in rows:
    ratio = f"{peer[run] / max(float(wall), 0.005):.1f}x" if tool == "brug" and run in peer else ""
    print(f"{run:<14} {tool:<9} {mode:<24} {pairs:>7} {float(wall):>7.2f} {float(cpu):>7.2f} {int(kb) // 1024:>8} {ratio:>14}")
print(f"median of {sys.argv[2]} runs by wall time; pairs: segment pairs (beads) brug checked, trans-units pofilter checked")
print("pofilter/brug: how many times faster brug is in wall time (pofilter has no glossary check)")
PY
