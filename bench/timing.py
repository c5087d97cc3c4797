"""Helpers shared by the benchmark scripts: best-of-N timing and running a Rust example."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def best_time(fn: Callable[[], object], repeats: int) -> float:
    """The shortest of ``repeats`` runs of ``fn``, in seconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_rust_example(package: str, example: str, lines: list[str], repeats: int) -> Any:
    """Run a release-built example of ``package`` on a temporary file of ``lines`` and return
    the JSON it prints."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines))
        path = f.name
    try:
        cmd = [
            "cargo",
            "run",
            "--quiet",
            "--release",
            "-p",
            package,
            "--example",
            example,
            "--",
            path,
            str(repeats),
        ]
        return json.loads(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    finally:
        os.unlink(path)
