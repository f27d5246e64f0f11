# Shared by the benchmark scripts: source it from the repository's root.

# Writes to OUT a Dutch text of about MB megabytes, the bundled letter
# repeated (four copies, then a blank line, until it is long enough);
# keeps OUT when it is already there.
#   letter_text MB OUT
letter_text() {
  local mb=$1 out=$2 letter=source_nl/kamerbrief-rusland-2021.txt
  [ -s "$out" ] && return 0
  : > "$out"
  while [ "$(stat -c %s "$out")" -lt $((mb * 1024 * 1024)) ]; do
    cat "$letter" "$letter" "$letter" "$letter" >> "$out"
    printf '\n\n' >> "$out"
  done
}
