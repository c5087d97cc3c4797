"""TF-IDF parity with scikit-learn's ``TfidfVectorizer``: vocabulary, ``idf_`` and the weights,
compared as sparse matrices, on the sample corpus, the Inspec abstracts (if present) and generated
social-media text, over the parameters that change the result; then scikit-learn's rules for
errors, ties and pickling.

Both sides always see the same tokens: scikit-learn's own default ``token_pattern`` on raw text
(textsift reproduces it), or textsift's ``Analyzer`` tokens handed to scikit-learn as its
``tokenizer`` (so that scikit-learn still forms the n-grams and drops the stop words itself).
"""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")
sp = pytest.importorskip("scipy.sparse")
sk_text = pytest.importorskip("sklearn.feature_extraction.text")

import textsift as ts  # noqa: E402
from textgen import random_texts  # noqa: E402
from textsift.errors import TextsiftTypeError, TextsiftValueError  # noqa: E402

SkTfidf = sk_text.TfidfVectorizer
INSPEC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "keywords" / "Inspec" / "docsutf8"

# Relative tolerance for weights and idf: numpy's vectorised log and the C library's may differ
# in the last bit; every other operation is the same, in the same order.
RTOL = 1e-12


def sample_texts() -> list[str]:
    return [row["text"] for row in ts.load_sample()]


def generated_texts() -> list[str]:
    # Mixed scripts, emoji, combining marks, İ and Σ (whose lower-casing depends on context).
    texts = random_texts(1500, seed=7)
    rng = random.Random(3)
    extra = ["ΣΟΦΙΑΣ ΟΔΟΣ σοφίας", "İSTANBUL İyi", "Ǆemal ǅemal ǆemal", "naïve nai\u0308ve", "x_y 1_2 __"]
    texts += [rng.choice(extra) + " " + t for t in texts[:200]]
    return texts


def inspec_texts() -> list[str]:
    if not INSPEC.is_dir():
        pytest.skip(f"Inspec abstracts not found at {INSPEC}")
    return [p.read_text(encoding="utf-8") for p in sorted(INSPEC.glob("*.txt"))]


def assert_same_matrix(ours: Any, theirs: Any) -> dict[str, float]:
    """Same shape, same stored positions, same values to RTOL; returns difference statistics."""
    assert sp.issparse(ours) and ours.format == "csr"
    assert ours.shape == theirs.shape
    ours = ours.copy()
    theirs = theirs.copy()
    ours.sort_indices()
    theirs.sort_indices()
    assert ours.has_sorted_indices
    np.testing.assert_array_equal(ours.indptr, theirs.indptr)
    np.testing.assert_array_equal(ours.indices, theirs.indices)
    diff = np.abs(ours.data - theirs.data)
    rel = diff / np.maximum(np.abs(theirs.data), 1e-300)
    assert rel.max(initial=0.0) <= RTOL, rel.max()
    return {"max_rel": float(rel.max(initial=0.0)), "differ": int((diff > 0).sum()), "nnz": int(ours.nnz)}


def assert_same_fit(ours: ts.TfidfVectorizer, theirs: Any) -> None:
    assert ours.get_feature_names_out().tolist() == theirs.get_feature_names_out().tolist()
    assert ours.vocabulary_ == theirs.vocabulary_
    if theirs.use_idf:
        np.testing.assert_allclose(ours.idf_, theirs.idf_, rtol=RTOL, atol=0)


# Parameters that change the vocabulary or the weights. max_features only where no terms tie
# at the cut-off (ties are tested separately).
PARAMS: list[dict[str, Any]] = [
    {},
    {"ngram_range": (1, 2), "min_df": 2},
    {"ngram_range": (2, 3), "lowercase": False, "use_idf": False},
    {"sublinear_tf": True, "norm": "l1", "max_df": 0.5},
    {"norm": None, "smooth_idf": False, "min_df": 0.01, "max_df": 0.9},
    {"max_df": 40, "min_df": 3, "sublinear_tf": True, "smooth_idf": False},
    {"ngram_range": (1, 3), "stop_words": ["the", "a", "is", "and", "to", "of"], "norm": "l1"},
]


