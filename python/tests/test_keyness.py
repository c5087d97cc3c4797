"""Keyness against scattertext 0.2.2 (log-odds ratio with informative Dirichlet prior, G2, log
relative risk) and against reference formulas written here with numpy and scipy (G2,
``scipy.stats.chi2_contingency`` with and without Yates' correction, Hardie's log ratio, p-values),
on the sample corpus grouped by platform and on generated corpora; then the result object and
bad input.

Counts are checked too: the reference counts come from ``Analyzer.terms`` in Python, so the
parallel counting in Rust must agree with them.
"""

from __future__ import annotations

import pickle
import random
import warnings
from collections import Counter
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
stats = pytest.importorskip("scipy.stats")
sp = pytest.importorskip("scipy.sparse")

import textsift as ts  # noqa: E402
from textgen import random_texts  # noqa: E402
from textsift.errors import TextsiftTypeError, TextsiftValueError  # noqa: E402

KINDS = [kind for kind in ts.TOKEN_KINDS if kind != "word"]
# Keyness's default analyzer, rebuilt from public parts.
WORDS = ts.Analyzer("social", normalizers=["lowercase"], drop_kinds=KINDS)
TOL = {"rtol": 1e-9, "atol": 1e-9}


def sample_groups() -> tuple[list[str], list[str]]:
    rows = ts.load_sample()
    return [r["text"] for r in rows], [r["platform"] for r in rows]


