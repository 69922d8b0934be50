"""A hook is provided once, by name; calling one nobody provided is an error."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from udbhabon.core.hooks import Hook


def test_it_calls_the_registered_function():
    hook = Hook("test.double")
    hook.register(lambda n: 2 * n)
    assert hook(21) == 42


def test_it_refuses_to_answer_when_nothing_was_registered():
    with pytest.raises(ImproperlyConfigured, match=r"test\.nobody"):
        Hook("test.nobody")(1)


def test_it_refuses_a_second_provider():
    hook = Hook("test.once")
    first = hook.register(abs)
    assert hook.register(first) is abs  # registering the same again is harmless
    with pytest.raises(ImproperlyConfigured):
        hook.register(round)
