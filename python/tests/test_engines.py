"""Scaling out: configured objects pickle (small), batches survive fork() and obey
TEXTSIFT_NUM_THREADS, and Dask (LocalCluster, worker processes) and Spark (local mode, pandas
UDFs) score sentiment and extract keywords over a partitioned corpus exactly as one process does.

Engines are started here, locally; each test skips if its engine is not installed.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import textsift as ts

# Spark reads the pandas UDFs' type hints, so pandas must be a module-level name here.
pd = pytest.importorskip("pandas")

PYTHON_DIR = str(Path(__file__).resolve().parents[1])
TIMEOUT = 60.0


def _vader_without(*words: str) -> ts.Vader:
    lexicon = ts.Vader().lexicon()
    for word in words:
        del lexicon[word]
    return ts.Vader(lexicon=lexicon)


def _configured_objects() -> list[Any]:
    return [
        ts.Tokenizer("tweet", preserve_case=False, reduce_len=True),
        ts.Analyzer(
            "social", normalizers=["lowercase"], drop_kinds=["punctuation"], stopwords="en", stem="en"
        ),
        ts.SentenceSplitter(["approx"]),
        ts.Stemmer("de", algorithm="classic"),
        ts.Vader(),
        ts.Vader(mode="corrected"),
        ts.Vader(lexicon=ts.Lexicon({"rizz": 2.4, "mid": -1.0}, base="vader"), mode="corrected"),
        _vader_without("good", "great"),
        ts.Afinn(emoticons=True),
        ts.Lexicon({"rizz": 2.4, "mid": -1.0}, base="afinn"),
        ts.TargetedSentiment({"TikTok": ["tiktok", "tik tok"], "Shorts": "shorts"}, scope=5),
        ts.Yake(n=2, top=5),
        ts.Rake(min_length=1, max_length=3),
        ts.TextRank(window=3),
        ts.TfidfVectorizer(ngram_range=(1, 2)),
        ts.Keyness("g2"),
    ]


def _behaviour(obj: Any, texts: list[str]) -> Any:
    """What an object does with ``texts`` (its main batch method)."""
    if isinstance(obj, ts.Tokenizer):
        return obj.tokenize_batch(texts)
    if isinstance(obj, ts.Analyzer):
        return obj.terms_batch(texts)
    if isinstance(obj, ts.SentenceSplitter):
        return obj.split_batch(texts)
    if isinstance(obj, ts.Stemmer):
        return obj.stem_words(" ".join(texts).lower().split())
    if isinstance(obj, ts.Vader | ts.Afinn | ts.Lexicon):
        out = obj.score_batch(texts)
        return {k: v.tolist() for k, v in out.items()} if isinstance(out, dict) else out.tolist()
    if isinstance(obj, ts.TargetedSentiment):
        return obj.summarize(texts)
    if isinstance(obj, ts.Yake):
        return obj.extract_batch(texts)
    if isinstance(obj, ts.Rake | ts.TextRank):
        return obj.extract_batch(texts, 5)
    if isinstance(obj, ts.TfidfVectorizer):
        return obj.fit_transform(texts).toarray().tolist()
    if isinstance(obj, ts.Keyness):
        return obj.compare(texts[::2], texts[1::2], top=20).to_list()
    raise AssertionError(type(obj))


@pytest.fixture(scope="module")
def sample() -> list[dict[str, str]]:
    return ts.load_sample()


@pytest.mark.parametrize("obj", _configured_objects(), ids=lambda o: type(o).__name__)
def test_every_configured_object_pickles_small_and_behaves_the_same(obj: Any, sample: Any) -> None:
    texts = [r["text"] for r in sample[:120]]
    data = pickle.dumps(obj)
    back = pickle.loads(data)
    assert repr(back) == repr(obj)
    assert _behaviour(back, texts) == _behaviour(obj, texts)
    # Built-in resources travel by name, not by content: every one of these is cheap to ship.
    assert len(data) < 4096, f"{type(obj).__name__} pickles to {len(data)} bytes"


# -- fork and the environment variable -----------------------------------------------------------


def _textsift_threads() -> int:
    """The number of this process's threads named by textsift's pools (Linux)."""
    n = 0
    for task in Path("/proc/self/task").iterdir():
        try:
            n += (task / "comm").read_text().startswith("textsift-")
        except OSError:
            pass
    return n


def _batch_results(texts: list[str]) -> dict[str, Any]:
    """One call of each parallel path: run_batch, the pipelined token path, chunked counting."""
    return {
        "vader": ts.Vader().score_batch(texts, n_threads=2)["compound"].tolist(),
        "tokens": [
            [(t.text, t.start) for t in toks] for toks in ts.Tokenizer().tokens_batch(texts, n_threads=2)
        ],
        "yake": ts.Yake(top=3).extract_batch(texts, n_threads=2),
        "keyness": ts.Keyness(n_threads=2).compare(texts[::2], texts[1::2], top=10).to_list(),
        "tfidf": ts.TfidfVectorizer(n_threads=2).fit_transform(texts).sum(axis=1).A1.tolist(),
    }


@pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/task").exists(), reason="needs fork and /proc"
)
def test_a_forked_child_runs_batches_serially_and_finishes(sample: Any) -> None:
    texts = [r["text"] for r in sample] * 10
    expected = _batch_results(texts)  # the parent's pools exist and are busy-able now
    assert _textsift_threads() >= 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "child.pickle"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork() with threads (3.12+)
            pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 1
            try:
                results = _batch_results(texts)
                out.write_bytes(pickle.dumps((results, _textsift_threads())))
                code = 0
            finally:
                os._exit(code)
        deadline = time.monotonic() + TIMEOUT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                pytest.fail(f"the forked child hung for {TIMEOUT}s in a batch call")
            time.sleep(0.05)
        assert os.waitstatus_to_exitcode(status) == 0
        results, child_threads = pickle.loads(out.read_bytes())
    assert results == expected
    # The child started no pool of its own: it ran everything in the calling thread.
    assert child_threads == 0


def _square_compound(texts: list[str]) -> list[float]:
    return ts.Vader().score_batch(texts, n_threads=2)["compound"].tolist()


def test_multiprocessing_fork_pool_after_the_parent_used_the_pool(sample: Any) -> None:
    import multiprocessing as mp

    texts = [r["text"] for r in sample]
    chunks = [texts[i : i + 250] for i in range(0, len(texts), 250)]
    expected = _square_compound(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with mp.get_context("fork").Pool(2) as pool:
            parts = pool.map_async(_square_compound, chunks).get(timeout=TIMEOUT)
    assert [x for part in parts for x in part] == expected


def _run_python(code: str, **env: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
        env={"PYTHONPATH": PYTHON_DIR, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
    )
    return out.stdout.strip()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts threads in /proc")
def test_textsift_num_threads_1_switches_parallelism_off() -> None:
    tests_dir = str(Path(__file__).parent)
    code = (
        f"import sys; sys.path.insert(0, {tests_dir!r})\n"
        "import hashlib, test_engines as t, textsift as ts\n"
        "texts = [r['text'] for r in ts.load_sample()] * 5\n"
        "r = t._batch_results(texts)\n"
        "digest = hashlib.sha256(repr(r).encode()).hexdigest()\n"
        "print(ts.default_threads(), t._textsift_threads(), digest)"
    )
    off = _run_python(code, TEXTSIFT_NUM_THREADS="1").split()
    on = _run_python(code).split()
    assert off[:2] == ["1", "0"]  # n_threads=2 was asked for; the variable caps it
    assert int(on[1]) >= 2
    assert off[2] == on[2]  # the same results either way
    capped = _run_python("import textsift as ts; print(ts.default_threads())", TEXTSIFT_NUM_THREADS="3")
    assert capped == "3"


# -- Dask -----------------------------------------------------------------------------------------

N_PARTITIONS = 4


def _score_partition(part: Any, vader: ts.Vader, yake: ts.Yake) -> Any:
    """What a cluster worker runs on one partition: the configured objects arrive pickled."""
    scores = vader.score_batch(part["text"], n_threads=1)
    return pd.DataFrame(
        {
            "compound": scores["compound"],
            "keywords": pd.Series(yake.extract_batch(part["text"]), index=part.index, dtype=object),
            "pid": os.getpid(),
        },
        index=part.index,
    )


def _reference(frame: Any, vader: ts.Vader, yake: ts.Yake) -> tuple[list[float], list[Any]]:
    texts = frame["text"].tolist()
    return vader.score_batch(texts)["compound"].tolist(), yake.extract_batch(texts)


def _objects() -> tuple[ts.Vader, ts.Yake]:
    # Non-default configuration, so that a worker with default objects would give other numbers.
    return ts.Vader(mode="corrected"), ts.Yake(n=2, top=5)


@pytest.fixture(scope="module")
def dask_client() -> Any:
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
            env={"TEXTSIFT_NUM_THREADS": "1"},  # as the Scaling out page advises
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_local_cluster_matches_one_process(dask_client: Any) -> None:
    import dask.dataframe as dd

    frame = ts.load_sample(as_frame=True)
    vader, yake = _objects()
    compound, keywords = _reference(frame, vader, yake)
    meta = {"compound": "f8", "keywords": "object", "pid": "i8"}
    ddf = dd.from_pandas(frame[["text"]], npartitions=N_PARTITIONS)
    out = ddf.map_partitions(_score_partition, vader, yake, meta=meta).compute()
    assert out.index.tolist() == frame.index.tolist()
    assert out["compound"].tolist() == compound
    assert out["keywords"].tolist() == keywords
    # The work really ran in the worker processes, whose textsift runs one thread.
    pids = set(out["pid"])
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert list(dask_client.run(ts.default_threads).values()) == [1, 1]


def test_dask_with_the_accessor_matches_one_process(dask_client: Any) -> None:
    import dask.dataframe as dd

    import textsift.pandas  # noqa: F401

    frame = ts.load_sample(as_frame=True)
    expected = frame["text"].textsift.sentiment()
    ddf = dd.from_pandas(frame[["text"]], npartitions=N_PARTITIONS)
    out = ddf["text"].map_partitions(_accessor_sentiment, meta=expected.iloc[:0]).compute()
    np.testing.assert_array_equal(out.to_numpy(), expected.to_numpy())
    assert out.index.tolist() == expected.index.tolist()


def _accessor_sentiment(part: Any) -> Any:
    import textsift.pandas  # noqa: F401  (registers Series.textsift in the worker)

    return part.textsift.sentiment()


# -- Spark ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
        pytest.skip("Spark needs Java")
    from pyspark.sql import SparkSession

    # Spark's Python workers must be this interpreter (with textsift, pandas and pyarrow).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("textsift-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.extraJavaOptions", "-Dlog4j.rootLogger=ERROR")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_pandas_udf_matches_one_process(spark: Any) -> None:
    from pyspark.sql.functions import pandas_udf

    frame = ts.load_sample(as_frame=True)[["id", "text"]]
    vader, yake = _objects()
    compound, keywords = _reference(frame, vader, yake)

    # The UDFs close over the configured objects: Spark pickles them to its Python workers.
    @pandas_udf("double")  # type: ignore[call-overload,misc]
    def sentiment_udf(texts: pd.Series) -> pd.Series:
        return pd.Series(vader.score_batch(texts, n_threads=1)["compound"])

    @pandas_udf("array<struct<phrase:string,score:double>>")  # type: ignore[call-overload,misc]
    def keywords_udf(texts: pd.Series) -> pd.Series:
        return pd.Series([[{"phrase": p, "score": s} for p, s in kp] for kp in yake.extract_batch(texts)])

    sdf = spark.createDataFrame(frame).repartition(N_PARTITIONS, "id")
    rows = (
        sdf.select("id", sentiment_udf("text").alias("compound"), keywords_udf("text").alias("keywords"))
        .orderBy("id")
        .collect()
    )
    assert [r["id"] for r in rows] == frame["id"].tolist()
    assert [r["compound"] for r in rows] == compound
    assert [[(k["phrase"], k["score"]) for k in r["keywords"]] for r in rows] == keywords
