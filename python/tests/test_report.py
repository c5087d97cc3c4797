"""textsift.build_report / Report: every number against the library objects it is built from,
chunked (streaming) against all at once, and the HTML (balanced, self-contained, escaped)."""

from __future__ import annotations

import doctest
import pickle
import random
import struct
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest

np = pytest.importorskip("numpy")

import textsift as ts  # noqa: E402
import textsift.report as report_module  # noqa: E402
from textgen import random_texts  # noqa: E402
from textsift.errors import TextsiftTypeError, TextsiftValueError  # noqa: E402

TARGETS = {"Kestrel": ["kestrel"], "Orbix": ["orbix", "orbix phone"]}
CHARTS = ("sentiment-distribution", "sentiment-over-time", "keyness", "keyphrases", "targets")
VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source", "wbr"}


def sample() -> tuple[list[str], list[str], list[str]]:
    rows = ts.load_sample()
    return [r["text"] for r in rows], [r["platform"] for r in rows], [r["date"] for r in rows]


@pytest.fixture(scope="module")
def sample_report() -> ts.Report:
    texts, groups, dates = sample()
    return ts.build_report(texts, groups, dates, TARGETS, group_column="platform", date_column="date")


def test_module_examples() -> None:
    failures, tried = doctest.testmod(report_module, optionflags=doctest.ELLIPSIS)
    assert tried >= 5 and failures == 0


def test_sentiment_per_group_matches_vader(sample_report: ts.Report) -> None:
    texts, groups, _ = sample()
    assert sample_report.documents == len(texts)
    assert set(sample_report.groups) == set(groups)
    for name, g in sample_report.groups.items():
        mine = [t for t, gr in zip(texts, groups) if gr == name]
        compound = ts.Vader().score_batch(mine)["compound"]
        s = g["sentiment"]
        assert g["posts"] == len(mine)
        assert s["mean"] == round(float(compound.mean()), 4)
        assert s["positive"] == round(float((compound >= 0.05).mean()), 4)
        assert s["negative"] == round(float((compound <= -0.05).mean()), 4)
        assert s["neutral"] == round(float(((compound > -0.05) & (compound < 0.05)).mean()), 4)
        # numpy's histogram closes the last bin on the right, as the report does.
        counts, _ = np.histogram(compound, bins=report_module.HISTOGRAM_BINS, range=(-1, 1))
        assert s["histogram"] == counts.tolist()


def test_targets_per_group_match_summarize(sample_report: ts.Report) -> None:
    texts, groups, _ = sample()
    targeted = ts.TargetedSentiment(TARGETS)
    for name, g in sample_report.groups.items():
        expected = targeted.summarize([t for t, gr in zip(texts, groups) if gr == name])
        assert len(g["targets"]) == len(expected)
        for got, want in zip(g["targets"], expected):
            assert got["target"] == want["target"]
            assert (got["documents"], got["mentions"]) == (want["documents"], want["mentions"])
            for key in ("compound", "positive", "neutral", "negative"):
                assert got[key] == (None if want[key] is None else round(want[key], 4))


def test_distinctive_terms_match_keyness(sample_report: ts.Report) -> None:
    texts, groups, _ = sample()
    rows = ts.Keyness().one_vs_rest(texts, groups, top=10)
    for name, g in sample_report.groups.items():
        want = [r for r in rows if r["group"] == name and r["score"] > 0]
        assert [t["term"] for t in g["distinctive_terms"]] == [r["term"] for r in want]
        assert [t["score"] for t in g["distinctive_terms"]] == [round(r["score"], 4) for r in want]
        assert [t["count"] for t in g["distinctive_terms"]] == [r["count"] for r in want]
    # The platform names are what sets each platform apart.
    assert sample_report.groups["YouTube Shorts"]["distinctive_terms"][0]["term"] in (
        "shorts",
        "short",
        "youtube",
    )


def test_keyphrases_are_yake_on_the_groups_posts(sample_report: ts.Report) -> None:
    texts, groups, _ = sample()
    yake = ts.Yake(top=10, n=3)
    for name, g in sample_report.groups.items():
        mine = [t for t, gr in zip(texts, groups) if gr == name]
        assert g["keyphrase_posts"] == len(mine)
        got = [p for p, _ in g["keyphrases"]]
        assert len(got) == 10
        # Each keyphrase occurs in the group's posts, and none spans two posts.
        lowered = [t.lower() for t in mine]
        assert all(any(p.lower() in t for t in lowered) for p in got), got
        # Same phrases as YAKE on the posts given one per sentence.
        joined = yake.extract("\n".join(t if t.rstrip().endswith((".", "!", "?")) else t + "." for t in mine))
        assert got == [p for p, _ in joined]


