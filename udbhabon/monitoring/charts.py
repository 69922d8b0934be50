"""Geometry of the two small server-rendered SVG charts (no chart library, no JS).

The templates (monitoring/includes/charts.html) draw the shapes computed here,
so labels are translated in the template and the page stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

from udbhabon.monitoring.queries import Totals

WIDTH, HEIGHT, BAR_GAP = 360, 120, 4


@dataclass
class Bar:
    x: float
    width: float
    timely_y: float
    timely_h: float
    late_y: float
    late_h: float
    timely: int
    late: int
    label: str  # month, "2017-08"


def compliance_bars(total: Totals, labels: list[str]) -> list[Bar]:
    """Per month: offices whose minutes came on time (bottom) and late (on top),
    as a share of the offices below, on a 0–100 % scale."""
    n = max(total.offices, 1)
    width = WIDTH / len(labels) - BAR_GAP
    bars = []
    for i, label in enumerate(labels):
        timely, late = total.months_timely[i], total.months_late[i]
        th = HEIGHT * timely / n
        lh = HEIGHT * late / n
        x = i * (width + BAR_GAP)
        bars.append(
            Bar(
                x=round(x, 1),
                width=round(width, 1),
                timely_y=round(HEIGHT - th, 1),
                timely_h=round(th, 1),
                late_y=round(HEIGHT - th - lh, 1),
                late_h=round(lh, 1),
                timely=timely,
                late=late,
                label=label,
            )
        )
    return bars


@dataclass
class Step:
    key: str
    value: int
    width: float
    y: float


def funnel(total: Totals) -> list[Step]:
    """The idea funnel: received → vetted → approved → implemented, as bar lengths."""
    values = [
        ("received", total.ideas_received),
        ("vetted", total.ideas_vetted),
        ("approved", total.ideas_approved),
        ("implemented", total.ideas_implemented),
    ]
    top = max(values[0][1], 1)
    return [
        Step(key=k, value=v, width=round(240 * v / top, 1), y=i * 26)
        for i, (k, v) in enumerate(values)
    ]
