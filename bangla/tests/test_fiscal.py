"""Fiscal years, halves, quarters and the period phrase of a line."""

from __future__ import annotations

from datetime import date

import pytest

from bangla.fiscal import (
    Period,
    calendar_year,
    fiscal_halves,
    fiscal_quarters,
    fiscal_year,
    fiscal_year_of,
    format_fiscal_year,
    half_of,
    parse_period,
    quarter_of,
)

D = date


def test_fiscal_years() -> None:
    assert fiscal_year_of(D(2017, 7, 1)) == Period("২০১৭-১৮", D(2017, 7, 1), D(2018, 6, 30))
    assert fiscal_year_of(D(2018, 6, 30)) == fiscal_year(2017)
    assert fiscal_year_of(D(2018, 7, 1)).label == "২০১৮-১৯"
    assert format_fiscal_year(2017) == "২০১৭-১৮"
    assert format_fiscal_year(2017, "en") == "2017-18"
    assert format_fiscal_year(1999, "en") == "1999-00"
    assert calendar_year(2016) == Period("২০১৬", D(2016, 1, 1), D(2016, 12, 31))
    assert D(2018, 1, 1) in fiscal_year(2017)
    assert D(2018, 7, 1) not in fiscal_year(2017)
    assert fiscal_year(2017).as_dict() == {
        "label": "২০১৭-১৮",
        "start": "2017-07-01",
        "end": "2018-06-30",
    }


def test_halves_and_quarters() -> None:
    first, second = fiscal_halves(2017)
    assert (first.start, first.end) == (D(2017, 7, 1), D(2017, 12, 31))
    assert (second.start, second.end) == (D(2018, 1, 1), D(2018, 6, 30))
    assert first.label == "জুলাই-ডিসেম্বর ২০১৭"
    assert half_of(D(2017, 3, 5), "en").label == "January-June 2017"
    q = quarter_of(D(2017, 8, 15))
    assert (q.label, q.start, q.end) == ("জুলাই-সেপ্টেম্বর ২০১৭", D(2017, 7, 1), D(2017, 9, 30))
    quarters = fiscal_quarters(2017)
    assert [q.start for q in quarters] == [
        D(2017, 7, 1),
        D(2017, 10, 1),
        D(2018, 1, 1),
        D(2018, 4, 1),
    ]
    assert quarters[2].end == D(2018, 3, 31)
    assert quarter_of(D(2016, 2, 29)).end == D(2016, 3, 31)


FY17 = (D(2017, 7, 1), D(2018, 6, 30))

# (line, label, start, end) — the seed lines first, then other ways of saying the same.
PERIODS = [
    ("বিবেচ্য সাল-২০১৭-২০১৮", "বিবেচ্য সাল-২০১৭-২০১৮", *FY17),
    ("বিবেচ্য সাল-২০১৬", "বিবেচ্য সাল-২০১৬", D(2016, 1, 1), D(2016, 12, 31)),
    ("**বিষয় : ঠাকুরগাঁও জেলা ইনোভেশন টিমের ২০১৭-১৮ অর্থবছরের বার্ষিক কর্মপরিকল্পনা।**",
     "২০১৭-১৮", *FY17),
    ("২০১৭-২০১৮ অর্থ বছর", "২০১৭-২০১৮ অর্থ বছর", *FY17),
    ("সময়কাল: ০১ জানুয়ারী ৩০ জুন ২০১৭ খ্রিঃ", "০১ জানুয়ারী ৩০ জুন ২০১৭",
     D(2017, 1, 1), D(2017, 6, 30)),
    ("“০১ জানুয়ারি ২০১৭ হতে ৩০ জুন ২০১৭ পর্যন্ত উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন”",
     "০১ জানুয়ারি ২০১৭ হতে ৩০ জুন ২০১৭ পর্যন্ত", D(2017, 1, 1), D(2017, 6, 30)),
    ("জেলা ইনোভেশন কমিটির মে, ২০১৯ মাসের সমন্বয় সভার কার্যবিবরণী", "মে, ২০১৯",
     D(2019, 5, 1), D(2019, 5, 31)),
    ("2017-18", "2017-18", *FY17),
    ("FY 2017-18 Innovation Action Plan", "FY 2017-18", *FY17),
    ("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৭-২০১৮", "২০১৭-২০১৮", *FY17),
    ("অর্থবছর ২০১৭-১৮", "অর্থবছর ২০১৭-১৮", *FY17),
    ("২০১৭-১৮ অর্থবছর", "২০১৭-১৮ অর্থবছর", *FY17),
    ("২০১৭-১৮ অর্থবছরে", "২০১৭-১৮", *FY17),
    ("বিবেচ্য বছর: ২০১৮-২০১৯", "বিবেচ্য বছর: ২০১৮-২০১৯", D(2018, 7, 1), D(2019, 6, 30)),
    ("বিবেচ্য সাল : ২০১৮", "বিবেচ্য সাল : ২০১৮", D(2018, 1, 1), D(2018, 12, 31)),
    ("জুলাই-ডিসেম্বর ২০১৭ মেয়াদের অগ্রগতি প্রতিবেদন", "জুলাই-ডিসেম্বর ২০১৭",
     D(2017, 7, 1), D(2017, 12, 31)),
    ("জানুয়ারি-জুন/২০১৭", "জানুয়ারি-জুন/২০১৭", D(2017, 1, 1), D(2017, 6, 30)),
    ("জুলাই ২০১৭ - জুন ২০১৮", "জুলাই ২০১৭ - জুন ২০১৮", *FY17),
    ("সময়কাল: ০১ জুলাই ২০১৭ থেকে ৩১ ডিসেম্বর ২০১৭ খ্রিঃ", "০১ জুলাই ২০১৭ থেকে ৩১ ডিসেম্বর ২০১৭",
     D(2017, 7, 1), D(2017, 12, 31)),
    ("জুন, ২০১৮ মাসের মাসিক সভা", "জুন, ২০১৮", D(2018, 6, 1), D(2018, 6, 30)),
    ("অক্টোবর/২০১৭ মাসের সভার কার্যবিবরণী", "অক্টোবর/২০১৭", D(2017, 10, 1), D(2017, 10, 31)),
    ("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৬", "২০১৬", D(2016, 1, 1), D(2016, 12, 31)),
    ("২০১৬ সালের কর্মপরিকল্পনা", "২০১৬", D(2016, 1, 1), D(2016, 12, 31)),
]  # fmt: skip


@pytest.mark.parametrize(("line", "label", "start", "end"), PERIODS)
def test_parse_period(line, label, start, end) -> None:
    assert parse_period(line) == Period(label, start, end)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "জেলা প্রশাসকের কার্যালয়, ঢাকা",
        "তারিখ : ২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ",  # a day is not a period
        "সূত্র : মন্ত্রিপরিষদ বিভাগ, ঢাকা'র গত ০২ জুলাই, ২০১৭ তারিখের ০৪.০০.০০০০.৮৩১.৪৫.০০৪.১৭.২১২ নং স্মারক।",
        "নম্বর : ০৫.৫৫.৯৪০০.০১২.০১.০০২.২০১৬.৬৬",
    ],
)
def test_no_period(line) -> None:
    assert parse_period(line) is None