def tie_free_max_features(texts: list[str], **kwargs: Any) -> int:
    """A max_features value with no tie at the cut-off under scikit-learn's counting."""
    counts = sk_text.CountVectorizer(**kwargs).fit_transform(texts)
    tf = np.sort(np.asarray(counts.sum(axis=0)).ravel())[::-1]
    for k in range(min(len(tf) - 1, 150), 1, -1):
        if tf[k - 1] > tf[k]:
            return k
    pytest.skip("no tie-free cut-off")


@pytest.mark.parametrize(
    "params", PARAMS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "defaults"
)
@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_token_pattern_parity(corpus: str, params: dict[str, Any]) -> None:
    texts = sample_texts() if corpus == "sample" else generated_texts()
    theirs = SkTfidf(**params)
    ours = ts.TfidfVectorizer(**params)
    stats = assert_same_matrix(ours.fit_transform(texts), theirs.fit_transform(texts))
    assert_same_fit(ours, theirs)
    if not params.get("sublinear_tf") and params.get("use_idf") is False:
        # No logarithm involved: the same operations in the same order, so the same bits.
        assert stats["differ"] == 0, stats
    # transform of other texts (unseen terms, empty results) with the fitted model.
    others = generated_texts()[:300] if corpus == "sample" else sample_texts()[:300]
    assert_same_matrix(ours.transform(others), theirs.transform(others))
    assert_same_matrix(ours.transform(texts), theirs.transform(texts))


def ulps32(a: Any, b: Any) -> Any:
    """How many float32 values apart each pair of (positive) float32 numbers is."""
    return np.abs(a.view(np.int32).astype(np.int64) - b.view(np.int32).astype(np.int64))


# scikit-learn computes float32 weights in float32 (counts, idf, products, norms each rounded to
# float32); textsift computes them in float64 and rounds once, so they may differ by a few units
# in the last place (2 seen over every parameter set here), never more than this.
MAX_ULPS32 = 4


@pytest.mark.parametrize(
    "params", PARAMS, ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "defaults"
)
@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_float32_parity(corpus: str, params: dict[str, Any]) -> None:
    texts = sample_texts() if corpus == "sample" else generated_texts()
    others = generated_texts()[:300] if corpus == "sample" else sample_texts()[:300]
    theirs = SkTfidf(dtype=np.float32, **params)
    ours = ts.TfidfVectorizer(dtype=np.float32, **params)
    exact = ts.TfidfVectorizer(**params).fit(texts)
    for got, expected, wide in (
        (ours.fit_transform(texts), theirs.fit_transform(texts), exact.transform(texts)),
        (ours.transform(others), theirs.transform(others), exact.transform(others)),
    ):
        assert got.dtype == expected.dtype == np.float32
        got.sort_indices()
        expected.sort_indices()
        np.testing.assert_array_equal(got.indptr, expected.indptr)
        np.testing.assert_array_equal(got.indices, expected.indices)
        assert ulps32(got.data, expected.data).max(initial=0) <= MAX_ULPS32
        # The float64 weights, each rounded once.
        np.testing.assert_array_equal(got.data, wide.data.astype(np.float32))
    assert ours.vocabulary_ == theirs.vocabulary_
    if params.get("use_idf", True):
        assert ours.idf_.dtype == theirs.idf_.dtype == np.float32
        assert ulps32(ours.idf_, theirs.idf_).max() <= MAX_ULPS32
        np.testing.assert_array_equal(ours.idf_, exact.idf_.astype(np.float32))


