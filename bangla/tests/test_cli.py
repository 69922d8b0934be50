"""The command line prints exactly what the import contract says."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import bangla
from bangla.cli import main

ROOT = Path(bangla.__file__).resolve().parents[1]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_to_bangla() -> None:
    assert run("to-bangla", "2017-08-23") == (
        0,
        '{"day": 8, "month": "ভাদ্র", "month_index": 5, "year": 1424}\n',
        "",
    )


def test_to_gregorian() -> None:
    assert run("to-gregorian", "1424", "5", "8") == (0, "2017-08-23\n", "")
    status, out, err = run("to-gregorian", "1424", "6", "31")
    assert status == 2 and out == "" and "30" in err


def test_schedule_json() -> None:
    status, out, err = run(
        "schedule", "০১ জুলাই ২০১৭", "সেপ্টেম্বর ২০১৭", "--period", "2017-07-01:2018-06-30", "--json"
    )
    assert status == 0 and err == ""
    assert out.count("\n") == 1
    assert json.loads(out) == {
        "kind": "range",
        "text": "০১ জুলাই ২০১৭ | সেপ্টেম্বর ২০১৭",
        "start": "2017-07-01",
        "end": "2017-09-30",
        "precision": "month",
    }
    assert "জুলাই" in out  # not ASCII-escaped


def test_schedule_warnings_go_to_stderr() -> None:
    status, out, err = run("schedule", "আগস্ট/২০১৭", "মে/২০১৭", "--period", "2017-07-01:2018-06-30")
    assert status == 0
    assert json.loads(out)["kind"] == "range"
    assert err.splitlines()[0].startswith("end_before_start: ")
    assert err.splitlines()[1].startswith("outside_period: ")


def test_schedule_with_an_empty_end_cell() -> None:
    status, out, _ = run("schedule", "বছরে তিনবার", "--period", "2017-07-01:2018-06-30")
    assert status == 0
    assert json.loads(out)["times"] == 3


def test_schedule_jsonl(tmp_path: Path) -> None:
    rows = [
        {"start": "প্রতিমাসের ১৫ তারিখ", "end": "প্রতিমাসের ২৫ তারিখ", "period": "2016-01-01:2016-12-31"},
        {"start": "১ মে", "end": "৩০ জুন", "period": "2017-07-01:2018-06-30"},
        {"start": "চলমান", "end": "", "period": "2017-07-01:2018-06-30"},
    ]
    path = tmp_path / "cells.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    status, out, err = run("schedule", "--jsonl", str(path))
    assert status == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [s["kind"] for s in lines] == ["recurring", "range", "unparsed"]
    assert lines[0]["until_rrule"] == "FREQ=MONTHLY;BYMONTHDAY=25"
    assert lines[1]["start"] == "2018-05-01"


def test_schedule_jsonl_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "cells.jsonl"
    path.write_text('{"start": "১ মে", "end": "", "period": "bad"}\nnot json\n', "utf-8")
    status, out, err = run("schedule", "--jsonl", str(path))
    assert status == 1 and out == ""
    assert err.startswith("line 1: ") and "line 2: " in err


def test_usage_errors() -> None:
    assert run("schedule", "১ মে", "৩০ জুন")[0] == 2  # no period
    assert run("schedule", "১ মে", "--period", "2018-01-01:2017-01-01")[0] == 2
    assert run("to-bangla", "23/08/2017")[0] == 2


def test_date_and_period_commands() -> None:
    status, out, _ = run("date", "১৭ সেপ্টেম্বর", "--period", "2017-07-01:2018-06-30")
    assert status == 0 and json.loads(out)["start"] == "2017-09-17"
    assert run("date", "চলমান")[0] == 1
    status, out, _ = run("period", "২০১৭-১৮ অর্থবছরের বার্ষিক কর্মপরিকল্পনা")
    assert json.loads(out) == {"label": "২০১৭-১৮", "start": "2017-07-01", "end": "2018-06-30"}


def test_python_m_bangla() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bangla", "to-bangla", "2019-05-28"],
        capture_output=True,
        cwd=ROOT,
        check=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},  # still prints UTF-8
    )
    assert result.stdout.decode("utf-8") == (
        '{"day": 14, "month": "জ্যৈষ্ঠ", "month_index": 2, "year": 1426}\n'
    )
