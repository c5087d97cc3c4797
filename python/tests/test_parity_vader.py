"""VADER parity: textsift's scores against vaderSentiment 3.3.2 on many varied texts.

The texts are generated to hit every rule (boosters, dampeners, negations in each position,
"no", "least", "never so", "without doubt", "kind of", idioms, "but", ALL CAPS, punctuation
emphasis, emoji and emoticons) and the quirks of 3.3.2, plus the sample corpus and generic
social text. Every field must be equal, not close.
"""

from __future__ import annotations

import math
import pickle
import random
import sys

import pytest

import textsift as ts
from textgen import random_texts
from textsift.compat.vader import SentimentIntensityAnalyzer as CompatAnalyzer

vs = pytest.importorskip("vaderSentiment.vaderSentiment")

REFERENCE = vs.SentimentIntensityAnalyzer()
FIELDS = ("neg", "neu", "pos", "compound")

_LEXICON_WORDS = sorted(REFERENCE.lexicon)
_SINGLE_EMOJI = sorted(e for e in REFERENCE.emojis if len(e) == 1)
_SEQUENCE_EMOJI = sorted(e for e in REFERENCE.emojis if len(e) > 1)
_RULE_WORDS = (
    "no not never so this without doubt least at very kind of sort just enough but or nor the shit bomb "
    "bad ass badass yeah right kiss death to die for beating heart bus stop isn't don't won't aint "
    "nope none nothing rarely seldom despite uh-uh kinda sorta kind-of really extremely barely hardly "
    "slightly quite most more less little fucking friggin uber"
).split()
_PUNCT = ["", "", "", "!", "!!", "?", "??", "???", "?!", ".", ",", "...", '"', "'", ")", "(", ":", "!!!!!"]
_SPACES = [" ", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "\r\n"]
_OTHER = [
    "İstanbul",
    "ß",
    "ǅemal",
    "ΣΟΦΙΑ",
    "ﬁne",
    "日本",
    "ok👍",
    "x",
    "lol",
    "LOL",
    "A",
    "I",
    "we",
    "it",
    "123",
    "n't",
]


def _case(rng: random.Random, word: str) -> str:
    r = rng.random()
    if r < 0.12:
        return word.upper()
    if r < 0.2:
        return word.capitalize()
    return word


