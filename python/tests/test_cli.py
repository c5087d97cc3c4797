"""The ``textsift`` command: every subcommand, input format and bad file."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_python_dash_m_textsift(tmp_path: Path) -> None:
    # `python -m textsift` is the `textsift` command: same output, same exit status.
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.run(
        [sys.executable, "-m", "textsift", "tokenize", "-", "--format", "text"],
        input="sooo good 😍 #fyp\n".encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "sooo good 😍 #fyp\n"
    proc = subprocess.run(
        [sys.executable, "-m", "textsift", "report"], capture_output=True, env=env, check=False
    )
    assert proc.returncode == 2 and proc.stderr.decode().startswith("textsift: error: no input")


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


# --- every subcommand on every input format -------------------------------------------------

POSTS = [
    ("1", "TikTok", "2024-01-01", "I love this #fyp 😍"),
    ("2", "Reels", "2024-01-02", "Worst update ever, the app keeps crashing"),
    ("3", "TikTok", "2024-01-03", 'She said "wow, nice", then left'),
    ("4", "Reels", "2024-01-05", "Running and jumping cats, the new reels trend"),
]


def write_inputs(tmp: Path) -> dict[str, Path]:
    """The same four posts in every input format."""
    rows = [dict(zip(("id", "platform", "date", "text"), p)) for p in POSTS]
    paths: dict[str, Path] = {}
    paths["txt"] = tmp / "posts.txt"
    paths["txt"].write_text("".join(r["text"] + "\n" for r in rows), encoding="utf-8")
    for name, sep in (("csv", ","), ("tsv", "\t")):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter=sep, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        paths[name] = tmp / f"posts.{name}"
        paths[name].write_text(buf.getvalue(), encoding="utf-8")
    paths["jsonl"] = tmp / "posts.jsonl"
    paths["jsonl"].write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for name in ("csv", "jsonl", "txt"):
        paths[f"{name}.gz"] = tmp / f"posts.{name}.gz"
        paths[f"{name}.gz"].write_bytes(gzip.compress(paths[name].read_bytes()))
    try:
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        pass
    else:
        paths["parquet"] = tmp / "posts.parquet"
        pq.write_table(pa.Table.from_pylist(rows), paths["parquet"])
    return paths


FORMATS = ["txt", "csv", "tsv", "jsonl", "csv.gz", "jsonl.gz", "txt.gz", "parquet"]
TEXTS = [p[3] for p in POSTS]


def reference(command: str) -> list[Any]:
    """What each per-document subcommand gives, from the library directly."""
    import textsift as ts

    if command == "tokenize":
        return [
            {"row": i, "tokens": ts.tokenize(t), "kinds": [x.kind for x in ts.tokens(t)]}
            for i, t in enumerate(TEXTS)
        ]
    if command == "sentences":
        return [{"row": i, "sentences": ts.sentences(t)} for i, t in enumerate(TEXTS)]
    if command == "sentiment":
        return [{"row": i, **ts.sentiment(t)} for i, t in enumerate(TEXTS)]
    if command == "keywords":
        return [{"row": i, "keywords": [list(k) for k in ts.keywords(t)]} for i, t in enumerate(TEXTS)]
    analyzer = ts.Analyzer(
        "social",
        normalizers=["lowercase"],
        drop_kinds=["punctuation", "symbol", "url", "email", "emoji", "emoticon"],
        stem=ts.Stemmer("en"),
    )
    return [{"row": i, "stems": analyzer.terms(t)} for i, t in enumerate(TEXTS)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", ["tokenize", "sentences", "sentiment", "keywords", "stem"])
def test_every_subcommand_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, command: str
) -> None:
    paths = write_inputs(tmp_path)
    if fmt not in paths:
        pytest.skip("pyarrow is not installed")
    extra = ["--format", "jsonl"] if command in ("tokenize", "stem") else []
    code, out, err = run(capsys, command, str(paths[fmt]), *extra, "--chunk-size", "3")
    assert code == 0, err
    assert [json.loads(line) for line in out.splitlines()] == reference(command)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "csv.gz", "jsonl.gz", "parquet"])
def test_report_and_keyness_every_tabular_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import textsift as ts

    paths = write_inputs(tmp_path)
    if fmt not in paths:
        pytest.skip("pyarrow is not installed")
    code, out, err = run(
        capsys,
        "report",
        str(paths[fmt]),
        "--group-column",
        "platform",
        "--date-column",
        "date",
        "--format",
        "json",
    )
    assert code == 0, err
    expected = ts.build_report(
        TEXTS, [p[1] for p in POSTS], [p[2] for p in POSTS], group_column="platform", date_column="date"
    )
    assert json.loads(out) == expected.to_dict()
    code, out, err = run(capsys, "keyness", str(paths[fmt]), "--group-column", "platform", "--format", "json")
    assert code == 0, err
    want = ts.Keyness().one_vs_rest(TEXTS, [p[1] for p in POSTS], top=20).to_list()
    assert json.loads(out) == json.loads(json.dumps(want))


def test_report_streaming_equals_one_chunk(capsys: pytest.CaptureFixture[str]) -> None:
    outs = []
    for size in ("7", "100000"):
        code, out, _ = run(capsys, "report", "--sample", "--format", "json", "--chunk-size", size)
        assert code == 0
        outs.append(json.loads(out))
    assert outs[0] == outs[1]
    assert set(outs[0]["groups"]) == {"TikTok", "YouTube Shorts", "Instagram Reels"}


def test_report_html_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "report.html"
    code, out, _ = run(capsys, "report", "--sample", "--out", str(out_file))
    assert code == 0 and f"wrote {out_file}" in out and "== TikTok:" in out
    page = out_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for chart in ("sentiment-distribution", "sentiment-over-time", "keyness", "keyphrases", "targets"):
        assert f'data-chart="{chart}"' in page
    for platform in ("TikTok", "YouTube Shorts", "Instagram Reels"):
        assert platform in page
    json_file = tmp_path / "report.json"
    code, out, _ = run(capsys, "report", "--sample", "--quiet", "--out", str(json_file))
    assert code == 0 and out == ""
    assert json.loads(json_file.read_text(encoding="utf-8"))["documents"] > 500
    code, _, err = run(capsys, "report", "--sample", "--format", "html")
    assert code == 2 and "needs --out" in err


def test_keyness_text_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "keyness", "--sample", "--top", "3")
    assert (
        code == 0
        and "== TikTok" in out
        and len([line for line in out.splitlines() if line.startswith("   ")]) == 9
    )
    code, _, err = run(capsys, "keyness", str(write_inputs(tmp_path)["csv"]))
    assert code == 2 and "--group-column" in err
    path = tmp_path / "one.csv"
    path.write_text("g,text\na,hello\na,world\n", encoding="utf-8")
    code, _, err = run(capsys, "keyness", str(path), "--group-column", "g")
    assert code == 2 and "at least two groups" in err


def test_csv_output_guards_against_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.csv"
    rows = [
        ["id", "text"],
        ['=HYPERLINK("http://x")', "good"],
        ["+1", "bad"],
        ["@SUM(A1)", "ok"],
        ["-2", "meh"],
        ["7", "fine"],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    code, out, _ = run(capsys, "sentiment", str(path), "--id-column", "id", "--format", "csv")
    assert code == 0
    got = list(csv.reader(io.StringIO(out)))
    assert got[0] == ["row", "id", "neg", "neu", "pos", "compound"]
    assert [r[1] for r in got[1:]] == ['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", "'-2", "7"]
    # Numbers (negative compound scores) stay numbers.
    assert float(got[2][5]) < 0


def test_internal_error_is_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import textsift.cli as cli

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(cli.ReportBuilder, "finish", boom)
    code, _, err = run(capsys, "report", "--sample")
    assert code == 1 and err == "textsift: internal error: RuntimeError: something broke\n"


def test_main_help_documents_exit_codes_and_every_subcommand_has_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "exit status:" in text and "130" in text
    for command in ("report", "tokenize", "sentences", "stem", "sentiment", "keywords", "keyness"):
        assert command in text
        with pytest.raises(SystemExit) as e:
            main([command, "--help"])
        assert e.value.code == 0
        assert f"textsift {command}" in capsys.readouterr().out.split("examples:")[1]


def test_progress_bar_only_when_enabled(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from textsift.cli import Progress

    clock = iter(float(i) for i in range(100))
    monkeypatch.setattr("textsift.cli.time.monotonic", lambda: next(clock))
    bar = Progress(True)
    bar.update(0.5, 1234)
    bar.close()
    err = capsys.readouterr().err
    assert "50%" in err and "1,234 documents" in err and err.endswith("\r\x1b[K")
    quiet = Progress(False)
    quiet.update(0.5, 1234)
    quiet.close()
    assert capsys.readouterr().err == ""


def test_permission_denied_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # chmod does not stop root, so the refusal is simulated where the reader opens the file.
    import textsift._io as io_module

    path = tmp_path / "in.txt"
    path.write_text("hello\n", encoding="utf-8")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(io_module, "open", refuse, raising=False)
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "sentiment", str(path), "--out", str(out_file))
    assert code == 2 and err == f"textsift: error: {path}: permission denied\n"
    assert not out_file.exists()
