"""The CLI's error matrix, run as a user runs it (a subprocess): every bad input gives exit
status 2, exactly one line on standard error naming the problem, and no output file (nor a
temporary one) left behind; Ctrl-C gives 130 and no output file either."""

from __future__ import annotations

import contextlib
import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

GOOD = "id,platform,text\n1,TikTok,hello\n2,Reels,café ok\n"


def make(tmp: Path, case: str) -> tuple[Path, str]:
    """The input file of ``case`` and the words its error message must contain."""
    path = tmp / "in.csv"
    if case == "missing_file":
        return tmp / "nope.csv", "nope.csv: no such file"
    if case == "directory":
        (tmp / "dir.csv").mkdir()
        return tmp / "dir.csv", "is a directory"
    if case == "permission":
        path.write_text(GOOD, encoding="utf-8")
        path.chmod(0)
        return path, "permission denied"
    if case == "truncated_gzip":
        path = tmp / "in.csv.gz"
        path.write_bytes(gzip.compress(GOOD.encode() * 200)[:-40])
        return path, "not a complete gzip file"
    if case == "missing_text_column":
        path.write_text("id,platform,body\n1,TikTok,hello\n", encoding="utf-8")
        return path, "no column 'text'; columns are 'id', 'platform', 'body'"
    if case == "missing_group_column":
        path.write_text("id,text\n1,hello\n", encoding="utf-8")
        return path, "no column 'platform'"
    if case == "ragged_more":
        path.write_text(GOOD + "3,TikTok,a,b\n", encoding="utf-8")
        return path, "line 4 has more fields than the header (4, not 3)"
    if case == "ragged_fewer":
        path.write_text(GOOD + "3,TikTok\n4,Reels,x\n", encoding="utf-8")
        return path, "line 4 has fewer fields than the header (2, not 3)"
    if case == "empty_file":
        path.write_bytes(b"")
        return path, "no documents (the input is empty)"
    if case == "header_only":
        path.write_text("id,platform,text\n", encoding="utf-8")
        return path, "no documents"
    if case == "undecodable":
        head = b"id,platform,text\n1,TikTok,"
        path.write_bytes(head + b"\xff\xfe broken\n")
        return path, f"line 2: invalid UTF-8 at byte offset {len(head)} (byte 0xff)"
    if case == "mixed_encodings":
        # UTF-8 first, then a line saved as Latin-1.
        path.write_bytes(GOOD.encode("utf-8") + "3,TikTok,déjà vu\n".encode("latin-1"))
        offset = len(GOOD.encode("utf-8")) + len(b"3,TikTok,d")
        return path, f"line 4: invalid UTF-8 at byte offset {offset} (byte 0xe9)"
    if case == "bad_jsonl":
        path = tmp / "in.jsonl"
        path.write_text('{"text": "a", "platform": "x"}\n{"text": \n', encoding="utf-8")
        return path, "line 2 is not valid JSON"
    if case == "huge_integer_jsonl":
        # int() reads at most 4300 digits (a ValueError, not a JSONDecodeError).
        path = tmp / "in.jsonl"
        big = "9" * 5000
        path.write_text(
            f'{{"text": "a", "platform": "x"}}\n{{"text": "b", "platform": {big}}}\n', encoding="utf-8"
        )
        return path, "line 2 has an integer with too many digits to read"
    if case == "deep_jsonl":
        # json.loads recurses per level (a RecursionError).
        path = tmp / "in.jsonl"
        deep = "[" * 100_000 + "]" * 100_000
        path.write_text(
            f'{{"text": "a", "platform": "x"}}\n{{"text": "b", "platform": {deep}}}\n', encoding="utf-8"
        )
        return path, "line 2 is nested too deeply to read as JSON"
    if case == "damaged_parquet":
        pytest.importorskip("pyarrow")
        path = tmp / "in.parquet"
        path.write_bytes(b"PAR1 this is not really parquet")
        return path, "not a readable Parquet file"
    raise AssertionError(case)


CASES = [
    "missing_file",
    "directory",
    "permission",
    "truncated_gzip",
    "missing_text_column",
    "missing_group_column",
    "ragged_more",
    "ragged_fewer",
    "empty_file",
    "header_only",
    "undecodable",
    "mixed_encodings",
    "bad_jsonl",
    "huge_integer_jsonl",
    "deep_jsonl",
    "damaged_parquet",
]


def textsift(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    return subprocess.run(
        [sys.executable, "-m", "textsift.cli", *argv],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("command", ["report", "sentiment"])
@pytest.mark.parametrize("case", CASES)
def test_bad_input_exit_2_one_line_no_output(tmp_path: Path, case: str, command: str) -> None:
    if case == "permission" and os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    if case == "missing_group_column" and command != "report":
        pytest.skip("sentiment has no group column")
    path, message = make(tmp_path, case)
    out = tmp_path / ("report.html" if command == "report" else "scores.jsonl")
    extra = ["--group-column", "platform"] if command == "report" else []
    proc = textsift(command, str(path), *extra, "--out", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.endswith("\n") and len(err.splitlines()) == 1, err
    assert err.startswith("textsift: error: ") and message in err, err
    assert not out.exists()
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".textsift-")]


def test_output_directory_missing_or_a_directory(tmp_path: Path) -> None:
    proc = textsift("sentiment", "--sample", "--out", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert proc.returncode == 2 and "directory does not exist" in proc.stderr.decode()
    proc = textsift("sentiment", "--sample", "--out", str(tmp_path))
    assert proc.returncode == 2 and len(proc.stderr.decode().splitlines()) == 1
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".textsift-")]


