"""The HTML documentation builds (pdoc API reference + the hand-written pages of docs/), has a
page and an entry for every public name, and its pages link only to pages that exist."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import re
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pdoc")

import textsift as ts  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("textsift_docs_build", DOCS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        _build_module().build(out)
    # pdoc warns about what it cannot document (a bad reference, a broken signature): that is rot.
    problems = [str(w.message) for w in record if not issubclass(w.category, DeprecationWarning)]
    assert not problems
    return out


def _anchors(page: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))


def test_every_public_name_of_textsift_has_an_entry(site: Path) -> None:
    anchors = _anchors(site / "textsift.html")
    missing = [name for name in ts.__all__ if name != "__version__" and name not in anchors]
    assert not missing


def test_every_public_method_of_the_compiled_classes_has_an_entry(site: Path) -> None:
    anchors = _anchors(site / "textsift.html")
    missing = []
    for name in ts.__all__:
        obj = getattr(ts, name)
        if not inspect.isclass(obj) or obj.__module__ != "textsift":
            continue  # Python classes are checked through their modules' pages below
        for attr in vars(obj):
            if not attr.startswith("_") and f"{name}.{attr}" not in anchors:
                missing.append(f"{name}.{attr}")
    assert not missing


MODULES = [m for m in _build_module().MODULES if m != "textsift"]


@pytest.mark.parametrize("module", MODULES)
def test_every_public_module_has_a_page_with_its_names(site: Path, module: str) -> None:
    page = site / (module.replace(".", "/") + ".html")
    assert page.exists()
    mod = importlib.import_module(module)
    names = getattr(mod, "__all__", [])
    anchors = _anchors(page)
    assert [n for n in names if n not in anchors] == []


def test_every_public_item_has_a_docstring() -> None:
    undocumented = []
    for name in ts.__all__:
        obj = getattr(ts, name)
        if callable(obj) and not (obj.__doc__ or "").strip():
            undocumented.append(name)
    assert not undocumented


def test_hand_written_pages_are_built_and_their_links_resolve(site: Path) -> None:
    pages = sorted(DOCS.glob("*.md"))
    assert {"index", "scaling-out"} <= {p.stem for p in pages}
    for md in pages:
        html_page = site / f"{md.stem}.html"
        assert html_page.exists(), md
        for href in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', html_page.read_text(encoding="utf-8")):
            assert (site / href).exists(), f"{md.name} links to missing {href}"


def test_scaling_out_page_covers_the_engines_and_threads(site: Path) -> None:
    text = (site / "scaling-out.html").read_text(encoding="utf-8")
    for needle in ("map_partitions", "LocalCluster", "pandas_udf", "TEXTSIFT_NUM_THREADS", "fork()"):
        assert needle in text, needle


@pytest.mark.parametrize("md", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_code_in_the_pages_is_valid_python(md: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", md.read_text(encoding="utf-8"), flags=re.S)
    for block in blocks:
        ast.parse(block)
