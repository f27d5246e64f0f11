#!/usr/bin/env bash
# False alarms of `brug check` on correct translations nobody here wrote:
# official texts published in Dutch and English, line-parallel (one
# paragraph, list item or article title per line), checked with no
# glossary. Every error or warning is a false alarm unless the published
# text is wrong. Prints findings per code and severity, and per 1,000
# paragraph pairs.
#
#   bash bench/false-alarms.sh DIR     (DIR holds NAME.nl.txt and NAME.en.txt)
#   GLOSSARY="glossary/glossary.json glossary/house-style.json" \
#     bash bench/false-alarms.sh DIR   (checked with these glossary files)
#
# The texts are not shipped with brug; e.g. the treaties of the Dutch
# treaty database (statengeneraal/laws-markdown) paired by paragraph.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bash bench/false-alarms.sh DIR}
cargo build --release --quiet
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
brug=$PWD/target/release/brug
glossary=()
for g in ${GLOSSARY:-}; do
  case $g in /*) ;; *) g=$PWD/$g ;; esac
  glossary+=(--glossary "$g")
done
for nl in "$dir"/*.nl.txt; do
  name=$(basename "$nl" .nl.txt)
  # One paragraph per line → paragraphs separated by blank lines.
  sed 's/$/\n/' "$nl" > "$scratch/$name.nl.txt"
  sed 's/$/\n/' "$dir/$name.en.txt" > "$scratch/$name.en.txt"
  (cd "$scratch" && "$brug" check --source "$name.nl.txt" --target "$name.en.txt" \
    ${glossary[@]+"${glossary[@]}"} --format json > "$name.json" || true)
done
python3 - "$scratch" <<'PY'
import collections, glob, json, sys
counts = collections.Counter()
pairs = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    report = json.load(open(path))
    pairs += report["summary"]["pairs"]
    for f in report["findings"]:
        counts[(f["severity"], f["code"])] += 1
print("%d documents, %d segment pairs" % (len(glob.glob(sys.argv[1] + "/*.json")), pairs))
print()
print("| severity | code | findings | per 1,000 pairs |")
print("|---|---|---:|---:|")
for (severity, code), n in sorted(counts.items()):
    print("| %s | %s | %d | %.1f |" % (severity, code, n, 1000 * n / max(pairs, 1)))
PY
