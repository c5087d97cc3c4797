"""rake-nltk-compatible API (rake-nltk 1.0.6), backed by textsift's Rust core.

Replace ``from rake_nltk import Rake, Metric`` with
``from textsift.compat.rake_nltk import Rake, Metric``: the ranked phrases, their order (ties
included) and their scores are the same, float for float, given the same sentences.

>>> from textsift.compat.rake_nltk import Metric, Rake
>>> r = Rake()
>>> r.extract_keywords_from_text("Red apples are good in flavour. Red apples are cheap.")
>>> r.get_ranked_phrases()
['red apples', 'red apples', 'good', 'flavour', 'cheap']
>>> r.get_ranked_phrases_with_scores()[0]
(4.0, 'red apples')
>>> r.get_word_degrees()["apples"], r.get_word_frequency_distribution()["apples"]
(4, 2)
>>> r = Rake(ranking_metric=Metric.WORD_DEGREE)
>>> r.extract_keywords_from_sentences(["Solar power, wind power", "Power lines"])
>>> r.get_ranked_phrases_with_scores()  # ties: the greater phrase first, as Python sorts
[(8.0, 'wind power'), (8.0, 'solar power'), (8.0, 'power lines')]

Two defaults differ, because rake-nltk's need NLTK data downloads:

* the stopwords are NLTK's lists embedded in textsift (``textsift.stopwords(language, "nltk")``),
  not read from ``nltk_data``;
* sentences are split by :func:`textsift.sentences`, not by NLTK's Punkt model
  (``nltk.sent_tokenize``). Pass ``sentence_tokenizer=nltk.sent_tokenize`` to use Punkt; any
  callable given as ``sentence_tokenizer`` or ``word_tokenizer`` is called exactly as rake-nltk
  calls it, and the rest of the work still runs in Rust.

Words are lower-cased as Python's ``str.lower()`` does (with the Rust standard library's Unicode
tables, which may be newer than the interpreter's; they can differ only on characters added in
between). ``ranking_metric`` takes this module's ``Metric`` or rake-nltk's own (by member name);
``metric`` then holds this module's member. Attributes keep rake-nltk's names (``stopwords``, ``punctuations``, ``to_ignore``,
``metric``, ``min_length``, ``max_length``, ``include_repeated_phrases``, ``sentence_tokenizer``,
``word_tokenizer``, and after an extraction ``rank_list``, ``ranked_phrases``, ``frequency_dist``
and ``degree``); changing them between extractions has the effect it has in rake-nltk.
"""

from __future__ import annotations

import math
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from enum import Enum
from itertools import chain

from textsift import sentences as _textsift_sentences
from textsift._textsift import Rake as _CoreRake
from textsift._textsift import RakeRanking
from textsift._textsift import stopwords as _stopwords
from textsift._textsift import wordpunct_tokenize as _wordpunct

__all__ = ["Metric", "Rake"]


class Metric(Enum):
    """The word score: ``d(w)/f(w)``, ``d(w)`` or ``f(w)``."""

    DEGREE_TO_FREQUENCY_RATIO = 0
    WORD_DEGREE = 1
    WORD_FREQUENCY = 2


def _metric(value: object) -> Metric:
    if isinstance(value, Metric):
        return value
    # rake_nltk's own Metric members are accepted too, by name.
    name = getattr(value, "name", None)
    if isinstance(value, Enum) and isinstance(name, str) and name in Metric.__members__:
        return Metric[name]
    return Metric.DEGREE_TO_FREQUENCY_RATIO


_MAX_LENGTH = 2**62


def _length_bounds(min_length: float, max_length: float) -> tuple[int, int]:
    """Whole-number bounds for the engine that keep the phrases rake-nltk keeps: it compares
    ``min_length <= len(phrase) <= max_length`` as Python does, so fractions and infinities are
    allowed (``min_length=1.5`` keeps two words or more, ``max_length=math.inf`` has no limit)."""
    if min_length != min_length or max_length != max_length:
        return 1, 0  # NaN: no comparison holds, no phrase is kept
    if isinstance(min_length, float) and math.isinf(min_length):
        low = 0 if min_length < 0 else _MAX_LENGTH
    else:
        low = min(max(math.ceil(min_length), 0), _MAX_LENGTH)
    if isinstance(max_length, float) and math.isinf(max_length):
        high = _MAX_LENGTH if max_length > 0 else 0
    else:
        high = min(max(math.floor(max_length), 0), _MAX_LENGTH)
    if low > high:
        return 1, 0
    return low, high


