"""Plots of textsift results (matplotlib, an optional dependency: ``pip install matplotlib``).

>>> import textsift as ts
>>> from textsift import plot
>>> result = ts.Keyness().compare(["great fun fun app"], ["boring app ads ads"])
>>> ax = plot.keyness_bars(result, top=3)          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from textsift.errors import TextsiftValueError

__all__ = ["keyness_bars", "keyphrase_bars"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised only without matplotlib
        raise ImportError("textsift.plot needs matplotlib: pip install matplotlib") from e
    return plt


def keyness_bars(
    result: Iterable[Mapping[str, Any]],
    top: int = 15,
    ax: Any = None,
    labels: tuple[str, str] = ("A", "B"),
) -> Any:
    """Horizontal bars of the ``top`` most distinctive terms on each side of a keyness result
    (``Keyness.compare``): positive scores (typical of the first corpus) to the right, negative
    to the left. Returns the matplotlib ``Axes``.
    """
    if top < 1:
        raise TextsiftValueError(f"top must be at least 1, not {top}")
    rows = [(str(r["term"]), float(r["score"])) for r in result]
    ahead = [r for r in rows if r[1] > 0][:top]
    behind = sorted((r for r in rows if r[1] < 0), key=lambda r: r[1])[:top]
    chosen = sorted(ahead + behind, key=lambda r: r[1])
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(chosen) + 1)))
    colors = ["#2a7" if s > 0 else "#c44" for _, s in chosen]
    ax.barh([t for t, _ in chosen], [s for _, s in chosen], color=colors)
    ax.axvline(0, color="#555", linewidth=0.8)
    ax.set_xlabel(f"more typical of {labels[1]}  <-  score  ->  more typical of {labels[0]}")
    return ax


def keyphrase_bars(
    keyphrases: Iterable[tuple[str, float]], ax: Any = None, lower_is_better: bool = False
) -> Any:
    """Bars of ``(phrase, score)`` pairs (from ``Yake``, ``Rake`` or ``TextRank``), best at the
    top; pass ``lower_is_better=True`` for YAKE's scores. Returns the matplotlib ``Axes``."""
    pairs = list(keyphrases)
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(pairs) + 1)))
    values = [1.0 / s if lower_is_better and s > 0 else s for _, s in pairs]
    ax.barh([p for p, _ in pairs][::-1], values[::-1], color="#47a")
    ax.set_xlabel("1 / score (YAKE: lower scores are better)" if lower_is_better else "score")
    return ax