def generated_groups(seed: int, n_groups: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts = random_texts(1200, seed=seed)
    labels = [f"g{rng.randrange(n_groups)}" for _ in texts]
    # Give each group a few words of its own, so that there is something to find.
    texts = [t + f" special{label[1:]} " * rng.randrange(3) for t, label in zip(texts, labels)]
    return texts, labels


CORPORA = {
    "sample": sample_groups,
    "generated-2": lambda: generated_groups(11, 2),
    "generated-4": lambda: generated_groups(12, 4),
}


def reference_counts(texts: list[str], groups: list[str]) -> tuple[list[str], list[str], np.ndarray]:
    """(group labels sorted, vocabulary sorted, counts[group, term]) from Analyzer.terms."""
    labels = sorted(set(groups))
    per_group = {g: Counter() for g in labels}
    for text, g in zip(texts, groups):
        per_group[g].update(WORDS.terms(text))
    vocab = sorted(set().union(*per_group.values()))
    counts = np.array([[per_group[g][t] for t in vocab] for g in labels], dtype=np.float64)
    return labels, vocab, counts


def frame(result: Any) -> Any:
    return result.to_pandas().set_index(["group", "term"]).sort_index()


def ours_for(method: str, texts: list[str], groups: list[str], **kwargs: Any) -> Any:
    return frame(ts.Keyness(method, **kwargs).one_vs_rest(texts, groups))


# ---- reference formulas ---------------------------------------------------------------------


def g2_reference(f1: np.ndarray, f2: np.ndarray, n1: float, n2: float) -> np.ndarray:
    """Evert (2023) / Rayson and Garside (2000): 2 sum O ln(O/E), signed by O11 - E11."""
    n = n1 + n2
    r1 = f1 + f2
    observed = [f1, f2, n1 - f1, n2 - f2]
    expected = [r1 * n1 / n, r1 * n2 / n, n1 - r1 * n1 / n, n2 - r1 * n2 / n]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = [np.where(o > 0, o * np.log(o / e), 0.0) for o, e in zip(observed, expected)]
    g2 = 2 * sum(terms)
    return np.sign(f1 * n2 - f2 * n1) * g2


def chi2_reference(f1: np.ndarray, f2: np.ndarray, n1: float, n2: float, yates: bool) -> np.ndarray:
    """Pearson's chi-square cell by cell, with scipy's form of Yates' correction."""
    n = n1 + n2
    r1, r2 = f1 + f2, (n1 - f1) + (n2 - f2)
    observed = [f1, f2, n1 - f1, n2 - f2]
    expected = [r1 * n1 / n, r1 * n2 / n, r2 * n1 / n, r2 * n2 / n]
    total = 0.0
    for o, e in zip(observed, expected):
        dev = np.abs(o - e)
        if yates:
            dev = dev - np.minimum(0.5, dev)
        total = total + dev**2 / e
    return np.sign(f1 * n2 - f2 * n1) * total


def log_ratio_reference(f1: np.ndarray, f2: np.ndarray, n1: float, n2: float) -> np.ndarray:
    """Hardie (2014): log2 of the ratio of relative frequencies, zero counts set to 0.5."""
    a = np.where(f1 == 0, 0.5, f1)
    b = np.where(f2 == 0, 0.5, f2)
    return np.log2((a / n1) / (b / n2))


def each_group(texts: list[str], groups: list[str]) -> Any:
    labels, vocab, counts = reference_counts(texts, groups)
    total = counts.sum(axis=0)
    for i, g in enumerate(labels):
        f1 = counts[i]
        f2 = total - f1
        yield g, vocab, f1, f2, f1.sum(), f2.sum()


# ---- parity with reference formulas ---------------------------------------------------------


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_counts_and_statistics_match_reference_formulas(corpus: str) -> None:
    texts, groups = CORPORA[corpus]()
    g2 = ours_for("log_likelihood", texts, groups)
    chi = ours_for("chi_square", texts, groups)
    yates = ours_for("chi_square", texts, groups, yates=True)
    lr = ours_for("log_ratio", texts, groups)
    compared = 0
    for g, vocab, f1, f2, n1, n2 in each_group(texts, groups):
        ours = g2.loc[g].loc[vocab]
        np.testing.assert_array_equal(ours["count"].to_numpy(), f1)
        np.testing.assert_array_equal(ours["count_rest"].to_numpy(), f2)
        ref = g2_reference(f1, f2, n1, n2)
        np.testing.assert_allclose(ours["score"].to_numpy(), ref, **TOL)
        np.testing.assert_allclose(
            ours["p_value"].to_numpy(), stats.chi2.sf(np.abs(ref), 1), rtol=1e-9, atol=1e-15
        )
        for table, correction in ((chi, False), (yates, True)):
            mine = table.loc[g].loc[vocab]
            ref = chi2_reference(f1, f2, n1, n2, correction)
            np.testing.assert_allclose(mine["score"].to_numpy(), ref, **TOL)
            np.testing.assert_allclose(
                mine["p_value"].to_numpy(), stats.chi2.sf(np.abs(ref), 1), rtol=1e-9, atol=1e-15
            )
        np.testing.assert_allclose(
            lr.loc[g].loc[vocab]["score"].to_numpy(), log_ratio_reference(f1, f2, n1, n2), **TOL
        )
        assert lr.loc[g]["p_value"].isna().all()
        compared += len(vocab)
    assert compared > 500


def test_chi2_contingency_term_by_term() -> None:
    texts, groups = sample_groups()
    rng = random.Random(5)
    for correction in (False, True):
        rows = ts.Keyness("chi_square", yates=correction).one_vs_rest(texts, groups)
        totals = {g: sum(r["count"] for r in rows if r["group"] == g) for g in set(groups)}
        grand = sum(totals.values())
        for r in rng.sample(list(rows), 300):
            n1 = totals[r["group"]]
            table = np.array([[r["count"], r["count_rest"]], [n1 - r["count"], grand - n1 - r["count_rest"]]])
            stat, p, _, _ = stats.chi2_contingency(table, correction=correction)
            assert abs(r["score"]) == pytest.approx(stat, rel=1e-9, abs=1e-12)
            assert r["p_value"] == pytest.approx(p, rel=1e-9, abs=1e-15)


def test_compare_is_one_group_against_another() -> None:
    texts, groups = sample_groups()
    a = [t for t, g in zip(texts, groups) if g == "TikTok"]
    b = [t for t, g in zip(texts, groups) if g == "YouTube Shorts"]
    rows = ts.Keyness("log_likelihood").compare(a, b)
    ca, cb = Counter(), Counter()
    for t in a:
        ca.update(WORDS.terms(t))
    for t in b:
        cb.update(WORDS.terms(t))
    vocab = sorted(set(ca) | set(cb))
    by_term = {r["term"]: r for r in rows}
    assert sorted(by_term) == vocab
    f1 = np.array([ca[t] for t in vocab], dtype=float)
    f2 = np.array([cb[t] for t in vocab], dtype=float)
    ref = g2_reference(f1, f2, f1.sum(), f2.sum())
    np.testing.assert_allclose([by_term[t]["score"] for t in vocab], ref, **TOL)
    assert [by_term[t]["count_a"] for t in vocab] == f1.tolist()
    # Highest score first, ties by term.
    keys = [(-r["score"], r["term"]) for r in rows]
    assert keys == sorted(keys)


# ---- parity with scattertext ----------------------------------------------------------------


@pytest.fixture(scope="module")
def scattertext() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip("scattertext")


def scattertext_corpus(scattertext: Any, texts: list[str], groups: list[str]) -> Any:
    labels, vocab, _ = reference_counts(texts, groups)
    index = {t: i for i, t in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for d, text in enumerate(texts):
        for t, c in Counter(WORDS.terms(text)).items():
            rows.append(d)
            cols.append(index[t])
            vals.append(c)
    X = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))
    y = np.array([labels.index(g) for g in groups])
    return scattertext.CorpusFromScikit(
        X=X, y=y, feature_vocabulary=index, category_names=labels, raw_texts=texts
    ).build()


