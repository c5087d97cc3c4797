"""The report: compare groups of posts (per platform, brand, campaign...) in one object.

:func:`build_report` (or a :class:`ReportBuilder` fed chunk by chunk, which is what the
``textsift report`` command does) gives a :class:`Report`: per group its size, VADER sentiment
(mean, the positive/neutral/negative shares at +-0.05 and a histogram of compound scores),
sentiment over time, the most distinctive terms against the other groups (:class:`Keyness`, one
group against the rest), the top keyphrases (:class:`Yake`), sentiment toward named targets
(:class:`TargetedSentiment`) and the top hashtags, mentions and emoji.

``str(report)`` is the terminal summary, ``report.to_html()`` a self-contained HTML page with
inline SVG charts (nothing loaded from the network, every piece of user text escaped),
``report.to_dict()``/``to_json()`` the numbers, and ``report.to_pandas()`` one row per group.

Memory does not grow with the input: the builder keeps only aggregates (sums, histograms, counts
per day, term counts per group) and, for keyphrases, a uniform random sample of at most
``keyphrase_sample`` posts per group. Term and hashtag counts are exact until a group has more
than ``max_terms`` (100,000) distinct terms; then the rarest are dropped and ``report.approximate`` is true.

>>> import textsift as ts
>>> rows = ts.load_sample()
>>> report = ts.build_report([r["text"] for r in rows], groups=[r["platform"] for r in rows],
...                          dates=[r["date"] for r in rows], group_column="platform")
>>> sorted(report.groups) == ["Instagram Reels", "TikTok", "YouTube Shorts"]
True
>>> report.groups["TikTok"]["posts"] > 0
True
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from textsift import _textsift
from textsift.errors import TextsiftTypeError, TextsiftValueError

__all__ = ["GroupTerms", "HISTOGRAM_BINS", "Report", "ReportBuilder", "build_report"]

# VADER's own thresholds for positive and negative.
POSITIVE = 0.05
NEGATIVE = -0.05
HISTOGRAM_BINS = 20
# Groups whose keyphrases are extracted in one batch: enough for every core, few enough that
# their joined samples (up to keyphrase_sample posts each) stay small.
KEYPHRASE_GROUPS_PER_BATCH = 16
UNGROUPED = "(all)"
MISSING_GROUP = "(none)"

# Keyness's default analyzer (social tokens, lower-cased, words only), rebuilt from public parts
# so that counts can be kept per chunk.
_NON_WORD_KINDS = tuple(kind for kind in _textsift.TOKEN_KINDS if kind != "word")
_TAG_KINDS = ("hashtag", "mention", "emoji")
# Stands for the terms left out of keyness (a NUL cannot be part of a token).
_REST = "\x00rest"


def _check_iterable(texts: object) -> None:
    """Reject what iterates but is not a batch of texts, with the batch APIs' messages."""
    if isinstance(texts, str):
        raise TextsiftTypeError("texts must be an iterable of str, not a single str; wrap it in a list")
    if isinstance(texts, (bytes, bytearray, memoryview)) or not isinstance(texts, Iterable):
        raise TextsiftTypeError(f"texts must be an iterable of str, not {type(texts).__name__}")


def _checked(texts: Iterable[Any], start: int = 0) -> Iterator[str]:
    """``texts`` as they are read, each checked to be a ``str`` (``texts[i]`` counts from ``start``);
    lazy, so a generator is never held in memory just to be validated."""
    for i, t in enumerate(texts, start):
        if not isinstance(t, str):
            if _is_missing(t):
                raise TextsiftTypeError(f"texts[{i}] is missing (None or NaN)")
            raise TextsiftTypeError(f"texts[{i}] must be str, not {type(t).__name__}")
        yield t