def test_keyphrases_of_many_groups_are_yake_on_each_group() -> None:
    # Groups' keyphrases are extracted several groups per batch: each is still its own group's.
    texts, _, _ = sample()
    groups = [f"g{i % 37}" for i in range(len(texts))]
    r = ts.build_report(texts, groups)
    yake = ts.Yake(top=10, n=3)
    assert len(r.groups) == 37 > report_module.KEYPHRASE_GROUPS_PER_BATCH
    for name, g in r.groups.items():
        mine = [t for t, gr in zip(texts, groups) if gr == name]
        assert g["keyphrases"] == [[p, round(s, 6)] for p, s in yake.extract(report_module._join_posts(mine))]


def test_keyphrase_sample_is_bounded_and_uniform() -> None:
    texts = [f"post number {i} about topic{i % 7}" for i in range(500)]
    r = ts.build_report(texts, keyphrase_sample=50, chunk_size=64)
    g = r.groups["(all)"]
    assert g["keyphrase_posts"] == 50 and g["posts"] == 500
    builder = ts.ReportBuilder(keyphrase_sample=50)
    builder.add(texts)
    kept = builder._groups["(all)"].sample
    # A uniform sample reaches the late posts too, not only the first 50.
    assert len(set(kept)) == 50 and max(int(t.split()[2]) for t in kept) > 250


def test_streaming_equals_all_at_once() -> None:
    texts = random_texts(3000, seed=5)
    rng = random.Random(5)
    groups = [rng.choice(["a", "b", "c", "d"]) for _ in texts]
    dates = [f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}" for _ in texts]
    whole = ts.build_report(texts, groups, dates, TARGETS, chunk_size=10**6, keyphrase_sample=500)
    # Generators, small odd-sized chunks.
    chunked = ts.build_report(
        iter(texts), iter(groups), iter(dates), TARGETS, chunk_size=97, keyphrase_sample=500
    )
    assert chunked.to_dict() == whole.to_dict()
    assert chunked == whole and not whole.approximate


def test_pruning_bounds_the_vocabulary() -> None:
    texts = [f"word{i} common" for i in range(5000)]
    builder = ts.ReportBuilder(max_terms=1000)
    for i in range(0, 5000, 500):
        builder.add(texts[i : i + 500], ["a" if j % 2 else "b" for j in range(500)])
    assert all(len(c) <= 1000 for c in builder._terms.counts.values())
    r = builder.finish()
    assert r.approximate and "approximate" in str(r)


@pytest.mark.parametrize("max_terms", [100_000, 40])
def test_group_counts_equal_one_update_per_post(max_terms: int) -> None:
    # Counts are updated once per group and chunk: the same counts and key order (which decides
    # ties when pruning) as one Counter.update per post.
    texts = random_texts(1500, seed=11)
    rng = random.Random(11)
    groups = [rng.choice(["a", "b", "c"]) for _ in texts]
    terms = report_module.GroupTerms(max_terms=max_terms)
    analyzer = terms._words
    want: dict[str, Counter[str]] = {}
    for i in range(0, len(texts), 250):
        chunk, chunk_groups = texts[i : i + 250], groups[i : i + 250]
        terms.add(chunk, chunk_groups)
        for name, text in zip(chunk_groups, chunk):
            want.setdefault(name, Counter()).update(analyzer.terms(text))
        for counter in want.values():
            report_module._prune(counter, max_terms)
    assert list(terms.counts) == list(want)
    for name, counter in want.items():
        assert list(terms.counts[name].items()) == list(counter.items())
    assert terms.approximate == (max_terms == 40)


