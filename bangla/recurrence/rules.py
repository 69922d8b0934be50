"""RFC 5545 rules: parsing a rule string and expanding it to dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from bangla.recurrence.types import WEEKDAY_CODES


@dataclass(frozen=True)
class _Rule:
    freq: str
    interval: int
    byday: tuple[tuple[int, int], ...]  # (ordinal or 0, weekday)
    bymonthday: tuple[int, ...]
    bymonth: tuple[int, ...]
    count: int | None
    until: date | None


_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def parse_rrule(rrule: str) -> dict[str, str]:
    """An RRULE's parts as a dict ("FREQ=MONTHLY;BYDAY=+2MO" → {"FREQ": "MONTHLY", ...})."""
    parts: dict[str, str] = {}
    for piece in rrule.removeprefix("RRULE:").split(";"):
        if piece:
            key, _, value = piece.partition("=")
            parts[key.upper()] = value
    return parts


def _rule(rrule: str) -> _Rule:
    parts = parse_rrule(rrule)
    freq = parts.get("FREQ", "")
    if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        raise ValueError(f"unsupported FREQ in {rrule!r}")
    byday = []
    for item in filter(None, parts.get("BYDAY", "").split(",")):
        match = _BYDAY.match(item)
        if not match:
            raise ValueError(f"bad BYDAY {item!r}")
        byday.append((int(match.group(1) or 0), WEEKDAY_CODES.index(match.group(2))))
    until = parts.get("UNTIL")
    return _Rule(
        freq,
        int(parts.get("INTERVAL", "1")),
        tuple(byday),
        tuple(int(d) for d in filter(None, parts.get("BYMONTHDAY", "").split(","))),
        tuple(int(m) for m in filter(None, parts.get("BYMONTH", "").split(","))),
        int(parts["COUNT"]) if "COUNT" in parts else None,
        date(int(until[:4]), int(until[4:6]), int(until[6:8])) if until else None,
    )


def _month_days(year: int, month: int) -> int:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def _nth_weekday(days: list[date], weekday: int, n: int) -> list[date]:
    matching = [d for d in days if d.weekday() == weekday]
    if n == 0:
        return matching
    index = n - 1 if n > 0 else n
    return [matching[index]] if -len(matching) <= index < len(matching) else []


def _in_set(rule: _Rule, days: list[date], default: date) -> list[date]:
    """Apply BYMONTHDAY / BYDAY to the days of one period (month or year)."""
    chosen = set(days)
    if rule.bymonthday:
        picked = set()
        for d in days:
            length = _month_days(d.year, d.month)
            if d.day in rule.bymonthday or d.day - length - 1 in rule.bymonthday:
                picked.add(d)
        chosen &= picked
    if rule.byday:
        picked = set()
        if rule.freq == "YEARLY" and rule.bymonth:
            groups: dict[int, list[date]] = {}
            for d in days:
                groups.setdefault(d.month, []).append(d)
            for group in groups.values():
                for n, weekday in rule.byday:
                    picked.update(_nth_weekday(group, weekday, n))
        else:
            for n, weekday in rule.byday:
                picked.update(_nth_weekday(days, weekday, n))
        chosen &= picked
    if not rule.bymonthday and not rule.byday:
        chosen = {d for d in days if d.day == default.day}
        if rule.freq == "YEARLY" and not rule.bymonth:
            chosen = {d for d in chosen if d.month == default.month}
    return sorted(chosen)


def expand_rrule(rrule: str, dtstart: date, until: date) -> list[date]:
    """The dates of ``rrule`` from ``dtstart`` up to ``until`` (both included).

    Follows RFC 5545 for the parts Udbhabon's rules use: FREQ DAILY, WEEKLY,
    MONTHLY, YEARLY; INTERVAL; BYDAY (with ±n inside a month, or a year when no
    BYMONTH is given); BYMONTHDAY (negative counts from the month's end);
    BYMONTH; COUNT; UNTIL. A rule without BY parts repeats ``dtstart``'s day.

    >>> expand_rrule("FREQ=MONTHLY;BYDAY=+2MO", date(2017, 7, 1), date(2017, 9, 30))
    [datetime.date(2017, 7, 10), datetime.date(2017, 8, 14), datetime.date(2017, 9, 11)]
    """
    rule = _rule(rrule)
    if rule.until is not None:
        until = min(until, rule.until)
    out: list[date] = []
    for candidates in _periods(rule, dtstart, until):
        for d in candidates:
            if d < dtstart or d > until:
                continue
            if rule.bymonth and d.month not in rule.bymonth:
                continue
            out.append(d)
            if rule.count is not None and len(out) >= rule.count:
                return out
    return out


def _periods(rule: _Rule, dtstart: date, until: date) -> Iterator[list[date]]:
    step = rule.interval
    if rule.freq == "DAILY":
        d = dtstart
        while d <= until:
            if _in_set_daily(rule, d):
                yield [d]
            d += timedelta(days=step)
    elif rule.freq == "WEEKLY":
        week = dtstart - timedelta(days=dtstart.weekday())
        weekdays = [w for _, w in rule.byday] or [dtstart.weekday()]
        while week <= until:
            yield sorted(week + timedelta(days=w) for w in set(weekdays))
            week += timedelta(weeks=step)
    elif rule.freq == "MONTHLY":
        year, month = dtstart.year, dtstart.month
        while date(year, month, 1) <= until:
            days = [date(year, month, d) for d in range(1, _month_days(year, month) + 1)]
            yield _in_set(rule, days, dtstart)
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    else:
        year = dtstart.year
        while date(year, 1, 1) <= until:
            months = rule.bymonth or tuple(range(1, 13))
            days = [
                date(year, m, d) for m in sorted(months) for d in range(1, _month_days(year, m) + 1)
            ]
            yield _in_set(rule, days, dtstart)
            year += step


def _in_set_daily(rule: _Rule, d: date) -> bool:
    if rule.bymonthday:
        length = _month_days(d.year, d.month)
        if d.day not in rule.bymonthday and d.day - length - 1 not in rule.bymonthday:
            return False
    return not rule.byday or d.weekday() in {w for _, w in rule.byday}
