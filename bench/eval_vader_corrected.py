"""How VADER's corrected mode changes agreement with human ratings.

    python bench/eval_vader_corrected.py [--data DIR] [--out bench/results/vader_corrected.md]

The ratings are the four ground-truth sets of Hutto and Gilbert (ICWSM 2014): tweets, movie
review snippets, Amazon review snippets and New York Times editorial snippets, each sentence
rated by 20 people from -4 to +4. They ship in vaderSentiment 3.3.2's source distribution on PyPI
(MIT licence), which this script downloads into bench/.cache when --data is not given; nothing of
it is committed.

Reported per set, for faithful (= vaderSentiment 3.3.2) and corrected modes: the Pearson
correlation of `compound` with the mean human rating, and the share of sentences whose sign
(positive / negative, with |rating| >= 0.5, and |compound| >= 0.05 as VADER's authors suggest)
matches the raters'.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import textsift as ts

ROOT = Path(__file__).resolve().parents[1]
SETS = ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]


def fetch_ratings(cache: Path) -> Path:
    """Download and unpack vaderSentiment 3.3.2's sdist; return the folder of ground truths."""
    target = cache / "hutto_ICWSM_2014"
    if (target / "tweets_GroundTruth.txt").exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "vaderSentiment==3.3.2",
        "--no-deps",
        "--no-binary",
        ":all:",
    ]
    subprocess.run([*cmd, "-d", str(cache), "--quiet"], check=True)
    with tarfile.open(cache / "vaderSentiment-3.3.2.tar.gz") as sdist:
        inner = sdist.extractfile("vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz")
        if inner is None:
            raise SystemExit("the sdist has no ground-truth archive")
        with tarfile.open(fileobj=inner) as ratings:
            members = [m for m in ratings.getmembers() if m.name.endswith("_GroundTruth.txt")]
            ratings.extractall(cache, members=members, filter="data")
    return target


def read_set(folder: Path, name: str) -> tuple[list[str], list[float]]:
    texts, ratings = [], []
    raw = (folder / f"{name}_GroundTruth.txt").read_bytes().decode("utf-8", errors="replace")
    for line in raw.splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            ratings.append(float(parts[1]))
            texts.append(parts[2])
    return texts, ratings


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    vy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (vx * vy)


def sign_agreement(scores: list[float], ratings: list[float]) -> float:
    pairs = [(s, r) for s, r in zip(scores, ratings, strict=True) if abs(r) >= 0.5]
    hits = sum((s >= 0.05 and r > 0) or (s <= -0.05 and r < 0) for s, r in pairs)
    return hits / len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="folder with the *_GroundTruth.txt files")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "vader_corrected.md"))
    args = ap.parse_args()
    folder = args.data or fetch_ratings(ROOT / "bench" / ".cache")

    faithful, corrected = ts.Vader(), ts.Vader(mode="corrected")
    rows = []
    for name in SETS:
        texts, ratings = read_set(folder, name)
        f = faithful.score_batch(texts)["compound"].tolist()
        c = corrected.score_batch(texts)["compound"].tolist()
        changed = sum(a != b for a, b in zip(f, c, strict=True))
        rows.append(
            (
                name,
                len(texts),
                changed,
                pearson(f, ratings),
                pearson(c, ratings),
                sign_agreement(f, ratings),
                sign_agreement(c, ratings),
            )
        )
        print(rows[-1], flush=True)

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `bench/eval_vader_corrected.py` on the human-rated sentences "
        "of Hutto and Gilbert (ICWSM 2014), from vaderSentiment 3.3.2's source distribution.",
        "",
        "| set | sentences | scores changed | r faithful | r corrected | sign agreement faithful | sign agreement corrected |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[
            f"| {n} | {k:,} | {ch:,} | {rf:.4f} | {rc:.4f} | {af:.2%} | {ac:.2%} |"
            for n, k, ch, rf, rc, af, ac in rows
        ],
    ]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