def test_dtype_argument() -> None:
    texts = sample_texts()
    for given in (np.float32, "float32", "f4", np.dtype("float32")):
        v = ts.TfidfVectorizer(dtype=given)
        assert v.fit_transform(texts).dtype == np.float32
        # get_params hands back the very object (sklearn.clone checks), repr and pickles the type.
        assert v.get_params()["dtype"] is given
        assert repr(v) == "TfidfVectorizer(dtype=<class 'numpy.float32'>)"
        back = pickle.loads(pickle.dumps(v))
        assert back.get_params()["dtype"] is np.float32 and back.idf_.dtype == np.float32
        assert (back.transform(texts[:50]) != v.transform(texts[:50])).nnz == 0
    # top_terms ranks the float32 weights, from texts as from the matrix.
    v32 = ts.TfidfVectorizer(dtype=np.float32).fit(texts)
    assert v32.top_terms(texts[:50], k=5) == v32.top_terms(v32.transform(texts[:50]), k=5)
    for default in (np.float64, "float64", None):
        assert ts.TfidfVectorizer(dtype=default).fit_transform(texts).dtype == np.float64
    assert ts.TfidfVectorizer().get_params()["dtype"] is np.float64
    sk_base = pytest.importorskip("sklearn.base")
    clone = sk_base.clone(ts.TfidfVectorizer(dtype=np.float32))
    assert clone.get_params()["dtype"] is np.float32
    for bad in (np.int64, "int32", np.float16, "no such type", 3):
        with pytest.raises(TextsiftValueError, match="dtype must be numpy.float64 or numpy.float32"):
            ts.TfidfVectorizer(dtype=bad)


@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_max_features_parity_without_ties(corpus: str) -> None:
    texts = sample_texts() if corpus == "sample" else generated_texts()
    for extra in ({}, {"ngram_range": (1, 2)}):
        k = tie_free_max_features(texts, **extra)
        theirs = SkTfidf(max_features=k, **extra)
        ours = ts.TfidfVectorizer(max_features=k, **extra)
        assert_same_matrix(ours.fit_transform(texts), theirs.fit_transform(texts))
        assert_same_fit(ours, theirs)
        assert len(ours.vocabulary_) == k


def test_max_features_ties_keep_the_earliest_terms() -> None:
    texts = sample_texts()
    counts = sk_text.CountVectorizer().fit(texts)
    tf = np.asarray(counts.transform(texts).sum(axis=0)).ravel()
    names = counts.get_feature_names_out()
    # A cut-off inside a run of equal counts.
    order = np.argsort(-tf, kind="stable")
    k = next(k for k in range(20, len(tf)) if tf[order[k - 1]] == tf[order[k]])
    ours = ts.TfidfVectorizer(max_features=k).fit(texts)
    # What scikit-learn's own arrays give under a stable sort: frequency, then vocabulary order.
    expected = sorted(names[order[:k]].tolist())
    assert ours.get_feature_names_out().tolist() == expected
    # scikit-learn keeps the same terms above the tie and some of the tied ones.
    theirs = SkTfidf(max_features=k).fit(texts)
    cut = tf[order[k - 1]]
    ours_set, theirs_set = set(expected), set(theirs.get_feature_names_out().tolist())
    frequency = dict(zip(names.tolist(), tf.tolist()))
    assert {t for t in ours_set ^ theirs_set if frequency[t] != cut} == set()
    assert len(theirs_set) == k


ANALYZER = ts.Analyzer(normalizers=["lowercase"], drop_kinds=["punctuation"])


def analyzer_tokens(text: str) -> list[str]:
    return [t.lower() for t in ANALYZER.terms(text)]


@pytest.mark.parametrize(
    "params", PARAMS[:4] + PARAMS[6:], ids=lambda p: ",".join(f"{k}={v}" for k, v in p.items()) or "defaults"
)
def test_analyzer_tokens_parity(params: dict[str, Any]) -> None:
    texts = sample_texts() + generated_texts()[:800]
    lowercase = params.get("lowercase", True)
    sk_params = {**params, "lowercase": False, "tokenizer": analyzer_tokens if lowercase else ANALYZER.terms}
    theirs = SkTfidf(token_pattern=None, **sk_params)
    ours = ts.TfidfVectorizer(analyzer=ANALYZER, **params)
    assert_same_matrix(ours.fit_transform(texts), theirs.fit_transform(texts))
    assert_same_fit(ours, theirs)
    assert_same_matrix(ours.transform(texts[:100]), theirs.transform(texts[:100]))


