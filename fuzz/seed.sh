#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the project's own files: the letters,
# the test fixtures, the glossaries, the schemas, and small TMX, XLIFF,
# TBX, CSV and TSV files exported by brug itself. Seeds are named
# `seed-*`; whatever the fuzzer added to a corpus is kept.
#
# Usage: fuzz/seed.sh
set -euo pipefail

fuzz=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$fuzz")
corpus=$fuzz/corpus
cd "$repo"

mkdir -p "$corpus"/{ingest_segment,glossary,exchange_import,check,pdf}

# A file's name in a corpus: its path with `/` as `_`.
seed_name() { echo "seed-${1//\//_}"; }

# ingest_segment: the first byte chooses language and layout (byte % 3:
# nl, en, detect; byte / 3 % 3: auto, wrapped, unwrapped).
ingest_seed() { # FILE LANG_BYTE
    local file=$1 lang=$2 name
    name=$(seed_name "$file")
    for layout in 0 1 2; do
        local selector=$((lang + 3 * layout))
        { printf "\\$(printf '%03o' "$selector")"; cat "$file"; } \
            >"$corpus/ingest_segment/$name-$selector"
    done
    # Pieces of 24 lines, language detected: small inputs run fast.
    local pieces
    pieces=$(mktemp -d)
    split -l 24 "$file" "$pieces/p"
    for piece in "$pieces"/p*; do
        { printf '\002'; cat "$piece"; } >"$corpus/ingest_segment/$name-${piece##*/}"
    done
    rm -r "$pieces"
}
for file in source_nl/*.txt tests/fixtures/segment/letters/nl-*/input.txt \
    tests/fixtures/check/*/source.txt tests/fixtures/diff/*/*.txt; do
    ingest_seed "$file" 0
done
for file in target_en/*.txt tests/fixtures/segment/letters/en-*/input.txt \
    tests/fixtures/check/*/target.txt; do
    ingest_seed "$file" 1
done

# glossary: the glossaries, and a small one.
for file in glossary/*.json tests/fixtures/check/*/glossary.json; do
    cp "$file" "$corpus/glossary/$(seed_name "$file")"
done
cat >"$corpus/glossary/seed-small.json" <<'EOF'
{ "source_lang": "nl", "target_lang": "en",
  "terms": [
    { "source": "Kamerstuk", "target": "Parliamentary Paper",
      "source_variants": ["Kamerstukken"], "target_variants": ["Parliamentary Papers"],
      "forbidden": ["Chamber Paper"], "case_sensitive": false, "note": "..." },
    { "source": "motie", "target": "motion", "source_variants": ["moties"] },
    { "source": "NESO", "target": "NESO", "case_sensitive": true } ] }
EOF

# check: a Dutch letter, a NUL byte, its English translation.
check_seed() { # NAME SOURCE TARGET
    { cat "$2"; printf '\0'; cat "$3"; } >"$corpus/check/seed-$1"
    { head -n 30 "$2"; printf '\0'; head -n 30 "$3"; } >"$corpus/check/seed-$1-head"
}
check_seed rusland source_nl/kamerbrief-rusland-2021.txt target_en/kamerbrief-rusland-2021.txt
for dir in tests/fixtures/check/*/; do
    check_seed "check-$(basename "$dir")" "$dir/source.txt" "$dir/target.txt"
done
for dir in tests/fixtures/segment/letters/nl-*/; do
    name=$(basename "$dir")
    check_seed "letter-${name#nl-}" "$dir/input.txt" \
        "tests/fixtures/segment/letters/en-${name#nl-}/input.txt"
done

# exchange_import: the schemas' XML, and brug's own exports of small pairs.
for file in tests/schemas/catalog.xml tests/schemas/tbx/xml.xsd \
    tests/schemas/xliff/xliff-core-2.0.xsd; do
    cp "$file" "$corpus/exchange_import/$(seed_name "$file")"
done
brug() { nice -n 19 cargo run --quiet --release -- "$@"; }
out=$corpus/exchange_import
if brug --version >/dev/null; then
    for pair in schoon stikstof; do
        for format in tmx xliff xliff2; do
            brug export --source "tests/fixtures/segment/letters/nl-$pair/input.txt" \
                --target "tests/fixtures/segment/letters/en-$pair/input.txt" \
                --format "$format" -o "$out/seed-$pair.$format" --force ||
                echo "seed.sh: brug export --format $format failed; seed left out" >&2
        done
    done
    # As a CAT tool leaves them: every target edited.
    for format in tmx xliff xliff2; do
        if [ -f "$out/seed-schoon.$format" ]; then
            sed -e 's|<target\([^>]*\)>|<target\1>Edited: |' \
                -e 's|<seg>|<seg>Edited: |' \
                "$out/seed-schoon.$format" >"$out/seed-schoon-edited.$format"
        fi
    done
    for format in tbx csv tsv; do
        brug glossary export tests/fixtures/check/stikstof/glossary.json \
            --format "$format" -o "$out/seed-glossary.$format" --force ||
            echo "seed.sh: brug glossary export --format $format failed; seed left out" >&2
    done
else
    echo "seed.sh: brug does not build; exported seeds left out" >&2
fi

# pdf: the project's PDFs, small ones whole; the real letters' first
# 64 KiB too (a cut file is a damaged one).
for file in tests/fixtures/pdf/*.pdf tests/fixtures/bad/*.pdf tests/fixtures/fuzz/pdf/*.pdf; do
    cp "$file" "$corpus/pdf/$(seed_name "$file")"
done
for file in tests/fixtures/real-pdf/*.pdf; do
    head -c 65536 "$file" >"$corpus/pdf/$(seed_name "$file")-head"
done

for target in ingest_segment glossary exchange_import check pdf; do
    echo "seed.sh: $target: $(find "$corpus/$target" -type f | wc -l) files in corpus"
done
