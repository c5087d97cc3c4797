"""Result types people look at: keyphrase lists and keyness tables render as escaped HTML and
convert to DataFrames, without changing what the compat layers return."""

from __future__ import annotations

import html
import pickle
import re

import pytest

import textsift as ts
from textsift.results import Keyphrases

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    'Tom\'s "quoted" & <b>bold</b>',
]

ARTICLE = (
    "Short video platforms compete for creators. Creators post short video clips every day, "
    "and platforms pay creators for short video views. Brands buy ads next to short video clips."
)


def _no_raw_markup(page: str, hostile: str) -> None:
    assert hostile not in page
    assert "<script" not in page
    assert "<img" not in page


EXTRACTORS = [
    ("yake", lambda text: ts.Yake(top=5).extract(text)),
    ("rake", lambda text: ts.Rake().extract(text, top=5)),
    ("textrank", lambda text: ts.TextRank().extract(text, top=5)),
]


@pytest.mark.parametrize(("method", "extract"), EXTRACTORS, ids=[m for m, _ in EXTRACTORS])
def test_extract_returns_keyphrases_equal_to_the_plain_list(method, extract) -> None:
    kp = extract(ARTICLE)
    assert isinstance(kp, Keyphrases) and isinstance(kp, list)
    assert kp.method == method
    assert kp.lower_is_better == (method == "yake")
    plain = [(p, s) for p, s in kp]
    assert kp == plain and plain == kp and len(kp) > 0
    assert all(type(pair) is tuple for pair in kp)
    # Slices and copies are plain lists, as for any list subclass.
    assert type(kp[:2]) is list and type(kp.copy()) is list


@pytest.mark.parametrize(("method", "extract"), EXTRACTORS, ids=[m for m, _ in EXTRACTORS])
def test_keyphrases_pickle_and_convert(method, extract) -> None:
    kp = extract(ARTICLE)
    back = pickle.loads(pickle.dumps(kp))
    assert type(back) is Keyphrases and back == kp and back.method == method
    pd = pytest.importorskip("pandas")
    frame = kp.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert frame.columns.tolist() == ["phrase", "score"]
    assert list(frame.itertuples(index=False, name=None)) == list(kp)


def test_keyphrases_to_polars() -> None:
    pl = pytest.importorskip("polars")
    kp = ts.keywords(ARTICLE, top=4)
    frame = kp.to_polars()
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == ["phrase", "score"]
    assert list(frame.iter_rows()) == list(kp)


def test_module_function_and_html_order_follow_the_scores() -> None:
    kp = ts.keywords(ARTICLE, top=4)
    assert isinstance(kp, Keyphrases) and kp.method == "yake"
    page = kp._repr_html_()
    assert "lower is better" in page
    # Rows appear in the list's order, each phrase escaped.
    positions = [page.index(f"<td>{html.escape(p)}</td>") for p, _ in kp]
    assert positions == sorted(positions)
    assert "higher is better" in ts.Rake().extract(ARTICLE)._repr_html_()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_keyphrase_html_escapes_phrases(hostile: str) -> None:
    page = Keyphrases([(hostile, 0.5), ("fine", 1.0)], method=hostile)._repr_html_()
    _no_raw_markup(page, hostile)
    assert html.escape(hostile) in page


@pytest.mark.parametrize("hostile", HOSTILE)
def test_extracted_phrases_from_hostile_posts_are_escaped(hostile: str) -> None:
    text = f"{hostile} great phone camera. The phone camera {hostile} is great."
    for _, extract in EXTRACTORS:
        kp = extract(text)
        page = kp._repr_html_()
        _no_raw_markup(page, hostile)
        # Every phrase is in the page, escaped.
        for phrase, _ in kp:
            assert f"<td>{html.escape(phrase)}</td>" in page


def test_compat_yake_still_returns_a_plain_list() -> None:
    from textsift.compat import yake

    out = yake.KeywordExtractor(top=3).extract_keywords(ARTICLE)
    assert type(out) is list and out == ts.Yake(top=3).extract(ARTICLE)


def test_keyness_to_polars_matches_to_pandas() -> None:
    pl = pytest.importorskip("polars")
    pytest.importorskip("pandas")
    rows = ts.load_sample()[:300]
    result = ts.Keyness().one_vs_rest([r["text"] for r in rows], [r["platform"] for r in rows], top=5)
    frame = result.to_polars()
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == result.columns
    pandas_rows = result.to_pandas().to_dict("records")
    assert frame.to_dicts() == pandas_rows == result.to_list()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_keyness_html_escapes_terms_and_group_names(hostile: str) -> None:
    texts = [f"{hostile} lovely app", "lovely app", "awful ads", f"awful ads {hostile}"]
    groups = [hostile, hostile, "other", "other"]
    result = ts.Keyness().one_vs_rest(texts, groups)
    page = result._repr_html_()
    _no_raw_markup(page, hostile)
    # The group name is shown, escaped.
    assert f"<td>{html.escape(hostile)}</td>" in page
    # Every cell is text between tags: no attribute or tag comes from the data.
    tags = set(re.findall(r"<(/?[a-z]+)", page))
    assert tags <= {
        "table",
        "/table",
        "thead",
        "/thead",
        "tbody",
        "/tbody",
        "tr",
        "/tr",
        "th",
        "/th",
        "td",
        "/td",
        "p",
        "/p",
    }


@pytest.mark.parametrize("hostile", HOSTILE)
def test_explanation_html_escapes_the_text(hostile: str) -> None:
    page = ts.Vader().explain(f"{hostile} is not good :(")._repr_html_()
    _no_raw_markup(page, hostile)
    tags = set(re.findall(r"<(/?[a-z]+)", page))
    assert tags <= {"div", "/div", "span", "/span", "b", "/b"}


def test_one_vs_rest_html_shows_the_first_rows_of_every_group() -> None:
    rows = ts.load_sample()
    result = ts.Keyness().one_vs_rest([r["text"] for r in rows], [r["platform"] for r in rows])
    page = result._repr_html_()
    shown = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", page)
    expected = []
    for group in dict.fromkeys(row["group"] for row in result):
        expected += [(html.escape(group), html.escape(r["term"])) for r in result if r["group"] == group][:10]
    assert sorted(shown) == sorted(expected) and len({g for g, _ in shown}) == 3
    assert f"{len(shown)} of {len(result)} rows" in page


def test_explanation_to_polars_matches_to_pandas() -> None:
    pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    e = ts.Vader().explain("The food was NOT good!!! 😩 but the staff were lovely")
    frame = e.to_polars()
    assert isinstance(frame, pl.DataFrame) and frame.height == len(e.words)
    pandas_rows = e.to_pandas().astype(object).where(e.to_pandas().notna(), None).to_dict("records")
    assert frame.to_dicts() == pandas_rows
