"""The benchmark suite's harness: shared inputs, best-of-N timing with peak memory, Rust examples,
rows, output checks and the markdown tables (used by ``bench/suite.py`` and ``bench/cases/*``).

Every row of one run is measured in the same process on the same inputs, so ratios within a run
are comparable even on a shared, noisy machine; absolute rates move between runs.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
INSPEC = SHARED / "keywords" / "Inspec" / "docsutf8"
SNOWBALL_VOC = SHARED / "snowball" / "english" / "voc.txt"
sys.path.insert(0, str(ROOT / "python" / "tests"))

import textsift as ts  # noqa: E402
from textgen import random_text  # noqa: E402

CORES = os.cpu_count() or 1

# ---------------------------------------------------------------------------------------------
# Peak memory


def _status() -> dict[str, int] | None:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    out = {}
    for key in ("VmHWM", "VmRSS"):
        m = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
        if not m:
            return None
        out[key] = int(m.group(1)) * 1024
    return out


def _can_reset_hwm() -> bool:
    """Linux lets a process reset its resident high-water mark by writing 5 to clear_refs."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status() is not None


RESET_HWM = _can_reset_hwm()


def _trim() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class PeakMemory:
    """Peak resident memory of a block above the memory resident when it started, in bytes:
    VmHWM after the run minus VmRSS before, with the high-water mark reset first (Linux);
    elsewhere a thread samples the resident size every millisecond (needs psutil)."""

    def __enter__(self) -> PeakMemory:
        self.peak: int | None = None
        self._sampler: Any = None
        # Give memory that earlier runs freed back to the system first, so that a run that reuses
        # it still shows its own peak.
        _trim()
        if RESET_HWM:
            Path("/proc/self/clear_refs").write_text("5")
            st = _status()
            assert st is not None
            self._before = st["VmRSS"]
            return self
        try:
            import threading

            import psutil
        except ImportError:
            return self
        proc = psutil.Process()
        self._before = proc.memory_info().rss
        self._max = self._before
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.001):
                self._max = max(self._max, proc.memory_info().rss)

        t = threading.Thread(target=sample, daemon=True)
        t.start()
        self._sampler = (stop, t)
        return self

    def __exit__(self, *exc: object) -> None:
        if RESET_HWM:
            st = _status()
            assert st is not None
            self.peak = max(0, st["VmHWM"] - self._before)
        elif self._sampler is not None:
            stop, t = self._sampler
            stop.set()
            t.join()
            self.peak = max(0, self._max - self._before)


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass
class Inputs:
    """Every input of a run, built once (seeded, deterministic) and shared by all cases."""

    posts: list[str]  # the sample corpus, one post a text
    posts_x: list[str]  # the sample posts repeated to a batch (the old scripts' 100,000 / 20,000)
    social: list[str]  # half sample posts, half generated edge-case texts, to ``social_mb``
    long_small: str  # posts joined into one document (1 MB)
    long_big: str  # posts joined into one document (50 MB)
    zipf: list[str]  # word tokens drawn with a Zipf law from a vocabulary ("real text")
    unique: list[str]  # distinct words (Snowball's English vocabulary when present)
    abstracts: list[str]  # Inspec abstracts when present, else sample posts
    abstracts_name: str
    stopwords_iso: list[str]

    @property
    def posts_x_name(self) -> str:
        return f"{len(self.posts_x):,} sample posts"

    @property
    def social_name(self) -> str:
        return f"social {mb(self.social):.0f} MB"

    @property
    def long_small_name(self) -> str:
        return f"long {mb([self.long_small]):.2g} MB"

    @property
    def long_big_name(self) -> str:
        return f"long {mb([self.long_big]):.2g} MB"


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _clean(text: str) -> str:
    """One line: the Rust examples read one text a line."""
    for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        text = text.replace(ch, " ")
    return text


def _joined(posts: list[str], size: int, rng: random.Random) -> str:
    parts: list[str] = []
    n = 0
    while n < size:
        p = rng.choice(posts)
        parts.append(p)
        n += len(p.encode("utf-8")) + 1
    return " ".join(parts)


