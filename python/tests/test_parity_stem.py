"""Differential tests of the stemmers against PyStemmer 3.1.0 and NLTK 3.10.4's SnowballStemmer
and PorterStemmer, on Snowball's test vocabularies (../shared, skipped where absent), on the
sample corpus and on generated words."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import textsift as ts
from textsift.compat import nltk as compat_nltk
from textsift.compat import pystemmer as compat_pystemmer

PyStemmer = pytest.importorskip("Stemmer")
nltk_snowball = pytest.importorskip("nltk.stem.snowball")
nltk_porter = pytest.importorskip("nltk.stem.porter")

SNOWBALL = Path(__file__).resolve().parents[3] / "shared" / "data" / "snowball"
SAMPLE_WORDS = sorted(
    {
        t.text.lower()
        for row in ts.load_sample()
        for t in ts.tokens(row["text"])
        if t.kind in ("word", "hashtag", "number")
    }
)


def vocabulary(lang: str) -> list[str]:
    for name in ("voc.txt", "voc.from-rust-stemmers.txt"):
        path = SNOWBALL / lang / name
        if path.exists():
            return path.read_text(encoding="utf-8").split()
    return []


def _diff(ours: list[str], theirs: list[str], words: list[str]) -> list[tuple[str, str, str]]:
    return [(w, a, b) for w, a, b in zip(words, ours, theirs, strict=True) if a != b]


@pytest.mark.parametrize("algorithm", PyStemmer.algorithms())
def test_pystemmer_parity(algorithm: str) -> None:
    words = vocabulary(algorithm) + SAMPLE_WORDS
    theirs = PyStemmer.Stemmer(algorithm).stemWords(words)
    ours = ts.Stemmer(algorithm).stem_words(words)
    bad = _diff(ours, theirs, words)
    assert not bad, f"{len(bad)} of {len(words)} differ from PyStemmer, e.g. {bad[:5]}"
    assert compat_pystemmer.Stemmer(algorithm).stemWords(words[:500]) == theirs[:500]
    assert [compat_pystemmer.Stemmer(algorithm).stemWord(w) for w in words[:200]] == theirs[:200]


def _generated_words(base: list[str], seed: int, n: int = 6_000) -> list[str]:
    """Words built from real ones: a one-letter or ``qu`` elision before them (each apostrophe),
    a suffix of another word stacked on, a letter doubled, a hyphen, digit or capital inserted."""
    rng = random.Random(seed)
    base = base or ["word"]
    marks = ["'", "\u2019", "-", "0", "_"]
    out = [
        f"{p}{a}{rng.choice(base)}" for p in [*"abcdefghijklmnopqrstuvwxyz", "qu"] for a in ("'", "\u2019")
    ]
    for _ in range(n):
        w, other = rng.choice(base), rng.choice(base)
        k = rng.randrange(len(w) + 1)
        match rng.randrange(4):
            case 0:
                w = w + other[rng.randrange(len(other) + 1) :]
            case 1:
                w = w[:k] + w[k : k + 1] * 2 + w[k + 1 :]
            case 2:
                w = w[:k] + rng.choice(marks) + w[k:]
            case _:
                w = w[:k] + w[k:].capitalize()
        out.append(w)
    return out


@pytest.mark.parametrize("algorithm", PyStemmer.algorithms())
def test_pystemmer_parity_generated(algorithm: str) -> None:
    words = _generated_words(vocabulary(algorithm)[:5_000] or SAMPLE_WORDS, seed=len(algorithm))
    theirs = PyStemmer.Stemmer(algorithm).stemWords(words)
    bad = _diff(ts.Stemmer(algorithm).stem_words(words), theirs, words)
    assert not bad, f"{len(bad)} of {len(words)} differ from PyStemmer, e.g. {bad[:5]}"


def test_compat_algorithms_lists_what_pystemmer_lists() -> None:
    for aliases in (False, True):
        assert compat_pystemmer.algorithms(aliases) == sorted(PyStemmer.algorithms(aliases))
    # Every name PyStemmer lists is taken, and so are ISO codes.
    for name in [*PyStemmer.algorithms(), "en", "fr"]:
        compat_pystemmer.Stemmer(name)


def test_vocabularies_present_or_skipped() -> None:
    if not SNOWBALL.is_dir():
        pytest.skip("../shared/data/snowball is not here")
    assert len(vocabulary("english")) > 40_000


NLTK_LANGUAGES = list(nltk_snowball.SnowballStemmer.languages)
# NLTK lower-cases with str.lower before stemming, except in these two.
NLTK_AS_GIVEN = {"arabic", "russian"}

# Letters of each language (lower case; generated words are sometimes capitalised). The extra
# pool mixes digits, punctuation, the transliteration's own `^ \` '`, Latin letters the Russian
# round trip cannot place, and foreign letters whose lower case is special (İ, Σ).
ALPHABETS = {
    "arabic": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "ًٌٍَُِّْ" + "ـ،؛؟-",
    "danish": "abcdefghijklmnopqrstuvwxyzæøå",
    "dutch": "abcdefghijklmnopqrstuvwxyzäëïöüáéíóúè",
    "english": "abcdefghijklmnopqrstuvwxyz'’",
    "finnish": "abcdefghijklmnopqrstuvwxyzäöå",
    "french": "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ",
    "german": "abcdefghijklmnopqrstuvwxyzäöüß",
    "hungarian": "abcdefghijklmnopqrstuvwxyzáéíóöőúüűõû",
    "italian": "abcdefghijklmnopqrstuvwxyzàèéìíîòóùú",
    "norwegian": "abcdefghijklmnopqrstuvwxyzæøåéèêòóô",
    "porter": "abcdefghijklmnopqrstuvwxyz",
    "portuguese": "abcdefghijklmnopqrstuvwxyzáâãàçéêíóôõúü~",
    "romanian": "abcdefghijklmnopqrstuvwxyzăâîşţșț",
    "russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "spanish": "abcdefghijklmnopqrstuvwxyzáéíóúüñ",
    "swedish": "abcdefghijklmnopqrstuvwxyzåäö",
}
EXTRA = "0123456789-'.,:^`" + "hcstiaeuyk" + "çñßøжЖ中😂İΣ"
VOWELS = set("aeiouyäöüåæøéáíóúàèìòùâêîôûăëïõőűаеиоуыэюяё" + "اوي")


def _suffixes(lang: str) -> list[str]:
    """Every suffix in NLTK's tables for the language (Russian's are Latin: turned to Cyrillic)."""
    cls = getattr(nltk_snowball, ("english" if lang == "porter" else lang).capitalize() + "Stemmer")
    found = {x for v in vars(cls).values() if isinstance(v, tuple) for x in v if isinstance(x, str) and x}
    if lang == "russian":
        to_cyrillic = nltk_snowball.RussianStemmer()._RussianStemmer__roman_to_cyrillic
        found = {to_cyrillic(x) for x in found}
    return sorted(found)


def generated_words(lang: str, n: int = 6000) -> list[str]:
    """`n` words with a fixed seed: random letters, vowel-less runs, chains of NLTK's suffixes
    (alone and after a short stem), words with digits, punctuation and foreign letters, and
    one- to three-letter words; a tenth of them capitalised or in capitals."""
    import random

    rng = random.Random(f"nltk-{lang}")
    alpha = ALPHABETS[lang]
    suffixes = _suffixes(lang)
    consonants = [c for c in alpha if c not in VOWELS]

    def letters(pool: str | list[str], lo: int, hi: int) -> str:
        return "".join(rng.choice(pool) for _ in range(rng.randint(lo, hi)))

    words = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            w = letters(alpha, 1, 12)
        elif kind == 1:
            w = letters(consonants, 1, 8)
        elif kind == 2:
            w = letters(suffixes, 1, 4)
        elif kind == 3:
            w = letters(alpha, 1, 6) + letters(suffixes, 1, 3)
        elif kind == 4:
            w = letters(alpha + EXTRA, 1, 10)
        else:
            w = letters(alpha, 1, 3)
        if rng.random() < 0.1:
            w = w.upper() if rng.random() < 0.5 else w.capitalize()
        words.append(w)
    return words


def _nltk_stems(lang: str, words: list[str]) -> list[str]:
    # One NLTK object for the whole list, in order (NLTK's Arabic object remembers).
    ref = nltk_snowball.SnowballStemmer(lang)
    return [ref.stem(w) for w in words]


def _as_nltk_sees(lang: str, words: list[str]) -> list[str]:
    return words if lang in NLTK_AS_GIVEN else [w.lower() for w in words]


def test_nltk_family_is_nltks_languages() -> None:
    assert ts.stem_languages("nltk") == NLTK_LANGUAGES
    assert compat_nltk.SnowballStemmer.languages == nltk_snowball.SnowballStemmer.languages


@pytest.mark.parametrize("source", ["vocabulary", "sample", "generated"])
@pytest.mark.parametrize("lang", NLTK_LANGUAGES)
def test_nltk_snowball_parity(lang: str, source: str) -> None:
    if source == "vocabulary":
        words = vocabulary(lang)
        if not words:
            pytest.skip(f"Snowball's {lang} vocabulary is not in ../shared")
    else:
        words = SAMPLE_WORDS if source == "sample" else generated_words(lang)
    theirs = _nltk_stems(lang, words)
    ours = ts.Stemmer(lang, algorithm="nltk").stem_words(_as_nltk_sees(lang, words))
    bad = _diff(ours, theirs, words)
    assert not bad, f"{len(bad)} of {len(words)} differ from NLTK, e.g. {bad[:5]}"
    compat = compat_nltk.SnowballStemmer(lang)
    assert [compat.stem(w) for w in words] == theirs
    assert compat_nltk.SnowballStemmer(lang).stem_words(words) == theirs


@pytest.mark.parametrize("lang", [lang for lang in NLTK_LANGUAGES if lang not in ("arabic", "russian")])
def test_nltk_length_limit_is_on_the_word_as_given(lang: str) -> None:
    # Words over 1 KiB come back unstemmed; lower-casing lengthens `İ` (2 bytes to 3), and a word
    # within the limit before it is still stemmed as NLTK stems it.
    compat = compat_nltk.SnowballStemmer(lang)
    ref = nltk_snowball.SnowballStemmer(lang)
    for suffix in ("ations", "ingly", "ernes", "amente", "issements"):
        word = "İ" + "x" * (1022 - len(suffix)) + suffix
        assert len(word.encode()) == 1024 < len(word.lower().encode())
        assert compat.stem(word) == ref.stem(word), suffix
        assert compat.stem_words([word, word]) == [ref.stem(word)] * 2


def test_nltk_arabic_memory() -> None:
    # NLTK's Arabic object never resets "a verb suffix went in step 1": after such a word, it
    # stems other words differently. `stem` answers as a new object, batches as one object.
    trigger, word = "كتبه", "أأترفتم"
    ref = nltk_snowball.SnowballStemmer("arabic")
    before, _, after = ref.stem(word), ref.stem(trigger), ref.stem(word)
    assert before != after
    compat = compat_nltk.SnowballStemmer("arabic")
    assert [compat.stem(word), compat.stem(trigger), compat.stem(word)] == [before, ref.stem(trigger), after]
    import pickle

    assert pickle.loads(pickle.dumps(compat)).stem(word) == after
    stemmer = ts.Stemmer("arabic", algorithm="nltk")
    assert stemmer.stem(word) == before and stemmer.stem(trigger) == ref.stem(trigger)
    assert stemmer.stem_words([word, trigger, word, word]) == [before, ref.stem(trigger), after, after]
    words = vocabulary("arabic")[::40] + generated_words("arabic", 1200)
    assert [stemmer.stem(w) for w in words] == [
        nltk_snowball.SnowballStemmer("arabic").stem(w) for w in words
    ]
    with pytest.raises(ts.TextsiftValueError):
        stemmer.stem_words([word], n_threads=0)


@pytest.mark.parametrize("lang", NLTK_LANGUAGES)
def test_nltk_snowball_ignore_stopwords(lang: str) -> None:
    if lang == "porter":
        # NLTK has no stopword list named "porter" and refuses.
        with pytest.raises(ValueError):
            compat_nltk.SnowballStemmer(lang, ignore_stopwords=True)
        return
    ours = compat_nltk.SnowballStemmer(lang, ignore_stopwords=True)
    assert (
        ours.stopwords == ts.stopwords(lang, "nltk") and compat_nltk.SnowballStemmer(lang).stopwords == set()
    )
    try:
        ref = nltk_snowball.SnowballStemmer(lang, ignore_stopwords=True)
        assert ref.stopwords == set(ours.stopwords)
    except LookupError:
        # NLTK's stopwords corpus is not installed (nltk_data): give NLTK textsift's copy of its
        # lists, which still checks where and how each language's stemmer consults them.
        ref = nltk_snowball.SnowballStemmer(lang)
        ref.stemmer.stopwords = set(ours.stopwords)
    stop = sorted(ours.stopwords)
    words = stop + [w.upper() for w in stop] + [w + w[-1:] for w in stop] + SAMPLE_WORDS[:3000]
    if lang == "arabic":
        # NLTK checks the list after stripping diacritics and tatweel, and returns the stripped word.
        words += [w[:1] + "\u064e" + w[1:] + "\u0640" for w in stop]
    words += generated_words(lang, 1200)
    assert [ours.stem(w) for w in words] == [ref.stem(w) for w in words]


def _porter_words() -> list[str]:
    import random

    rng = random.Random(3)
    # Generated words stress the y-as-vowel rules, doubles and non-ASCII letters.
    generated = [
        "".join(rng.choice("aeiouyybcdglmnrstzé") for _ in range(rng.randint(1, 12))) for _ in range(20_000)
    ]
    return vocabulary("porter") + SAMPLE_WORDS + generated + ["Dying", "SKIES", "İnning", "ab", "y", ""]


@pytest.mark.parametrize("mode", ["NLTK_EXTENSIONS", "MARTIN_EXTENSIONS", "ORIGINAL_ALGORITHM"])
def test_nltk_porter_every_mode(mode: str) -> None:
    words = _porter_words()
    ref = nltk_porter.PorterStemmer(mode=mode)
    ours = compat_nltk.PorterStemmer(mode=mode)
    theirs = [ref.stem(w) for w in words]
    bad = _diff(ours.stem_words(words), theirs, words)
    assert not bad, f"{len(bad)} of {len(words)} differ in {mode}, e.g. {bad[:5]}"
    assert [ours.stem(w) for w in words[:3000]] == theirs[:3000]
    assert [ours.stem(w, to_lowercase=False) for w in words[:3000]] == [
        ref.stem(w, to_lowercase=False) for w in words[:3000]
    ]


def test_nltk_snowball_porter_is_nltk_porter() -> None:
    # NLTK decides on the token's own length whether to stem: "İs" lower-cases to three code points.
    words = vocabulary("porter")[:5000] + SAMPLE_WORDS + ["İs", "İx", "xİ", "İ", "Dying", "SKIES", "İnning"]
    ref = nltk_snowball.SnowballStemmer("porter")
    ours = compat_nltk.SnowballStemmer("porter")
    assert [ours.stem(w) for w in words] == [ref.stem(w) for w in words]
    with pytest.raises(ts.TextsiftValueError):
        compat_nltk.PorterStemmer(mode="FANCY")


def test_stem_api_and_bad_input() -> None:
    assert ts.stem("running") == "run"
    assert ts.stem(["cats", "cats", "running"]) == ["cat", "cat", "run"]
    assert ts.stem(("läuft",), lang="de") == [ts.Stemmer("german").stem("läuft")]
    with pytest.raises(ts.TextsiftValueError, match="supported: .*english"):
        ts.Stemmer("klingon")
    with pytest.raises(ts.TextsiftValueError, match="classic"):
        ts.Stemmer("en", algorithm="fancy")
    with pytest.raises(ts.TextsiftValueError):
        ts.Stemmer("ukrainian", algorithm="classic")
    s = ts.Stemmer("en")
    for bad in (None, b"word", 3, ["x"]):
        with pytest.raises(ts.TextsiftTypeError):
            s.stem(bad)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError, match=r"\[1\]"):
        s.stem_words(["a", None])  # type: ignore[list-item]
    with pytest.raises(ts.TextsiftTypeError):
        s.stem_words("a string")
    assert s.stem("") == ""
    for odd in ("123", "😂", "abc123", "naïve", "日本語", "ПРИВЕТ", "x" * 1_000_000):
        assert isinstance(s.stem(odd), str)
    # Longer than any word: returned unchanged, at once (Snowball's runtime is quadratic on these).
    giant = "y" * 1_000_000
    assert s.stem(giant) == giant and ts.Stemmer("en", algorithm="classic").stem(giant) == giant
    for lang in NLTK_LANGUAGES:
        assert ts.Stemmer(lang, algorithm="nltk").stem(giant) == giant
        assert compat_nltk.SnowballStemmer(lang).stem(giant.upper()) == (
            giant.upper() if lang in NLTK_AS_GIVEN else giant
        )
    with pytest.raises(ts.TextsiftTypeError):
        compat_nltk.SnowballStemmer("english").stem(None)  # type: ignore[arg-type]
    with pytest.raises(ts.TextsiftTypeError, match=r"\[1\]"):
        compat_nltk.SnowballStemmer("english").stem_words(["a", 3])  # type: ignore[list-item]
    assert compat_nltk.PorterStemmer().stem(giant) == ts.porter_stem(giant)
    big = ["running"] * 100_000 + SAMPLE_WORDS
    assert s.stem_words(big, n_threads=1) == s.stem_words(big) == s.stem_words(big, n_threads=3)


def test_stem_words_streams_many_distinct_words_in_chunks() -> None:
    """Many distinct words are stemmed in chunks while later words are still being read: the
    result equals one-word calls on any thread count, and a bad or failing item late in the
    input is named, whichever thread is stemming the chunks before it."""
    rng = random.Random(11)
    stems = [ts.Stemmer("en"), ts.Stemmer("en", algorithm="classic"), ts.Stemmer("en", algorithm="nltk")]
    words = [
        "".join(rng.choice("abcdefghilmnoprstuy") for _ in range(rng.randint(1, 12))) + suffix
        for suffix in ("", "ing", "ed", "ies", "ness", "ational", "s", "ly")
        for _ in range(6_000)
    ]
    words += rng.choices(words, k=30_000) + ["", "ÉTÉ", "naïvement", "😂"]
    rng.shuffle(words)
    for s in stems:
        expected = [s.stem(w) for w in words]
        for n in (1, 2, 3):
            assert s.stem_words(words, n_threads=n) == expected
            assert s.stem_words(iter(words), n_threads=n) == expected
    expected = [ts.porter_stem(w) for w in words]
    assert ts.porter_stem_words(words, n_threads=2) == expected
    # Unique words first (a vocabulary: read without lookups for a while), then text that
    # repeats its words: the results are the same, and once a probe finds the repeats, equal
    # words share one stem object again.
    vocabulary = sorted(set(words))
    vocabulary += words
    for s in stems:
        expected = [s.stem(w) for w in vocabulary]
        for n in (1, 2):
            assert s.stem_words(vocabulary, n_threads=n) == expected
    # A word list, then a long text of 100 words (each occurrence its own string object): a
    # probe finds the repeats within 9,216 words, and from then on equal words share a stem.
    common = [w for w in vocabulary[:5000] if len(w) > 4][:100]
    text = ["".join(list(rng.choice(common))) for _ in range(50_000)]
    out = stems[0].stem_words(vocabulary[:20_000] + text)
    assert out[20_000:] == [stems[0].stem(w) for w in text]
    assert len({id(x) for x in out[20_000:]}) < 8192 + 1024 + 2 * 100

    late = len(words) - 5
    bad = words[:late] + [3] + words[late:]
    for n in (1, 2):
        with pytest.raises(ts.TextsiftTypeError, match=rf"words\[{late}\] must be str, not int"):
            stems[0].stem_words(bad, n_threads=n)  # type: ignore[arg-type]

    def failing() -> Iterator[str]:
        yield from words
        raise RuntimeError("source failed")

    for n in (1, 2):
        with pytest.raises(RuntimeError, match="source failed"):
            stems[0].stem_words(failing(), n_threads=n)


def test_stemmer_pickles_and_reprs() -> None:
    import pickle

    s = ts.Stemmer("fr", algorithm="classic")
    assert repr(s) == "Stemmer('french', algorithm='classic')"
    clone = pickle.loads(pickle.dumps(s))
    assert clone == s and clone.stem("continuellement") == s.stem("continuellement")
    assert "porter" in ts.stem_languages() and "porter" not in ts.stem_languages("classic")
    n = ts.Stemmer("ru", algorithm="nltk")
    assert repr(n) == "Stemmer('russian', algorithm='nltk')" and n.algorithm == "nltk"
    assert pickle.loads(pickle.dumps(n)) == n != ts.Stemmer("ru", algorithm="classic")
    assert "porter" in ts.stem_languages("nltk") and "greek" not in ts.stem_languages("nltk")
    with pytest.raises(ts.TextsiftValueError, match="supported: arabic"):
        ts.Stemmer("greek", algorithm="nltk")
    c = compat_nltk.SnowballStemmer("german", ignore_stopwords=True)
    assert repr(c) == "<SnowballStemmer('german')>"
    assert pickle.loads(pickle.dumps(c)).stem("keine") == "keine"


def test_stopwords() -> None:
    en = ts.stopwords("en")
    assert isinstance(en, frozenset) and {"the", "not", "no", "very"} <= en
    assert ts.stopwords("english", "nltk") == en
    assert len(ts.stopwords("en", "iso")) > len(en)
    assert ts.stopwords("de")  # by code
    assert ts.stopwords("japanese", "iso")
    with pytest.raises(ts.TextsiftValueError, match="NLTK has"):
        ts.stopwords("klingon")
    with pytest.raises(ts.TextsiftValueError):
        ts.stopwords("en", "spacy")
    ignoring = compat_nltk.SnowballStemmer("english", ignore_stopwords=True)
    assert ignoring.stem("having") == "having"
    assert compat_nltk.SnowballStemmer("english").stem("having") == "have"


def test_env_isolation() -> None:
    # The vocabularies live outside the package; nothing here may depend on them existing.
    assert os.path.basename(str(SNOWBALL)) == "snowball"


def test_analyzer_pipeline_with_stopwords_and_stemming() -> None:
    import pickle

    a = ts.Analyzer(
        "social",
        normalizers=["lowercase"],
        drop_kinds=["punctuation"],
        stopwords="en",
        stem=ts.Stemmer("en"),
    )
    assert a.terms("The creators are RUNNING the #Reels!") == ["creator", "run", "#reels"]
    clone = pickle.loads(pickle.dumps(a))
    assert clone == a and clone.terms("Cats running") == ["cat", "run"]
    mine = ts.Analyzer(normalizers=["lowercase"], stopwords=["tiktok"], stem="en")
    assert mine.terms("TikTok creators") == ["creator"]
    assert "stopwords=<1 words>" in repr(mine)
    texts = [row["text"] for row in ts.load_sample()]
    assert a.terms_batch(texts, n_threads=1) == a.terms_batch(texts) == [a.terms(t) for t in texts]
    with pytest.raises(ts.TextsiftValueError):
        ts.Analyzer(stopwords="klingon")
    with pytest.raises(ts.TextsiftTypeError):
        ts.Analyzer(stem=3)  # type: ignore[arg-type]


def test_stem_words_agrees_with_stem_and_reuses_unchanged_words() -> None:
    # The batch path stems each distinct word once and returns the word's own object where it is
    # its own stem; exceptional stems of the same length ("early" -> "earli") are new strings.
    s = ts.Stemmer("english")
    words = ["early", "only", "ugly", "sky", "news", "cat", "cats", "running", "naïve", "Ωmega", ""]
    words = words + [w.upper() for w in words] + ["'tis", "Yelling", "x" * 70]
    for batch in (words, tuple(words), (w for w in words)):
        out = s.stem_words(batch, n_threads=1)
        assert out == [s.stem(w) for w in words]
        for word, stem in zip(words, out, strict=True):
            assert (stem is word) == (stem == word), word
    assert s.stem_words(["early", "early"]) == ["earli", "earli"]
