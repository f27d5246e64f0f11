#!/usr/bin/env bash
# Glossary findings on correct translations: the second (and third)
# translations of the letters in tests/fixtures/check/, made by
# translators who had not seen the first ones, and the four documents of
# tests/fixtures/translations/ (translated without the glossary after it
# was written), checked with the glossary
# files given (default: the bundled glossary/*.json) instead of each
# letter's own. Every glossary error there is a false alarm unless the
# translation is wrong. Prints glossary errors and warnings per document
# and per 100 segment pairs.
#
#   bash bench/glossary.sh [GLOSSARY.json…]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
brug=$PWD/target/release/brug
if [ $# -eq 0 ]; then set -- glossary/*.json; fi
args=()
for g in "$@"; do args+=(--glossary "$g"); done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for dir in tests/fixtures/check/*/; do
  for t in "$dir"independent*.txt; do
    [ -e "$t" ] || continue
    name=$(basename "$dir")-$(basename "$t" .txt)
    "$brug" check --source "$dir/source.txt" --target "$t" "${args[@]}" \
      --format json > "$scratch/$name.json" || true
  done
done
# Four more documents translated without the glossary, after it was written.
for nl in tests/fixtures/translations/*.nl.txt; do
  name=unseen-$(basename "$nl" .nl.txt)
  "$brug" check --source "$nl" --target "${nl%.nl.txt}.en.txt" "${args[@]}" \
    --format json > "$scratch/$name.json" || true
done
python3 - "$scratch" <<'PY'
import collections, glob, json, os, sys
tot = collections.Counter()
pairs_all = 0
print("| translation | pairs | glossary errors | glossary warnings | errors per 100 pairs |")
print("|---|---:|---:|---:|---:|")
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    report = json.load(open(path))
    pairs = report["summary"]["pairs"]
    c = collections.Counter(f["severity"] for f in report["findings"]
                            if f["code"].startswith("glossary"))
    pairs_all += pairs
    tot.update(c)
    print("| %s | %d | %d | %d | %.2f |" % (os.path.basename(path)[:-5], pairs,
          c["error"], c["warning"], 100 * c["error"] / max(pairs, 1)))
print("| **all** | %d | %d | %d | %.2f |" % (pairs_all, tot["error"], tot["warning"],
      100 * tot["error"] / max(pairs_all, 1)))
if os.environ.get("VERBOSE"):
    for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
        for f in json.load(open(path))["findings"]:
            if f["code"].startswith("glossary"):
                print(os.path.basename(path)[:-5], f["severity"], f["code"], f["message"])
PY
