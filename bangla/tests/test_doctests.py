"""The examples in the docstrings run as tests (pytest does not collect them by default)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from bangla.tests.test_purity import MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
