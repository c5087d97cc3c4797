"""textsift.plot draws what the results say (checked on the artists, with the Agg backend)."""

from __future__ import annotations

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
pd = pytest.importorskip("pandas")
import matplotlib.pyplot as plt  # noqa: E402

import textsift as ts  # noqa: E402
from textsift import plot  # noqa: E402

TARGETS = {"Kestrel": ["kestrel"], "VoltRush": ["voltrush"], "Orbix": ["orbix"]}


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    f = ts.load_sample(as_frame=True)
    f["compound"] = ts.Vader().score_batch(f["text"])["compound"]
    return f


@pytest.fixture(autouse=True)
def _close() -> None:
    yield
    plt.close("all")


def _widths_by_label(ax) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for container in ax.containers:
        for label, bar in zip(labels, container):
            out.setdefault(label, []).append(bar.get_width())
    return out


def test_sentiment_shares_per_group(frame: pd.DataFrame) -> None:
    ax = plot.sentiment_shares(frame["compound"], frame["platform"])
    widths = _widths_by_label(ax)
    assert set(widths) == set(frame["platform"])
    for platform, (neg, neu, pos) in widths.items():
        c = frame.loc[frame["platform"] == platform, "compound"]
        assert neg == pytest.approx((c <= -0.05).mean())
        assert pos == pytest.approx((c >= 0.05).mean())
        assert neg + neu + pos == pytest.approx(1.0)


def test_sentiment_shares_leaves_nan_out_and_needs_scores() -> None:
    ax = plot.sentiment_shares([0.5, float("nan"), -0.5, 0.0], ["a", "a", "a", "a"])
    assert _widths_by_label(ax)["a"] == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    with pytest.raises(ValueError):
        plot.sentiment_shares([float("nan")], ["a"])


def test_target_sentiment_draws_the_summary(frame: pd.DataFrame) -> None:
    summary = ts.TargetedSentiment(TARGETS).summarize(frame["text"])
    ax = plot.target_sentiment(summary)
    widths = list(_widths_by_label(ax).values())
    assert widths == [pytest.approx([r["negative"], r["neutral"], r["positive"]]) for r in summary]
    assert all(r["target"] in t.get_text() for r, t in zip(summary, ax.get_yticklabels()))


def test_sentiment_over_time_plots_the_monthly_means(frame: pd.DataFrame) -> None:
    ax = plot.sentiment_over_time(frame["date"], frame["compound"], frame["platform"], freq="M")
    lines = {line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert set(lines) == set(frame["platform"])
    for platform, line in lines.items():
        part = frame[frame["platform"] == platform]
        expected = part.groupby(part["date"].dt.to_period("M"))["compound"].mean()
        np.testing.assert_allclose(line.get_ydata(), expected.to_numpy())


def test_labels_with_markup_or_dollars_are_drawn_as_text() -> None:
    kp = ts.Keyphrases([("$5 off $TSLA", 0.1), ("<script>alert(1)</script>", 0.2)], method="yake")
    ax = plot.keyphrase_bars(kp)
    ax.figure.canvas.draw()  # mathtext would fail to parse an unescaped "$5 off $TSLA"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["<script>alert(1)</script>", r"\$5 off \$TSLA"]
    # YAKE's scores are inverted so that the best phrase has the longest bar.
    assert [b.get_width() for b in ax.patches] == pytest.approx([5.0, 10.0])
    result = ts.Keyness().compare(["$$ great $$ deal"], ["awful app"])
    plot.keyness_bars(result, labels=("$A$", "B")).figure.canvas.draw()
