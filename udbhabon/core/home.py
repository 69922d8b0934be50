"""What a home-page panel is. Each app builds its own (plans/home.py,
meetings/panels.py ...); the shell lists them in order (shell/home.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