def test_keyness_vocabulary_bound_keeps_kept_terms_exact() -> None:
    texts = random_texts(2000, seed=3)
    rng = random.Random(3)
    groups = [rng.choice(["a", "b", "c"]) for _ in texts]
    exact = report_module.GroupTerms()
    bounded = report_module.GroupTerms(max_vocabulary=60)
    for gt in (exact, bounded):
        for i in range(0, len(texts), 300):
            gt.add(texts[i : i + 300], groups[i : i + 300])
    assert sum(len(c) for c in exact.counts.values()) > 60
    full = {(r["group"], r["term"]): r for r in exact.one_vs_rest("log_likelihood")}
    rows = bounded.one_vs_rest("log_likelihood", top=5).to_list()
    assert bounded.approximate and not exact.approximate
    assert [sum(r["group"] == g for r in rows) for g in "abc"] == [5, 5, 5]
    for r in rows:
        # Same counts, corpus sizes and so the same G2 as with every term.
        want = full[(r["group"], r["term"])]
        assert (r["count"], r["count_rest"]) == (want["count"], want["count_rest"])
        assert r["score"] == pytest.approx(want["score"], rel=1e-12)


@pytest.mark.parametrize(
    ("start", "end", "granularity", "first"),
    [
        ("2024-03-01", "2024-03-20", "day", "2024-03-01"),
        ("2024-03-06", "2024-09-20", "week", "2024-03-04"),
        ("2021-03-06T10:00:00Z", "2024-09-20 08:00", "month", "2021-03"),
    ],
)
def test_over_time_granularity(start: str, end: str, granularity: str, first: str) -> None:
    r = ts.build_report(["good", "bad", "ok", "meh"], ["x", "x", "y", "y"], [start, end, end, "not a date"])
    d = r.to_dict()
    assert d["granularity"] == granularity and d["periods"][0] == first
    assert d["undated"] == 1
    x = r.groups["x"]["over_time"]
    assert [n for _, n, _ in x] == [1, 1]
    assert x[0][2] == ts.sentiment("good")["compound"]


def _post_by_post(builder: ts.ReportBuilder, chunks: list[tuple[list[str], Any, Any]]) -> dict[str, Any]:
    """What the builder should hold after ``chunks``, worked out one post at a time from the
    library calls: the oracle for its per-chunk numpy sums."""
    vader, words = ts.Vader(), builder._terms._words
    targets = builder.targets
    n_targets = len(builder.target_names)
    state: dict[str, Any] = {}
    rngs: dict[str, random.Random] = {}
    undated = 0
    for texts, groups, dates in chunks:
        mentions = targets.score_batch(texts)["mentions"].tolist() if targets else None
        toward = targets.score_batch(texts)["compound"].tolist() if targets else None
        for i, text in enumerate(texts):
            g = groups[i] if groups is not None else None
            name = "(all)" if groups is None else "(none)" if g is None or g == "" else str(g)
            if name not in state:
                state[name] = {
                    "posts": 0,
                    "tokens": 0,
                    "sum": 0.0,
                    "pos": 0,
                    "neu": 0,
                    "neg": 0,
                    "hist": [0] * 20,
                    "days": {},
                    "sample": [],
                    "seen": 0,
                    "targets": [[0, 0, 0.0, 0, 0, 0] for _ in range(n_targets)],
                }
                rngs[name] = random.Random(f"{builder.seed}:{name}")
            st = state[name]
            c = vader.score(text)["compound"]
            st["posts"] += 1
            st["sum"] += c
            st["pos" if c >= 0.05 else "neg" if c <= -0.05 else "neu"] += 1
            st["hist"][min(19, max(0, int((c + 1.0) * 20 / 2.0)))] += 1
            st["tokens"] += len(words.terms(text))
            day = None
            if dates is not None and dates[i] is not None:
                day = report_module._parse_day(str(dates[i]))
            if dates is not None and day is None:
                undated += 1
            if day is not None:
                slot = st["days"].setdefault(day, [0, None])
                slot[0] += 1
                slot[1] = c if slot[1] is None else slot[1] + c
            if len(st["sample"]) < builder.keyphrase_sample:
                st["sample"].append(text)
            else:
                j = rngs[name].randrange(st["seen"] + 1)
                if j < builder.keyphrase_sample:
                    st["sample"][j] = text
            st["seen"] += 1
            for k in range(n_targets):
                m = mentions[i][k] if mentions else 0
                if m:
                    t, tc = st["targets"][k], toward[i][k]
                    t[0], t[1], t[2] = t[0] + 1, t[1] + m, t[2] + tc
                    t[3 if tc >= 0.05 else 5 if tc <= -0.05 else 4] += 1
    return {"groups": state, "undated": undated}


