"""Scores brug, pySBD and sentencex on the segmentation benchmark sets.

    python accuracy.py BRUG_BINARY SCRATCH_DIR SET.jsonl...

Every tool gets the same cases and the same scoring as tests/benchmarks.rs:
a case passes when the tool's segments, white space collapsed and empty
ones dropped, equal the expected list. brug runs as users call it
(`brug segment FILE --lang L --layout X --format json`), with the layout
the upstream test ran with; pySBD gets its PDF cleaning for those cases;
sentencex has no such option. Prints a Markdown table, then brug's
disagreements with the sets' `.passing` lists (there should be none).
"""
import json
import os
import subprocess
import sys
from importlib.metadata import version

import pysbd
import sentencex


def collapse(s):
    return " ".join(s.split())


def clean(segments):
    return [c for c in (collapse(s) for s in segments) if c]


def layout(case):
    if case.get("doc_type") == "pdf" or case.get("lt_mode") == "_two":
        return "wrapped"
    if case.get("lt_mode") == "_one":
        return "unwrapped"
    return "auto"


def brug(binary, scratch, case):
    if not case["text"].strip():
        return []
    path = os.path.join(scratch, "case.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(case["text"])
    out = subprocess.run(
        [binary, "segment", path, "--lang", case["lang"], "--layout", layout(case),
         "--format", "json"],
        capture_output=True, check=True, text=True)
    return clean(s["text"] for s in json.loads(out.stdout))


def pysbd_segments(case):
    if layout(case) == "wrapped":
        seg = pysbd.Segmenter(language=case["lang"], clean=True, doc_type="pdf")
    else:
        seg = pysbd.Segmenter(language=case["lang"], clean=False)
    return clean(seg.segment(case["text"]))


def sentencex_segments(case):
    return clean(sentencex.segment(case["lang"], case["text"]))


def main():
    binary, scratch, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    tools = [
        ("brug", lambda c: brug(binary, scratch, c)),
        (f"pySBD {version('pysbd')}", pysbd_segments),
        (f"sentencex {version('sentencex')}", sentencex_segments),
    ]
    print("| set | cases | " + " | ".join(name for name, _ in tools) + " |")
    print("| --- | ---: |" + " ---: |" * len(tools))
    disagreements = []
    totals = [0] * len(tools)
    total_cases = 0
    for file in files:
        with open(file, encoding="utf-8") as f:
            cases = [json.loads(line) for line in f if line.strip()]
        scores = []
        for name, run in tools:
            passed = set()
            for case in cases:
                want = clean(case["expected"])
                try:
                    got = run(case)
                except Exception:  # a peer that fails on a case misses it
                    got = None
                if got == want:
                    passed.add(case["id"])
            scores.append(len(passed))
            if name == "brug":
                listed = set()
                with open(file[: -len(".jsonl")] + ".passing", encoding="utf-8") as f:
                    for line in f:
                        line = line.split("#")[0].strip()
                        if line:
                            listed.add(line)
                for case_id in sorted(passed ^ listed):
                    disagreements.append(f"{file}: {case_id}")
        totals = [t + s for t, s in zip(totals, scores)]
        total_cases += len(cases)
        name = os.path.relpath(file, "tests/fixtures/benchmarks")
        cells = " | ".join(f"{s}/{len(cases)} ({100 * s / len(cases):.0f}%)" for s in scores)
        print(f"| `{name}` | {len(cases)} | {cells} |")
    cells = " | ".join(f"{s}/{total_cases} ({100 * s / total_cases:.0f}%)" for s in totals)
    print(f"| all sets | {total_cases} | {cells} |")
    if disagreements:
        print("\nbrug from the command line disagrees with the .passing lists on:")
        print("\n".join(disagreements))


if __name__ == "__main__":
    main()
