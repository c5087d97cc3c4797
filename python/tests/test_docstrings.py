"""The examples in the compiled module's docstrings run and give what they show."""

from __future__ import annotations

import doctest

import pytest

import textsift._textsift as core

OBJECTS = [getattr(core, name) for name in core.__all__ if not name.startswith("_")]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: getattr(o, "__name__", repr(o)))
def test_docstring_examples(obj: object) -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(obj, getattr(obj, "__name__", "obj"), module=False, globs={}):
        runner.run(test)
    assert runner.failures == 0


def test_some_examples_exist() -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    examples = sum(len(t.examples) for o in OBJECTS for t in finder.find(o, "x", module=False, globs={}))
    assert examples >= 3
