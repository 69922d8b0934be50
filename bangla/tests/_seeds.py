"""Where the seed documents live for tests (copied into the repository, never /work/shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
EXPECTED = SEEDS / "expected"


def expected_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def raw_lines(path: Path) -> list[str]:
    """The seed .txt lines of an expected .json."""
    return (SEEDS / f"{path.stem}.txt").read_text(encoding="utf-8").splitlines()
