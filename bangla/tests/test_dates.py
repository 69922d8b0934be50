"""Table-driven cases for reading dates as offices write them (many from real documents)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bangla.dates import (
    parse_date,
    parse_date_line,
    parse_dual_date,
    parse_time,
    scan_dates,
)
from bangla.dates.scanning import quick_span, scan
from bangla.digits import to_bengali_digits

FY17 = (date(2017, 7, 1), date(2018, 6, 30))  # the 2017-18 fiscal year
H1_17 = (date(2017, 1, 1), date(2017, 6, 30))  # a half-year report
CY16 = (date(2016, 1, 1), date(2016, 12, 31))  # "বিবেচ্য সাল-২০১৬"
D = date

# (text, period, start, end, precision, year_inferred)
CASES = [
    # day month year, as the plans write them
    ("০১ জুলাই ২০১৭", FY17, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("১ জুলাই ২০১৭", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("৮ ডিসেম্বর ২০১৭", FY17, D(2017, 12, 8), D(2017, 12, 8), "day", False),
    ("২৮ ফেব্রুয়ারী ২০১৮", FY17, D(2018, 2, 28), D(2018, 2, 28), "day", False),
    ("০১ জানুয়ারী ২০১৮", FY17, D(2018, 1, 1), D(2018, 1, 1), "day", False),
    ("৩০ অক্টোবর ২০১৭", FY17, D(2017, 10, 30), D(2017, 10, 30), "day", False),
    ("২৯ জুন ২০১৮", FY17, D(2018, 6, 29), D(2018, 6, 29), "day", False),
    ("১৫ ফেব্রুয়ারি ২০১৬", CY16, D(2016, 2, 15), D(2016, 2, 15), "day", False),
    ("১২ মার্চ ২০১৬", CY16, D(2016, 3, 12), D(2016, 3, 12), "day", False),
    ("২১ সেপ্টম্বর, ২০১৭", None, D(2017, 9, 21), D(2017, 9, 21), "day", False),
    ("২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ", None, D(2017, 8, 23), D(2017, 8, 23), "day", False),
    ("২৮ মে, ২০১৯ খ্রি।", None, D(2019, 5, 28), D(2019, 5, 28), "day", False),
    ("০২ জুলাই, ২০১৭", None, D(2017, 7, 2), D(2017, 7, 2), "day", False),
    ("১৭মার্চ ২০২০খ্রিঃ", None, D(2020, 3, 17), D(2020, 3, 17), "day", False),
    ("১৭ মার্চ ২০২০ খ্রিঃ", None, D(2020, 3, 17), D(2020, 3, 17), "day", False),
    ("১ জুলাই ২০১9", None, D(2019, 7, 1), D(2019, 7, 1), "day", False),
    ("1 জুলাই 2017", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("৩০শে জুন ২০১৮", None, D(2018, 6, 30), D(2018, 6, 30), "day", False),
    ("২১শে ফেব্রুয়ারি ২০১৮", None, D(2018, 2, 21), D(2018, 2, 21), "day", False),
    ("৫ই মার্চ ২০১৮", None, D(2018, 3, 5), D(2018, 3, 5), "day", False),
    ("১৭-মার্চ-২০২০", None, D(2020, 3, 17), D(2020, 3, 17), "day", False),
    ("১২ আগষ্ট ২০১৭", None, D(2017, 8, 12), D(2017, 8, 12), "day", False),
    ("১২ অগাস্ট ২০১৭", None, D(2017, 8, 12), D(2017, 8, 12), "day", False),
    ("১ অক্টবর ২০১৭", None, D(2017, 10, 1), D(2017, 10, 1), "day", False),
    ("৫ নভেম্বার ২০১৭", None, D(2017, 11, 5), D(2017, 11, 5), "day", False),
    ("৩১ ডিসেম্বার ২০১৭", None, D(2017, 12, 31), D(2017, 12, 31), "day", False),
    ("১০ সেপ্টেম্বার ২০১৭", None, D(2017, 9, 10), D(2017, 9, 10), "day", False),
    ("১০ জানুআরি ২০১৮", None, D(2018, 1, 10), D(2018, 1, 10), "day", False),
    ("১২ আগস্ট ২০১৭ (শনিবার)", None, D(2017, 8, 12), D(2017, 8, 12), "day", False),
    ("তারিখ: ১২ আগস্ট ২০১৭", None, D(2017, 8, 12), D(2017, 8, 12), "day", False),
    # numeric dates
    ("২৫/০৯/২০১৭", FY17, D(2017, 9, 25), D(2017, 9, 25), "day", False),
    ("১১-১০-২০১৮", None, D(2018, 10, 11), D(2018, 10, 11), "day", False),
    ("৮.৪.২০১৩", None, D(2013, 4, 8), D(2013, 4, 8), "day", False),
    ("২০/০৬/২০১৪খ্রিঃ", None, D(2014, 6, 20), D(2014, 6, 20), "day", False),
    ("২৩/০৫/২০১৯ খ্রি:", None, D(2019, 5, 23), D(2019, 5, 23), "day", False),
    ("২৩/০৮/২০১৭ খ্রিঃ", None, D(2017, 8, 23), D(2017, 8, 23), "day", False),
    ("১৫/০২/২০১৬", None, D(2016, 2, 15), D(2016, 2, 15), "day", False),
    ("২৮/০৫/১৯", None, D(2019, 5, 28), D(2019, 5, 28), "day", False),
    ("২৩/১২/১৫", None, D(2015, 12, 23), D(2015, 12, 23), "day", False),
    ("১২/০৬/২০১৮", FY17, D(2018, 6, 12), D(2018, 6, 12), "day", False),
    ("২০/০১/২০১৮", FY17, D(2018, 1, 20), D(2018, 1, 20), "day", False),
    ("25/09/2017", None, D(2017, 9, 25), D(2017, 9, 25), "day", False),
    ("2017-07-01", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("২০১৭-০৭-০১", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("২৫ / ০৯ / ২০১৭", None, D(2017, 9, 25), D(2017, 9, 25), "day", False),
    ("২৫/০৯", FY17, D(2017, 9, 25), D(2017, 9, 25), "day", True),
    ("০৭/২০১৭", None, D(2017, 7, 1), D(2017, 7, 31), "month", False),
    # month and year
    ("সেপ্টেম্বর ২০১৭", FY17, D(2017, 9, 1), D(2017, 9, 30), "month", False),
    ("ডিসেম্বর ২০১৭", FY17, D(2017, 12, 1), D(2017, 12, 31), "month", False),
    ("জুলাই/২০১৭", FY17, D(2017, 7, 1), D(2017, 7, 31), "month", False),
    ("জুন/২০১৮", FY17, D(2018, 6, 1), D(2018, 6, 30), "month", False),
    ("মে/২০১৭", FY17, D(2017, 5, 1), D(2017, 5, 31), "month", False),
    ("ফেব্রুয়ারি/২০১৬", None, D(2016, 2, 1), D(2016, 2, 29), "month", False),
    ("মে, ২০১৯", None, D(2019, 5, 1), D(2019, 5, 31), "month", False),
    ("জুলাই-১৭", None, D(2017, 7, 1), D(2017, 7, 31), "month", False),
    ("জুলাই'১৭", None, D(2017, 7, 1), D(2017, 7, 31), "month", False),
    ("জুন ২০১৮ এর মধ্যে", FY17, D(2018, 6, 1), D(2018, 6, 30), "month", False),
    ("জুন, ২০১৮ খ্রিঃ", None, D(2018, 6, 1), D(2018, 6, 30), "month", False),
    ("Sept 2017", None, D(2017, 9, 1), D(2017, 9, 30), "month", False),
    ("September, 2017", None, D(2017, 9, 1), D(2017, 9, 30), "month", False),
    ("সেপ্টে: ২০১৭", None, D(2017, 9, 1), D(2017, 9, 30), "month", False),
    # quarters and month runs in one cell
    ("জুলাই-সেপ্টেম্বর-১৭", None, D(2017, 7, 1), D(2017, 9, 30), "month", False),
    ("অক্টোবর-ডিসেম্বর-১৭", None, D(2017, 10, 1), D(2017, 12, 31), "month", False),
    ("জানুয়ারি-মার্চ-১৮", None, D(2018, 1, 1), D(2018, 3, 31), "month", False),
    ("জুলাই-সেপ্টেম্বর ২০১৭", None, D(2017, 7, 1), D(2017, 9, 30), "month", False),
    ("জানুয়ারি-জুন/২০১৭", None, D(2017, 1, 1), D(2017, 6, 30), "month", False),
    ("নভেম্বর-জানুয়ারি ২০১৮", None, D(2017, 11, 1), D(2018, 1, 31), "month", False),
    ("জুলাই হতে ডিসেম্বর ২০১৭", None, D(2017, 7, 1), D(2017, 12, 31), "month", False),
    ("জুলাই-সেপ্টেম্বর", FY17, D(2017, 7, 1), D(2017, 9, 30), "month", True),
    ("জানুয়ারি-মার্চ", FY17, D(2018, 1, 1), D(2018, 3, 31), "month", True),
    # day ranges
    ("১৩-১৪ জানুয়ারি, ২০১৬", None, D(2016, 1, 13), D(2016, 1, 14), "day", False),
    ("১৩ - ১৪ জানুয়ারি ২০১৬", None, D(2016, 1, 13), D(2016, 1, 14), "day", False),
    ("অক্টোবর ২২-২৩", FY17, D(2017, 10, 22), D(2017, 10, 23), "day", True),
    ("২২-২৩ অক্টোবর", FY17, D(2017, 10, 22), D(2017, 10, 23), "day", True),
    ("জুন ১-২", FY17, D(2018, 6, 1), D(2018, 6, 2), "day", True),
    ("ফেব্রুয়ারি ২৭-২৮", H1_17, D(2017, 2, 27), D(2017, 2, 28), "day", True),
    ("১৩ জানুয়ারি - ১৪ ফেব্রুয়ারি ২০১৬", None, D(2016, 1, 13), D(2016, 2, 14), "day", False),
    ("১৫ ডিসেম্বর - ১৫ জানুয়ারি ২০১৮", None, D(2017, 12, 15), D(2018, 1, 15), "day", False),
    ("০১ জানুয়ারি ২০১৭ হতে ৩০ জুন ২০১৭ পর্যন্ত", None, D(2017, 1, 1), D(2017, 6, 30), "day", False),
    ("০১ জানুয়ারি ২০১৭ থেকে ৩০ জুন ২০১৭", None, D(2017, 1, 1), D(2017, 6, 30), "day", False),
    ("১ জুলাই ২০১৭ - ৩০ সেপ্টেম্বর ২০১৭", None, D(2017, 7, 1), D(2017, 9, 30), "day", False),
    ("জুলাই ২০১৭ - জুন ২০১৮", None, D(2017, 7, 1), D(2018, 6, 30), "month", False),
    ("১ জুলাই ২০১৭ - সেপ্টেম্বর ২০১৭", None, D(2017, 7, 1), D(2017, 9, 30), "month", False),
    ("1 July 2017 to 30 September 2017", None, D(2017, 7, 1), D(2017, 9, 30), "day", False),
    ("July 22-23, 2017", None, D(2017, 7, 22), D(2017, 7, 23), "day", False),
    # year from the period
    ("১৭ সেপ্টেম্বর", FY17, D(2017, 9, 17), D(2017, 9, 17), "day", True),
    ("২ অক্টোবর", FY17, D(2017, 10, 2), D(2017, 10, 2), "day", True),
    ("৩১ ডিসেম্বর", FY17, D(2017, 12, 31), D(2017, 12, 31), "day", True),
    ("০১ নভেম্বর", FY17, D(2017, 11, 1), D(2017, 11, 1), "day", True),
    ("২৮ ফেব্রুয়ারি", FY17, D(2018, 2, 28), D(2018, 2, 28), "day", True),
    ("১ মে", FY17, D(2018, 5, 1), D(2018, 5, 1), "day", True),
    ("৩০ জুন", FY17, D(2018, 6, 30), D(2018, 6, 30), "day", True),
    ("১৫ জানুয়ারি", FY17, D(2018, 1, 15), D(2018, 1, 15), "day", True),
    ("১৩ মার্চ", FY17, D(2018, 3, 13), D(2018, 3, 13), "day", True),
    ("০২ জানুয়ারি", FY17, D(2018, 1, 2), D(2018, 1, 2), "day", True),
    ("০১ মার্চ", H1_17, D(2017, 3, 1), D(2017, 3, 1), "day", True),
    ("২৯ জুন", H1_17, D(2017, 6, 29), D(2017, 6, 29), "day", True),
    ("২৯ ফেব্রুয়ারি", CY16, D(2016, 2, 29), D(2016, 2, 29), "day", True),
    ("১০ সেপ্টে:", FY17, D(2017, 9, 10), D(2017, 9, 10), "day", True),
    ("২৮ সেপ্টে:", FY17, D(2017, 9, 28), D(2017, 9, 28), "day", True),
    ("১৫ অক্টো:", FY17, D(2017, 10, 15), D(2017, 10, 15), "day", True),
    ("২৯ অক্টোঃ", FY17, D(2017, 10, 29), D(2017, 10, 29), "day", True),
    ("৫ আগ:", FY17, D(2017, 8, 5), D(2017, 8, 5), "day", True),
    ("৫ ডিসে.", FY17, D(2017, 12, 5), D(2017, 12, 5), "day", True),
    ("১০ জানু:", FY17, D(2018, 1, 10), D(2018, 1, 10), "day", True),
    ("সেপ্টেম্বর", FY17, D(2017, 9, 1), D(2017, 9, 30), "month", True),
    ("জানুয়ারীর", FY17, D(2018, 1, 1), D(2018, 1, 31), "month", True),
    ("সেপ্টেম্বরের মধ্যে", FY17, D(2017, 9, 1), D(2017, 9, 30), "month", True),
    ("জুলাইয়ের মধ্যে", FY17, D(2017, 7, 1), D(2017, 7, 31), "month", True),
    ("মার্চে", FY17, D(2018, 3, 1), D(2018, 3, 31), "month", True),
    ("জুন মাসের মধ্যে", FY17, D(2018, 6, 1), D(2018, 6, 30), "month", True),
    ("ডিসেম্বর মাস", FY17, D(2017, 12, 1), D(2017, 12, 31), "month", True),
    ("মে'র মধ্যে", FY17, D(2018, 5, 1), D(2018, 5, 31), "month", True),
    ("October 22", FY17, D(2017, 10, 22), D(2017, 10, 22), "day", True),
    ("22 Oct", FY17, D(2017, 10, 22), D(2017, 10, 22), "day", True),
    # English
    ("July 1, 2017", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("1st July 2017", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("1 July, 2017", None, D(2017, 7, 1), D(2017, 7, 1), "day", False),
    ("23rd August 2017", None, D(2017, 8, 23), D(2017, 8, 23), "day", False),
    ("Dec 31, 2017", None, D(2017, 12, 31), D(2017, 12, 31), "day", False),
    ("31 DECEMBER 2017", None, D(2017, 12, 31), D(2017, 12, 31), "day", False),
    # Bangla calendar
    ("৮ ভাদ্র ১৪২৪", None, D(2017, 8, 23), D(2017, 8, 23), "day", False),
    ("০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ", None, D(2017, 8, 23), D(2017, 8, 23), "day", False),
    ("১৪ জ্যৈষ্ঠ ১৪২৬", None, D(2019, 5, 28), D(2019, 5, 28), "day", False),
    ("১লা বৈশাখ ১৪২৪", None, D(2017, 4, 14), D(2017, 4, 14), "day", False),
    ("পহেলা বৈশাখ ১৪২৫", None, D(2018, 4, 14), D(2018, 4, 14), "day", False),
    ("৩০ চৈত্র ১৪২৫", None, D(2019, 4, 13), D(2019, 4, 13), "day", False),
    ("৩১ আশ্বিন ১৪২৬", None, D(2019, 10, 16), D(2019, 10, 16), "day", False),
    ("১ কার্তিক ১৪২৪", None, D(2017, 10, 16), D(2017, 10, 16), "day", False),
    ("১ কার্তিক ১৪২৬", None, D(2019, 10, 17), D(2019, 10, 17), "day", False),
    ("৩১ ফাল্গুন ১৪২২", None, D(2016, 3, 14), D(2016, 3, 14), "day", False),
    ("৩০ ফাল্গুন ১৪২৬", None, D(2020, 3, 14), D(2020, 3, 14), "day", False),
    ("২১ ফাল্গুন ১৪২৪", None, D(2018, 3, 5), D(2018, 3, 5), "day", False),
    ("বৈশাখ ১৪২৪", None, D(2017, 4, 14), D(2017, 5, 14), "month", False),
    ("পহেলা বৈশাখ", FY17, D(2018, 4, 14), D(2018, 4, 14), "day", True),
    ("১৪২৪ বঙ্গাব্দ", None, D(2017, 4, 14), D(2018, 4, 13), "year", False),
    # years
    ("২০১৭", None, D(2017, 1, 1), D(2017, 12, 31), "year", False),
    ("২০১৬ সাল", None, D(2016, 1, 1), D(2016, 12, 31), "year", False),
    ("২০১৭-১৮", None, D(2017, 7, 1), D(2018, 6, 30), "month", False),
    ("২০১৭-২০১৮", None, D(2017, 7, 1), D(2018, 6, 30), "month", False),
]


@pytest.mark.parametrize(("text", "period", "start", "end", "precision", "inferred"), CASES)
def test_it_reads_the_date(text, period, start, end, precision, inferred) -> None:
    reading = parse_date(text, period=period)
    assert reading is not None, text
    assert (reading.start, reading.end, reading.precision) == (start, end, precision)
    assert reading.year_inferred is inferred
    if period is not None:
        outside = start < period[0] or end > period[1]
        assert reading.outside_period is outside


NOT_ONE_DATE = [
    "",
    "   ",
    "চলমান",
    "সারা বছর",
    "প্রতিমাসে একবার",
    "বছরে তিনবার",
    "১৫ তারিখ",
    "৩১ জুন ২০১৭",  # June has 30 days
    "৩০ ফেব্রুয়ারি ২০১৮",
    "৩২ জানুয়ারি ২০১৮",
    "১৩/১৩/২০১৭",
    "০২ ফেব্রুয়ারি ০৬ ফেব্রুয়ারি",  # a list, not one date
    "৫, ১২ ও ১৯ মার্চ ২০১৭",
    "১৬ আগস্ট-অভয়নগর",  # a date with a place
    "০৫.৫৫.৯৪০০.০১২.০১.০০২.২০১৬.৬৬",  # a memo number
    "০৪১-২৮৫০০৩৫",  # a phone number
    "১১.00",
    "২৮-২৩ অক্টোবর ২০১৭",  # a range that runs backwards
    "১ জুলাই ১৭ আগস্ট",
    "আগামী জুন",
    "মেয়েদের",
    "আগে",
    "চিত্র ১৪২৪",
]


@pytest.mark.parametrize("text", NOT_ONE_DATE)
def test_it_says_when_it_is_not_one_date(text) -> None:
    assert parse_date(text, period=FY17) is None


def test_it_needs_a_year_or_a_period() -> None:
    assert parse_date("১৭ সেপ্টেম্বর") is None
    reading = parse_date("১৭ সেপ্টেম্বর", after=D(2017, 10, 1))
    assert reading is not None and reading.start == D(2018, 9, 17)


def test_a_leap_day_without_a_leap_year_in_the_period_is_not_a_date() -> None:
    assert parse_date("২৯ ফেব্রুয়ারি", period=FY17) is None


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        # No year of the period puts 31 Dec inside Jan–Jun 2017: the period's year (D15).
        ("৩১ ডিসেম্বর", D(2017, 3, 27), D(2017, 12, 31)),
        ("৩১ ডিসেম্বর", None, D(2017, 12, 31)),
        ("১৫ মার্চ", D(2017, 3, 1), D(2017, 3, 15)),
        ("১৫ ফেব্রুয়ারি", D(2017, 3, 1), D(2017, 2, 15)),  # inside wins over "after"
    ],
)
def test_year_inference_follows_the_contract(text, after, expected) -> None:
    reading = parse_date(text, period=H1_17, after=after)
    assert reading is not None
    assert reading.start == expected
    assert reading.outside_period is not (H1_17[0] <= expected <= H1_17[1])


def test_a_year_inside_a_long_period_prefers_one_on_or_after_the_start() -> None:
    two_years = (D(2017, 1, 1), D(2018, 12, 31))
    assert parse_date("১৫ মার্চ", period=two_years).start == D(2017, 3, 15)
    assert parse_date("১৫ মার্চ", period=two_years, after=D(2017, 6, 1)).start == D(2018, 3, 15)


TIMES = [
    ("সকাল ১০.১০ টায়", "10:10"),
    ("সকাল ১০.১০ টায়।", "10:10"),
    ("বিকাল ৩.০০", "15:00"),
    ("বিকেল ৩:৩০ ঘটিকা", "15:30"),
    ("রাত ৮টা", "20:00"),
    ("রাত ১২টা", "00:00"),
    ("দুপুর ১২.৩০", "12:30"),
    ("দুপুর ২টায়", "14:00"),
    ("বেলা ১১.০০ টায়", "11:00"),
    ("বেলা ২.৩০ ঘটিকা", "14:30"),
    ("সন্ধ্যা ৬টায়", "18:00"),
    ("ভোর ৫.৩০", "05:30"),
    ("সকাল ১০টা ৩০ মিনিট", "10:30"),
    ("10:30 AM", "10:30"),
    ("3 PM", "15:00"),
    ("12 pm", "12:00"),
    ("12:15 a.m.", "00:15"),
    ("১৪:৩০", "14:30"),
    ("সময় : সকাল ১০.৩০ ঘটিকা", "10:30"),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_it_reads_the_time(text, expected) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "সকাল", "২৫ মিনিট", "২৫:৭০", "৩০ ঘণ্টা"])
def test_it_says_when_there_is_no_time(text) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("২৮ মে, ২০১৯", D(2019, 5, 28)),
        ("২৩/০৮/২০১৭ খ্রিঃ", D(2017, 8, 23)),
        ("তারিখ: ১৫/০২/২০১৬ খ্রি:", D(2016, 2, 15)),
        ("তারিখঃ ১৫/০২/২০১৬", D(2016, 2, 15)),
        ("তারিখ : ০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ / ২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ", D(2017, 8, 23)),
        ("Date: 23 August 2017", D(2017, 8, 23)),
        ("০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ", None),
        ("স্মারক নং-০৫.৪৩.৬৯০০.০২৩.০৬.০০২.১৬. ৭৩", None),
        ("২৮ মে", None),
    ],
)
def test_it_reads_a_letters_date_line(text, expected) -> None:
    assert parse_date_line(text) == expected


def test_it_reads_both_halves_of_a_dual_date() -> None:
    gregorian, bangla = parse_dual_date("০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ ২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ")
    assert gregorian == D(2017, 8, 23)
    assert bangla is not None and (bangla.year, bangla.month, bangla.day) == (1424, 5, 8)


def test_a_scan_keeps_places_and_labels_as_text() -> None:
    scan = scan_dates("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর")
    assert scan.chunks == ["শার্শা", "যশোর সদর"]
    assert [scan.span_text(s) for s in scan.spans] == ["অক্টোবর ২২-২৩", "নভেম্বর ১২-১৩"]


# -- the quick path for the commonest cells must agree with the grammar ------------

_MONTH_WORDS = [
    "জানুয়ারি", "জানুয়ারী", "ফেব্রুয়ারি", "মার্চ", "মে", "জুন", "জুলাই", "আগষ্ট", "সেপ্টম্বর",
    "অক্টবর", "ডিসেম্বর", "সেপ্টেম্বরের", "জানুয়ারীর", "সেপ্টে", "অক্টো", "আগ", "ভাদ্র",
    "বৈশাখ", "জ্যোতি", "চৈত্র", "July", "Sept", "may", "মেয়ে", "চিত্র", "সভা", "তারিখ",
]  # fmt: skip


@settings(max_examples=2000)
@given(
    st.sampled_from(["{d} {m}", "{d} {m} {y}", "{d} {m}, {y}", "{d}/{mo}/{y}", "{d}-{mo}-{y}",
                     "{d}.{mo}.{y}", "{m}/{y}", "{m} {y}", "{m}, {y}"]),
    st.integers(0, 40),
    st.integers(0, 14),
    st.sampled_from([1299, 1300, 1424, 1599, 1600, 1899, 1900, 2017, 2199, 2200, 9999]),
    st.sampled_from(_MONTH_WORDS),
    st.booleans(),
    st.booleans(),
)  # fmt: skip
def test_the_quick_path_agrees_with_the_grammar(form, d, mo, y, m, pad, bengali) -> None:
    text = form.format(d=f"{d:02d}" if pad else d, mo=f"{mo:02d}" if pad else mo, y=y, m=m)
    if bengali:
        text = to_bengali_digits(text)
    quick = quick_span(text)
    if quick is not None:
        assert scan(text).pieces == (quick,), text