def _is_missing(value: object) -> bool:
    """What the batch APIs count as missing: ``None``, a float NaN, pandas' ``pd.NA``/``pd.NaT``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    kind = type(value)
    return kind.__name__ in ("NAType", "NaTType") and kind.__module__.startswith("pandas")


def _histogram_bins(compound: Any) -> Any:
    """The histogram bin of each compound score (a numpy array): 20 bins of width 0.1 over
    [-1, 1], 1.0 in the last one."""
    import numpy as np

    # `astype` truncates toward zero, as `int()` does.
    return np.clip(((compound + 1.0) * HISTOGRAM_BINS / 2.0).astype(np.int64), 0, HISTOGRAM_BINS - 1)


@lru_cache(maxsize=8192)
def _parse_day(value: str) -> _dt.date | None:
    """The day of an ISO-like date or timestamp (``2024-01-31``, ``2024-01-31T12:00:00Z``,
    ``2024/01/31 ...``); ``None`` for anything else."""
    head = value.strip()[:10].replace("/", "-")
    try:
        return _dt.date.fromisoformat(head)
    except ValueError:
        return None


def _prune(counter: Counter[str], cap: int) -> bool:
    """Keep the ``cap // 2`` most frequent entries once ``counter`` grows past ``cap``."""
    if len(counter) <= cap:
        return False
    keep = counter.most_common(cap // 2)
    counter.clear()
    counter.update(dict(keep))
    return True


class _ChunkGroups:
    """The posts of a chunk by group, for per-group sums without a Python step per post: the
    groups in order of first appearance (``names``), each post's group as an index into them
    (``codes``) and each group's posts in input order (``posts``).

    Adding a group's values in input order (``numpy.add.at``) gives the same floating-point sums,
    to the bit, as adding them post by post.
    """

    def __init__(self, names: Sequence[str]) -> None:
        import numpy as np

        self.names = list(dict.fromkeys(names))
        code_of = {name: k for k, name in enumerate(self.names)}
        # As a list for `Analyzer.count_by_group`, as an array for numpy.
        self.code_list = list(map(code_of.__getitem__, names))
        self.codes = np.array(self.code_list, dtype=np.intp)
        # A stable sort keeps each group's posts in input order.
        by_group = np.argsort(self.codes, kind="stable")
        ends = np.cumsum(np.bincount(self.codes, minlength=len(self.names)))[:-1]
        self.posts: list[list[int]] = [part.tolist() for part in np.split(by_group, ends)]

    def count(self, where: Any = None) -> Any:
        """Posts per group (those where the boolean array ``where`` is true, if given)."""
        import numpy as np

        codes = self.codes if where is None else self.codes[where]
        return np.bincount(codes, minlength=len(self.names))

    def totals(self, values: Any, where: Any = None) -> Any:
        """Per group, the sum of the integers ``values`` of its posts (where ``where`` is true)."""
        import numpy as np

        codes = self.codes if where is None else self.codes[where]
        # Float sums of integers are exact below 2**53.
        return np.bincount(codes, weights=values, minlength=len(self.names)).astype(np.int64)

    def count_by_bin(self, bins: Any, n_bins: int) -> list[list[int]]:
        """Per group, its posts in each of ``n_bins`` bins (``bins``: each post's bin)."""
        import numpy as np

        counts = np.bincount(self.codes * n_bins + bins, minlength=len(self.names) * n_bins)
        return counts.reshape(len(self.names), n_bins).tolist()

    def sums(self, start: Sequence[float], values: Any, where: Any = None) -> Any:
        """``start[k]`` plus group ``k``'s ``values`` added one by one in input order."""
        import numpy as np

        out = np.array(start, dtype=np.float64)
        np.add.at(out, self.codes if where is None else self.codes[where], values)
        return out


def _ranked(counter: Counter[str], top: int) -> list[list[Any]]:
    # Ties are broken by the item itself, so output never depends on input order.
    return [[k, v] for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def _count_into(
    counters: dict[str, Counter[str]], chunk: _ChunkGroups, counts: dict[int, dict[str, int]]
) -> None:
    """Add a chunk's term counts per group (``Analyzer.count_by_group``) to ``counters``, by
    group name. Each group's terms come in order of first appearance, so a new term enters its
    counter where one ``Counter.update`` per post would put it (which decides ties when
    pruning)."""
    for code, terms in counts.items():
        name = chunk.names[code]
        counter = counters.get(name)
        if counter is None:
            counter = counters[name] = Counter()
        counter.update(terms)


class GroupTerms:
    """Word counts per group, kept chunk by chunk, for :class:`Keyness` one group against the rest.

    Terms are those of Keyness's default analyzer (social-media tokens, lower-cased, words only),
    so ``one_vs_rest`` gives what ``Keyness(method).one_vs_rest(texts, groups)`` gives on all the
    texts at once, as long as no group passed ``max_terms`` (100,000) distinct terms (see ``approximate``).

    >>> gt = GroupTerms()
    >>> _ = gt.add(["dance trend", "dance sound"], ["TikTok", "TikTok"])
    >>> _ = gt.add(["video shorts", "video sound"], ["YouTube", "YouTube"])
    >>> [(r["group"], r["term"]) for r in gt.one_vs_rest(top=1)]
    [('TikTok', 'dance'), ('YouTube', 'video')]
    """

    def __init__(
        self, max_terms: int = 100_000, n_threads: int | None = None, max_vocabulary: int = 100_000
    ) -> None:
        self.max_terms = max_terms
        self.max_vocabulary = max_vocabulary
        self.n_threads = n_threads
        self.counts: dict[str, Counter[str]] = {}
        self.approximate = False
        self._words = _textsift.Analyzer("social", normalizers=["lowercase"], drop_kinds=_NON_WORD_KINDS)

    def add(self, texts: Sequence[str], groups: Sequence[str]) -> Any:
        """Count the words of ``texts`` into their groups; returns how many words each text has
        (a numpy ``int64`` array)."""
        return self._add(texts, _ChunkGroups(groups))

    def _add(self, texts: Sequence[str], chunk: _ChunkGroups) -> Any:
        counts, lengths = self._words.count_by_group(texts, chunk.code_list, n_threads=self.n_threads)
        _count_into(self.counts, chunk, counts)
        for counter in self.counts.values():
            if _prune(counter, self.max_terms):
                self.approximate = True
        return lengths

    def one_vs_rest(
        self, method: str = "log_odds", top: int | None = None, groups: Sequence[str] | None = None
    ) -> Any:
        """:meth:`Keyness.one_vs_rest` over the counted groups (in ``groups`` order if given).

        Keyness needs memory in proportion to the vocabulary of all groups together; past
        ``max_vocabulary`` terms, only the ``max_vocabulary // groups`` most frequent terms of each
        group are scored, and the others are pooled into one unreported term per group, so that
        the corpus sizes (and with them every kept term's G2, chi-square and log ratio) stay exact.
        """
        names = list(groups) if groups is not None else sorted(self.counts)
        counts = [self.counts.get(n, Counter()) for n in names]
        vocabulary: set[str] | None = None
        if sum(len(c) for c in counts) > self.max_vocabulary:
            per_group = max(1, self.max_vocabulary // max(1, len(names)))
            vocabulary = {term for c in counts for term, _ in c.most_common(per_group)}
            self.approximate = True
        docs = [self._doc(c, vocabulary) for c in counts]
        keyness = _textsift.Keyness(method, analyzer="pretokenized", n_threads=self.n_threads)
        if vocabulary is None:
            return keyness.one_vs_rest(docs, names, top=top)
        result = keyness.one_vs_rest(docs, names, top=None if top is None else top + 1)
        kept: list[dict[str, Any]] = []
        per: Counter[Any] = Counter()
        for row in result:
            if row["term"] != _REST and (top is None or per[row["group"]] < top):
                per[row["group"]] += 1
                kept.append(row)
        return _textsift.KeynessResult(kept, result.columns, result.method)

    @staticmethod
    def _doc(counter: Counter[str], vocabulary: set[str] | None) -> Mapping[str, int]:
        # A group as one document of term counts (Keyness counts a mapping's terms that often).
        if vocabulary is None:
            return counter
        doc = {t: n for t, n in counter.items() if t in vocabulary}
        doc[_REST] = sum(n for t, n in counter.items() if t not in vocabulary)
        return doc


class _Group:
    """Running aggregates of one group."""

    def __init__(self, n_targets: int) -> None:
        self.posts = 0
        self.tokens = 0
        self.compound_sum = 0.0
        self.positive = 0
        self.neutral = 0
        self.negative = 0
        self.histogram = [0] * HISTOGRAM_BINS
        self.days: dict[_dt.date, list[float]] = {}
        self.tags: Counter[str] = Counter()
        self.sample: list[str] = []
        self.seen = 0
        # Per target: documents, mentions, compound sum, positive, neutral, negative.
        self.targets = [[0, 0, 0.0, 0, 0, 0] for _ in range(n_targets)]


class ReportBuilder:
    """Build a :class:`Report` from chunks of posts; memory stays bounded (see the module doc).

    >>> b = ReportBuilder(group_column="platform")
    >>> b.add(["love it", "hate it"], groups=["A", "B"])
    >>> b.add(["meh"], groups=["A"])
    >>> b.finish().groups["A"]["posts"]
    2
    """

    def __init__(
        self,
        *,
        targets: Mapping[str, str | Iterable[str]] | None = None,
        top: int = 10,
        group_column: str | None = None,
        date_column: str | None = None,
        keyphrase_sample: int = 20_000,
        max_terms: int = 100_000,
        n_threads: int | None = None,
        seed: int = 0,
    ) -> None:
        if top < 1:
            raise TextsiftValueError(f"top must be at least 1, not {top}")
        if keyphrase_sample < 1:
            raise TextsiftValueError(f"keyphrase_sample must be at least 1, not {keyphrase_sample}")
        self.top = top
        self.group_column = group_column
        self.date_column = date_column
        self.keyphrase_sample = keyphrase_sample
        self.max_terms = max_terms
        self.n_threads = n_threads
        self.seed = seed
        self.targets = _textsift.TargetedSentiment(dict(targets)) if targets else None
        self.target_names = self.targets.targets if self.targets is not None else []
        self._vader = _textsift.Vader()
        self._terms = GroupTerms(max_terms, n_threads)
        self._tags = _textsift.Analyzer(
            "social",
            normalizers=["lowercase"],
            drop_kinds=[k for k in (*_NON_WORD_KINDS, "word") if k not in _TAG_KINDS],
        )
        self._groups: dict[str, _Group] = {}
        self._rngs: dict[str, random.Random] = {}
        self.documents = 0
        self.undated = 0
        self.approximate = False

    def add(
        self,
        texts: Sequence[str],
        groups: Sequence[Any] | None = None,
        dates: Sequence[Any] | None = None,
    ) -> None:
        """Add a chunk of posts, with their groups (``None`` for one group) and dates."""
        _check_iterable(texts)
        texts = list(texts)
        # Every item a str is the common case, told without a Python step per text.
        if set(map(type, texts)) != {str}:
            texts = list(_checked(texts))
        n = len(texts)
        if groups is not None and len(groups) != n:
            raise TextsiftValueError(f"{len(groups)} groups for {n} texts")
        if dates is not None and len(dates) != n:
            raise TextsiftValueError(f"{len(dates)} dates for {n} texts")
        if n == 0:
            return
        names = (
            [UNGROUPED] * n
            if groups is None
            else [MISSING_GROUP if g is None or g == "" else str(g) for g in groups]
        )
        compound = self._vader.score_batch(texts, n_threads=self.n_threads)["compound"]
        chunk = _ChunkGroups(names)
        words = self._terms._add(texts, chunk)
        n_targets = len(self.target_names)
        for name in chunk.names:
            if name not in self._groups:
                self._groups[name] = _Group(n_targets)
                self._rngs[name] = random.Random(f"{self.seed}:{name}")
        # Per-group sums in numpy: post by post in Python, they were most of a report's time,
        # spent on one core while the Rust batches above use them all.
        groups_in = [self._groups[name] for name in chunk.names]
        posts = chunk.count()
        positive = chunk.count(compound >= POSITIVE)
        negative = chunk.count(compound <= NEGATIVE)
        sums = chunk.sums([g.compound_sum for g in groups_in], compound)
        histograms = chunk.count_by_bin(_histogram_bins(compound), HISTOGRAM_BINS)
        tokens = chunk.totals(words)
        for k, g in enumerate(groups_in):
            g.posts += int(posts[k])
            g.compound_sum = float(sums[k])
            g.positive += int(positive[k])
            g.negative += int(negative[k])
            g.neutral += int(posts[k] - positive[k] - negative[k])
            g.histogram = [a + b for a, b in zip(g.histogram, histograms[k])]
            g.tokens += int(tokens[k])
        if dates is not None:
            self._add_days(chunk, groups_in, compound, dates)
        for name, g, posts_of in zip(chunk.names, groups_in, chunk.posts):
            self._sample(g, self._rngs[name], texts, posts_of)
        if self.targets is not None and n_targets:
            scored = self.targets.score_batch(texts, n_threads=self.n_threads)
            self._add_targets(chunk, groups_in, scored["mentions"], scored["compound"])
        tags, _ = self._tags.count_by_group(texts, chunk.code_list, n_threads=self.n_threads)
        for code, terms in tags.items():
            self._groups[chunk.names[code]].tags.update(terms)
        self.documents += n
        for g in self._groups.values():
            if _prune(g.tags, self.max_terms):
                self.approximate = True
        self.approximate |= self._terms.approximate

    def _add_days(
        self, chunk: _ChunkGroups, groups_in: list[_Group], compound: Any, dates: Sequence[Any]
    ) -> None:
        """Posts and compound sums per group and day; a day enters a group's ``days`` when its
        first post is read, as post by post."""
        import numpy as np

        # Each distinct date is parsed once; posts get the number of their day (-1: undated).
        keys = [None if d is None else str(d) for d in dates]
        number_of: dict[_dt.date, int] = {}
        day_of_key: dict[str | None, int] = {}
        for key in dict.fromkeys(keys):
            day = None if key is None else _parse_day(key)
            day_of_key[key] = -1 if day is None else number_of.setdefault(day, len(number_of))
        day_numbers = np.array(list(map(day_of_key.__getitem__, keys)), dtype=np.intp)
        dated = day_numbers >= 0
        n_dated = int(dated.sum())
        self.undated += len(keys) - n_dated
        if not n_dated:
            return
        days = list(number_of)
        # Each (group, day) pair of the chunk, numbered in order of first appearance.
        pair_keys = chunk.codes[dated] * len(days) + day_numbers[dated]
        distinct, first, inverse = np.unique(pair_keys, return_index=True, return_inverse=True)
        by_first = np.argsort(first, kind="stable")
        number = np.empty_like(by_first)
        number[by_first] = np.arange(len(by_first))
        index = number[inverse.reshape(-1)]
        pair_of = [(key // len(days), days[key % len(days)]) for key in distinct[by_first].tolist()]
        counts = np.bincount(index, minlength=len(pair_of))
        # -0.0 + c is c for every c (0.0 + -0.0 would be 0.0): a new day's sum starts as its
        # first compound, as post by post.
        start = [
            slot[1] if (slot := groups_in[code].days.get(day)) is not None else -0.0 for code, day in pair_of
        ]
        totals = np.array(start, dtype=np.float64)
        np.add.at(totals, index, compound[dated])
        for (code, day), count, total in zip(pair_of, counts.tolist(), totals.tolist()):
            slot = groups_in[code].days.get(day)
            if slot is None:
                groups_in[code].days[day] = [count, total]
            else:
                slot[0] += count
                slot[1] = total

    def _sample(self, g: _Group, rng: random.Random, texts: Sequence[str], posts: list[int]) -> None:
        """Reservoir sampling (algorithm R) of a group's posts: every post of the group is
        equally likely kept."""
        room = max(0, self.keyphrase_sample - len(g.sample))
        g.sample.extend(map(texts.__getitem__, posts[:room]))
        seen = g.seen + min(room, len(posts))
        sample, size = g.sample, self.keyphrase_sample
        for i in posts[room:]:
            j = rng.randrange(seen + 1)
            if j < size:
                sample[j] = texts[i]
            seen += 1
        g.seen = seen

    def _add_targets(
        self, chunk: _ChunkGroups, groups_in: list[_Group], mentions: Any, compound: Any
    ) -> None:
        """Per group and target: posts that mention it, mentions, compound sum, and the
        positive/neutral/negative posts toward it."""
        for k in range(len(self.target_names)):
            hit = mentions[:, k] != 0
            toward = compound[hit, k]
            docs = chunk.count(hit)
            counts = chunk.totals(mentions[hit, k], hit)
            sums = chunk.sums([g.targets[k][2] for g in groups_in], toward, hit)
            # A target not mentioned has a NaN compound, which compares false.
            positive = chunk.count(hit & (compound[:, k] >= POSITIVE))
            negative = chunk.count(hit & (compound[:, k] <= NEGATIVE))
            for c, g in enumerate(groups_in):
                t = g.targets[k]
                t[0] += int(docs[c])
                t[1] += int(counts[c])
                t[2] = float(sums[c])
                t[3] += int(positive[c])
                t[4] += int(docs[c] - positive[c] - negative[c])
                t[5] += int(negative[c])

    def finish(self) -> Report:
        """The report of everything added so far."""
        names = sorted(self._groups, key=lambda k: (-self._groups[k].posts, k))
        distinctive = self._keyness(names)
        granularity, periods = self._periods()
        keyphrases_of = self._keyphrases(names)
        groups: dict[str, dict[str, Any]] = {}
        for name in names:
            g = self._groups[name]
            n = g.posts
            keyphrases = keyphrases_of.get(name, [])
            groups[name] = {
                "posts": n,
                "tokens_per_post": round(g.tokens / n, 2) if n else 0.0,
                "sentiment": {
                    "mean": round(g.compound_sum / n, 4) if n else None,
                    "positive": round(g.positive / n, 4) if n else 0.0,
                    "neutral": round(g.neutral / n, 4) if n else 0.0,
                    "negative": round(g.negative / n, 4) if n else 0.0,
                    "histogram": list(g.histogram),
                },
                "over_time": self._over_time(g, granularity, periods),
                "distinctive_terms": distinctive.get(name, []),
                "keyphrases": [[p, round(s, 6)] for p, s in keyphrases],
                "keyphrase_posts": len(g.sample),
                "targets": [
                    {
                        "target": target,
                        "documents": t[0],
                        "mentions": t[1],
                        "compound": round(t[2] / t[0], 4) if t[0] else None,
                        "positive": round(t[3] / t[0], 4) if t[0] else None,
                        "neutral": round(t[4] / t[0], 4) if t[0] else None,
                        "negative": round(t[5] / t[0], 4) if t[0] else None,
                    }
                    for target, t in zip(self.target_names, g.targets)
                ],
                "top_hashtags": _ranked(Counter({k: v for k, v in g.tags.items() if k[0] == "#"}), self.top),
                "top_mentions": _ranked(Counter({k: v for k, v in g.tags.items() if k[0] == "@"}), self.top),
                "top_emoji": _ranked(
                    Counter({k: v for k, v in g.tags.items() if k[0] not in "#@"}), self.top
                ),
            }
        return Report(
            {
                "documents": self.documents,
                "group_column": self.group_column,
                "date_column": self.date_column,
                "granularity": granularity,
                "periods": [p for p in periods],
                "undated": self.undated,
                "approximate": self.approximate or self._terms.approximate,
                "targets": list(self.target_names),
                "histogram_edges": [round(-1 + 2 * i / HISTOGRAM_BINS, 2) for i in range(HISTOGRAM_BINS + 1)],
                "groups": groups,
            }
        )

    def _keyphrases(self, names: list[str]) -> dict[str, list[tuple[str, float]]]:
        """YAKE's keyphrases of each group's sample, several groups per batch (on all cores),
        so that only a few groups' joined samples are held at a time."""
        yake = _textsift.Yake(top=self.top, n=3)
        sampled = [name for name in names if self._groups[name].sample]
        out: dict[str, list[tuple[str, float]]] = {}
        for i in range(0, len(sampled), KEYPHRASE_GROUPS_PER_BATCH):
            part = sampled[i : i + KEYPHRASE_GROUPS_PER_BATCH]
            joined = [_join_posts(self._groups[name].sample) for name in part]
            out.update(zip(part, yake.extract_batch(joined, n_threads=self.n_threads)))
        return out

    def _keyness(self, names: list[str]) -> dict[str, list[dict[str, Any]]]:
        # A group whose posts have no words (only emoji or links, say) has no distinctive
        # terms, and leaving it out of the others' rest changes none of their counts.
        names = [n for n in names if self._terms.counts.get(n)]
        if len(names) < 2:
            return {}
        rows = self._terms.one_vs_rest(top=self.top, groups=names)
        out: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
        for row in rows:
            if row["score"] > 0:
                out[row["group"]].append(
                    {
                        "term": row["term"],
                        "count": row["count"],
                        "count_rest": row["count_rest"],
                        "score": round(row["score"], 4),
                    }
                )
        return out

    def _periods(self) -> tuple[str | None, list[str]]:
        days = {d for g in self._groups.values() for d in g.days}
        if not days:
            return None, []
        span = (max(days) - min(days)).days
        granularity = "day" if span <= 92 else "week" if span <= 2 * 366 else "month"
        return granularity, sorted({_period(d, granularity) for d in days})

    @staticmethod
    def _over_time(g: _Group, granularity: str | None, periods: list[str]) -> list[list[Any]]:
        if granularity is None:
            return []
        acc: dict[str, list[float]] = {}
        for day, (count, total) in g.days.items():
            slot = acc.setdefault(_period(day, granularity), [0, 0.0])
            slot[0] += count
            slot[1] += total
        return [[p, int(acc[p][0]), round(acc[p][1] / acc[p][0], 4)] for p in periods if p in acc]


def _join_posts(posts: list[str]) -> str:
    """The posts as one text for YAKE, each ending a sentence so no phrase spans two posts."""
    return "\n".join(p if p.rstrip().endswith((".", "!", "?")) else p + "." for p in posts)


def _period(day: _dt.date, granularity: str) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        # Weeks are named by their Monday.
        return (day - _dt.timedelta(days=day.weekday())).isoformat()
    return f"{day.year:04d}-{day.month:02d}"


def build_report(
    texts: Iterable[str],
    groups: Iterable[Any] | None = None,
    dates: Iterable[Any] | None = None,
    targets: Mapping[str, str | Iterable[str]] | None = None,
    *,
    top: int = 10,
    group_column: str | None = None,
    date_column: str | None = None,
    chunk_size: int = 10_000,
    keyphrase_sample: int = 20_000,
    n_threads: int | None = None,
) -> Report:
    """A :class:`Report` of ``texts``, compared by ``groups`` (one label per text; ``None`` for a
    single group), with sentiment over time when ``dates`` (ISO dates or timestamps) are given
    and sentiment toward ``targets`` (``{name: aliases}``). Reads the iterables chunk by chunk, so
    generators of any length work."""
    if chunk_size < 1:
        raise TextsiftValueError(f"chunk_size must be at least 1, not {chunk_size}")
    _check_iterable(texts)
    builder = ReportBuilder(
        targets=targets,
        top=top,
        group_column=group_column,
        date_column=date_column,
        keyphrase_sample=keyphrase_sample,
        n_threads=n_threads,
    )
    text_it = _checked(texts)
    group_it = iter(groups) if groups is not None else None
    date_it = iter(dates) if dates is not None else None
    while True:
        chunk = list(itertools.islice(text_it, chunk_size))
        if not chunk:
            break
        g = list(itertools.islice(group_it, len(chunk))) if group_it is not None else None
        d = list(itertools.islice(date_it, len(chunk))) if date_it is not None else None
        builder.add(chunk, g, d)
    return builder.finish()


class Report:
    """The result of :func:`build_report`: ``str()`` for the terminal, :meth:`to_html`,
    :meth:`to_dict`, :meth:`to_json`, :meth:`to_pandas`, and ``_repr_html_`` in notebooks."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @property
    def groups(self) -> dict[str, dict[str, Any]]:
        """Per group (largest first): its numbers, as in :meth:`to_dict`."""
        groups: dict[str, dict[str, Any]] = self._data["groups"]
        return groups

    @property
    def documents(self) -> int:
        return int(self._data["documents"])

    @property
    def approximate(self) -> bool:
        """Whether term counts were pruned (a group had more than ``max_terms`` (100,000) distinct terms)."""
        return bool(self._data["approximate"])

    def to_dict(self) -> dict[str, Any]:
        """Every number of the report (a deep copy; JSON-serialisable)."""
        copied: dict[str, Any] = json.loads(json.dumps(self._data))
        return copied

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    def to_pandas(self) -> Any:
        """One row per group: posts, sentiment mean and shares, and per target its compound."""
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]

        rows = []
        for name, g in self.groups.items():
            row: dict[str, Any] = {"group": name, "posts": g["posts"]}
            row.update({f"sentiment_{k}": v for k, v in g["sentiment"].items() if k != "histogram"})
            for t in g["targets"]:
                row[f"target_{t['target']}"] = t["compound"]
            rows.append(row)
        return pd.DataFrame(rows).set_index("group")

    def to_html(self, title: str = "textsift report") -> str:
        """A self-contained HTML page (inline CSS and SVG; no script, nothing from the network)."""
        from textsift._report_html import render_page

        return render_page(self._data, title)

    def _repr_html_(self) -> str:
        from textsift._report_html import render_body

        return render_body(self._data)

    def __str__(self) -> str:
        return render_text(self._data)

    def __repr__(self) -> str:
        return f"<Report: {self.documents} documents in {len(self.groups)} groups>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Report, (self._data,))


def _bar(share: float, width: int = 20) -> str:
    filled = int(round(share * width)) if not math.isnan(share) else 0
    return "#" * filled + "." * (width - filled)


def render_text(data: dict[str, Any]) -> str:
    """The terminal summary."""
    by = data["group_column"] or "group"
    out = [f"textsift report: {data['documents']} documents in {len(data['groups'])} groups (by {by})"]
    if data["granularity"]:
        out.append(
            f"sentiment over time per {data['granularity']}: {data['periods'][0]} .. {data['periods'][-1]}"
            + (f" ({data['undated']} posts without a readable date)" if data["undated"] else "")
        )
    if data["approximate"]:
        out.append("(term counts are approximate: rare terms were dropped to bound memory)")
    out.append("")
    for name, g in data["groups"].items():
        out.append(f"== {name}: {g['posts']} posts, {g['tokens_per_post']} words per post")
        s = g["sentiment"]
        if s["mean"] is not None:
            out.append(
                f"   sentiment (VADER compound): mean {s['mean']:+.3f}; positive {s['positive']:.0%}, "
                f"neutral {s['neutral']:.0%}, negative {s['negative']:.0%}"
            )
            out.append(
                f"   [{_bar(s['negative'], 10)}|{_bar(s['neutral'], 10)}|{_bar(s['positive'], 10)}]"
                "  negative | neutral | positive"
            )
        for t in g["targets"]:
            if t["documents"]:
                out.append(
                    f"   toward {t['target']}: {t['compound']:+.3f} over {t['documents']} posts "
                    f"({t['positive']:.0%} positive, {t['negative']:.0%} negative)"
                )
        if g["distinctive_terms"]:
            terms = ", ".join(t["term"] for t in g["distinctive_terms"])
            out.append(f"   distinctive terms (vs the other groups): {terms}")
        if g["keyphrases"]:
            out.append(f"   top keyphrases: {'; '.join(p for p, _ in g['keyphrases'])}")
        for label, key in (
            ("hashtags", "top_hashtags"),
            ("mentions", "top_mentions"),
            ("emoji", "top_emoji"),
        ):
            if g[key]:
                out.append(f"   top {label}: " + "  ".join(f"{k} ({v})" for k, v in g[key]))
        if g["over_time"]:
            trend = "  ".join(f"{p} {m:+.2f}" for p, _, m in g["over_time"][-6:])
            out.append(f"   recent sentiment: {trend}")
        out.append("")
    return "\n".join(out)
