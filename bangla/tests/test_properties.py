"""Properties that must hold for every input, checked with hypothesis."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bangla.calendar import (
    GREGORIAN_MONTHS_BN,
    GREGORIAN_MONTHS_EN,
    format_bangla,
    format_date,
    format_gregorian,
    month_length,
    parse_bangla_date,
    to_bangla,
    to_gregorian,
    year_length,
)
from bangla.dates import parse_date, parse_date_line, parse_time
from bangla.digits import (
    BENGALI_DIGITS,
    format_number,
    number_in_words,
    parse_decimal,
    parse_int,
    parse_number_word,
    to_ascii_digits,
    to_bengali_digits,
)
from bangla.fiscal import fiscal_year_of
from bangla.schedules import SCHEDULE_KEYS, parse_schedule
from bangla.text import _NFC_RISK, loose_key, normalize

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
MODERN = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
BENGALI_TEXT = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0980, 0x0A00)]
        + list(" \t\n\u00a0/-.,:;()'|০১২৩৪৫৬৭৮৯0123456789\u200c\u200d\u200b\u00adabcXYZ")
    ),
    max_size=60,
)


@given(DATES)
def test_every_day_converts_to_bangla_and_back(d: date) -> None:
    b = to_bangla(d)
    assert to_gregorian(b.year, b.month, b.day) == d
    assert 1 <= b.day <= month_length(b.year, b.month)


@given(st.integers(min_value=1300, max_value=1510))
def test_each_bangla_year_has_365_or_366_days(year: int) -> None:
    assert year_length(year) in (365, 366)
    assert (to_gregorian(year + 1, 1, 1) - to_gregorian(year, 1, 1)).days == year_length(year)
    assert to_gregorian(year, 1, 1) == date(year + 593, 4, 14)


@given(st.integers(min_value=1300, max_value=1510), st.integers(min_value=1, max_value=12))
def test_month_lengths_follow_the_rules(year: int, month: int) -> None:
    g = year + 594  # the Gregorian year of the year's ফাল্গুন
    leap = g % 4 == 0 and (g % 100 != 0 or g % 400 == 0)
    if year <= 1425:
        expected = 31 if month <= 5 or (month == 11 and leap) else 30
    else:
        expected = 31 if month <= 6 else (30 if leap else 29) if month == 11 else 30
    assert month_length(year, month) == expected


@given(st.text(alphabet="0123456789"))
def test_digits_round_trip(s: str) -> None:
    assert to_ascii_digits(to_bengali_digits(s)) == s
    assert to_bengali_digits(to_ascii_digits(to_bengali_digits(s))) == to_bengali_digits(s)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_round_trip(n: int) -> None:
    assert parse_int(to_bengali_digits(n)) == n
    assert parse_int(format_number(n)) == n
    assert parse_int(format_number(n, lang="en")) == n


@given(st.lists(st.tuples(st.integers(0, 9), st.booleans()), min_size=1, max_size=12))
def test_mixed_digits_read_as_one_number(digits: list[tuple[int, bool]]) -> None:
    text = "".join(BENGALI_DIGITS[d] if bengali else str(d) for d, bengali in digits)
    assert parse_int(text) == int("".join(str(d) for d, _ in digits))


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_decimals_round_trip(value: Decimal) -> None:
    assert parse_decimal(format_number(value, decimals=2)) == value


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number_word(number_in_words(n)) == n


@given(MODERN)
def test_formatting_then_reading_gives_the_date_back(d: date) -> None:
    for text in (
        format_date(d),
        format_date(d, "en"),
        format_gregorian(d),
        format_gregorian(d, with_era=False),
        format_gregorian(d, lang="en"),
        format_bangla(d),
        format_bangla(d, with_era=False),
        to_bengali_digits(d.strftime("%d/%m/%Y")),
        to_bengali_digits(d.strftime("%d-%m-%Y")),
        to_bengali_digits(f"{d.day}.{d.month}.{d.year}") + " খ্রিঃ",
        f"{GREGORIAN_MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
        d.isoformat(),
    ):
        reading = parse_date(text)
        assert reading is not None, text
        assert (reading.start, reading.end, reading.precision) == (d, d, "day"), text
    assert parse_date_line(format_gregorian(d)) == d
    b = parse_bangla_date(format_bangla(d))
    assert b is not None and b.to_gregorian() == d


@given(MODERN)
def test_a_date_without_its_year_comes_back_from_its_fiscal_year(d: date) -> None:
    fy = fiscal_year_of(d)
    text = to_bengali_digits(f"{d.day} {GREGORIAN_MONTHS_BN[d.month - 1]}")
    reading = parse_date(text, period=(fy.start, fy.end))
    assert reading is not None
    assert reading.start == d
    assert reading.year_inferred and not reading.outside_period


@given(MODERN, st.integers(min_value=0, max_value=300))
def test_a_two_cell_schedule_reads_as_its_range(d: date, days: int) -> None:
    end = d + timedelta(days=days)
    fy = fiscal_year_of(d)
    reading = parse_schedule(format_date(d), format_gregorian(end, with_era=False), fy.as_tuple())
    assert reading.schedule["kind"] == "range"
    assert reading.schedule["start"] == d.isoformat()
    assert reading.schedule["end"] == end.isoformat()
    outside = end > fy.end
    assert [w.code for w in reading.warnings] == (["outside_period"] if outside else [])


@settings(max_examples=300)
@given(BENGALI_TEXT, BENGALI_TEXT)
def test_any_cells_give_a_schedule_of_the_contracts_shape(start: str, end: str) -> None:
    period = (date(2017, 7, 1), date(2018, 6, 30))
    reading = parse_schedule(start, end, period)
    schedule = reading.schedule
    assert tuple(schedule) == SCHEDULE_KEYS[schedule["kind"]]
    s, e = normalize(start), normalize(end)
    assert schedule["text"] == (normalize(f"{s} | {e}") if e else s)
    if schedule["kind"] == "unparsed":
        assert schedule["start"] is None and schedule["end"] is None
        assert reading.warnings == []
    else:
        first, last = date.fromisoformat(schedule["start"]), date.fromisoformat(schedule["end"])
        codes = {w.code for w in reading.warnings}
        assert (last < first) <= ("end_before_start" in codes)
        outside = first < period[0] or last > period[1]
        if schedule["kind"] in ("range", "occurrences"):
            assert outside == ("outside_period" in codes)


@settings(max_examples=1000)
@given(BENGALI_TEXT)
def test_normalize_is_idempotent_and_loose_key_is_stable(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert loose_key(once) == loose_key(text)
    assert parse_date(text) is None or parse_date(text) == parse_date(once)


@settings(max_examples=2000)
@given(
    st.text(
        alphabet=st.sampled_from(
            [chr(c) for c in range(0x0980, 0x0A00)]
            + [chr(c) for c in range(0x2000, 0x2070)]
            + list("abc ~\u00e9\u0301\u00c5\u212b\u0915\u093c")
        ),
        max_size=12,
    )
)
def test_the_nfc_shortcut_only_skips_text_that_is_nfc(text: str) -> None:
    if not _NFC_RISK.search(text):
        assert unicodedata.is_normalized("NFC", text)


@settings(max_examples=500)
@given(st.one_of(BENGALI_TEXT, st.text(max_size=40)))
def test_readers_never_raise(text: str) -> None:
    from bangla.calendar import bangla_month_index
    from bangla.fiscal import parse_period
    from bangla.legacy import is_legacy_font_text, legacy_to_unicode
    from bangla.recurrence import parse_recurrence
    from bangla.text import strip_label

    period = (date(2017, 7, 1), date(2018, 6, 30))
    parse_date(text, period=period)
    parse_date(text, after=date(2017, 1, 1))
    parse_date_line(text)
    parse_bangla_date(text)
    parse_period(text)
    parse_recurrence(text)
    parse_int(text)
    parse_decimal(text)
    parse_number_word(text)
    bangla_month_index(text)
    strip_label(text, ["বিষয়", "তারিখ"])
    is_legacy_font_text(text)
    legacy_to_unicode(text)
    parse_time(text)
