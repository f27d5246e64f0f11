"""The bead pairs of `brug align --format tsv` as an XLIFF 1.2 file, one
<trans-unit> per bead, for pofilter (translate-toolkit) in bench/check.sh.

    python3 tsv_to_xliff.py PAIRS.tsv OUT.xlf [LIMIT]

LIMIT keeps the first LIMIT beads only.
"""
import re
import sys
from xml.sax.saxutils import escape

UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n"}


def cell(s):
    return re.sub(r"\\[\\tn]", lambda m: UNESCAPE[m.group(0)], s)


def main():
    tsv, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    with open(tsv, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as x:
        next(f)  # header
        x.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                f'<file original="{escape(tsv)}" source-language="nl" target-language="en" datatype="plaintext">\n'
                "<body>\n")
        n = 0
        for line in f:
            if limit is not None and n >= limit:
                break
            bead, _sids, _tids, _score, source, target = line.rstrip("\n").split("\t")
            x.write(f'<trans-unit id="{bead}" approved="yes"><source>{escape(cell(source))}</source>'
                    f'<target state="translated">{escape(cell(target))}</target></trans-unit>\n')
            n += 1
        x.write("</body>\n</file>\n</xliff>\n")
    print(n)


if __name__ == "__main__":
    main()
