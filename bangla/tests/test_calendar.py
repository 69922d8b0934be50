"""The Bangladesh calendar on both sides of the 2019 revision."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bangla.calendar import (
    MONTHS,
    WEEKDAYS_BN,
    BanglaDate,
    bangla_month_index,
    dual_date_agrees,
    format_bangla,
    format_date,
    format_gregorian,
    month_length,
    parse_bangla_date,
    to_bangla,
    to_gregorian,
    year_length,
)

D = date


def test_every_day_from_1900_to_2100_converts_both_ways() -> None:
    day, last = D(1900, 1, 1), D(2100, 12, 31)
    previous = None
    while day <= last:
        b = to_bangla(day)
        assert to_gregorian(b.year, b.month, b.day) == day
        assert b.is_valid
        if previous is not None:  # consecutive days are consecutive Bangla days
            if b.day == 1:
                assert previous.day == month_length(previous.year, previous.month)
            else:
                assert (b.year, b.month, b.day - 1) == (previous.year, previous.month, previous.day)
        previous = b
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("gregorian", "bangla"),
    [
        (D(2017, 8, 23), (1424, 5, 8)),  # the check
        (D(2019, 5, 28), (1426, 2, 14)),  # the check (Natore letter)
        (D(2019, 6, 3), (1426, 2, 20)),
        (D(2017, 4, 14), (1424, 1, 1)),
        (D(2019, 4, 13), (1425, 12, 30)),
        (D(2019, 4, 14), (1426, 1, 1)),
        (D(2018, 2, 21), (1424, 11, 9)),  # before the revision Ekushey fell on 9 ফাল্গুন
        (D(2020, 2, 21), (1426, 11, 8)),  # the revision puts it on 8 ফাল্গুন
        (D(2021, 2, 21), (1427, 11, 8)),  # …in every year
        (D(2019, 12, 16), (1426, 9, 1)),  # Victory Day: 1 পৌষ
        (D(2017, 12, 16), (1424, 9, 2)),  # …but 2 পৌষ under the 1987 rule
        (D(2020, 3, 26), (1426, 12, 12)),  # Independence Day: 12 চৈত্র
        (D(2019, 10, 16), (1426, 6, 31)),  # আশ্বিন has 31 days from 1426
        (D(2017, 10, 16), (1424, 7, 1)),  # …and 30 before
        (D(2016, 3, 14), (1422, 11, 31)),  # ফাল্গুন 31 in a leap year (old rule)
        (D(2020, 3, 14), (1426, 11, 30)),  # ফাল্গুন 30 in a leap year (new rule)
        (D(2021, 3, 14), (1427, 11, 29)),  # ফাল্গুন 29 otherwise
        (D(2021, 3, 15), (1427, 12, 1)),
        # The 1987 month lengths apply to every year before 1426 (proleptically):
        (D(1971, 12, 16), (1378, 9, 2)),
        (D(1952, 2, 21), (1358, 11, 9)),
        (D(2000, 1, 1), (1406, 9, 18)),
        (D(2100, 12, 31), (1507, 9, 16)),
    ],
)
def test_known_dates(gregorian, bangla) -> None:
    assert to_bangla(gregorian) == BanglaDate(*bangla)
    assert to_gregorian(*bangla) == gregorian


def test_month_lengths_follow_each_revision() -> None:
    for year in range(1300, 1426):
        lengths = [month_length(year, m) for m in range(1, 13)]
        leap = (year + 594) % 4 == 0 and ((year + 594) % 100 != 0 or (year + 594) % 400 == 0)
        assert lengths == [31] * 5 + [30] * 5 + [31 if leap else 30] + [30]
    for year in range(1426, 1510):
        lengths = [month_length(year, m) for m in range(1, 13)]
        leap = (year + 594) % 4 == 0 and ((year + 594) % 100 != 0 or (year + 594) % 400 == 0)
        assert lengths == [31] * 6 + [30] * 4 + [30 if leap else 29] + [30]


def test_each_year_has_365_or_366_days_and_starts_on_14_april() -> None:
    for year in range(1300, 1510):
        assert year_length(year) in (365, 366)
        assert to_gregorian(year, 1, 1) == D(year + 593, 4, 14)
        assert to_gregorian(year + 1, 1, 1) - to_gregorian(year, 1, 1) == timedelta(
            days=year_length(year)
        )


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(1424, 6, 31), (1427, 11, 30), (1424, 13, 1), (1424, 0, 1), (1424, 1, 0), (1426, 7, 31)],
)
def test_impossible_dates_raise(year, month, day) -> None:
    with pytest.raises(ValueError):
        to_gregorian(year, month, day)
    assert not BanglaDate(year, month, day).is_valid if 1 <= month <= 12 else True


def test_names() -> None:
    assert MONTHS[0] == "বৈশাখ" and MONTHS[4] == "ভাদ্র" and MONTHS[11] == "চৈত্র"
    assert BanglaDate(1424, 5, 8).month_name == "ভাদ্র"
    assert WEEKDAYS_BN[D(2017, 8, 23).weekday()] == "বুধবার"
    assert BanglaDate(1426, 2, 20).as_dict() == {"day": 20, "month": "জ্যৈষ্ঠ", "year": 1426}


def test_formatting_as_letters_write_it() -> None:
    assert format_bangla(D(2017, 8, 23)) == "০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ"
    assert format_bangla(BanglaDate(1424, 5, 8), with_era=False) == "০৮ ভাদ্র, ১৪২৪"
    assert format_gregorian(D(2017, 8, 23)) == "২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ"
    assert format_gregorian(D(2017, 8, 23), with_era=False) == "২৩ আগস্ট, ২০১৭"
    assert format_gregorian(D(2017, 8, 23), lang="en") == "23 August, 2017"
    assert format_date(D(2017, 8, 23)) == "২৩ আগস্ট ২০১৭"
    assert format_date(D(2017, 8, 3), "en") == "3 August 2017"
    assert str(BanglaDate(1426, 1, 1)) == "০১ বৈশাখ, ১৪২৬ বঙ্গাব্দ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("৮ ভাদ্র ১৪২৪", (1424, 5, 8)),
        ("০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ", (1424, 5, 8)),
        ("তারিখ : ০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ", (1424, 5, 8)),
        ("২০ জ্যোতি, ১৪২৬", (1426, 2, 20)),  # the Natore garble
        ("২০ জৈষ্ঠ, ১৪২৬", (1426, 2, 20)),
        ("২০ জ্যৈষ্ট ১৪২৬", (1426, 2, 20)),
        ("১লা বৈশাখ ১৪২৪", (1424, 1, 1)),
        ("পহেলা বৈশাখ ১৪২৫", (1425, 1, 1)),
        ("১৫ শ্রাবন ১৪২৪", (1424, 4, 15)),
        ("৩ আষাঢ ১৪২৪", (1424, 3, 3)),
        ("৭ অগ্রহায়ন ১৪২৪", (1424, 8, 7)),
        ("২ ফাল্গুণ ১৪২৪", (1424, 11, 2)),
        ("৩ কার্ত্তিক ১৪২৪", (1424, 7, 3)),
        ("১০ পৌষ, ১৪২৪ বঙ্গাব্দ", (1424, 9, 10)),
        ("৩২ ভাদ্র ১৪২৪", (1424, 5, 32)),  # kept as written: the reader reports it
        ("৮ Bhadro 1424", (1424, 5, 8)),
        ("০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ ২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ", (1424, 5, 8)),
    ],
)
def test_reading_a_bangla_date(text, expected) -> None:
    assert parse_bangla_date(text) == BanglaDate(*expected)


@pytest.mark.parametrize(
    "text", ["২৩ আগস্ট, ২০১৭", "২০ জুন ১৪২৬", "ভাদ্র ১৪২৪", "চিত্র ১৪২৪", "৮ ভাদ্র ২০১৭", ""]
)
def test_not_a_bangla_date(text) -> None:
    assert parse_bangla_date(text) is None


@pytest.mark.parametrize(
    ("name", "index"),
    [
        ("বৈশাখ", 1), ("জ্যৈষ্ঠ", 2), ("জৈষ্ঠ", 2), ("জ্যোতি", 2), ("আষাঢ়", 3), ("আষাঢ", 3),
        ("শ্রাবণ", 4), ("শ্রাবন", 4), ("ভাদ্র", 5), ("আশ্বিন", 6), ("কার্তিক", 7),
        ("অগ্রহায়ণ", 8), ("অগ্রহায়ন", 8), ("পৌষ", 9), ("মাঘ", 10), ("ফাল্গুন", 11), ("চৈত্র", 12),
        ("ভাদ্রের", 5), ("Boishakh", 1), ("Choitro", 12), ("আশ্বিনঃ", 6),
        ("জানুয়ারি", None), ("চিত্র", None), ("শ্রবণ", None), ("বাংলাদেশ", None), ("", None),
    ],
)  # fmt: skip
def test_bangla_month_names(name, index) -> None:
    assert bangla_month_index(name) == index


def test_dual_dates() -> None:
    assert dual_date_agrees(D(2017, 8, 23), BanglaDate(1424, 5, 8))
    assert not dual_date_agrees(D(2019, 5, 28), BanglaDate(1426, 2, 20))
    assert dual_date_agrees(D(2019, 5, 28), BanglaDate(1426, 2, 14))
    # an impossible Bangla day never agrees
    assert not dual_date_agrees(D(2017, 9, 16), BanglaDate(1424, 5, 32))
