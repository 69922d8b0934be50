"""Recurring phrases and the RRULE expander (checked against a brute-force reading of the rule)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bangla.recurrence import expand_rrule, parse_recurrence, parse_rrule

D = date


def _all_days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def _nth(d: date) -> tuple[int, int]:
    """(n, -m): d is the n-th and the m-th-from-last such weekday of its month."""
    n = (d.day - 1) // 7 + 1
    following = d + timedelta(days=7)
    m = 1
    while following.month == d.month:
        m += 1
        following += timedelta(days=7)
    return n, -m


WINDOW = (D(2016, 1, 1), D(2020, 12, 31))


@pytest.mark.parametrize(
    ("rrule", "keep"),
    [
        ("FREQ=MONTHLY;BYDAY=+2MO", lambda d: d.weekday() == 0 and _nth(d)[0] == 2),
        ("FREQ=MONTHLY;BYDAY=-1TH", lambda d: d.weekday() == 3 and _nth(d)[1] == -1),
        ("FREQ=MONTHLY;BYDAY=+1SU,+3SU", lambda d: d.weekday() == 6 and _nth(d)[0] in (1, 3)),
        ("FREQ=MONTHLY;BYMONTHDAY=15", lambda d: d.day == 15),
        ("FREQ=MONTHLY;BYMONTHDAY=31", lambda d: d.day == 31),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", lambda d: (d + timedelta(days=1)).day == 1),
        ("FREQ=MONTHLY;BYMONTHDAY=5,20", lambda d: d.day in (5, 20)),
        ("FREQ=WEEKLY;BYDAY=SU", lambda d: d.weekday() == 6),
        ("FREQ=WEEKLY;BYDAY=MO,WE", lambda d: d.weekday() in (0, 2)),
        ("FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1", lambda d: (d.month, d.day) == (7, 1)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", lambda d: (d.month, d.day) == (2, 29)),
        ("FREQ=DAILY", lambda d: True),
        ("FREQ=MONTHLY", lambda d: d.day == 1),  # repeats DTSTART's day (the 1st)
        ("FREQ=YEARLY", lambda d: (d.month, d.day) == (1, 1)),
        ("FREQ=MONTHLY;INTERVAL=3", lambda d: d.day == 1 and d.month in (1, 4, 7, 10)),
        (
            "FREQ=WEEKLY;INTERVAL=2",
            lambda d: d.weekday() == 4 and (d - D(2016, 1, 1)).days % 14 == 0,
        ),
        ("FREQ=DAILY;INTERVAL=15", lambda d: (d - D(2016, 1, 1)).days % 15 == 0),
    ],
)
def test_expansion_matches_the_rule_day_by_day(rrule, keep) -> None:
    expected = [d for d in _all_days(*WINDOW) if keep(d)]
    assert expand_rrule(rrule, *WINDOW) == expected


def test_count_and_until() -> None:
    assert expand_rrule("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3", D(2017, 7, 1), D(2018, 6, 30)) == [
        D(2017, 7, 15), D(2017, 8, 15), D(2017, 9, 15)
    ]  # fmt: skip
    until = "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20170831"
    assert expand_rrule(until, D(2017, 7, 1), D(2018, 6, 30)) == [D(2017, 7, 15), D(2017, 8, 15)]


def test_bad_rules_raise() -> None:
    with pytest.raises(ValueError):
        expand_rrule("FREQ=HOURLY", D(2017, 1, 1), D(2017, 2, 1))
    with pytest.raises(ValueError):
        expand_rrule("FREQ=MONTHLY;BYDAY=XX", D(2017, 1, 1), D(2017, 2, 1))
    assert parse_rrule("RRULE:FREQ=MONTHLY;BYDAY=+2MO") == {"FREQ": "MONTHLY", "BYDAY": "+2MO"}


@pytest.mark.parametrize(
    ("text", "rrule"),
    [
        ("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "FREQ=MONTHLY;BYDAY=+2MO"),
        ("প্রতি মাসের ২য় সোমবার", "FREQ=MONTHLY;BYDAY=+2MO"),
        ("প্রত্যেক মাসের দ্বিতীয় সোমবারে", "FREQ=MONTHLY;BYDAY=+2MO"),
        ("প্রতি মাসের চতুর্থ শনিবার", "FREQ=MONTHLY;BYDAY=+4SA"),
        ("প্রতি মাসের সর্বশেষ মঙ্গলবার", "FREQ=MONTHLY;BYDAY=-1TU"),
        ("প্রতি মাসের প্রথম ও শেষ রবিবার", "FREQ=MONTHLY;BYDAY=+1SU,-1SU"),
        ("প্রতি সপ্তাহে রবিবারে", "FREQ=WEEKLY;BYDAY=SU"),
        ("প্রতি বৃহস্পতিবার বিকাল ৩টা", "FREQ=WEEKLY;BYDAY=TH"),
        ("সাপ্তাহিক (প্রতি বৃহস্পতিবার)", "FREQ=WEEKLY;BYDAY=TH"),
        ("প্রতিমাসের ১৫ তারিখ", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("প্রতি মাসের ১৫ই", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("প্রতি মাসের ১ম দিন", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("মাসের ৫ তারিখ", "FREQ=MONTHLY;BYMONTHDAY=5"),
        ("আগামী মাসের ৫ তারিখের মধ্যে", "FREQ=MONTHLY;BYMONTHDAY=5"),
        ("প্রতি দুই মাস অন্তর", "FREQ=MONTHLY;INTERVAL=2"),
        ("দুই মাস পরপর", "FREQ=MONTHLY;INTERVAL=2"),
        ("প্রতি ৪ মাস অন্তর", "FREQ=MONTHLY;INTERVAL=4"),
        ("তিনমাস অন্তর", "FREQ=MONTHLY;INTERVAL=3"),
        ("ছয় মাসে একবার", "FREQ=MONTHLY;INTERVAL=6"),
        ("প্রতি দুই বছরে একবার", "FREQ=YEARLY;INTERVAL=2"),
        ("প্রতি দুই সপ্তাহ অন্তর", "FREQ=WEEKLY;INTERVAL=2"),
        ("বছরে ১ বার", "FREQ=YEARLY"),
        ("প্রতি বছর একবার", "FREQ=YEARLY"),
        ("বাৎসরিক", "FREQ=YEARLY"),
        ("প্রতি বছরের ১৫ জানুয়ারি", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
        ("১৫ জানুয়ারি (প্রতি বছর)", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=15"),
        ("প্রতি মাসে ইনোভেশন টিমের সভা", "FREQ=MONTHLY"),
        ("মাসিক ভিত্তিতে", "FREQ=MONTHLY"),
        ("ত্রৈমাসিক ভিত্তিতে", "FREQ=MONTHLY;INTERVAL=3"),
        ("অর্ধবার্ষিক", "FREQ=MONTHLY;INTERVAL=6"),
        ("দৈনিক", "FREQ=DAILY"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("every week on Sunday", "FREQ=WEEKLY;BYDAY=SU"),
        ("every month on the last Friday", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("once a year", "FREQ=YEARLY"),
        ("মাসে দুইবার (১ ও ১৫ তারিখ)", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
        ("প্রতি মাসের ১৫", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("প্রতি মাসের ১০ তারিখ সকাল ১০.৩০ টায়", "FREQ=MONTHLY;BYMONTHDAY=10"),
        ("প্রতি সোমবার 10:30 AM", "FREQ=WEEKLY;BYDAY=MO"),
        ("প্রতি মাসে ২টি সভা (৫ ও ২০ তারিখ)", "FREQ=MONTHLY;BYMONTHDAY=5,20"),
    ],
)
def test_recurring_phrases(text, rrule) -> None:
    found = parse_recurrence(text)
    assert found is not None and found.kind == "recurring", (text, found)
    assert found.rrule == rrule


@pytest.mark.parametrize(
    ("text", "times", "per"),
    [
        ("বছরে তিনবার", 3, "year"), ("বছরে দুইবার", 2, "year"), ("বছরে ২ বার", 2, "year"),
        ("বছরে দু'বার", 2, "year"), ("বছরে ৪টি", 4, "year"), ("বছরে পাঁচ বার", 5, "year"),
        ("প্রতি বছর ৬ বার", 6, "year"), ("মাসে দুইবার", 2, "month"), ("প্রতি মাসে ৩ বার", 3, "month"),
        ("সপ্তাহে তিনবার", 3, "week"), ("প্রতি তিন মাসে দুইবার", 2, "quarter"),
        ("ছয় মাসে তিনবার", 3, "half_year"), ("twice a year", 2, "year"),
        ("three times a year", 3, "year"), ("thrice a month", 3, "month"),
    ],
)  # fmt: skip
def test_counts(text, times, per) -> None:
    found = parse_recurrence(text)
    assert found is not None and found.kind == "count", (text, found)
    assert (found.times, found.per) == (times, per)


@pytest.mark.parametrize(
    "text",
    [
        "প্রতি মাসের শেষ সপ্তাহে",  # the last week: no exact day
        "প্রতি মাসের প্রথম সপ্তাহে",
        "প্রতি মাসের শেষ কর্মদিবসে",  # depends on holidays
        "প্রতি মাসের প্রথম কার্যদিবস",
        "প্রতি সপ্তাহের প্রথম কর্মদিবসে",
        "ছুটির দিন ব্যতীত প্রতিদিন",
        "প্রয়োজন অনুযায়ী প্রতি মাসে",
        "প্রতি মাসে অন্তত একবার",
        "কমপক্ষে বছরে দুইবার",
        "প্রতি বছর জুলাই মাসে",
        "প্রতি মাসের সোমবার",
        "প্রতি তিন সপ্তাহে দুইবার",
        "মাসে দুইবার (১৫ তারিখ)",
        "প্রতি বছর পহেলা বৈশাখ",  # a Bangla day: its Gregorian day changed in 2019
        "প্রতি বছর ১ বৈশাখ",
        "প্রতি মাসে ৩",
        "প্রতি সপ্তাহের ২ ৩",
    ],
)
def test_inexact_phrases(text) -> None:
    found = parse_recurrence(text)
    assert found is not None and found.kind == "inexact", (text, found)


@pytest.mark.parametrize(
    "text",
    ["", "১৫ সেপ্টেম্বর", "১৫ জানুয়ারি ২০১৮", "চলমান", "সারা বছর", "জেলা প্রশাসকের কার্যালয়",
     "প্রতিনিধি সভা", "দুইবার", "২০১৭-১৮ অর্থবছরে প্রতি মাসে"],
)  # fmt: skip
def test_not_a_recurrence(text) -> None:
    assert parse_recurrence(text) is None
