"""One 50 MB document through each keyphrase extractor: an answer, and memory linear in its size.

Each run is a fresh subprocess whose resident high-water mark is reset (Linux ``clear_refs``)
just before the extraction: the peak during extraction minus the resident memory before it is
compared between a 5 MB and a 50 MB document (elsewhere: the ``ru_maxrss`` growth). Linear memory gives a ratio near 10; anything
quadratic would give about 100.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = r"""
import json, math, random, resource, sys
import textsift as ts

method, size = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)
words = sorted({w.strip(".,!?;:#@").lower() for row in ts.load_sample() for w in row["text"].split()} - {""})
# Sentences of sample-corpus words plus numbered "topic" words, so the vocabulary keeps growing.
parts, total = [], 0
while total < size:
    n = rng.randint(5, 20)
    s = " ".join(rng.choice(words) if rng.random() < 0.9 else f"topic{rng.randint(0, size // 2000)}" for _ in range(n))
    s = s[0].upper() + s[1:] + rng.choice([". ", "! ", "? ", ".\n"])
    parts.append(s)
    total += len(s)
text = "".join(parts)
del parts
def status(key):
    with open("/proc/self/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith(key + ":")))
try:
    # Linux: reset the resident high-water mark, so that the peak read afterwards is this
    # extraction's, whatever the process held resident before.
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before, peak = status("VmRSS"), lambda: status("VmHWM")
except OSError:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
extractor = {"yake": ts.Yake(top=10), "rake": ts.Rake(), "textrank": ts.TextRank()}[method]
found = extractor.extract(text)
after = peak()
print(json.dumps({"kib": after - before, "bytes": len(text.encode()), "found": [list(p) for p in found[:10]]}))
"""


def _run(method: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, method, str(size)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize("method", ["yake", "rake", "textrank"])
def test_fifty_megabyte_document_in_linear_memory(method: str) -> None:
    small = _run(method, 5_000_000)
    large = _run(method, 50_000_000)
    assert large["bytes"] >= 50_000_000
    for result in (small, large):
        assert len(result["found"]) == 10
        for phrase, score in result["found"]:
            assert isinstance(phrase, str) and phrase.strip()
            assert isinstance(score, float) and score == score and abs(score) != float("inf")
    # The extraction's own memory grows like the document (ratio ~10 for 10x the text); a
    # floor on the small run's figure keeps allocator noise from inflating the ratio.
    ratio = large["kib"] / max(small["kib"], 20_000)
    assert ratio < 16, (small, large)
