#!/usr/bin/env bash
# Segmentation accuracy, brug beside its peers, on the very same cases.
#
#   bash bench/accuracy.sh
#
# Scores every set in tests/fixtures/benchmarks/ (the cases
# tests/benchmarks.rs runs) with one scoring for all tools: a case passes
# when a tool's segments, white space collapsed, equal the expected list.
# brug runs as users call it: the release binary's `brug segment`. pySBD
# and sentencex are installed from PyPI into bench/.peers (git-ignored).
# Prints a Markdown table (the one in README.md and bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/.peers
mkdir -p "$work"

cargo build --release --quiet
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
fi
"$work/venv/bin/python" -c 'import pysbd, sentencex' 2>/dev/null ||
  "$work/venv/bin/pip" install --quiet pysbd==0.3.4 sentencex==1.0.32

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
sets=tests/fixtures/benchmarks
"$work/venv/bin/python" bench/peers/accuracy.py target/release/brug "$scratch" \
  "$sets/lgpl/nl_cases.jsonl" \
  "$sets/en_golden_rules.jsonl" \
  "$sets/en_pragmatic_more.jsonl" \
  "$sets/en_sentencex.jsonl" \
  "$sets/en_pysbd_regressions.jsonl" \
  "$sets/lgpl/en_languagetool.jsonl" \
  "$sets/de_cases.jsonl" \
  "$sets/fr_cases.jsonl"