def test_pretokenized_parity_with_a_callable_analyzer() -> None:
    docs = [analyzer_tokens(t) for t in sample_texts()]
    theirs = SkTfidf(analyzer=lambda d: d)
    ours = ts.TfidfVectorizer(analyzer="pretokenized")
    assert_same_matrix(ours.fit_transform(docs), theirs.fit_transform(docs))
    assert_same_fit(ours, theirs)
    # Tuples, generators and numpy arrays of tokens are documents too.
    again = ours.transform([tuple(d) for d in docs[:5]] + [iter(docs[5])] + [np.array(docs[6], dtype=object)])
    assert_same_matrix(again, theirs.transform(docs[:7]))


def fresh(token: str) -> str:
    """An equal string that is a new object (what ``str.split`` hands out for every token)."""
    return "".join(list(token)) if len(token) > 1 else token


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lowercase": False},
        {"stop_words": ["the", "a"], "sublinear_tf": True},
        {"ngram_range": (1, 2), "min_df": 2},
        {"min_df": 2, "max_df": 0.5, "sublinear_tf": True},
    ],
    ids=["defaults", "cased", "stop_words", "bigrams", "pruned"],
)
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.filterwarnings("ignore:Your stop_words may be inconsistent")
def test_pretokenized_shared_and_fresh_token_objects(params: dict[str, Any], seed: int) -> None:
    """Token lists whose words are shared objects (as ``terms_batch`` or ``random.choices`` give
    them) are read into a table of distinct tokens; lists of new objects are streamed. Both give
    scikit-learn's matrix, for generated corpora mixing the two, tuples, iterators and missing
    documents."""
    rng = random.Random(seed)
    vocab = sorted(
        {t for text in generated_texts()[:300] for t in analyzer_tokens(text)} | {"The", "A", "Été"}
    )
    weights = [1 / (r + 1) for r in range(len(vocab))]
    shared = [rng.choices(vocab, weights, k=rng.randint(0, 40)) for _ in range(rng.randint(50, 400))]
    docs_fresh = [[fresh(t) for t in d] for d in shared]
    assert sum(map(len, shared)) > 0 and all(
        a is not b for d, e in zip(shared, docs_fresh) for a, b in zip(d, e) if len(a) > 1
    )
    lower = params.get("lowercase", True)
    sk_params = {**params, "lowercase": False, "token_pattern": None}
    theirs = SkTfidf(tokenizer=(lambda d: [t.lower() for t in d]) if lower else (lambda d: d), **sk_params)
    expected = theirs.fit_transform(shared)
    sk_ok = ts.TfidfVectorizer(analyzer="pretokenized", **params)
    for docs in (shared, docs_fresh, shared[: len(shared) // 2] + docs_fresh[len(shared) // 2 :]):
        ours = ts.TfidfVectorizer(analyzer="pretokenized", **params)
        assert_same_matrix(ours.fit_transform(docs), expected)
        assert_same_fit(ours, theirs)
        assert_same_matrix(ours.fit(docs).transform(docs), theirs.transform(shared))
    mixed = [tuple(d) if k % 3 == 0 else iter(d) if k % 3 == 1 else d for k, d in enumerate(shared)]
    assert_same_matrix(sk_ok.fit(shared).transform(mixed), theirs.transform(shared))
    # Missing documents, skipped or empty, whichever way the tokens are read.
    with_none = [None if k % 7 == 0 else d for k, d in enumerate(shared)]
    kept = [d for d in with_none if d is not None]
    skip = ts.TfidfVectorizer(analyzer="pretokenized", on_missing="skip", **params)
    assert_same_matrix(
        skip.fit_transform(with_none), SkTfidf(tokenizer=theirs.tokenizer, **sk_params).fit_transform(kept)
    )
    empty = ts.TfidfVectorizer(analyzer="pretokenized", on_missing="empty", **params).fit_transform(with_none)
    assert empty.shape[0] == len(with_none) and all(empty[k].nnz == 0 for k in range(0, len(with_none), 7))
    # A bad token is named by its document, whichever way the tokens are read.
    for docs in (shared, docs_fresh):
        bad = [list(d) for d in docs]
        k = max(range(len(bad)), key=lambda i: len(bad[i]))
        bad[k][-1] = 3
        with pytest.raises(TextsiftTypeError, match=rf"documents\[{k}\]"):
            ts.TfidfVectorizer(analyzer="pretokenized").fit(bad)
        bad[k][-1] = "\ud800"
        with pytest.raises((TextsiftTypeError, TextsiftValueError), match=rf"documents\[{k}\]"):
            sk_ok.transform(bad)


@pytest.mark.parametrize("params", [{}, {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}])
def test_inspec_parity(params: dict[str, Any]) -> None:
    texts = inspec_texts()
    theirs = SkTfidf(**params)
    ours = ts.TfidfVectorizer(**params)
    assert_same_matrix(ours.fit_transform(texts), theirs.fit_transform(texts))
    assert_same_fit(ours, theirs)
    assert_same_matrix(ours.transform(texts[:200]), theirs.transform(texts[:200]))


def test_transform_is_deterministic_across_threads() -> None:
    texts = generated_texts()
    v = ts.TfidfVectorizer(ngram_range=(1, 2)).fit(texts)
    one = ts.TfidfVectorizer(ngram_range=(1, 2), n_threads=1).fit(texts).transform(texts)
    many = v.transform(texts)
    assert (one != many).nnz == 0
    np.testing.assert_array_equal(one.indices, many.indices)
    # fit_transform too, for both dtypes: the rows come in blocks whose size depends on the
    # thread count, and are stacked into the arrays on several threads.
    for dtype in (np.float64, np.float32):
        made = [
            ts.TfidfVectorizer(ngram_range=(1, 2), n_threads=n, dtype=dtype).fit_transform(texts)
            for n in (1, 3, 8)
        ]
        for m in made[1:]:
            for name in ("data", "indices", "indptr"):
                np.testing.assert_array_equal(getattr(m, name), getattr(made[0], name))
                assert getattr(m, name).dtype == getattr(made[0], name).dtype


def test_top_terms_from_texts_and_matrices() -> None:
    texts = sample_texts()
    theirs = SkTfidf()
    X = theirs.fit_transform(texts)
    ours = ts.TfidfVectorizer().fit(texts)
    names = theirs.get_feature_names_out()
    expected = []
    for i in range(20):
        row = X.getrow(i).tocoo()
        pairs = sorted(zip(-row.data, row.col))[:5]
        expected.append([(names[j], -w) for w, j in pairs])
    got_texts = ours.top_terms(texts[:20], k=5)
    got_matrix = ours.top_terms(X[:20], k=5)
    for got in (got_texts, got_matrix):
        assert [[t for t, _ in row] for row in got] == [[t for t, _ in row] for row in expected]
        for g, e in zip(got, expected):
            np.testing.assert_allclose([w for _, w in g], [w for _, w in e], rtol=RTOL)
    assert ours.top_terms(["", "zzzz qqqq"], k=3) == [[], []]
    assert ours.top_terms(texts[:2], k=0) == [[], []]
    with pytest.raises(TextsiftValueError):
        ours.top_terms(sp.csr_matrix((1, 3)), k=2)


def test_outputs_look_like_sklearns() -> None:
    texts = sample_texts()
    ours = ts.TfidfVectorizer()
    X = ours.fit_transform(texts)
    assert isinstance(X, sp.csr_matrix)
    assert X.dtype == np.float64 and X.indices.dtype == np.int32 and X.indptr.dtype == np.int32
    assert ours.idf_.dtype == np.float64
    names = ours.get_feature_names_out()
    assert names.dtype == object and names.tolist() == sorted(names.tolist())
    assert ours.vocabulary_ == {t: i for i, t in enumerate(names)}
    assert ours.is_fitted


def test_tuple_output_without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = ts.TfidfVectorizer().fit(sample_texts())
    expected = ours.transform(sample_texts())
    monkeypatch.setitem(sys.modules, "scipy.sparse", None)
    data, indices, indptr, shape = ours.transform(sample_texts())
    assert shape == expected.shape
    np.testing.assert_array_equal(indptr, expected.indptr)
    np.testing.assert_array_equal(indices, expected.indices)
    np.testing.assert_array_equal(data, expected.data)
    small = ts.TfidfVectorizer(dtype=np.float32).fit(sample_texts())
    assert small.transform(sample_texts())[0].dtype == np.float32
    # The tuple is a matrix for top_terms.
    assert (
        ours.top_terms((data, indices, indptr, shape), k=2)[0] == ours.top_terms(sample_texts()[:1], k=2)[0]
    )


def test_pickle_params_repr_and_clone() -> None:
    sk_base = pytest.importorskip("sklearn.base")
    texts = sample_texts()
    v = ts.TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_df=0.9, norm="l1", stop_words=["the"], analyzer=ANALYZER
    )
    assert repr(pickle.loads(pickle.dumps(v))) == repr(v)
    X = v.fit_transform(texts)
    back = pickle.loads(pickle.dumps(v))
    assert back.vocabulary_ == v.vocabulary_
    np.testing.assert_array_equal(back.idf_, v.idf_)
    assert (back.transform(texts) != v.transform(texts)).nnz == 0
    assert X.shape[1] == len(back.vocabulary_)
    params = v.get_params()
    assert params["ngram_range"] == (1, 2) and params["min_df"] == 2 and params["max_df"] == 0.9
    assert params["stop_words"] == ["the"] and params["norm"] == "l1"
    assert repr(v).startswith("TfidfVectorizer(analyzer=Analyzer(")
    assert repr(ts.TfidfVectorizer()) == "TfidfVectorizer()"
    assert repr(ts.TfidfVectorizer(min_df=1.0)) == "TfidfVectorizer(min_df=1.0)"
    clone = sk_base.clone(ts.TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True))
    assert clone.get_params()["ngram_range"] == (1, 3) and not clone.is_fitted


