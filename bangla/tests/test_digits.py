"""Digits, grouping, numbers in words and ordinals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bangla.digits import (
    format_number,
    localize_digits,
    number_in_words,
    ordinal,
    ordinal_value,
    parse_decimal,
    parse_int,
    parse_number_word,
    to_ascii_digits,
    to_bengali_digits,
)


def test_digit_conversion() -> None:
    assert to_ascii_digits("০১২৩৪৫৬৭৮৯") == "0123456789"
    assert to_bengali_digits("0123456789") == "০১২৩৪৫৬৭৮৯"
    assert to_bengali_digits(2017) == "২০১৭"
    assert to_bengali_digits(-5) == "-৫"
    assert to_ascii_digits("২০১9 সাল") == "2019 সাল"
    assert localize_digits("২০১৭-18", "bn") == "২০১৭-১৮"
    assert localize_digits("২০১৭-18", "en") == "2017-18"
    with pytest.raises(ValueError):
        localize_digits("1", "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("৭.", 7), ("৭", 7), (" ১২ ", 12), ("২০১9", 2019), ("০৫", 5), ("১০.", 10), ("৫)", 5),
        ("(৫)", 5), ("৮।", 8), ("12", 12), ("১২,৩৪,৫৬৭", 1234567), ("1,234,567", 1234567),
        ("-৫", -5), ("০", 0),
        ("৭ম", None), ("", None), ("abc", None), ("১২.৫", None), ("১,২৩", None), ("১ ২", None),
        ("²", None), ("৫..", None),
    ],
)  # fmt: skip
def test_parse_int(text, expected) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("১১.00", Decimal("11.00")), ("১১.০০", Decimal("11.00")),
        ("১২,৩৪,৫৬৭.৫০", Decimal("1234567.50")), ("০.৫", Decimal("0.5")), (".৫", Decimal("0.5")),
        ("১১", Decimal("11")), ("১১.", Decimal("11")),
        ("-২.৫", Decimal("-2.5")), ("এক", None), ("", None), ("১.২.৩", None),
    ],
)  # fmt: skip
def test_parse_decimal(text, expected) -> None:
    assert parse_decimal(text) == expected


@pytest.mark.parametrize(
    ("number", "bn", "en"),
    [
        (0, "০", "0"), (7, "৭", "7"), (999, "৯৯৯", "999"), (1000, "১,০০০", "1,000"),
        (12345, "১২,৩৪৫", "12,345"), (123456, "১,২৩,৪৫৬", "1,23,456"),
        (1234567, "১২,৩৪,৫৬৭", "12,34,567"), (123456789, "১২,৩৪,৫৬,৭৮৯", "12,34,56,789"),
        (-1234567, "-১২,৩৪,৫৬৭", "-12,34,567"),
        (Decimal("1234567.50"), "১২,৩৪,৫৬৭.৫০", "12,34,567.50"),
        (1234.5, "১,২৩৪.৫", "1,234.5"),
    ],
)  # fmt: skip
def test_format_number(number, bn, en) -> None:
    assert format_number(number) == bn
    assert format_number(number, lang="en") == en


def test_format_number_rounds_half_up() -> None:
    assert format_number(Decimal("2.345"), lang="en", decimals=2) == "2.35"
    assert format_number(1234567, decimals=2) == "১২,৩৪,৫৬৭.০০"
    assert format_number(0.125, lang="en", decimals=2) == "0.13"
    with pytest.raises(TypeError):
        format_number(True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "শূন্য"), (5, "পাঁচ"), (11, "এগারো"), (19, "উনিশ"), (25, "পঁচিশ"), (42, "বিয়াল্লিশ"),
        (59, "উনষাট"), (77, "সাতাত্তর"), (99, "নিরানব্বই"), (100, "একশত"), (105, "একশত পাঁচ"),
        (250, "দুইশত পঞ্চাশ"), (1000, "এক হাজার"), (1971, "এক হাজার নয়শত একাত্তর"),
        (2017, "দুই হাজার সতেরো"), (100000, "এক লক্ষ"), (1234567, "বারো লক্ষ চৌত্রিশ হাজার পাঁচশত সাতষট্টি"),
        (10000000, "এক কোটি"), (999999999, "নিরানব্বই কোটি নিরানব্বই লক্ষ নিরানব্বই হাজার নয়শত নিরানব্বই"),
    ],
)  # fmt: skip
def test_number_in_words(number, words) -> None:
    assert number_in_words(number) == words
    assert parse_number_word(words) == number


def test_number_in_words_range() -> None:
    with pytest.raises(ValueError):
        number_in_words(1_000_000_000)
    with pytest.raises(ValueError):
        number_in_words(-1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("তিন", 3), ("দুই", 2), ("দু'", 2), ("দু", 2), ("ছয়", 6), ("এগার", 11), ("একশত", 100),
     ("পাঁচ হাজার", 5000), ("বার", None), ("তিনবার", None), ("কিছু", None), ("", None)],
)  # fmt: skip
def test_parse_number_word(text, expected) -> None:
    assert parse_number_word(text) == expected


@pytest.mark.parametrize(
    ("n", "bn", "en"),
    [
        (1, "১ম", "1st"), (2, "২য়", "2nd"), (3, "৩য়", "3rd"), (4, "৪র্থ", "4th"), (5, "৫ম", "5th"),
        (6, "৬ষ্ঠ", "6th"), (7, "৭ম", "7th"), (8, "৮ম", "8th"), (9, "৯ম", "9th"),
        (10, "১০ম", "10th"),
        (11, "১১তম", "11th"), (12, "১২তম", "12th"), (13, "১৩তম", "13th"), (21, "২১তম", "21st"),
        (22, "২২তম", "22nd"), (101, "১০১তম", "101st"), (111, "১১১তম", "111th"),
    ],
)  # fmt: skip
def test_ordinals(n, bn, en) -> None:
    assert ordinal(n) == bn
    assert ordinal(n, lang="en") == en
    assert ordinal_value(bn) == n
    assert ordinal_value(en) == n


def test_ordinal_words() -> None:
    assert ordinal_value("প্রথম") == 1
    assert ordinal_value("দ্বিতীয়") == 2
    assert ordinal_value("চতুর্থ") == 4
    assert ordinal_value("সার্কেল") is None
    with pytest.raises(ValueError):
        ordinal(0)
