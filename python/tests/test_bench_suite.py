"""Smoke test of the benchmark suite (bench/suite.py): its harness, every case and the tables, in
process on tiny inputs, without the Rust examples. Peers that are not installed are skipped by
the suite itself (with a note in its table). Speed is not asserted."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

harness = pytest.importorskip("harness")
suite = pytest.importorskip("suite")


@pytest.fixture(scope="module")
def run() -> tuple[object, str]:
    # A few kB of each input: the whole suite runs in seconds.
    inputs = harness.build_inputs(0.02, 0.005, 0.01, 3_000, 300, 20)
    h = harness.Harness(quick=True, rust=False, budget=0.0, max_repeats=1, peer_slice_mb=0.005)
    return h, suite.run_suite(h, inputs)


def test_every_capability_has_a_table(run: tuple[object, str]) -> None:
    h, text = run
    for capability in (
        "Tokenization",
        "Sentence splitting",
        "Stemming",
        "VADER sentiment",
        "YAKE",
        "RAKE",
        "TextRank",
        "Report (the main job)",
    ):
        assert f"### {capability}\n" in text
        rows = [r for r in h.rows if r.capability == capability]  # type: ignore[attr-defined]
        assert any(not r.peer for r in rows), capability
        assert all(r.items_per_s > 0 for r in rows)
    if harness.peer_available("sklearn"):
        assert "### TF-IDF\n" in text
    assert "### Targets (project issue 7)" in text


def test_outputs_equal_checks_ran_and_passed(run: tuple[object, str]) -> None:
    h, text = run
    checks = h.checks  # type: ignore[attr-defined]
    expected = {
        "Tokenization": "nltk",
        "Stemming": "Stemmer",
        "VADER sentiment": "vaderSentiment",
        "YAKE": "yake",
        "RAKE": "rake_nltk",
        "TF-IDF": "sklearn",
    }
    for capability, module in expected.items():
        if harness.peer_available(module):
            ran = [c for c in checks if c.capability == capability]
            assert ran, f"no output check for {capability}"
            assert all(c.equal for c in ran), [c for c in ran if not c.equal]
    assert "Outputs checked before timing:" in text


def test_rows_compare_with_peers_on_the_same_input(run: tuple[object, str]) -> None:
    h, text = run
    if not harness.peer_available("Stemmer"):
        pytest.skip("PyStemmer not installed")
    ours = h.find("Stemming", "unique words", "textsift `Stemmer.stem_words`", "1")  # type: ignore[attr-defined]
    peer = h.find("Stemming", "unique words", "PyStemmer `stemWords`")  # type: ignore[attr-defined]
    ratio = ours.items_per_s / peer.items_per_s
    assert f"{ratio:,.1f}x PyStemmer `stemWords`" in text
    assert any(t.label.startswith("stemming through Python") for t in h.targets)  # type: ignore[attr-defined]


def test_thread_settings_take_turns() -> None:
    # One-thread and all-core runs alternate, so that a slow spell of a shared machine hits both.
    calls: list[int | None] = []
    h = harness.Harness(quick=True, rust=False, budget=10.0, max_repeats=4, max_turns=5)
    one, alls = h.measure_threads("cap", "input", "api", calls.append, items=10, unit="docs", n_bytes=1000)
    assert calls == [1, None] * 5
    assert (one.threads, alls.threads) == ("1", harness.all_threads())
    assert one.items_per_s > 0 and alls.mb_per_s is not None and alls.mb_per_s > 0
    assert h.rows == [one, alls]
    # Without time for repeats, each still runs twice: a first run pays one-time costs.
    calls.clear()
    quick = harness.Harness(quick=True, rust=False, budget=0.0, max_repeats=4, max_turns=5)
    quick.measure_threads("cap", "input", "api", calls.append, items=10, unit="docs")
    assert calls == [1, None, 1, None]


def test_peak_memory_sees_an_allocation() -> None:
    with harness.PeakMemory() as mem:
        block = bytearray(50_000_000)
        block[::4096] = b"x" * len(block[::4096])
        del block
    if mem.peak is None:
        pytest.skip("no way to measure peak memory here")
    assert mem.peak >= 45_000_000


def test_readme_table_is_replaced_between_the_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\nrest\n", encoding="utf-8")
    monkeypatch.setattr(suite, "ROOT", tmp_path)
    suite.replace_readme("new table")
    assert (
        readme.read_text(encoding="utf-8")
        == "intro\n<!-- bench:start -->\nnew table\n<!-- bench:end -->\nrest\n"
    )


def test_peer_turns_time_textsift_in_calls_filling_a_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    # A slow peer's run is a mean over seconds; textsift's turn is made of as many calls as fill
    # a turn, and the time reported is one call's share of the best turn.
    keywords = pytest.importorskip("cases.keywords")
    monkeypatch.setattr(keywords, "OURS_TURN_SECONDS", 0.05)
    peer_calls: list[int] = []
    our_calls: list[int] = []
    h = harness.Harness(quick=True, rust=False, budget=0.0)

    def ours() -> None:
        our_calls.append(1)
        time.sleep(0.01)

    peer_timed, ours_timed = keywords._peer_turns(h, lambda: peer_calls.append(1), ours)
    assert len(peer_calls) == 2  # best of two turns
    per_turn = (len(our_calls) - 1) // 2  # one call sizes the turn, then two turns
    assert per_turn >= 2 and len(our_calls) == 1 + 2 * per_turn
    assert 0.009 < ours_timed[0] < 0.03  # one call's time, not the turn's
    assert peer_timed[0] < 0.01
