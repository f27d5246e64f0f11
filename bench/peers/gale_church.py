"""Plain Gale & Church (1993) sentence alignment, banded around the
diagonal: the reference that bench/align.sh runs beside brug.

    python3 gale_church.py SOURCE TARGET > beads.txt   (vecalign format)
"""
import math
import sys

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}
VARIANCE = 6.8


def norm_logsf(z):
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(z) / math.sqrt(2))))
    return -math.log(max(p, 1e-300))


def main():
    src = [len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")]
    tgt = [len(l.rstrip("\n")) for l in open(sys.argv[2], encoding="utf-8")]
    n, m = len(src), len(tgt)
    c = (sum(tgt) or 1) / (sum(src) or 1)
    band = max(50, int(0.02 * max(n, m)))
    ps, pt = [0], [0]
    for x in src:
        ps.append(ps[-1] + x)
    for x in tgt:
        pt.append(pt[-1] + x)
    cost = {(0, 0): 0.0}
    back = {}
    for i in range(n + 1):
        centre = int(i * m / max(n, 1))
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = math.inf, None
            for (di, dj), prior in PRIORS.items():
                prev = cost.get((i - di, j - dj))
                if prev is None:
                    continue
                l1, l2 = ps[i] - ps[i - di], pt[j] - pt[j - dj]
                mean = (l1 + l2 / c) / 2
                z = (l2 - l1 * c) / math.sqrt(max(mean, 1) * VARIANCE)
                v = prev - math.log(prior) + norm_logsf(z)
                if v < best:
                    best, arg = v, (di, dj)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    i, j, beads = n, m, []
    while (i, j) != (0, 0) and (i, j) in back:
        di, dj = back[(i, j)]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    for s, t in reversed(beads):
        print(f"{s}:{t}")


if __name__ == "__main__":
    main()