class Rake:
    """rake-nltk 1.0.6's ``Rake``: same constructor, methods and attributes."""

    def __init__(
        self,
        stopwords: set[str] | None = None,
        punctuations: set[str] | None = None,
        language: str = "english",
        ranking_metric: Metric = Metric.DEGREE_TO_FREQUENCY_RATIO,
        max_length: int = 100000,
        min_length: int = 1,
        include_repeated_phrases: bool = True,
        sentence_tokenizer: Callable[[str], list[str]] | None = None,
        word_tokenizer: Callable[[str], list[str]] | None = None,
    ) -> None:
        self.metric: Metric = _metric(ranking_metric)
        # As in rake-nltk, an empty collection means "use the default".
        self.stopwords: set[str] = stopwords if stopwords else set(_stopwords(language, "nltk"))
        self.punctuations: set[str] = punctuations if punctuations else set(string.punctuation)
        self.to_ignore: set[str] = set(chain(self.stopwords, self.punctuations))
        self.min_length: int = min_length
        self.max_length: int = max_length
        self.include_repeated_phrases: bool = include_repeated_phrases
        self.sentence_tokenizer: Callable[[str], list[str]] = sentence_tokenizer or _textsift_sentences
        self.word_tokenizer: Callable[[str], list[str]] = word_tokenizer or _wordpunct
        self.rank_list: list[tuple[float, str]]
        self.ranked_phrases: list[str]
        self._result: RakeRanking | None = None
        self._frequency_dist: dict[str, int] | None = None
        self._degree: dict[str, int] | None = None
        self._core_key: tuple[object, ...] | None = None
        self._core: _CoreRake | None = None

    def _engine(self) -> _CoreRake:
        min_length, max_length = _length_bounds(self.min_length, self.max_length)
        # The set's contents, not its id() and size: an in-place edit may keep both (a word
        # discarded, another added). Copying ~200 words is cheap next to an extraction.
        to_ignore = frozenset(self.to_ignore)
        key = (
            to_ignore,
            self.metric,
            min_length,
            max_length,
            bool(self.include_repeated_phrases),
        )
        if self._core is None or key != self._core_key:
            self._core = _CoreRake(
                stopwords=list(to_ignore),
                punctuations=[],
                metric=self.metric.name,
                min_length=min_length,
                max_length=max_length,
                include_repeated_phrases=bool(self.include_repeated_phrases),
            )
            self._core_key = key
        return self._core

    def extract_keywords_from_text(self, text: str) -> None:
        """Extracts the keyphrases of ``text``; read them with the ``get_*`` methods."""
        if self.sentence_tokenizer is _textsift_sentences and self.word_tokenizer is _wordpunct:
            self._store(self._engine().ranking(text))
            return
        self.extract_keywords_from_sentences(self._tokenize_text_to_sentences(text))

    def extract_keywords_from_sentences(self, sentences: list[str]) -> None:
        """Extracts the keyphrases of text already split into sentences."""
        if self.word_tokenizer is _wordpunct:
            self._store(self._engine().ranking_from_sentences(sentences))
            return
        words = [[w.lower() for w in self._tokenize_sentence_to_words(s)] for s in sentences]
        self._store(self._engine().ranking_from_words(words))

    def _store(self, result: RakeRanking) -> None:
        self._result = result
        self.rank_list = result.rank_list()
        self.ranked_phrases = [phrase for _, phrase in self.rank_list]
        # Built when first asked for: most callers only read the ranked phrases.
        self._frequency_dist = None
        self._degree = None

    @property
    def frequency_dist(self) -> dict[str, int]:
        """``word -> frequency`` (a ``Counter``) of the last extraction."""
        if self._frequency_dist is None:
            if self._result is None:
                raise AttributeError("'Rake' object has no attribute 'frequency_dist'")
            frequency: Counter[str] = Counter()
            # dict.update takes the (word, count) pairs as they are (Counter.update would count them).
            dict.update(frequency, self._result.frequencies())
            self._frequency_dist = frequency
        return self._frequency_dist

    @frequency_dist.setter
    def frequency_dist(self, value: dict[str, int]) -> None:
        self._frequency_dist = value

    @property
    def degree(self) -> dict[str, int]:
        """``word -> degree`` (a ``defaultdict``) of the last extraction."""
        if self._degree is None:
            if self._result is None:
                raise AttributeError("'Rake' object has no attribute 'degree'")
            degree: defaultdict[str, int] = defaultdict(int)
            dict.update(degree, self._result.degrees())
            self._degree = degree
        return self._degree

    @degree.setter
    def degree(self, value: dict[str, int]) -> None:
        self._degree = value

    def get_ranked_phrases(self) -> list[str]:
        """The phrases, best first (a repeated phrase once per occurrence)."""
        return self.ranked_phrases

    def get_ranked_phrases_with_scores(self) -> list[tuple[float, str]]:
        """``(score, phrase)`` pairs, best first."""
        return self.rank_list

    def get_word_frequency_distribution(self) -> dict[str, int]:
        """``word -> frequency`` (a ``Counter``)."""
        return self.frequency_dist

    def get_word_degrees(self) -> dict[str, int]:
        """``word -> degree`` (a ``defaultdict``)."""
        return self.degree

    def _tokenize_text_to_sentences(self, text: str) -> list[str]:
        return self.sentence_tokenizer(text)

    def _tokenize_sentence_to_words(self, sentence: str) -> list[str]:
        return self.word_tokenizer(sentence)
