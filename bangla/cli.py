"""The ``python -m bangla`` command line, for scripts and checks.

    python -m bangla to-bangla 2017-08-23
    python -m bangla to-gregorian 1424 5 8
    python -m bangla schedule "START CELL" "END CELL" --period 2017-07-01:2018-06-30 --json
    python -m bangla schedule --jsonl FILE        (FILE "-" reads standard input)
    python -m bangla date "১৭ সেপ্টেম্বর" --period 2017-07-01:2018-06-30
    python -m bangla period "২০১৭-১৮ অর্থবছরের বার্ষিক কর্মপরিকল্পনা"

JSON goes to standard output as UTF-8, not ASCII-escaped; schedule warnings go
to standard error, one per line, so the output stays exactly the SCHEDULE.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from bangla.calendar import to_bangla, to_gregorian
from bangla.dates import parse_date
from bangla.fiscal import parse_period
from bangla.schedules import describe, parse_schedule

__all__ = ["main"]


class _UsageError(Exception):
    pass


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _period(text: str) -> tuple[date, date]:
    start, sep, end = text.partition(":")
    try:
        if not sep:
            raise ValueError
        period = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise _UsageError(f"period must be YYYY-MM-DD:YYYY-MM-DD, not {text!r}") from None
    if period[1] < period[0]:
        raise _UsageError(f"period ends before it starts: {text!r}")
    return period


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _UsageError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bangla", description="Bengali dates, calendar and schedules."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("to-bangla", help="Gregorian date → Bangla date (JSON)")
    p.add_argument("date", help="YYYY-MM-DD")

    p = sub.add_parser("to-gregorian", help="Bangla year, month (1–12), day → YYYY-MM-DD")
    p.add_argument("year", type=int)
    p.add_argument("month", type=int)
    p.add_argument("day", type=int)

    p = sub.add_parser("schedule", help="read a schedule's start and end cells")
    p.add_argument("start", nargs="?", help="start cell")
    p.add_argument("end", nargs="?", default="", help="end cell (may be empty)")
    p.add_argument("--period", help="the section's period, YYYY-MM-DD:YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print the SCHEDULE object (default)")
    p.add_argument("--describe", action="store_true", help="print a description instead")
    p.add_argument(
        "--jsonl",
        metavar="FILE",
        help='lines {"start", "end", "period"} → one SCHEDULE per line ("-": stdin)',
    )

    p = sub.add_parser("date", help="read one date (JSON)")
    p.add_argument("text")
    p.add_argument("--period", help="YYYY-MM-DD:YYYY-MM-DD, for a date without a year")

    p = sub.add_parser("period", help="find the period phrase in a line (JSON)")
    p.add_argument("text")
    return parser


def _schedule_lines(stream: TextIO, out: TextIO, err: TextIO) -> int:
    status = 0
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            period = _period(str(row["period"]))
            reading = parse_schedule(str(row.get("start") or ""), str(row.get("end") or ""), period)
        except (ValueError, KeyError, TypeError, _UsageError) as exc:
            print(f"line {number}: {exc}", file=err)
            status = 1
            continue
        print(_dumps(reading.schedule), file=out)
        for warning in reading.warnings:
            print(f"line {number}: {warning.code}: {warning.message}", file=err)
    return status


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "to-bangla":
        b = to_bangla(_iso_date(args.date))
        print(
            _dumps({"day": b.day, "month": b.month_name, "month_index": b.month, "year": b.year}),
            file=out,
        )
        return 0
    if args.command == "to-gregorian":
        try:
            print(to_gregorian(args.year, args.month, args.day).isoformat(), file=out)
        except ValueError as exc:
            raise _UsageError(str(exc)) from None
        return 0
    if args.command == "schedule":
        if args.jsonl:
            if args.jsonl == "-":
                return _schedule_lines(sys.stdin, out, err)
            with open(args.jsonl, encoding="utf-8") as stream:  # noqa: PTH123
                return _schedule_lines(stream, out, err)
        if args.start is None or not args.period:
            raise _UsageError("schedule needs START [END] --period A:B, or --jsonl FILE")
        reading = parse_schedule(args.start, args.end, _period(args.period))
        print(describe(reading.schedule) if args.describe else _dumps(reading.schedule), file=out)
        for warning in reading.warnings:
            print(f"{warning.code}: {warning.message}", file=err)
        return 0
    if args.command == "date":
        date_reading = parse_date(args.text, period=_period(args.period) if args.period else None)
        if date_reading is None:
            print(f"not a date: {args.text!r}", file=err)
            return 1
        print(
            _dumps(
                {
                    "start": date_reading.start.isoformat(),
                    "end": date_reading.end.isoformat(),
                    "precision": date_reading.precision,
                    "year_inferred": date_reading.year_inferred,
                    "outside_period": date_reading.outside_period,
                }
            ),
            file=out,
        )
        return 0
    found = parse_period(args.text)
    if found is None:
        print(f"no period in: {args.text!r}", file=err)
        return 1
    print(_dumps(found.as_dict()), file=out)
    return 0


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status (0 ok, 1 not read, 2 usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return _run(args, out, err)
    except _UsageError as exc:
        print(f"error: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=err)
        return 2
