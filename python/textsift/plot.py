"""Plots of textsift results (matplotlib, an optional dependency: ``pip install matplotlib``).

>>> import textsift as ts
>>> from textsift import plot
>>> result = ts.Keyness().compare(["great fun fun app"], ["boring app ads ads"])
>>> ax = plot.keyness_bars(result, top=3)          # doctest: +SKIP

Every function draws on ``ax`` if given (else on a new figure) and returns the ``Axes``. Labels
(groups, terms, phrases) are drawn as plain text, never interpreted as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from textsift.errors import TextsiftValueError

__all__ = ["keyness_bars", "keyphrase_bars", "sentiment_over_time", "sentiment_shares", "target_sentiment"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised only without matplotlib
        raise ImportError("textsift.plot needs matplotlib: pip install matplotlib") from e
    return plt


def _plain(label: object) -> str:
    # matplotlib reads $...$ as mathtext; user labels are shown as written.
    return str(label).replace("$", r"\$")


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
    ax.barh([_plain(t) for t, _ in chosen], [s for _, s in chosen], color=colors)
    ax.axvline(0, color="#555", linewidth=0.8)
    ax.set_xlabel(f"more typical of {_plain(labels[1])}  <-  score  ->  more typical of {_plain(labels[0])}")
    return ax


def keyphrase_bars(
    keyphrases: Iterable[tuple[str, float]], ax: Any = None, lower_is_better: bool | None = None
) -> Any:
    """Bars of ``(phrase, score)`` pairs (from ``Yake``, ``Rake`` or ``TextRank``), best at the
    top. YAKE's scores (lower is better) are drawn as ``1 / score``: ``lower_is_better`` defaults
    to what a :class:`textsift.Keyphrases` says of itself (else ``False``). Returns the ``Axes``."""
    if lower_is_better is None:
        lower_is_better = bool(getattr(keyphrases, "lower_is_better", False))
    pairs = list(keyphrases)
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(pairs) + 1)))
    values = [1.0 / s if lower_is_better and s > 0 else s for _, s in pairs]
    ax.barh([_plain(p) for p, _ in pairs][::-1], values[::-1], color="#47a")
    ax.set_xlabel("1 / score (YAKE: lower scores are better)" if lower_is_better else "score")
    return ax


#: VADER's usual cut-offs: compound >= 0.05 is positive, <= -0.05 negative, neutral between.
THRESHOLD = 0.05

_SHARE_COLORS = ("#c44", "#bbb", "#2a7")


def _stacked_shares(
    ax: Any, labels: Sequence[str], shares: Sequence[tuple[float, float, float]], title: str
) -> Any:
    lefts = [0.0] * len(labels)
    names = [_plain(label) for label in labels]
    for k, (name, color) in enumerate(zip(("negative", "neutral", "positive"), _SHARE_COLORS)):
        widths = [row[k] for row in shares]
        ax.barh(names, widths, left=lefts, color=color, label=name)
        lefts = [a + b for a, b in zip(lefts, widths)]
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel(title)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small", frameon=False)
    return ax


def sentiment_shares(
    compound: Iterable[float], groups: Iterable[Any], threshold: float = THRESHOLD, ax: Any = None
) -> Any:
    """Stacked bars of the shares of negative, neutral and positive texts (by VADER
    ``compound`` and ``threshold``) in each group, groups in order of first appearance.
    NaN scores are left out."""
    counts: dict[Any, list[int]] = {}
    for c, g in zip(compound, groups, strict=True):
        c = float(c)
        if c != c:  # NaN
            continue
        row = counts.setdefault(g, [0, 0, 0])
        row[0 if c <= -threshold else 2 if c >= threshold else 1] += 1
    if not counts:
        raise TextsiftValueError("no scores to plot")
    shares = [(a / (a + b + c), b / (a + b + c), c / (a + b + c)) for a, b, c in counts.values()]
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.45 * len(counts) + 1)))
    return _stacked_shares(
        ax,
        [str(g) for g in counts],
        shares,
        "share of texts (negative / neutral / positive)",
    )


def target_sentiment(summary: Iterable[Mapping[str, Any]], ax: Any = None) -> Any:
    """Stacked bars of the negative, neutral and positive shares of the documents mentioning each
    target, from :meth:`textsift.TargetedSentiment.summarize`, with each target's mean compound
    and number of documents in its label."""
    rows = [r for r in summary if r.get("documents")]
    if not rows:
        raise TextsiftValueError("no target is mentioned")
    labels = [f"{r['target']} (n={r['documents']}, mean {float(r['compound']):+.2f})" for r in rows]
    shares = [(float(r["negative"]), float(r["neutral"]), float(r["positive"])) for r in rows]
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.45 * len(rows) + 1)))
    return _stacked_shares(ax, labels, shares, "share of documents mentioning the target")


def sentiment_over_time(
    dates: Iterable[Any],
    compound: Iterable[float],
    groups: Iterable[Any] | None = None,
    freq: str = "M",
    ax: Any = None,
) -> Any:
    """The mean ``compound`` per period (``freq``: a pandas period alias such as ``"W"``,
    ``"M"``, ``"Q"``), one line per group if ``groups`` is given. Needs pandas. Returns the
    ``Axes``; the plotted means are its lines' data."""
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    frame = pd.DataFrame({"date": pd.to_datetime(pd.Series(list(dates))), "compound": list(compound)})
    if len(frame) == 0:
        raise TextsiftValueError("no scores to plot")
    frame["group"] = "all" if groups is None else [str(g) for g in groups]
    frame["period"] = frame["date"].dt.to_period(freq)
    means = frame.groupby(["group", "period"], sort=True)["compound"].mean()
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.5))
    for group in dict.fromkeys(frame["group"]):
        series = means.loc[group]
        ax.plot(series.index.to_timestamp(), series.to_numpy(), marker="o", label=_plain(group))
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylabel("mean compound")
    if groups is not None:
        ax.legend(fontsize="small")
    return ax