def test_errors_replace_and_encoding_options(tmp_path: Path) -> None:
    path, _ = make(tmp_path, "mixed_encodings")
    proc = textsift("sentiment", str(path), "--errors", "replace")
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 3
    latin = tmp_path / "latin.txt"
    latin.write_bytes("déjà vu, très bien\n".encode("latin-1"))
    proc = textsift("tokenize", str(latin), "--encoding", "latin-1", "--format", "text")
    assert proc.returncode == 0 and proc.stdout.decode() == "déjà vu , très bien\n"
    proc = textsift("tokenize", str(latin), "--encoding", "klingon")
    assert proc.returncode == 2 and "unknown encoding" in proc.stderr.decode()


def test_stdin_gzip_and_no_stderr_when_not_a_terminal(tmp_path: Path) -> None:
    # Gzip is recognised by its magic bytes on a pipe; the progress bar stays off (stderr is a pipe).
    proc = textsift("sentiment", "-", "--chunk-size", "1", stdin=gzip.compress(b"good\nbad\n"))
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
    assert proc.stderr == b""


def test_bad_arguments_exit_2() -> None:
    proc = textsift("report", "--sample", "--top", "0")
    assert proc.returncode == 2 and "must be at least 1" in proc.stderr.decode()
    proc = textsift("report")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib_codec"])
def test_encoding_that_is_not_a_text_encoding(tmp_path: Path, encoding: str) -> None:
    # These codecs exist but turn bytes into bytes (or str into str); bytes.decode refuses them.
    path = tmp_path / "in.txt"
    path.write_text("hello world\n", encoding="utf-8")
    proc = textsift("tokenize", str(path), "--encoding", encoding)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1, err
    assert err.startswith(f"textsift: error: encoding '{encoding}' is not a text encoding"), err


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--sample", "--top", "99999999999999999999999"],
        ["report", "--sample", "--threads", "99999999999999999999"],
        ["sentiment", "--sample", "--threads", str(2**63)],
        ["keywords", "--sample", "--top", "9" * 5000],
    ],
)
def test_too_large_counts_are_bad_arguments(argv: list[str]) -> None:
    # Counts past a C long overflowed in the Rust side (an OverflowError, exit 1).
    proc = textsift(*argv)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert f"argument {argv[2]}: must be at most {2**63 - 1}" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argv bytes")
@pytest.mark.parametrize("command", ["stem", "keywords"])
def test_lang_with_undecodable_bytes(command: str) -> None:
    # Undecodable argv bytes become lone surrogates (surrogateescape), which Rust cannot take.
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"textsift.cli",
            command.encode(),
            b"--sample",
            b"--lang",
            b"e\xffn",
        ],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "argument --lang: not a language code: 'e\\udcffn'" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130_without_output_file(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "textsift.cli", "sentiment", "-", "--chunk-size", "2", "--out", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # A shell that starts this test run in the background hands SIGINT down ignored; the
        # command's users get Ctrl-C at its default, so the child starts with it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdin is not None and proc.stderr is not None
    # Some posts are processed and written to the temporary file; the input stays open.
    proc.stdin.write(b"good post\n" * 10)
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not [p for p in os.listdir(tmp_path) if p.startswith(".textsift-")]:
        assert time.monotonic() < deadline, "no temporary output file appeared"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    proc.stdin.close()
    assert code == 130, err
    assert err == "textsift: interrupted\n"
    assert not out.exists() and not os.listdir(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    argv = [sys.executable, "-m", "textsift.cli", "sentiment", "-", "--chunk-size", "1"]
    out = tmp_path / "scores.jsonl"
    proc = subprocess.Popen([*argv, "--out", str(out)], stdin=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    assert proc.stdin is not None
    proc.stdin.write(b"good\n")
    proc.stdin.flush()
    time.sleep(1.5)  # the bar waits a second before it shows
    proc.stdin.write(b"bad\nfine\n")
    proc.stdin.close()
    assert proc.wait(timeout=60) == 0
    seen = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(master, 4096):
            seen += chunk
    os.close(master)
    assert b"documents" in seen and seen.endswith(b"\r\x1b[K")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    # --quiet: nothing on the terminal.
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*argv, "--quiet"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=slave, env=env
    )
    os.close(slave)
    assert proc.stdin is not None
    proc.stdin.write(b"good\n")
    proc.stdin.flush()
    time.sleep(1.5)
    proc.stdin.write(b"bad\n")
    proc.stdin.close()
    assert proc.wait(timeout=60) == 0
    quiet = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(master, 4096):
            quiet += chunk
    os.close(master)
    assert quiet == b""
