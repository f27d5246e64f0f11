#!/usr/bin/env python3
"""Recall of `brug check` on omissions and additions: every sentence of a
correct translation deleted in turn, and a sentence of another letter's
translation added after every sentence in turn.

Usage: omissions.py BRUG SCRATCH CASE_DIR...

The translation read is target.txt, or the file named by the environment
variable TARGET (`TARGET=independent.txt`: the second translations).

Each CASE_DIR holds source.txt, target.txt (a correct translation) and
glossary.json. For every body segment of the target, the script writes the
target without it (its bytes cut out by its span) and runs
`BRUG check --format json`. The deletion is found when an `untranslated`
(or `omission`) finding names a source segment of the bead the deleted
segment was in (from `BRUG align --format vecalign` of the intact pair):
the finding's source holds it and, when the finding highlights words of a
bead of several sentences, the words lie in it.
Also counts findings of those codes on the intact pair (false alarms).

Additions: after each body segment of the target, the script inserts a
sentence from another case's translation (a body sentence of 40 characters
or more, chosen by position). The addition is found when an `addition`
finding's target holds the inserted sentence; `addition` findings on the
intact pair are false alarms.
Prints a Markdown table per case and in all, for each.
"""

import json
import os
import subprocess
import sys

TARGET = os.environ.get("TARGET", "target.txt")

CODES = ("untranslated", "omission")


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit("%s failed: %s" % (" ".join(args), p.stderr.strip()))
    return p.stdout


def segments(brug, path):
    return json.loads(run([brug, "segment", path, "--format", "json"]))


def beads(brug, source, target):
    out = []
    for line in run([brug, "align", source, target, "--format", "vecalign"]).splitlines():
        s, t, _ = line.split(":")
        out.append((json.loads(s), json.loads(t)))
    return out


def omissions(brug, case, glossary, source, target):
    """The findings of the omission codes: (source text, highlighted range
    in it or None)."""
    out = run([brug, "check", "--source", source, "--target", target,
               "--glossary", glossary, "--format", "json"])
    found = []
    for f in json.loads(out)["findings"]:
        if f["code"] in CODES and f.get("source"):
            h = f.get("highlight")
            span = (h["start"], h["end"]) if h and h["side"] == "source" else None
            found.append((f["source"]["text"], span))
    return found


def additions(brug, glossary, source, target):
    """The target texts of the `addition` findings."""
    out = run([brug, "check", "--source", source, "--target", target,
               "--glossary", glossary, "--format", "json"])
    return [f["target"]["text"] for f in json.loads(out)["findings"]
            if f["code"] == "addition" and f.get("target")]


def pool(brug, cases):
    """Per case, body sentences of 40 characters or more of its target."""
    return {c: [s["text"] for s in segments(brug, os.path.join(c, TARGET))
                if s["kind"] == "body" and len(s["text"]) >= 40]
            for c in cases}


def main_additions(brug, scratch, cases):
    sentences = pool(brug, cases)
    print()
    print("| case | additions | found | recall | false alarms on the intact pair |")
    print("|---|---:|---:|---:|---:|")
    all_n = all_found = all_false = 0
    for c, case in enumerate(cases):
        name = os.path.basename(case.rstrip("/"))
        source = os.path.join(case, "source.txt")
        target = os.path.join(case, TARGET)
        glossary = os.path.join(case, "glossary.json")
        others = [t for o in cases[c + 1:] + cases[:c] for t in sentences[o]]
        tgt = segments(brug, target)
        raw = open(target, "rb").read()
        false = len(additions(brug, glossary, source, target))
        n = found = 0
        put = os.path.join(scratch, name + ".target.txt")
        for j, seg in enumerate(tgt):
            if seg["kind"] not in ("body", "list_item"):
                continue
            extra = others[(j * 7) % len(others)]
            end = seg["span"]["end"]
            with open(put, "wb") as f:
                f.write(raw[:end] + b" " + extra.encode("utf-8") + raw[end:])
            n += 1
            hit = any(extra in t for t in additions(brug, glossary, source, put))
            found += hit
            if not hit and os.environ.get("VERBOSE"):
                print("  missed addition %s after: %s" % (name, seg["text"][:80]), file=sys.stderr)
        os.remove(put)
        print("| %s | %d | %d | %.3f | %d |" % (name, n, found, found / n if n else 0, false))
        all_n += n
        all_found += found
        all_false += false
    print("| **all** | %d | %d | %.3f | %d |" % (all_n, all_found, all_found / all_n if all_n else 0, all_false))


def names(found, texts):
    """Whether a finding names one of `texts`: its source holds the text
    and, when it highlights words, they lie in that text."""
    for source, span in found:
        for text in texts:
            at = source.find(text)
            if at < 0:
                continue
            if span is None or (span[0] < at + len(text) and at < span[1]):
                return True
    return False


def main(argv):
    brug, scratch, cases = argv[0], argv[1], argv[2:]
    print("Omissions")
    print()
    print("| case | deletions | found | recall | false alarms on the intact pair |")
    print("|---|---:|---:|---:|---:|")
    all_n = all_found = all_false = 0
    for case in cases:
        name = os.path.basename(case.rstrip("/"))
        source = os.path.join(case, "source.txt")
        target = os.path.join(case, TARGET)
        glossary = os.path.join(case, "glossary.json")
        src = segments(brug, source)
        tgt = segments(brug, target)
        raw = open(target, "rb").read()
        where = {}
        for s_idx, t_idx in beads(brug, source, target):
            for j in t_idx:
                where[j] = [src[i]["text"] for i in s_idx]
        false = len(omissions(brug, case, glossary, source, target))
        n = found = 0
        cut = os.path.join(scratch, name + ".target.txt")
        for j, seg in enumerate(tgt):
            if seg["kind"] not in ("body", "list_item") or not where.get(j):
                continue
            span = seg["span"]
            with open(cut, "wb") as f:
                f.write(raw[:span["start"]] + raw[span["end"]:])
            n += 1
            hit = names(omissions(brug, case, glossary, source, cut), where[j])
            found += hit
            if not hit and os.environ.get("VERBOSE"):
                print("  missed %s: %s" % (name, seg["text"][:100]), file=sys.stderr)
        os.remove(cut)
        print("| %s | %d | %d | %.3f | %d |" % (name, n, found, found / n if n else 0, false))
        all_n += n
        all_found += found
        all_false += false
    print("| **all** | %d | %d | %.3f | %d |" % (all_n, all_found, all_found / all_n if all_n else 0, all_false))
    main_additions(brug, scratch, cases)


if __name__ == "__main__":
    main(sys.argv[1:])
