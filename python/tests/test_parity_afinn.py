"""AFINN parity against the afinn 0.1 package, and custom word lists.

Generated texts mix AFINN entries (phrases included) with word fragments around them (to test the
word boundaries), emoticons in several cases, punctuation, non-ASCII letters and whitespace of
every kind. ``score``, ``scores`` and ``find_all`` must be equal, not close.
"""

from __future__ import annotations

import json
import pickle
import random

import pytest

import textsift as ts
from textgen import random_texts
from textsift.compat.afinn import Afinn as CompatAfinn

afinn = pytest.importorskip("afinn")

_EN = afinn.Afinn()
_ENTRIES = sorted(_EN._dict)
_EMOTICONS = sorted(afinn.Afinn(emoticons=True)._dict.keys() - _EN._dict.keys())
_DA = sorted(afinn.Afinn(language="da")._dict)
_AFFIX = ["", "", "", "", "s", "ness", "_", "1", "é", "x", "'", "-", "ly"]
_PUNCT = ["", "", "", "!", "?", ".", ",", ":", "(", ")", '"', "...", "#", "@"]
_SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", ""]
_OTHER = ["İstanbul", "ß", "ΣΟΦΙΑ", "日本", "😍", "👍🏽", "n't", "can't", "ok", "OK", "_", "42"]


def _text(rng: random.Random, vocab: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(0, 16)):
        r = rng.random()
        if r < 0.55:
            word = rng.choice(vocab)
        elif r < 0.7:
            word = rng.choice(_EMOTICONS)
        else:
            word = rng.choice(_OTHER)
        if rng.random() < 0.15:
            word = word.upper()
        elif rng.random() < 0.1:
            word = word.capitalize()
        if rng.random() < 0.25:
            word = rng.choice(_AFFIX) + word + rng.choice(_AFFIX)
        parts.append(rng.choice(_PUNCT) + word + rng.choice(_PUNCT) + rng.choice(_SPACES))
    return "".join(parts)


def texts(n: int, seed: int, vocab: list[str] = _ENTRIES) -> list[str]:
    rng = random.Random(seed)
    return [_text(rng, vocab) for _ in range(n)]


def _same(ours: object, ref: object, sample: list[str]) -> None:
    bad = []
    for t in sample:
        a = (ours.score(t), ours.scores(t), ours.find_all(t))  # type: ignore[attr-defined]
        b = (ref.score(t), [float(x) for x in ref.scores(t)], ref.find_all(t))  # type: ignore[attr-defined]
        if a != b:
            bad.append((t, a, b))
    assert not bad, f"{len(bad)} of {len(sample)} differ, e.g. {bad[:3]}"


@pytest.mark.parametrize(
    ("kwargs", "vocab"),
    [
        ({}, _ENTRIES),
        ({"emoticons": True}, _ENTRIES),
        ({"language": "da"}, _DA),
        ({"language": "da", "emoticons": True}, _DA),
        ({"word_boundary": False}, _ENTRIES),
    ],
)
def test_compat_afinn_matches_afinn(kwargs: dict[str, object], vocab: list[str]) -> None:
    sample = texts(2500, seed=len(str(kwargs)), vocab=vocab) + random_texts(500, seed=9)
    _same(CompatAfinn(**kwargs), afinn.Afinn(**kwargs), sample)  # type: ignore[arg-type]


def test_afinn_class_and_batch() -> None:
    sample = texts(1500, seed=4) + [row["text"] for row in ts.load_sample()]
    ours = ts.Afinn()
    expected = [_EN.score(t) for t in sample]
    assert [ours.score(t) for t in sample] == expected
    assert ours.score_batch(sample, n_threads=1).tolist() == expected
    assert ours.score_batch(sample, n_threads=3).tolist() == expected
    clone = pickle.loads(pickle.dumps(ts.Afinn("da", emoticons=True)))
    assert clone.score("godt :)") == afinn.Afinn(language="da", emoticons=True).score("godt :)")
    ref = afinn.Afinn()
    compat = CompatAfinn()
    for t in sample[:300]:
        assert compat.score_with_wordlist(t) == ref.score_with_wordlist(t)
        assert compat.split(t) == ref.split(t)


