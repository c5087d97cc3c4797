"""Targeted sentiment: mentions, scopes, batch and summary consistency, bad input."""

from __future__ import annotations

import math
import pickle
import random

import numpy as np
import pytest

import textsift as ts

TARGETS = {
    "TikTok": ["tiktok", "tik tok"],
    "Reels": ["reels", "instagram reels", "ig reels"],
    "Shorts": "shorts",
}


def test_mentions_are_whole_tokens_any_case_with_hashtags_and_handles() -> None:
    t = ts.TargetedSentiment(TARGETS)
    r = t.score("TIKTOK is great. Then @TikTok and #tiktok, never a tiktoker. Tik Tok!")
    assert r["TikTok"]["mentions"] == 4
    assert r["Reels"] == {"mentions": 0, "scopes": 0, "compound": None}
    assert t.score("Instagram Reels vs IG Reels vs reels")["Reels"]["mentions"] == 3


def test_sentence_scope_is_the_vader_score_of_the_sentence() -> None:
    vader = ts.Vader()
    t = ts.TargetedSentiment(TARGETS, vader=vader)
    rows = [row["text"] for row in ts.load_sample()]
    checked = 0
    for text in rows:
        sentences = ts.sentences(text)
        result = t.score(text)
        for name, aliases in (("Shorts", ["shorts"]),):
            mentioning = [s for s in sentences if any(a in s.lower().split() for a in aliases)]
            if len(mentioning) == 1 and result[name]["scopes"] == 1 and result[name]["mentions"] == 1:
                assert result[name]["compound"] == vader.polarity_scores(mentioning[0])["compound"], text
                checked += 1
    assert checked > 20


def test_window_scope() -> None:
    t = ts.TargetedSentiment({"Reels": "reels"}, scope=1)
    text = "TikTok is great and fun. But honestly Reels is terrible, awful and sad."
    assert t.score(text)["Reels"]["compound"] == ts.Vader().polarity_scores("honestly Reels is")["compound"]
    assert t.scope == 1 and ts.TargetedSentiment(TARGETS).scope == "sentence"


def test_batch_and_summary_agree_with_single_calls() -> None:
    rng = random.Random(2)
    rows = [row["text"] for row in ts.load_sample()]
    texts = rows + [rng.choice(rows) + " " + rng.choice(rows) for _ in range(300)]
    t = ts.TargetedSentiment(TARGETS)
    one = t.score_batch(texts, n_threads=1)
    many = t.score_batch(texts, n_threads=4)
    assert one["targets"] == ["TikTok", "Reels", "Shorts"]
    assert np.array_equal(one["mentions"], many["mentions"])
    assert np.array_equal(one["compound"], many["compound"], equal_nan=True)
    for i in range(0, len(texts), 37):
        single = t.score(texts[i])
        for j, name in enumerate(one["targets"]):
            assert single[name]["mentions"] == one["mentions"][i, j]
            c = single[name]["compound"]
            assert (c is None and math.isnan(one["compound"][i, j])) or c == one["compound"][i, j]
    summary = t.summarize(texts)
    for j, row in enumerate(summary):
        col = one["compound"][:, j]
        scored = col[~np.isnan(col)]
        assert row["documents"] == len(scored)
        assert row["mentions"] == one["mentions"][:, j].sum()
        assert math.isclose(row["compound"], scored.mean(), rel_tol=1e-12)
        assert math.isclose(row["positive"], float((scored >= 0.05).mean()), rel_tol=1e-12)
        assert math.isclose(row["positive"] + row["neutral"] + row["negative"], 1.0)


def test_pickling_and_bad_input() -> None:
    t = ts.TargetedSentiment(
        [("Kestrel", ["kestrel", "#kestrel"])], scope=2, vader=ts.Vader(mode="corrected")
    )
    clone = pickle.loads(pickle.dumps(t))
    text = "Kestrel shoes are not bad at all"
    assert clone.score(text) == t.score(text)
    assert clone.scope == 2
    with pytest.raises(ts.TextsiftValueError):
        ts.TargetedSentiment({})
    with pytest.raises(ts.TextsiftValueError):
        ts.TargetedSentiment({"A": [""]})
    with pytest.raises(ts.TextsiftValueError):
        ts.TargetedSentiment(TARGETS, scope="paragraph")
    with pytest.raises(ts.TextsiftValueError):
        ts.TargetedSentiment(TARGETS, scope=-1)
    with pytest.raises(ts.TextsiftTypeError):
        ts.TargetedSentiment({"A": 3})  # type: ignore[dict-item]
    with pytest.raises(ts.TextsiftTypeError):
        t.score(None)  # type: ignore[arg-type]
    empty = t.score_batch([])
    assert empty["mentions"].shape == (0, 1)
    assert t.score("")["Kestrel"]["mentions"] == 0
