#!/usr/bin/env bash
# PDF ingestion speed and memory: brug from PDF to segments beside
# poppler's pdftotext (extraction alone), side by side in one run.
#
#   bash bench/pdf.sh [ROUNDS]     (default 3)
#
# Inputs: the two real letters of tests/fixtures/real-pdf/ (9 and 32
# pages) and two long documents made here with qpdf, in bench/.peers: the
# 32-page letter three times and the 9-page letter once (105 pages), and
# the 32-page letter nine times and the 9-page letter once (297 pages).
# Reports per input and tool the median wall time of ROUNDS runs, pages
# per second, peak RSS (GNU time), and brug's time as a multiple of
# pdftotext's. Needs poppler-utils and qpdf (apt-get install poppler-utils
# qpdf).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
work=bench/.peers
mkdir -p "$work"
for tool in pdftotext qpdf; do
  command -v "$tool" > /dev/null || { echo "bench/pdf.sh: $tool missing (apt-get install poppler-utils qpdf)" >&2; exit 2; }
done

luchtvaart=tests/fixtures/real-pdf/Kamerbrief_emissie_luchtvaart.pdf
water=tests/fixtures/real-pdf/Kamerbrief_water_en_Bodem.pdf
middle="$work/long-105.pdf"
if [ ! -s "$middle" ]; then
  qpdf --empty --pages "$water" "$water" "$water" "$luchtvaart" -- "$middle"
fi
long="$work/long-297.pdf"
if [ ! -s "$long" ]; then
  qpdf --empty --pages "$water" "$water" "$water" "$water" "$water" "$water" "$water" "$water" "$water" "$luchtvaart" -- "$long"
fi

cargo build --release --quiet

# median wall seconds and the peak RSS of that run: "secs kb"
measure() {
  local runs=()
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null 2> /dev/null
    runs+=("$(tail -n 1 "$work/time.txt")")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p"
}

row() { # pdf pages name secs kb pdftotext_secs
  local rate ratio
  rate=$(echo "scale=1; $2 / ($4 + 0.001)" | bc)
  ratio=$(echo "scale=2; $4 / ($6 + 0.001)" | bc)
  printf '%-34s %6s %-24s %8s %10s %9s %8s\n' "$(basename "$1")" "$2" "$3" "$4" "$rate" "$(($5 / 1024))" "$ratio"
}

printf '%-34s %6s %-24s %8s %10s %9s %8s\n' input pages tool "wall s" "pages/s" "peak MB" "× pdftotext"
for pdf in "$luchtvaart" "$water" "$middle" "$long"; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  read -r p_secs p_kb < <(measure pdftotext "$pdf" /dev/null)
  read -r b_secs b_kb < <(measure target/release/brug segment --format json "$pdf")
  row "$pdf" "$pages" "pdftotext (extraction)" "$p_secs" "$p_kb" "$p_secs"
  row "$pdf" "$pages" "brug (PDF to segments)" "$b_secs" "$b_kb" "$p_secs"
done