@pytest.mark.parametrize("corpus", ["sample", "generated-4"])
def test_g2_and_log_relative_risk_match_scattertext(scattertext: Any, corpus: str) -> None:
    from scattertext.termscoring.g2 import G2
    from scattertext.termscoring.logrelativerisk import LogRelativeRisk

    texts, groups = CORPORA[corpus]()
    st_corpus = scattertext_corpus(scattertext, texts, groups)
    labels = sorted(set(groups))
    ours_g2 = ours_for("g2", texts, groups)
    ours_lr = ours_for("log_ratio", texts, groups, log_ratio_smoothing=0.01, log_ratio_zeros_only=False)
    for g in labels:
        others = [h for h in labels if h != g]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            theirs = G2(st_corpus, alpha=0.05).set_categories(g, others).get_score_df()
            lrr = LogRelativeRisk(st_corpus, lambda_=0.01).set_categories(g, others).get_scores()
        terms = st_corpus.get_terms()
        mine = ours_g2.loc[g].loc[terms]
        np.testing.assert_allclose(mine["score"].to_numpy(), theirs["Score"].to_numpy(), **TOL)
        np.testing.assert_allclose(mine["p_value"].to_numpy(), theirs["P"].to_numpy(), rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(
            ours_lr.loc[g].loc[terms]["score"].to_numpy(), lrr.loc[terms].to_numpy(), **TOL
        )


LOG_ODDS = [
    ({"prior_scale": "none"}, {"scale_type": "none"}),
    ({"prior_scale": "class-size", "sigma": 10.0}, {"scale_type": "class-size", "sigma": 10}),
    ({"prior_scale": "corpus-size", "sigma": 0.5}, {"scale_type": "corpus-size", "sigma": 0.5}),
    ({"prior_scale": "word", "sigma": 500.0}, {"scale_type": "word", "sigma": 500}),
    (
        {"prior_scale": "background-corpus-size", "sigma": 0.1, "prior_power": 1.5},
        {"scale_type": "background-corpus-size", "sigma": 0.1, "prior_power": 1.5},
    ),
]


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_log_odds_matches_scattertext(scattertext: Any, corpus: str) -> None:
    from scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror import (
        LogOddsRatioInformativeDirichletPrior,
    )
    from scattertext.termsignificance.LogOddsRatioUninformativeDirichletPrior import (
        LogOddsRatioUninformativeDirichletPrior,
    )

    texts, groups = CORPORA[corpus]()
    for starting_count in (0.01, 1.0):
        for ours_kw, theirs_kw in LOG_ODDS:
            ours = ours_for("log_odds", texts, groups, starting_count=starting_count, **ours_kw)
            for g, vocab, f1, f2, _, _ in each_group(texts, groups):
                # PriorFactory(...).use_all_categories() with this starting_count.
                priors = pd.Series(f1 + f2 + starting_count, index=vocab)
                z = LogOddsRatioInformativeDirichletPrior(
                    priors, **theirs_kw
                ).get_zeta_i_j_given_separate_counts(f1, f2)
                mine = ours.loc[g].loc[vocab]
                np.testing.assert_allclose(mine["score"].to_numpy(), z, **TOL)
                two_sided = 2 * stats.norm.sf(np.abs(z))
                np.testing.assert_allclose(mine["p_value"].to_numpy(), two_sided, rtol=1e-9, atol=1e-15)
    # The uninformative prior: the same pseudo-count for every term.
    ours = ours_for("log_odds", texts, groups, prior=0.5)
    for g, vocab, f1, f2, _, _ in each_group(texts, groups):
        z = LogOddsRatioUninformativeDirichletPrior(alpha_w=0.5).get_zeta_i_j_given_separate_counts(f1, f2)
        np.testing.assert_allclose(ours.loc[g].loc[vocab]["score"].to_numpy(), z, **TOL)


def test_log_odds_with_a_background_corpus(scattertext: Any) -> None:
    from scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror import (
        LogOddsRatioInformativeDirichletPrior,
    )

    texts, groups = sample_groups()
    background = Counter()
    for t in random_texts(3000, seed=99):
        background.update(WORDS.terms(t))
    background["tiktok"] += 1000
    ours = ours_for("log_odds", texts, groups, prior=dict(background), starting_count=0.1)
    for g, vocab, f1, f2, _, _ in each_group(texts, groups):
        priors = pd.Series(background).reindex(vocab).fillna(0.0) + 0.1
        z = LogOddsRatioInformativeDirichletPrior(
            priors, scale_type="none"
        ).get_zeta_i_j_given_separate_counts(f1, f2)
        np.testing.assert_allclose(ours.loc[g].loc[vocab]["score"].to_numpy(), z, **TOL)
    # Any mapping with items() works, e.g. a pandas Series.
    series = ts.Keyness(prior=pd.Series(dict(background), dtype=float), starting_count=0.1).one_vs_rest(
        texts, groups
    )
    assert frame(series).equals(ours)


def test_approximate_variance() -> None:
    texts, groups = sample_groups()
    ours = ours_for("log_odds", texts, groups, variance="approximate")
    for g, vocab, f1, f2, n1, n2 in each_group(texts, groups):
        a = f1 + f2 + 0.01
        a0 = a.sum()
        delta = np.log((f1 + a) / (n1 + a0 - f1 - a)) - np.log((f2 + a) / (n2 + a0 - f2 - a))
        z = delta / np.sqrt(1 / (f1 + a) + 1 / (f2 + a))
        np.testing.assert_allclose(ours.loc[g].loc[vocab]["score"].to_numpy(), z, **TOL)


# ---- behaviour ------------------------------------------------------------------------------


def test_group_order_top_min_count_and_frames() -> None:
    texts, groups = sample_groups()
    k = ts.Keyness()
    result = k.one_vs_rest(texts, groups, top=5)
    assert isinstance(result, ts.KeynessResult)
    assert [r["group"] for r in result] == [g for g in sorted(set(groups)) for _ in range(5)]
    assert result[0]["term"] == "reels" and result.columns == [
        "group",
        "term",
        "count",
        "count_rest",
        "score",
        "p_value",
    ]
    assert result[:2] == list(result)[:2]
    assert result == result.to_list() and result == pickle.loads(pickle.dumps(result))
    df = k.one_vs_rest(texts, groups, top=5, as_frame=True)
    assert isinstance(df, pd.DataFrame) and df.equals(result.to_pandas()) and len(df) == 15
    few = ts.Keyness(min_count=20).one_vs_rest(texts, groups)
    assert all(r["count"] + r["count_rest"] >= 20 for r in few)
    # Labels that do not sort keep their order of first appearance.
    mixed = ts.Keyness().one_vs_rest(["a b", "c d", "a e"], [2, "x", 2])
    assert [r["group"] for r in mixed][0] == 2
    assert repr(result) == "KeynessResult(method='log_odds', 15 rows)"


def test_analyzers_and_threads_give_the_same_counts() -> None:
    texts, groups = generated_groups(3, 3)
    default = ts.Keyness("g2").one_vs_rest(texts, groups)
    explicit = ts.Keyness("g2", analyzer=WORDS, n_threads=1).one_vs_rest(texts, groups)
    tokens = [WORDS.terms(t) for t in texts]
    pretokenized = ts.Keyness("g2", analyzer="pretokenized").one_vs_rest(tokens, groups)
    assert default == explicit == pretokenized
    word = ts.Keyness("g2", analyzer="word").compare(["The CAT sat", "a cat"], ["the dog"])
    assert {r["term"]: r["count_a"] for r in word} == {"cat": 2, "sat": 1, "the": 1, "dog": 0}


@pytest.mark.parametrize("method", ["log_odds", "log_likelihood", "chi_square", "log_ratio"])
def test_term_count_mappings_count_as_their_tokens(method: str) -> None:
    # A pre-tokenized document may be a dict of term to count (a Counter): the same results as
    # the token list it counts, in any key order.
    rng = random.Random(7)
    analyzer = ts.Analyzer("social", normalizers=["lowercase"])
    docs = [analyzer.terms(t) for t in random_texts(300, seed=7)]
    groups = [rng.choice("abc") for _ in docs]
    mappings: list[Any] = []
    for tokens in docs:
        counts = list(Counter(tokens).items())
        rng.shuffle(counts)
        mappings.append(dict(counts) if rng.random() < 0.5 else Counter(dict(counts)))
    k = ts.Keyness(method, analyzer="pretokenized")
    assert list(k.one_vs_rest(mappings, groups)) == list(k.one_vs_rest(docs, groups))
    assert list(k.compare(mappings[:150], docs[150:])) == list(k.compare(docs[:150], docs[150:]))
    # A count of 0 counts nothing.
    assert list(k.compare([{"a": 2, "b": 0}], [["c"]])) == list(k.compare([["a", "a"]], [["c"]]))
    for bad, error, message in [
        ({"a": "x"}, TextsiftTypeError, "the counts of documents\\[0\\] must be ints, not str"),
        ({"a": 1.5}, TextsiftTypeError, "the counts of documents\\[0\\] must be ints, not float"),
        (
            {"a": -1},
            TextsiftValueError,
            "the counts of documents\\[0\\] must be from 0 to 2\\*\\*64 - 1, not -1",
        ),
        ({"a": 2**64}, TextsiftValueError, "must be from 0 to 2\\*\\*64 - 1, not 18446744073709551616"),
        ({3: 1}, TextsiftTypeError, "a token of documents\\[0\\] must be str"),
    ]:
        with pytest.raises(error, match=message):
            k.compare([bad], [["c"]])


def test_pickle_and_repr() -> None:
    k = ts.Keyness("chi_square", yates=True, analyzer="word", min_count=2)
    back = pickle.loads(pickle.dumps(k))
    assert repr(back) == repr(k) == "Keyness('chi_square', yates=True, min_count=2, analyzer='word')"
    texts, groups = sample_groups()
    assert back.one_vs_rest(texts, groups) == k.one_vs_rest(texts, groups)
    assert repr(ts.Keyness()) == "Keyness('log_odds')"
    assert back.method == "chi_square"


def test_html_escapes_terms_and_labels() -> None:
    docs = [["<script>alert(1)</script>", "ok"], ['"><img src=x onerror=alert(1)>', "ok"]]
    result = ts.Keyness("g2", analyzer="pretokenized").one_vs_rest(docs, ["<b>'a'</b>", 'b"q'])
    html = result._repr_html_()
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&quot;&gt;&lt;img" in html
    assert "&lt;b&gt;&#x27;a&#x27;&lt;/b&gt;" in html and "b&quot;q" in html


def test_bad_input() -> None:
    k = ts.Keyness()
    with pytest.raises(TextsiftValueError, match="corpus A has no terms"):
        k.compare([], ["a b"])
    with pytest.raises(TextsiftValueError, match="corpus B has no terms"):
        k.compare(["a b"], ["", "!!! 123"])
    with pytest.raises(TextsiftTypeError, match=r"texts\[1\]"):
        k.compare(["a b", None], ["c"])
    assert len(k.compare(["a b", None], ["c"], on_missing="skip")) == 3
    with pytest.raises(TextsiftTypeError):
        k.compare("a b", ["c"])
    with pytest.raises(TextsiftValueError, match="2 labels but there are 3 texts"):
        k.one_vs_rest(["a", "b", "c"], ["x", "y"])
    with pytest.raises(TextsiftValueError, match="at least two groups"):
        k.one_vs_rest(["a b", "c d"], ["x", "x"])
    with pytest.raises(TextsiftValueError, match="group 'y' has no terms"):
        k.one_vs_rest(["a b", ""], ["x", "y"])
    with pytest.raises(TextsiftTypeError, match=r"groups\[1\]"):
        k.one_vs_rest(["a b", "c d", "e"], ["x", None, "y"])
    skipped = k.one_vs_rest(["a b", "c d", "e"], ["x", None, "y"], on_missing="skip")
    assert {r["term"] for r in skipped} == {"a", "b", "e"}
    with pytest.raises(TextsiftValueError, match="at least two distinct terms"):
        k.compare(["a"], ["a a"])
    with pytest.raises(TextsiftValueError, match="pseudo-count"):
        ts.Keyness(prior={"a": 1.0}, starting_count=0).compare(["a b"], ["a c"])
    for call in (
        lambda: k.compare(["a b"], ["c d"], top=-1),
        lambda: k.one_vs_rest(["a b", "c"], ["x", "y"], top=-1),
    ):
        with pytest.raises(TextsiftValueError, match="top must be an integer >= 0, not -1"):
            call()
    # Finite but extreme pseudo-counts overflow (or divide to infinity): an error, not NaN scores.
    for extreme in ({"prior": 1e308}, {"prior": 5e-324}, {"starting_count": 1e308}):
        with pytest.raises(TextsiftValueError, match="too large or too small"):
            ts.Keyness(**extreme).compare(["good app"], ["bad ads"])
    for bad in (
        {"method": "tfidf"},
        {"prior": "uniform"},
        {"prior": 0.0},
        {"prior": {"a": -1.0}},
        {"prior_scale": "huge"},
        {"sigma": 0.0},
        {"variance": "exact"},
        {"starting_count": -1.0},
        {"min_count": -1},
        {"log_ratio_smoothing": 0.0},
        {"n_threads": 0},
    ):
        with pytest.raises(TextsiftValueError):
            ts.Keyness(**bad)
    for bad in ({"prior": [1, 2]}, {"prior": True}, {"analyzer": 1}):
        with pytest.raises(TextsiftTypeError):
            ts.Keyness(**bad)