def _zipf_vocabulary(posts: list[str], abstracts: list[str], rng: random.Random) -> list[str]:
    """Words of the sample corpus and the abstracts, most frequent first, then generated
    English-looking words (stems with common suffixes) for a long tail."""
    counts: dict[str, int] = {}
    words = ts.Analyzer("social", normalizers=["lowercase"], drop_kinds=NOT_WORDS)
    for terms in words.terms_batch(posts + abstracts):
        for t in terms:
            counts[t] = counts.get(t, 0) + 1
    vocab = sorted(counts, key=lambda w: (-counts[w], w))
    seen = set(vocab)
    consonants, vowels = "bcdfghklmnprstvw", "aeiou"
    suffixes = [
        "",
        "s",
        "ed",
        "ing",
        "ation",
        "ations",
        "ly",
        "ness",
        "ment",
        "ful",
        "er",
        "est",
        "ize",
        "ional",
    ]
    while len(vocab) < 60_000:
        stem = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(1, 4)))
        w = stem + rng.choice(suffixes)
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    return vocab


# Every token kind but words: what an analyzer drops to keep words only.
NOT_WORDS = [kind for kind in ts.TOKEN_KINDS if kind != "word"]


def build_inputs(
    social_mb: float,
    long_small_mb: float,
    long_big_mb: float,
    zipf_words: int,
    posts_batch: int,
    max_abstracts: int | None = None,
) -> Inputs:
    rng = random.Random(2026)
    posts = [_clean(row["text"]) for row in ts.load_sample()]
    posts_x = (posts * (posts_batch // len(posts) + 1))[:posts_batch]
    generated = [_clean(random_text(rng)) for _ in range(min(100_000, int(social_mb * 5_000) + 1_000))]
    social: list[str] = []
    size = 0
    while size < social_mb * 1e6:
        doc = rng.choice(posts) if rng.random() < 0.5 else rng.choice(generated)
        social.append(doc)
        size += len(doc.encode("utf-8"))
    if INSPEC.is_dir():
        paths = sorted(INSPEC.glob("*.txt"))[:max_abstracts]
        abstracts = [_clean(p.read_text(encoding="utf-8")) for p in paths]
        abstracts_name = f"{len(abstracts):,} Inspec abstracts"
    else:
        abstracts = (posts * 2)[:max_abstracts]
        abstracts_name = f"{len(abstracts):,} sample posts (Inspec absent)"
    vocab = _zipf_vocabulary(posts, abstracts if INSPEC.is_dir() else [], rng)
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    zipf = rng.choices(vocab, cum_weights=cum, k=zipf_words)
    unique = SNOWBALL_VOC.read_text(encoding="utf-8").split() if SNOWBALL_VOC.exists() else vocab
    return Inputs(
        posts=posts,
        posts_x=posts_x,
        social=social,
        long_small=_joined(posts, int(long_small_mb * 1e6), rng),
        long_big=_joined(posts, int(long_big_mb * 1e6), rng),
        zipf=zipf,
        unique=unique,
        abstracts=abstracts,
        abstracts_name=abstracts_name,
        stopwords_iso=sorted(ts.stopwords("en", "iso")),
    )


# ---------------------------------------------------------------------------------------------
# Rows, checks, targets


@dataclass
class Row:
    capability: str
    input: str
    name: str
    items_per_s: float
    unit: str  # what an item is: "docs", "words", "texts"…
    mb_per_s: float | None
    peak_mb: float | None
    threads: str = "1"
    peer: bool = False
    vs: tuple[str, ...] | None = None  # peers to compare with (None: every peer on this input)
    note: str = ""


@dataclass
class Check:
    capability: str
    what: str
    equal: bool
    detail: str


@dataclass
class Target:
    order: int
    label: str
    measured: str
    met: bool | None
    how: str


@dataclass
class Harness:
    """Collects rows as cases measure them; prints as it goes."""

    quick: bool = False
    rust: bool = True
    peer_slice_mb: float = 4.0  # slow peers run on this much of a large batch, scaled to a rate
    budget: float = 3.0  # seconds of repeated runs per measurement after the first
    max_repeats: int = 7
    # Turns of a one-thread/all-cores pair (and its peer) at most, within the same budget: the
    # shortest batches (a few ms) then take a best of many turns, where a best of 7 rested on
    # 50 ms of a shared machine's time.
    max_turns: int = 25
    rows: list[Row] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    _built: set[tuple[str, str]] = field(default_factory=set)
    _last: float = field(default_factory=time.perf_counter)
    load_at_start: float = field(
        default_factory=lambda: os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    )

    def time(self, fn: Callable[[], object], repeats: int | None = None) -> tuple[float, float | None]:
        """Best time of ``fn`` in seconds and the peak memory of its first run in MB (see
        ``time_interleaved``)."""
        return self.time_interleaved([fn], repeats)[0]

    def time_interleaved(
        self, fns: Sequence[Callable[[], object]], repeats: int | None = None
    ) -> list[tuple[float, float | None]]:
        """Best time in seconds and peak memory of the first run in MB of each of ``fns``. Runs
        each once, then all of them in turn again while the rounds fit in the budget (at most
        ``repeats`` or ``max_repeats`` runs each): slow peers run once or twice, fast calls up to
        the maximum. Taking turns matters when runs are compared with each other (one thread
        against all cores): a shared machine that slows down for a few seconds then slows every
        contender alike, instead of only the one measured at that moment. The garbage collector
        is off during runs, as in ``timeit``."""
        limit = repeats or self.max_repeats
        was = gc.isenabled()
        # The young generations hold what earlier runs left; a full collection costs 0.1 s once
        # spaCy and scikit-learn are imported, and finds nothing more.
        gc.collect(1)
        gc.disable()
        best: list[float] = []
        peaks: list[float | None] = []
        try:
            for fn in fns:
                with PeakMemory() as mem:
                    t0 = time.perf_counter()
                    result = fn()
                    best.append(time.perf_counter() - t0)
                del result
                peaks.append(None if mem.peak is None else mem.peak / 1e6)
            extra = int(self.budget * len(fns) / max(sum(best), 1e-6))
            if len(fns) > 1:
                # Contenders that take turns run twice at least: a first run pays one-time costs
                # (memory the process grows into) that the contender after it then does not.
                extra = max(extra, 1)
            extra = min(limit - 1, extra)
            for _ in range(extra):
                for k, fn in enumerate(fns):
                    t0 = time.perf_counter()
                    result = fn()
                    best[k] = min(best[k], time.perf_counter() - t0)
                    del result
        finally:
            if was:
                gc.enable()
        return list(zip(best, peaks))

    def measure(
        self,
        capability: str,
        input_name: str,
        name: str,
        fn: Callable[[], object],
        *,
        items: int,
        unit: str,
        texts: Sequence[str] | None = None,
        n_bytes: int | None = None,
        threads: str = "1",
        peer: bool = False,
        vs: Sequence[str] | None = None,
        note: str = "",
        repeats: int | None = None,
        timed: tuple[float, float | None] | None = None,
    ) -> Row:
        """Time ``fn`` (which processes ``items`` items, of ``texts`` or ``n_bytes`` bytes) and
        add a row; ``timed`` gives its best time and peak memory when they were measured
        already (``measure_threads``)."""
        seconds, peak = timed if timed is not None else self.time(fn, repeats)
        if n_bytes is None and texts is not None:
            n_bytes = int(mb(texts) * 1e6)
        return self.add(
            Row(
                capability,
                input_name,
                name,
                items / seconds,
                unit,
                None if n_bytes is None else n_bytes / 1e6 / seconds,
                peak,
                threads,
                peer,
                None if vs is None else tuple(vs),
                note,
            )
        )

    def measure_threads(
        self,
        capability: str,
        input_name: str,
        name: str,
        run: Callable[[int | None], object],
        *,
        items: int,
        unit: str,
        texts: Sequence[str] | None = None,
        n_bytes: int | None = None,
        vs: Sequence[str] | None = None,
        peer: tuple[str, Callable[[], object]] | None = None,
    ) -> tuple[Row, Row]:
        """A batch API on one thread (``run(1)``) and on all cores (``run(None)``), their runs
        taking turns (see ``time_interleaved``): the scaling target compares the two rows. With
        ``peer`` (its row's name and a call on the same input), the peer's runs take turns with
        them too, and its row is added first: a ratio target then compares runs made under the
        same conditions, where a peer timed on its own a minute earlier could meet a slow spell
        of the machine that the textsift rows did not (or the other way round)."""
        settings: list[tuple[str, int | None]] = [("1", 1), (all_threads(), None)]
        fns: list[Callable[[], object]] = [lambda nt=nt: run(nt) for _, nt in settings]
        if peer is not None:
            fns.insert(0, peer[1])
        timed = self.time_interleaved(fns, max(self.max_turns, self.max_repeats))
        if peer is not None:
            self.measure(
                capability,
                input_name,
                peer[0],
                peer[1],
                items=items,
                unit=unit,
                texts=texts,
                n_bytes=n_bytes,
                peer=True,
                timed=timed.pop(0),
            )
        one, alls = (
            self.measure(
                capability,
                input_name,
                name,
                lambda nt=nt: run(nt),
                items=items,
                unit=unit,
                texts=texts,
                n_bytes=n_bytes,
                threads=threads,
                vs=vs,
                timed=t,
            )
            for (threads, nt), t in zip(settings, timed)
        )
        return one, alls

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        now = time.perf_counter()
        took, self._last = now - self._last, now
        mbs = "" if row.mb_per_s is None else f"{row.mb_per_s:10.2f} MB/s"
        peak = "" if row.peak_mb is None else f"  peak {row.peak_mb:8.1f} MB"
        print(
            f"  [{row.input}] {row.name} ({row.threads}): {mbs} {row.items_per_s:14,.0f} {row.unit}/s{peak}"
            f"  [{took:.1f} s]",
            flush=True,
        )
        return row

    def check(self, capability: str, what: str, equal: bool, detail: str) -> None:
        self.checks.append(Check(capability, what, equal, detail))
        print(f"  check {what}: {'equal' if equal else 'DIFFERENT'} ({detail})", flush=True)

    def note(self, capability: str, text: str) -> None:
        self.notes.setdefault(capability, []).append(text)
        print(f"  note: {text}", flush=True)

    def target(self, order: int, label: str, measured: str, met: bool | None, how: str) -> None:
        self.targets.append(Target(order, label, measured, met, how))
        print(f"  target {label}: {measured} ({'met' if met else 'not met' if met is False else 'n/a'})")

    def find(self, capability: str, input_name: str, name: str, threads: str | None = None) -> Row | None:
        for r in self.rows:
            if (r.capability, r.input, r.name) == (capability, input_name, name) and (
                threads is None or r.threads == threads
            ):
                return r
        return None

    def ratio(self, a: Row | None, b: Row | None) -> float | None:
        return None if a is None or b is None else a.items_per_s / b.items_per_s

    def scaling(self, order: int, capability: str, input_name: str, name: str) -> None:
        """The batch-scaling target for one batch API: all cores over one thread."""
        one = self.find(capability, input_name, name, "1")
        alls = self.find(capability, input_name, name, all_threads())
        r = self.ratio(alls, one)
        if r is not None:
            # Other processes on the same cores leave a second thread nothing to run on: say how
            # busy the machine was.
            load = f"; load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
            self.target(
                order,
                f"batch API on {CORES} cores >= 1.8x 1 thread: {name} ({input_name})",
                f"{r:.2f}x",
                r >= 1.8 if CORES >= 2 else None,
                f"{capability}{load}",
            )

    # -- Rust examples ------------------------------------------------------------------------

    def rust_exe(self, package: str, example: str) -> Path:
        """The release build of an example of ``package`` (built once per run)."""
        if (package, example) not in self._built:
            subprocess.run(
                ["cargo", "build", "--quiet", "--release", "-p", package, "--example", example],
                cwd=ROOT,
                check=True,
            )
            self._built.add((package, example))
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        if not target.is_absolute():
            target = ROOT / target
        return target / "release" / "examples" / example

    def rust_example(self, package: str, example: str, args: Sequence[str]) -> tuple[Any, float | None]:
        """Run a release example of ``package``; return the JSON it prints and the example
        process's peak resident memory in MB (from wait4)."""
        exe = self.rust_exe(package, example)
        # GNU time reports the example's own peak (a child forked from this large process would
        # report this process's resident size in its ru_maxrss).
        gnu_time = Path("/usr/bin/time")
        prefix = [str(gnu_time), "-f", "maxrss_kb=%M"] if gnu_time.exists() else []
        proc = subprocess.run([*prefix, str(exe), *args], cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{example} exited with {proc.returncode}: {proc.stderr}")
        m = re.search(r"maxrss_kb=(\d+)", proc.stderr)
        return json.loads(proc.stdout), int(m.group(1)) / 1e3 if m else None

    def rust_on_lines(
        self, package: str, example: str, lines: Sequence[str], *extra: str
    ) -> tuple[Any, float | None]:
        with _lines_file(lines) as path:
            return self.rust_example(package, example, [str(path), *extra])

    def machine_scaling(self, order: int, lines: Sequence[str], rounds: int = 3) -> None:
        """What the machine itself gives two cores, beside the batch-scaling targets (a reference
        with no target of its own): two copies of the Rust ``throughput`` example (`social`
        mode on ``lines``) running at once, their rates added, against one copy alone; best of
        ``rounds`` turns each, as the batch pairs take theirs. The processes share nothing, so
        where other tenants use the second core this ratio falls below 2, and a batch API, which
        also shares the GIL and its inputs, can hardly scale beyond it."""
        if CORES < 2:
            return
        exe = self.rust_exe("textsift-tokenize", "throughput")
        with _lines_file(lines) as path:
            cmd = [str(exe), str(path), "1", "social"]

            def rates(copies: int) -> float:
                procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for _ in range(copies)]
                outs = [p.communicate()[0] for p in procs]
                return sum(json.loads(o)["social"]["mb_per_s"] for o in outs)

            one = two = 0.0
            for _ in range(rounds):
                one = max(one, rates(1))
                two = max(two, rates(2))
        self.target(
            order,
            f"reference, no target: the machine's own scaling on {CORES} cores",
            f"{two / one:.2f}x",
            None,
            "two copies of the Rust `throughput` example at once against one, rates added",
        )


@contextlib.contextmanager
def _lines_file(lines: Sequence[str]) -> Iterator[Path]:
    """A temporary file of ``lines``, one text a line (what the Rust examples read)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        yield path


def all_threads() -> str:
    return f"all ({CORES})"


def peer_available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Tables


def _fmt_rate(x: float | None, digits: int = 2) -> str:
    if x is None:
        return "—"
    if x >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def _ratios(h: Harness, row: Row) -> str:
    if row.peer:
        return "—"
    peers = [r for r in h.rows if r.capability == row.capability and r.input == row.input and r.peer]
    if row.vs is not None:
        peers = [p for p in peers if p.name in row.vs]
    cells = [f"{row.items_per_s / p.items_per_s:,.1f}x {p.name}" for p in peers if p.unit == row.unit]
    return "; ".join(cells) or "—"


def capability_table(h: Harness, capability: str) -> list[str]:
    rows = [r for r in h.rows if r.capability == capability]
    lines = [
        f"### {capability}",
        "",
        "| input | implementation | threads | MB/s | items/s | peak MB | vs peers (items/s ratio) |",
        "|---|---|---|---:|---:|---:|---|",
    ]
    for r in rows:
        name = f"{r.name} *(peer)*" if r.peer else r.name
        if r.note:
            name += f" ({r.note})"
        lines.append(
            f"| {r.input} | {name} | {r.threads} | {_fmt_rate(r.mb_per_s)} | "
            f"{_fmt_rate(r.items_per_s, 0)} {r.unit} | {_fmt_rate(r.peak_mb, 1)} | {_ratios(h, r)} |"
        )
    checks = [c for c in h.checks if c.capability == capability]
    if checks:
        lines += ["", "Outputs checked before timing:"]
        lines += [f"- {c.what}: {'same' if c.equal else '**different**'} ({c.detail})" for c in checks]
    for n in h.notes.get(capability, []):
        lines += ["", n]
    return [*lines, ""]


def targets_table(h: Harness) -> list[str]:
    lines = [
        "### Targets (project issue 7)",
        "",
        "| target | measured in this run | met | from |",
        "|---|---|---|---|",
    ]
    for t in sorted(h.targets, key=lambda t: t.order):
        met = "yes" if t.met else "**no**" if t.met is False else "n/a"
        lines.append(f"| {t.label} | {t.measured} | {met} | {t.how} |")
    return [*lines, ""]


def header(h: Harness, inputs: Inputs, seconds: float | None) -> str:
    took = "" if seconds is None else f" The run took {seconds / 60:.1f} min."
    if hasattr(os, "getloadavg"):
        took += (
            f" Load average at the start {h.load_at_start:.1f}, at the end {os.getloadavg()[0]:.1f} "
            "(other processes share the cores)."
        )
    return (
        f"Measured {time.strftime('%Y-%m-%d')} by `python bench/suite.py{' --quick' if h.quick else ''}` "
        f"on {CORES} cores (a shared machine), Python {platform.python_version()}, {platform.machine()}. "
        f"Every row ran in one process on the same inputs: {len(inputs.posts):,} sample posts "
        f"({len(inputs.posts_x):,} when repeated as a batch); {inputs.social_name} of social text "
        f"({len(inputs.social):,} texts, half sample posts, half generated edge cases); one "
        f"{inputs.long_small_name} and one {inputs.long_big_name} document (posts joined); "
        f"{len(inputs.zipf):,} word tokens drawn with a Zipf law (s = 1) from a 60,000-word vocabulary "
        f"(corpus and abstract words by frequency, then generated words); {len(inputs.unique):,} unique "
        f"words; {inputs.abstracts_name}. Best of up to {h.max_repeats} runs (fewer for slow peers; "
        f"up to {max(h.max_turns, h.max_repeats)} turns for a batch API's one-thread and all-core runs; "
        "against yake, two turns each, textsift's turn a second of calls timed together, as one yake "
        "run lasts seconds); "
        "peak MB is the resident memory a run added at its peak (VmHWM reset before the run, minus "
        "VmRSS before it; for Rust rows, the example process's whole peak). Ratios compare items/s "
        f"on the same input in this run.{took}\n"
    )