def _held(builder: ts.ReportBuilder) -> dict[str, Any]:
    groups = {
        name: {
            "posts": g.posts,
            "tokens": g.tokens,
            "sum": g.compound_sum,
            "pos": g.positive,
            "neu": g.neutral,
            "neg": g.negative,
            "hist": g.histogram,
            "days": {d: list(v) for d, v in g.days.items()},
            "sample": g.sample,
            "seen": g.seen,
            "targets": g.targets,
        }
        for name, g in builder._groups.items()
    }
    return {"groups": groups, "undated": builder.undated}


def _bits(value: Any) -> Any:
    """``value`` with every float as its bits and every dict as its items in order: equal only
    if the sums were added in the same order and keys inserted in the same order."""
    if isinstance(value, float):
        return struct.pack("<d", value)
    if isinstance(value, dict):
        return [(_bits(k), _bits(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [_bits(v) for v in value]
    return value


@pytest.mark.parametrize("seed", range(12))
def test_chunk_sums_equal_post_by_post(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice([1, 40, 600])
    rows = ts.load_sample()
    texts = random_texts(n, seed=seed) if seed % 2 else [rng.choice(rows)["text"] for _ in range(n)]
    n_groups = rng.choice([0, 1, 3, 60])
    names: list[Any] = [None, "", 7, *(f"g{i}" for i in range(n_groups))]
    groups = None if n_groups == 0 else [rng.choice(names) for _ in texts]
    days = [None, "not a date", "2024-02-30", "2024-03-05T10:00:00Z", "2023/12/31 23:59", "2024-03-05"]
    dates = (
        None
        if seed % 3 == 0
        else [rng.choice(days + [f"2024-01-{d:02d}" for d in range(1, 29)]) for _ in texts]
    )
    builder = ts.ReportBuilder(
        targets=TARGETS if seed % 4 else None, keyphrase_sample=rng.choice([1, 9, 10_000]), seed=seed
    )
    step = rng.choice([1, 7, 128, n])
    chunks = [
        (
            texts[i : i + step],
            None if groups is None else groups[i : i + step],
            None if dates is None else dates[i : i + step],
        )
        for i in range(0, n, step)
    ]
    for chunk in chunks:
        builder.add(*chunk)
    assert _bits(_held(builder)) == _bits(_post_by_post(builder, chunks))


def test_a_group_without_words_has_no_distinctive_terms() -> None:
    # Posts of only emoji, links or mentions leave a group no words to compare.
    r = ts.build_report(
        ["😂 🔥", "https://x.com @someone", "good dance trend", "bad sound video", "dance dance"],
        groups=["emoji", "emoji", "a", "b", "a"],
    )
    assert r.groups["emoji"]["distinctive_terms"] == [] and r.groups["emoji"]["posts"] == 2
    assert [t["term"] for t in r.groups["a"]["distinctive_terms"]][:1] == ["dance"]
    # With one worded group, there is nothing to compare it with.
    one = ts.build_report(["😂", "good dance"], groups=["emoji", "a"])
    assert all(g["distinctive_terms"] == [] for g in one.groups.values())


def test_no_groups_and_no_dates() -> None:
    r = ts.build_report(["great stuff", "awful stuff"])
    assert list(r.groups) == ["(all)"]
    assert r.groups["(all)"]["distinctive_terms"] == [] and r.to_dict()["granularity"] is None
    assert "sentiment-over-time" not in r.to_html()
    with pytest.raises(TextsiftValueError):
        ts.build_report(["a"], chunk_size=0)
    with pytest.raises(TextsiftValueError):
        ts.ReportBuilder().add(["a", "b"], ["g"])


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ("hello", "texts must be an iterable of str, not a single str; wrap it in a list"),
        (b"hi", "texts must be an iterable of str, not bytes"),
        (bytearray(b"hi"), "texts must be an iterable of str, not bytearray"),
        (5, "texts must be an iterable of str, not int"),
        (None, "texts must be an iterable of str, not NoneType"),
        (["good", None, b"bad", 5], "texts[1] is missing (None or NaN)"),
        (["good", float("nan")], "texts[1] is missing (None or NaN)"),
        (["good", "fine", b"bad", 5], "texts[2] must be str, not bytes"),
        (("good", 5), "texts[1] must be str, not int"),
    ],
)
def test_bad_texts_are_rejected_like_the_batch_apis(texts: object, message: str) -> None:
    # The same errors (and wording) as every other batch API, not one document per character.
    with pytest.raises(TextsiftTypeError) as info:
        ts.build_report(texts)  # type: ignore[arg-type]
    assert str(info.value) == message
    if not isinstance(texts, list) or "missing" not in message:
        with pytest.raises(TextsiftTypeError, match=r"^texts"):
            ts.ReportBuilder().add(texts)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ts.Vader().score_batch(texts)  # type: ignore[arg-type]


def test_bad_text_in_a_stream_is_found_as_it_is_read() -> None:
    # The error names the item's index in the whole stream, and nothing past it is read.
    read = 0

    def posts() -> Iterator[object]:
        nonlocal read
        for i in range(30_000):
            read += 1
            yield None if i == 12_345 else "post"

    with pytest.raises(TextsiftTypeError, match=r"^texts\[12345\] is missing"):
        ts.build_report(posts(), chunk_size=10_000)
    assert read == 12_346
    with pytest.raises(TextsiftTypeError, match=r"^texts\[1\] must be str, not bytes"):
        ts.ReportBuilder().add(["a", b"b"])  # type: ignore[list-item]


def test_pandas_missing_markers_are_missing() -> None:
    pd = pytest.importorskip("pandas")
    for marker in (pd.NA, pd.NaT):
        with pytest.raises(TextsiftTypeError, match=r"^texts\[1\] is missing"):
            ts.build_report(["good", marker])


def test_views(sample_report: ts.Report) -> None:
    text = str(sample_report)
    for name in sample_report.groups:
        assert f"== {name}:" in text
    assert "toward Kestrel" in text and "distinctive terms" in text and "top keyphrases" in text
    assert pickle.loads(pickle.dumps(sample_report)) == sample_report
    assert repr(sample_report).startswith("<Report: 1001 documents in 3 groups")
    pd = pytest.importorskip("pandas")
    frame = sample_report.to_pandas()
    assert isinstance(frame, pd.DataFrame) and set(frame.index) == set(sample_report.groups)
    assert frame.loc["TikTok", "posts"] == sample_report.groups["TikTok"]["posts"]
    assert "target_Kestrel" in frame.columns


class Checker(HTMLParser):
    """Collects tags and attributes and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == [], (checker.errors, checker.stack)
    for tag, attrs in checker.tags:
        # Nothing runs and nothing is fetched.
        assert tag not in ("script", "img", "iframe", "link", "object", "embed"), tag
        assert not any(a.startswith("on") or a in ("src", "href") for a in attrs), (tag, attrs)
    return checker


def test_html_is_balanced_and_has_every_group_and_chart(sample_report: ts.Report) -> None:
    page = sample_report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    checker = check_html(page)
    charts = {attrs.get("data-chart") for tag, attrs in checker.tags if tag == "section"}
    assert charts == set(CHARTS)
    text = "".join(checker.text)
    for name in sample_report.groups:
        assert name in text
    assert sum(1 for tag, _ in checker.tags if tag == "svg") >= 3 + 3 + 3 + 2
    check_html(sample_report._repr_html_())


EVIL = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', 'it\'s "quoted" & <b>bold</b>']


def test_html_escapes_user_text_and_group_names() -> None:
    texts = [
        f'{EVIL[0]} I love #<script>x and @"><img src=x> 😍 kestrel',
        f"{EVIL[1]} terrible orbix <svg onload=alert(1)>",
        "plain post about nothing",
        "another <iframe src=//evil> post",
    ]
    groups = [EVIL[0], EVIL[1], EVIL[2], EVIL[2]]
    dates = ["2024-01-01", "2024-01-02", "2024-01-03", "<script>"]
    targets = {'<script>alert("t")</script>': ["kestrel"], EVIL[1]: ["orbix"]}
    r = ts.build_report(texts, groups, dates, targets, group_column='"><img src=x onerror=alert(1)>')
    for page in (r.to_html(title=EVIL[1]), r._repr_html_()):
        checker = check_html(page)
        assert "<script>" not in page and "<img" not in page and "<svg onload" not in page
        text = "".join(checker.text)
        for name in EVIL:
            assert name in text  # shown as text, after unescaping
