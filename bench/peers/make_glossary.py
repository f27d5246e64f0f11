"""A glossary of N terms for bench/check.sh: the real terms of
glossary/glossary.json, then synthetic Dutch-looking terms with English-
looking translations that occur in neither letter (so the findings stay
those of the real glossary and only the matcher's cost grows).

    python3 make_glossary.py REAL.json N OUT.json [TEXT ...]

TEXT files, when given, are read so that no synthetic word occurs in them,
not even inside a longer word (brug matches inside compounds).
The synthetic terms mimic the real ones' shape: about a fifth are two
words, and some have variants and forbidden renderings. Deterministic
(fixed seed).
"""
import json
import random
import sys

NL_ONSETS = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
             "br", "dr", "gr", "kr", "pr", "tr", "vr", "bl", "gl", "kl", "pl", "sl",
             "sch", "st", "sp", "ge", "ver", "be", "ont"]
NL_VOWELS = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "uu", "ie", "oe", "ij", "ui", "eu", "ou"]
NL_CODAS = ["", "", "n", "r", "l", "k", "t", "s", "ng", "cht", "nd", "rd", "lt"]
NL_SUFFIXES = ["", "", "ing", "heid", "schap", "lijk", "baar", "er", "en", "te"]
EN_ONSETS = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "w",
             "br", "cr", "fl", "gr", "pr", "st", "tr", "sh", "th", "ch"]
EN_VOWELS = ["a", "e", "i", "o", "u", "ea", "ai", "ou", "y"]
EN_CODAS = ["", "n", "r", "l", "ck", "t", "s", "nd", "rt", "ld", "mp", "st"]
EN_SUFFIXES = ["", "", "tion", "ment", "ness", "ity", "al", "er", "ship", "ance"]


def word(rng, onsets, vowels, codas, suffixes):
    syllables = rng.choice([1, 2, 2, 3])
    w = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables))
    return w + rng.choice(suffixes)


def main():
    real_path, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    real = json.load(open(real_path, encoding="utf-8"))
    seen = set()
    for t in real["terms"]:
        for s in [t["source"], *t.get("source_variants", [])]:
            seen.add(s.lower())
    # brug matches terms inside compounds and inflections too, so a
    # synthetic word must not occur even as part of a word of the texts.
    text = " ".join(open(p, encoding="utf-8").read().lower() for p in sys.argv[4:])
    rng = random.Random(20210)
    terms = list(real["terms"])[:n]

    def fresh(onsets, vowels, codas, suffixes):
        while True:
            w = word(rng, onsets, vowels, codas, suffixes)
            if len(w) >= 6 and w not in seen and w not in text:
                seen.add(w)
                return w

    nl = lambda: fresh(NL_ONSETS, NL_VOWELS, NL_CODAS, NL_SUFFIXES)
    en = lambda: fresh(EN_ONSETS, EN_VOWELS, EN_CODAS, EN_SUFFIXES)
    while len(terms) < n:
        two = rng.random() < 0.2
        source = f"{nl()} {nl()}" if two else nl()
        target = f"{en()} {en()}" if two else en()
        term = {"source": source, "target": target}
        if rng.random() < 0.3:
            term["source_variants"] = [source + "en"] if source + "en" not in seen else []
            seen.add(source + "en")
            term["target_variants"] = [target + "s"]
            seen.add(target + "s")
        if rng.random() < 0.7:
            term["forbidden"] = [en() for _ in range(rng.choice([1, 2, 3]))]
        term["case_sensitive"] = False
        terms.append({k: v for k, v in term.items() if v != []})
    glossary = {"source_lang": real["source_lang"], "target_lang": real["target_lang"], "terms": terms}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(glossary, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
