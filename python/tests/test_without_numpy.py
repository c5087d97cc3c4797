"""Batch calls without numpy: a clear ImportError, never a Rust panic."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
sys.modules["numpy"] = None  # makes `import numpy` fail, as on a machine without it
import textsift as ts
calls = [
    lambda: ts.Vader().score_batch(["good"]),
    lambda: ts.Afinn().score_batch(["good"]),
    lambda: ts.Tokenizer("social").count_batch(["a b"]),
    lambda: ts.Tokenizer("social").tokenize_arrays(["a b"]),
    lambda: ts.TargetedSentiment({"A": "a"}).score_batch(["a is good"]),
    lambda: ts.TfidfVectorizer().fit_transform(["red apple", "green apple"]),
    lambda: ts.TfidfVectorizer(dtype="f4"),
    lambda: ts.TfidfVectorizer(dtype="float32").fit_transform(["red apple", "green apple"]),
]
for call in calls:
    try:
        call()
    except ImportError as e:
        assert "numpy" in str(e), e
    else:
        raise AssertionError("no error without numpy")
# One-text calls need no numpy, nor does fitting a vectorizer.
assert ts.sentiment("good")["compound"] > 0
tfidf = ts.TfidfVectorizer().fit(["red apple", "green apple"])
assert tfidf.vocabulary_ == {"apple": 0, "green": 1, "red": 2}, tfidf.vocabulary_
assert tfidf.get_params()["dtype"] == "float64" and repr(tfidf) == "TfidfVectorizer()", repr(tfidf)
# Its parameters make a vectorizer again (as sklearn.clone does), dtype named.
again = ts.TfidfVectorizer(**tfidf.get_params())
assert again.fit(["red apple"]).vocabulary_ == {"apple": 0, "red": 1}
assert ts.TfidfVectorizer(dtype="float32").get_params()["dtype"] == "float32"
print("ok")
"""


def test_batch_calls_without_numpy_raise_import_error() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
