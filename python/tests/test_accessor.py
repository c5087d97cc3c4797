"""The pandas accessor ``Series.textsift``: the same results as the batch APIs, aligned to the
index, missing values per the batch rule, and registration without importing pandas eagerly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pd = pytest.importorskip("pandas")

import textsift as ts  # noqa: E402
import textsift.pandas  # noqa: E402,F401

PYTHON_DIR = str(Path(__file__).resolve().parents[1])


@pytest.fixture(scope="module")
def posts() -> pd.Series:
    frame = ts.load_sample(as_frame=True).iloc[:200]
    # A shuffled, non-default index: results must follow the labels, not positions.
    frame = frame.sample(frac=1.0, random_state=7)
    return frame.set_index("id")["text"]


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": PYTHON_DIR, "PATH": "/usr/bin:/bin"},
    )
    return out.stdout.strip()


def test_import_textsift_does_not_import_pandas() -> None:
    assert _run("import sys, textsift; print('pandas' in sys.modules)") == "False"


def test_registered_when_pandas_came_first_and_on_explicit_import() -> None:
    first = "import pandas as pd, textsift; print(hasattr(pd.Series(['a']), 'textsift'))"
    assert _run(first) == "True"
    later = "import textsift, pandas as pd; print(hasattr(pd.Series(['a']), 'textsift'))"
    assert _run(later) == "False"
    explicit = "import textsift, pandas as pd, textsift.pandas; print(hasattr(pd.Series(['a']), 'textsift'))"
    assert _run(explicit) == "True"


def test_registering_again_is_harmless() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        textsift.pandas.register()
    assert isinstance(pd.Series(["x"]).textsift, textsift.pandas.TextsiftSeriesAccessor)


def test_sentiment_matches_the_batch_api_by_label(posts: pd.Series) -> None:
    frame = posts.textsift.sentiment()
    assert frame.index.equals(posts.index)
    assert frame.columns.tolist() == ["neg", "neu", "pos", "compound"]
    vader = ts.Vader()
    for label in posts.index[:50]:
        assert frame.loc[label].to_dict() == vader.score(posts.loc[label])
    corrected = posts.textsift.sentiment(ts.Vader(mode="corrected"), n_threads=1)
    expected = ts.Vader(mode="corrected").score_batch(posts.tolist())["compound"]
    np.testing.assert_array_equal(corrected["compound"].to_numpy(), expected)


def test_afinn_scores(posts: pd.Series) -> None:
    afinn = ts.Afinn()
    scores = posts.textsift.sentiment(afinn)
    assert scores.name == "afinn" and scores.index.equals(posts.index)
    assert scores.tolist() == [afinn.score(t) for t in posts]


def test_targeted_sentiment_columns_per_target(posts: pd.Series) -> None:
    targets = {"TikTok": ["tiktok", "tik tok"], "Reels": ["reels", "instagram reels"]}
    frame = posts.textsift.targeted_sentiment(targets)
    assert frame.columns.tolist() == ["TikTok", "Reels"] and frame.index.equals(posts.index)
    scorer = ts.TargetedSentiment(targets)
    for label, text in posts.items():
        one = scorer.score(text)
        for name in targets:
            got = frame.loc[label, name]
            if one[name]["compound"] is None:
                assert np.isnan(got)
            else:
                assert got == one[name]["compound"]


@pytest.mark.parametrize("method", ["yake", "rake", "textrank"])
def test_keywords_match_the_module_function(posts: pd.Series, method: str) -> None:
    out = posts.textsift.keywords(method=method, top=3)
    assert out.index.equals(posts.index)
    for label in posts.index[:40]:
        assert out.loc[label] == ts.keywords(posts.loc[label], method=method, top=3)


def test_tokens_sentences_terms_counts(posts: pd.Series) -> None:
    tokens = posts.textsift.tokenize(mode="tweet", preserve_case=False)
    sentences = posts.textsift.sentences()
    counts = posts.textsift.count_tokens()
    analyzer = ts.Analyzer("social", normalizers=["lowercase"], drop_kinds=["punctuation"])
    terms = posts.textsift.terms(analyzer)
    default_terms = posts.textsift.terms()
    for label, text in list(posts.items())[:60]:
        assert tokens.loc[label] == ts.tokenize(text, mode="tweet", preserve_case=False)
        assert sentences.loc[label] == ts.sentences(text)
        assert counts.loc[label] == len(ts.tokenize(text))
        assert terms.loc[label] == analyzer.terms(text)
        assert all(t == t.lower() for t in default_terms.loc[label])


def test_stem_exploded_tokens_keeps_the_index() -> None:
    s = pd.Series(["Creators running", "cats"], index=[10, 20])
    words = s.str.lower().textsift.tokenize().explode()
    stems = words.textsift.stem()
    assert stems.index.tolist() == [10, 10, 20]
    assert stems.tolist() == ["creator", "run", "cat"] == ts.stem(words.tolist())


@pytest.mark.parametrize("missing", [None, np.nan, pd.NA])
def test_missing_values(missing: object) -> None:
    s = pd.Series(["great app!", missing, "awful ads"], index=["x", "y", "z"], dtype=object)
    with pytest.raises(ts.TextsiftTypeError, match="'y'"):
        s.textsift.sentiment()
    with pytest.raises(TypeError):
        s.textsift.tokenize()
    skipped = s.textsift.sentiment(on_missing="skip")
    assert np.isnan(skipped.loc["y"]).all()
    assert skipped.loc["x"].to_dict() == ts.sentiment("great app!")
    assert skipped.loc["z"].to_dict() == ts.sentiment("awful ads")
    empty = s.textsift.sentiment(on_missing="empty")
    assert empty.loc["y"].to_dict() == ts.sentiment("")
    assert s.textsift.tokenize(on_missing="skip").loc["y"] is None
    assert s.textsift.tokenize(on_missing="empty").loc["y"] == []
    assert s.textsift.keywords(on_missing="skip").loc["y"] is None
    assert np.isnan(s.textsift.count_tokens(on_missing="skip").loc["y"])
    assert s.textsift.stem(on_missing="skip").isna().tolist() == [False, True, False]
    with pytest.raises(ValueError, match="on_missing"):
        s.textsift.sentiment(on_missing="drop")


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        pd.Series(["ok", 3]).textsift.sentiment()
    with pytest.raises(TypeError):
        pd.Series(["ok"]).textsift.sentiment(analyzer="vader")  # type: ignore[arg-type]


def test_rows_of_equal_length_stay_lists() -> None:
    s = pd.Series(["a b", "c d", None], index=[3, 1, 2])
    assert s.textsift.tokenize(on_missing="skip").tolist() == [["a", "b"], ["c", "d"], None]
    assert s.textsift.tokenize(on_missing="empty").tolist() == [["a", "b"], ["c", "d"], []]


def test_empty_series() -> None:
    s = pd.Series([], dtype=object)
    assert s.textsift.sentiment().shape == (0, 4)
    assert s.textsift.tokenize().tolist() == []
    assert s.textsift.keywords(on_missing="skip").tolist() == []