def test_custom_lexicon_scoring_and_merging() -> None:
    mine = ts.Lexicon({"Slay": 2.0, "mid": -1.0, "no cap": 0.5, "mid af": -2.5})
    assert mine.matches("SLAY... mid af, no cap") == [("slay", 2.0), ("mid af", -2.5), ("no cap", 0.5)]
    assert mine["slay"] == 2.0 and len(mine) == 4 and "mid" in mine
    merged = ts.Lexicon({"good": -1.0}, base="afinn")
    assert merged.score("good") == -1.0 and merged.score("bad") == _EN.score("bad")
    assert pickle.loads(pickle.dumps(mine)).matches("slay mid") == mine.matches("slay mid")
    vader = ts.Vader(lexicon=ts.Lexicon({"rizz": 2.4}, base="vader"))
    assert vader.polarity_scores("he has rizz")["compound"] > 0
    with pytest.raises(ts.TextsiftValueError):
        ts.Lexicon({"x": float("inf")})
    with pytest.raises(ts.TextsiftTypeError):
        ts.Lexicon({"x": "high"})  # type: ignore[dict-item]
    with pytest.raises(ts.TextsiftValueError, match="base"):
        ts.Lexicon({}, base="sentiwordnet")
    with pytest.raises(ts.TextsiftTypeError):
        mine.score(None)  # type: ignore[arg-type]
    assert mine.score_batch(["slay", None], on_missing="empty").tolist() == [2.0, 0.0]


def test_lexicon_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("word\tscore\nslay\t2\n# comment\n\nmid\t-1.5\textra\n", encoding="utf-8")
    csv = tmp_path / "mine.csv"
    csv.write_text('word,valence\n"well, actually",-1\nslay,2\n', encoding="utf-8")
    js = tmp_path / "mine.json"
    js.write_text(json.dumps({"slay": 2, "mid": -1.5}), encoding="utf-8")
    assert dict(ts.Lexicon.from_file(tsv)) == {"slay": 2.0, "mid": -1.5}
    assert dict(ts.Lexicon.from_file(csv)) == {"well, actually": -1.0, "slay": 2.0}
    assert dict(ts.Lexicon.from_file(js)) == {"slay": 2.0, "mid": -1.5}
    assert ts.Lexicon.from_file(csv).score("Well, actually, slay") == 1.0

    broken = tmp_path / "broken.tsv"
    broken.write_text("slay\t2\nmid\tmeh\n", encoding="utf-8")
    with pytest.raises(ts.TextsiftValueError, match=r"broken.tsv: line 2"):
        ts.Lexicon.from_file(broken)
    no_tab = tmp_path / "notab.tsv"
    no_tab.write_text("slay 2\n", encoding="utf-8")
    with pytest.raises(ts.TextsiftValueError, match="line 1"):
        ts.Lexicon.from_file(no_tab)
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("slay,2\nmid\n", encoding="utf-8")
    with pytest.raises(ts.TextsiftValueError, match="line 2"):
        ts.Lexicon.from_file(bad_csv)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"slay": 2,\n "mid": }', encoding="utf-8")
    with pytest.raises(ts.TextsiftValueError, match="line 2"):
        ts.Lexicon.from_file(bad_json)
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes("ok\t1\ncaf\xe9\t2\n".encode("latin-1"))
    with pytest.raises(ts.TextsiftValueError, match="line 2 is not valid UTF-8"):
        ts.Lexicon.from_file(latin1)
    with pytest.raises(FileNotFoundError):
        ts.Lexicon.from_file(tmp_path / "missing.tsv")
