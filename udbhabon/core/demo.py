"""Demo content for `make run`: each app adds what a newcomer should see.

The seeds are loaded through the document reader into their real offices once
the import pipeline lands (issue: read the offices' papers).
"""

from __future__ import annotations

from collections.abc import Iterator


def load_demo_content() -> Iterator[str]:
    """Yield one line of report per thing loaded."""
    yield from ()
    from udbhabon.plans.demo import load_plans_demo

    yield from load_plans_demo()
