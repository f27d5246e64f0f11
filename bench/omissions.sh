#!/usr/bin/env bash
# Omissions and additions found: every sentence of the correct translations
# of tests/fixtures/check/ deleted in turn, `brug check` run on each, and
# whether an `omission` (or `untranslated`) finding names the sentence left
# without a translation; then a sentence of another letter's translation
# added after every sentence in turn, and whether an `addition` finding
# names it (bench/peers/omissions.py). Also the false alarms of those codes
# on the intact pairs. Prints two Markdown tables.
#
#   bash bench/omissions.sh
#   TARGET=independent.txt bash bench/omissions.sh   (the second translations)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 bench/peers/omissions.py target/release/brug "$scratch" \
  tests/fixtures/check/rusland tests/fixtures/check/stikstof \
  tests/fixtures/check/waterbeheer tests/fixtures/check/woningbouw
