"""The ``textsift`` command: every subcommand, input format and bad file."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from textsift.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_tokenize_sample_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tokenize", "--sample", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) >= 500 and all(len(r["tokens"]) == len(r["kinds"]) for r in rows)
    assert any("hashtag" in r["kinds"] for r in rows) and any("emoji" in r["kinds"] for r in rows)
    code, out, _ = run(capsys, "tokenize", "--sample", "--format", "tsv", "--limit", "5")
    assert code == 0 and all(len(line.split("\t")) == 6 for line in out.splitlines())
    code, out, _ = run(capsys, "tokenize", "--sample", "--format", "text", "--mode", "tweet", "--limit", "3")
    assert code == 0 and len(out.splitlines()) == 3


def test_input_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("hello #world\nsecond line :)\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text('id,body\n1,"hi, @you"\n2,bye\n', encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"text": "a b"}\n\n{"text": "c"}\n', encoding="utf-8")
    with gzip.open(tmp_path / "a.txt.gz", "wt", encoding="utf-8") as f:
        f.write("zipped text\n")
    code, out, _ = run(capsys, "tokenize", str(tmp_path / "a.txt"), "--format", "text")
    assert (code, out) == (0, "hello #world\nsecond line :)\n")
    code, out, _ = run(
        capsys, "tokenize", str(tmp_path / "a.csv"), "--text-column", "body", "--format", "text"
    )
    assert (code, out) == (0, "hi , @you\nbye\n")
    code, out, _ = run(capsys, "tokenize", str(tmp_path / "a.jsonl"), "--format", "text")
    assert (code, out) == (0, "a b\nc\n")
    code, out, _ = run(capsys, "tokenize", str(tmp_path / "a.txt.gz"), "--format", "text")
    assert (code, out) == (0, "zipped text\n")


def test_stdin_through_console_script(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textsift.cli", "tokenize", "-", "--format", "text"],
        input="sooo good 😍 #fyp\n".encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "sooo good 😍 #fyp\n"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("bad_utf8", "invalid UTF-8 at byte offset 4"),
        ("missing_column", "no column 'text'"),
        ("truncated_gzip", "not a complete gzip file"),
        ("ragged_csv", "more fields than the header"),
        ("bad_jsonl", "line 2 is not valid JSON"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    path = tmp_path / "in.txt"
    if setup == "directory":
        path = tmp_path
    elif setup == "bad_utf8":
        path.write_bytes(b"abc \xff def\n")
    elif setup == "missing_column":
        path = tmp_path / "in.csv"
        path.write_text("id,body\n1,x\n", encoding="utf-8")
    elif setup == "truncated_gzip":
        path = tmp_path / "in.txt.gz"
        path.write_bytes(gzip.compress(b"hello world\n" * 100)[:30])
    elif setup == "ragged_csv":
        path = tmp_path / "in.csv"
        path.write_text("id,text\n1,a,extra\n", encoding="utf-8")
    elif setup == "bad_jsonl":
        path = tmp_path / "in.jsonl"
        path.write_text('{"text": "a"}\n{"text": \n', encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "tokenize", str(path), "--out", str(out_file))
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out_file.exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".textsift-")]


def test_errors_replace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"abc \xff def\n")
    code, out, _ = run(capsys, "tokenize", str(path), "--errors", "replace", "--format", "text")
    assert (code, out) == (0, "abc \ufffd def\n")


def test_no_input_and_both_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "tokenize")[0] == 2
    assert run(capsys, "tokenize", "x.txt", "--sample")[0] == 2
    with pytest.raises(SystemExit) as e:
        main(["tokenize", "--mode", "nope"])
    assert e.value.code == 2


def test_out_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "tokens.jsonl"
    code, out, _ = run(capsys, "tokenize", "--sample", "--out", str(out_file))
    assert code == 0 and out == ""
    assert len(out_file.read_text(encoding="utf-8").splitlines()) >= 500


def test_sentences_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Dr. Kim left. Bye!\n", encoding="utf-8")
    code, out, _ = run(capsys, "sentences", str(tmp_path / "a.txt"))
    assert code == 0 and json.loads(out) == {"row": 0, "sentences": ["Dr. Kim left.", "Bye!"]}


def test_report_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "--sample")
    assert code == 0
    for platform in ("TikTok", "YouTube Shorts", "Instagram Reels"):
        assert f"== {platform}:" in out
    code, out, _ = run(capsys, "report", "--sample", "--format", "json")
    summary = json.loads(out)
    assert set(summary["groups"]) == {"TikTok", "YouTube Shorts", "Instagram Reels"}
    assert sum(g["posts"] for g in summary["groups"].values()) == summary["documents"]
    # Deterministic: the same output with one thread.
    code, out1, _ = run(capsys, "report", "--sample", "--format", "json", "--threads", "1")
    assert out1 == out
    # Sentiment per group is the mean of the documents' VADER compound scores.
    import textsift as ts

    rows = ts.load_sample()
    tiktok = [r["text"] for r in rows if r["platform"] == "TikTok"]
    compound = ts.Vader().score_batch(tiktok)["compound"]
    assert summary["groups"]["TikTok"]["sentiment"]["mean"] == round(float(compound.mean()), 4)
    targets = {t["target"]: t for t in summary["groups"]["TikTok"]["targets"]}
    assert set(targets) == {"Kestrel", "VoltRush", "Orbix", "Lumelle", "BunHaus", "Threadly"}
    assert targets["Kestrel"]["documents"] > 0


def test_report_targets_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "report", "--sample", "--format", "json", "--targets", "Kestrel=kestrel,#kestrel;Orbix"
    )
    assert code == 0
    rows = json.loads(out)["groups"]["TikTok"]["targets"]
    assert [r["target"] for r in rows] == ["Kestrel", "Orbix"]
    code, _, err = run(capsys, "report", "--sample", "--targets", "=x")
    assert code == 2 and "bad target" in err


def test_sentiment_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import textsift as ts

    code, out, _ = run(capsys, "sentiment", "--sample", "--limit", "50")
    rows = [json.loads(line) for line in out.splitlines()]
    texts = [r["text"] for r in ts.load_sample()][:50]
    assert code == 0 and [r["compound"] for r in rows] == [ts.sentiment(t)["compound"] for t in texts]
    code, out, _ = run(capsys, "sentiment", "--sample", "--limit", "5", "--method", "afinn")
    assert code == 0 and [json.loads(line)["afinn"] for line in out.splitlines()] == [
        ts.Afinn().score(t) for t in texts[:5]
    ]
    path = tmp_path / "posts.txt"
    path.write_text("I ❤️ it\n", encoding="utf-8")
    code, out, _ = run(capsys, "sentiment", str(path), "--corrected")
    assert code == 0 and json.loads(out)["compound"] > 0.5


def test_report_bad_group_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "--sample", "--group-column", "brand")
    assert code == 2 and "no column 'brand'" in err


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tokenize", "--help"])
    assert "examples:" in capsys.readouterr().out
