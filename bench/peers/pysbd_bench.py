"""Segments a file with pySBD and prints the sentence count and seconds."""
import sys
import time

import pysbd

lang, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
seg = pysbd.Segmenter(language=lang, clean=False)
start = time.perf_counter()
sentences = seg.segment(text)
print(len(sentences), f"{time.perf_counter() - start:.4f}")