def _word(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.04:
        word = "but"
    elif r < 0.34:
        word = rng.choice(_LEXICON_WORDS)
    elif r < 0.72:
        word = rng.choice(_RULE_WORDS)
    elif r < 0.8:
        word = rng.choice(_SINGLE_EMOJI)
    elif r < 0.83:
        word = rng.choice(_SEQUENCE_EMOJI)
    else:
        word = rng.choice(_OTHER)
    word = _case(rng, word)
    if rng.random() < 0.3:
        word = rng.choice(_PUNCT) + word + rng.choice(_PUNCT)
    return word


def rule_texts(n: int, seed: int, max_words: int = 14) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        k = rng.randint(0, max_words)
        parts = []
        for _ in range(k):
            parts.append(_word(rng))
            # Emoji glued to words exercise the description splicing.
            parts.append("" if rng.random() < 0.05 else rng.choice(_SPACES))
        texts.append("".join(parts))
    return texts


HANDPICKED = [
    "",
    "   ",
    "\u00a0\t",
    "good",
    "GOOD",
    "not good",
    "no good",
    "no no good",
    "no problem",
    "no or nor good",
    "it is not so good",
    "never so good",
    "never this good",
    "never been this good",
    "without doubt good",
    "without a doubt, good",
    "the least good",
    "at least good",
    "very least good",
    "least good",
    "kind of good",
    "it was kind of good",
    "it was sort of bad",
    "just enough good",
    "good but bad",
    "bad but good but bad",
    "good good but good good",
    "great, great but great great great",
    "the shit",
    "this is the shit",
    "this is the bomb yo",
    "he is a bad ass",
    "yeah right great",
    "kiss of death indeed",
    "a cake to die for",
    "my beating heart",
    "bus stop good",
    "VERY GOOD but very bad",
    "I ❤️ it",
    "I ❤ it",
    "😁😁😁",
    "love😍it",
    ":) :( :D :-D xD",
    "!!!!!!!!!",
    "good!!!!!!",
    "bad???",
    "bad????",
    "isn't good",
    "ISN'T GOOD",
    "N'T good",
    "İ good",
    "ǅ GOOD",
    "rarely good, seldom bad, despite good",
]


def _check(texts: list[str], analyzer: object = None) -> None:
    ours = analyzer or ts.Vader()
    batch = ts.Vader().score_batch(texts)
    mismatches = []
    for i, text in enumerate(texts):
        expected = REFERENCE.polarity_scores(text)
        got = ours.polarity_scores(text)  # type: ignore[attr-defined]
        row = {f: float(batch[f][i]) for f in FIELDS}
        if got != expected or row != expected:
            mismatches.append((text, expected, got, row))
    assert not mismatches, f"{len(mismatches)} of {len(texts)} differ, e.g. {mismatches[:3]}"


def test_handpicked_cases() -> None:
    _check(HANDPICKED)


@pytest.mark.parametrize("seed", range(10))
def test_generated_rule_texts(seed: int) -> None:
    # 10 x 5,000 = 50,000 generated sentences.
    _check(rule_texts(5000, seed))


def test_long_generated_texts() -> None:
    # Long texts reach every window position and repeat values (the "but" quirk).
    _check(rule_texts(300, 99, max_words=120))


def test_social_text_and_sample_corpus() -> None:
    texts = random_texts(3000, seed=5) + [row["text"] for row in ts.load_sample()]
    _check(texts)


def test_compat_analyzer_and_lexicon_edits() -> None:
    compat = CompatAnalyzer()
    texts = rule_texts(500, 7) + HANDPICKED
    _check(texts, compat)
    assert compat.lexicon == REFERENCE.lexicon
    assert compat.emojis == REFERENCE.emojis

    ref = vs.SentimentIntensityAnalyzer()
    for analyzer in (compat, ref):
        analyzer.lexicon["rizz"] = 2.4
        analyzer.lexicon.update({"mid": -1.1, "good": -0.5})
        del analyzer.lexicon["bad"]
        analyzer.emojis["🫠"] = "melting face sad"
    probe = ["rizz is good, not bad", "kinda mid 🫠", "BAD but good rizz", *rule_texts(300, 8)]
    for text in probe:
        assert compat.polarity_scores(text) == ref.polarity_scores(text), text


def test_compat_tables_shared_between_analyzers() -> None:
    # One analyzer's table given to another: a change through either is seen by both, as in
    # vaderSentiment, where both hold the same dict.
    probe = ["rizz", "good rizz 🫠", "not good"]
    runs = []
    for make in (CompatAnalyzer, vs.SentimentIntensityAnalyzer):
        first, second = make(), make()
        second.lexicon = first.lexicon
        second.emojis = first.emojis
        first.lexicon["rizz"] = 2.4
        scores = [second.polarity_scores(t) for t in probe] + [first.polarity_scores(t) for t in probe]
        second.lexicon["rizz"] = -2.4
        second.emojis["🫠"] = "melting face happy"
        scores += [first.polarity_scores(t) for t in probe] + [second.polarity_scores(t) for t in probe]
        runs.append(scores)
    assert runs[0] == runs[1]


def test_custom_lexicon_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lex = tmp_path / "lex.txt"
    lex.write_text("great\t3.1\tx\nawful\t-3.2\n\nmeh\t-0.3\n", encoding="utf-8")
    emo = tmp_path / "emo.txt"
    emo.write_text("🔥\tfire great\r\n", encoding="utf-8")
    ours = CompatAnalyzer(str(lex), str(emo))
    ref = vs.SentimentIntensityAnalyzer(str(lex), str(emo))
    for text in ["great 🔥", "not awful", "meh but great", "GREAT awful!!"]:
        assert ours.polarity_scores(text) == ref.polarity_scores(text)
    broken = tmp_path / "broken.txt"
    broken.write_text("great\t3.1\nawful -3.2\n", encoding="utf-8")
    with pytest.raises(ts.TextsiftValueError, match="line 2"):
        CompatAnalyzer(str(broken))


def test_empty_lexicon_file_is_an_empty_lexicon(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # An empty file is an empty table (vaderSentiment reads it so), not "use the built-in one".
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ours = CompatAnalyzer(lexicon_file=str(empty))
    ref = vs.SentimentIntensityAnalyzer(lexicon_file=str(empty))
    assert ours.lexicon == ref.lexicon == {}
    assert ours.emojis == ref.emojis
    for text in ["good", "GREAT!!! :)", "not bad at all 😀", "the food was awful"]:
        assert ours.polarity_scores(text) == ref.polarity_scores(text), text
    assert ours.polarity_scores("good")["compound"] == 0.0
    # vaderSentiment cannot read an empty emoji file (a ValueError); neither can we.
    with pytest.raises(ValueError):
        vs.SentimentIntensityAnalyzer(emoji_lexicon=str(empty))
    with pytest.raises(ValueError):
        CompatAnalyzer(emoji_lexicon=str(empty))


def _cpython_sum(values: list[float | int], *, compensate_ints: bool) -> float | int:
    """CPython 3.12+ ``sum()``: ints summed exactly until the first float, which is added plainly;
    after that Neumaier compensation for floats, and for ints too from 3.14."""
    it = iter(values)
    int_total = 0
    for x in it:
        if isinstance(x, int):
            int_total += x
            continue
        total = int_total + x
        break
    else:
        return int_total
    comp = 0.0
    for x in it:
        if isinstance(x, int) and not compensate_ints:
            total += float(x)
            continue
        x = float(x)
        t = total + x
        comp += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
        total = t
    return total + comp if comp and math.isfinite(comp) else total


def _sum_cpython312(values: list[float | int]) -> float | int:
    return _cpython_sum(values, compensate_ints=False)


def _sum_cpython314(values: list[float | int]) -> float | int:
    return _cpython_sum(values, compensate_ints=True)


@pytest.mark.parametrize(
    ("summation", "python_sum"),
    [("sequential", sum), ("compensated_floats", _sum_cpython312), ("compensated", _sum_cpython314)],
)
def test_every_cpython_summation(monkeypatch: pytest.MonkeyPatch, summation: str, python_sum: object) -> None:
    """Each summation mode equals vaderSentiment run with that CPython's ``sum()``."""
    monkeypatch.setattr(vs, "sum", python_sum, raising=False)
    ours = ts.Vader(summation=summation)
    texts = rule_texts(600, 11, max_words=60) + HANDPICKED
    bad = [t for t in texts if ours.polarity_scores(t) != REFERENCE.polarity_scores(t)]
    assert not bad, f"{len(bad)} differ, e.g. {bad[:3]}"


def test_default_summation_follows_the_interpreter() -> None:
    expected = "sequential" if sys.version_info < (3, 12) else "compensated_floats"
    if sys.version_info >= (3, 14):
        expected = "compensated"
    assert ts.Vader().summation == expected


def test_batch_api_and_pickling() -> None:
    v = ts.Vader()
    texts = rule_texts(2000, 3)
    one = v.score_batch(texts, n_threads=1)
    many = v.score_batch(texts, n_threads=4)
    for f in FIELDS:
        assert one[f].dtype.name == "float64"
        assert len(one[f]) == len(texts)
        assert one[f].tolist() == many[f].tolist()
    assert v.score_batch(["good", None], on_missing="empty")["compound"].tolist() == [0.4404, 0.0]
    assert v.score_batch(["good", None], on_missing="skip")["compound"].tolist() == [0.4404]
    with pytest.raises(ts.TextsiftTypeError, match=r"texts\[1\]"):
        v.score_batch(["good", None])
    frame = v.score_batch(["good", "bad"], as_frame=True)
    assert list(frame.columns) == list(FIELDS)
    custom = ts.Vader({"good": -1.0})
    for obj in (v, custom, ts.Vader(summation="compensated")):
        clone = pickle.loads(pickle.dumps(obj))
        assert clone.polarity_scores("good, not bad") == obj.polarity_scores("good, not bad")
        assert clone.summation == obj.summation
    assert custom.polarity_scores("good")["compound"] < 0


def test_bad_input() -> None:
    v = ts.Vader()
    for bad in (None, b"good", 3, ["good"]):
        with pytest.raises(ts.TextsiftTypeError):
            v.polarity_scores(bad)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError):
        v.score_batch("good")
    with pytest.raises(ts.TextsiftValueError):
        ts.Vader(summation="kahan")
    with pytest.raises(ts.TextsiftValueError):
        ts.Vader({"x": float("nan")})
    with pytest.raises(ts.TextsiftTypeError):
        ts.Vader({"x": "high"})  # type: ignore[dict-item]
    with pytest.raises(ts.TextsiftValueError, match="surrogate"):
        v.polarity_scores("bad \udcff")
    assert ts.sentiment("") == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


def test_long_document_is_linear() -> None:
    # 1 MB of text: vaderSentiment's rules are quadratic here; ours must stay well under a second.
    text = " ".join(rule_texts(20_000, 1))[:1_000_000]
    scores = ts.sentiment(text)
    assert -1.0 <= scores["compound"] <= 1.0


def test_corrected_mode_changes_only_what_it_documents() -> None:
    faithful, corrected = ts.Vader(), ts.Vader(mode="corrected")
    c = lambda t: corrected.polarity_scores(t)["compound"]  # noqa: E731
    f = lambda t: faithful.polarity_scores(t)["compound"]  # noqa: E731
    assert f("I ❤️ it") == 0.0 and c("I ❤️ it") == f("I ❤ it")
    assert f("no problem :)") < 0 < c("no problem :)")
    assert f("i can't stand it") == 0.0 > c("i can't stand it")
    assert f("ok!") == 0.0 < c("ok!")
    assert c("it was kind of bad") > c("it was bad")
    # Texts that touch none of the fixed rules score the same in both modes.
    plain = ["good", "The food was bad.", "not great", "I love it", "very happy today", "this is awful"]
    assert [f(t) for t in plain] == [c(t) for t in plain]
    assert corrected.mode == "corrected" and pickle.loads(pickle.dumps(corrected)).mode == "corrected"
    with pytest.raises(ts.TextsiftValueError):
        ts.Vader(mode="fixed")


def test_explanations_are_consistent_with_scores() -> None:
    v = ts.Vader()
    for text in [*HANDPICKED, *rule_texts(400, 21)]:
        e = v.explain(text)
        assert e.scores == v.polarity_scores(text), text
        for w in e.words:
            assert 0 <= w.start < w.end <= len(text), (text, w)
            assert w.text in text[w.start : w.end] or not text[w.start : w.end].isascii(), (text, w)
            if w.rules:
                assert w.rules[-1].valence == w.valence, (text, w)
        assert math.isclose(sum(w.valence for w in e.words), e.sum, rel_tol=1e-12, abs_tol=1e-12)


def test_explanation_html_escapes_user_text() -> None:
    text = '<script>alert(1)</script> "><img src=x onerror=alert(1)> great 😍'
    page = ts.Vader().explain(text)._repr_html_()
    assert "<script>" not in page and "<img" not in page
    assert "&lt;" in page and "script&gt;alert(1)" in page
    frame = ts.Vader().explain("not good").to_pandas()
    assert list(frame["text"]) == ["not", "good"]
