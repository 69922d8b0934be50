"""What a source gives per office: stats columns, and under "received" the day
each paper was first sent, by period key (see the package's docstring)."""

from __future__ import annotations

from typing import Any

Facts = dict[str, Any]