def test_bad_input() -> None:
    v = ts.TfidfVectorizer()
    with pytest.raises(TextsiftValueError, match="not fitted"):
        v.transform(["a text"])
    with pytest.raises(TextsiftValueError, match="not fitted"):
        v.top_terms(["a text"])
    with pytest.raises(AttributeError):
        _ = v.vocabulary_
    with pytest.raises(TextsiftValueError, match="empty vocabulary"):
        v.fit([])
    with pytest.raises(TextsiftValueError, match="empty vocabulary"):
        v.fit(["", "a", "!!"])
    with pytest.raises(TextsiftTypeError, match=r"texts\[1\]"):
        v.fit(["a text", None])
    with pytest.raises(TextsiftTypeError):
        v.fit("a single string")
    with pytest.raises(TextsiftTypeError):
        v.fit([b"bytes"])
    with pytest.raises(TextsiftValueError, match="min_df"):
        ts.TfidfVectorizer(min_df=3, max_df=2).fit(sample_texts())
    with pytest.raises(TextsiftValueError, match="no terms remain"):
        ts.TfidfVectorizer(min_df=0.99).fit(sample_texts())
    for bad in ({"ngram_range": (2, 1)}, {"min_df": 0}, {"min_df": 1.5}, {"norm": "l3"}, {"max_features": 0}):
        with pytest.raises(TextsiftValueError):
            ts.TfidfVectorizer(**bad)
    for bad in (
        {"min_df": "2"},
        {"min_df": True},
        {"ngram_range": 2},
        {"analyzer": 3},
        {"stop_words": "english"},
    ):
        with pytest.raises(TextsiftTypeError):
            ts.TfidfVectorizer(**bad)
    with pytest.raises(TextsiftTypeError, match="not a str"):
        ts.TfidfVectorizer(analyzer="pretokenized").fit([["a", "b"], "c d"])
    # Missing documents on request: skipped (fewer rows) or empty (empty rows).
    skip = ts.TfidfVectorizer(on_missing="skip").fit_transform(["red apple", None, "green apple"])
    empty = ts.TfidfVectorizer(on_missing="empty").fit_transform(["red apple", None, "green apple"])
    assert skip.shape == (2, 3) and empty.shape == (3, 3) and empty[1].nnz == 0
    # A failed fit leaves a fitted model as it was.
    v.fit(["red apple"])
    with pytest.raises(TextsiftValueError):
        v.fit([""])
    assert v.vocabulary_ == {"apple": 0, "red": 1}
