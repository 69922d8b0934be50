"""Hostile and heavy input is refused quickly, in little memory, with a Bengali message.

A PDF over 200 pages and a workbook of a million rows (whose declared dimension
says one row) are refused within 2 seconds and 100 MB of peak memory growth.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from udbhabon.documents.reader import ReadError, read_document
from udbhabon.documents.tests.reader_fixtures import heavy

SECONDS = 2.0
PEAK_BYTES = 100 * 1024 * 1024


def _refusal(data: bytes, name: str) -> tuple[ReadError, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ReadError) as caught:
            read_document(data, name)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return caught.value, elapsed, peak


@pytest.fixture(scope="module")
def million_rows() -> bytes:
    return heavy.xlsx_with_rows(1_000_000, declared="A1:A1")


@pytest.mark.slow
def test_it_refuses_a_million_row_sheet_quickly_whatever_its_dimension_says(
    million_rows: bytes,
) -> None:
    error, elapsed, peak = _refusal(million_rows, "plan.xlsx")
    assert error.code == "too_many_rows"
    assert "সারি" in error.message_bn and "২০০০০" in error.message_bn
    assert elapsed < SECONDS and peak < PEAK_BYTES, (elapsed, peak)


def test_it_refuses_a_pdf_over_200_pages_quickly() -> None:
    data = heavy.pdf_with_pages(201)
    with pytest.raises(ReadError):  # a running server has its libraries loaded
        read_document(heavy.pdf_with_pages(1), "warm.pdf")
    error, elapsed, peak = _refusal(data, "plan.pdf")
    assert error.code == "too_many_pages"
    assert "২০১টি পৃষ্ঠা" in error.message_bn and "২০০" in error.message_bn
    assert elapsed < SECONDS and peak < PEAK_BYTES, (elapsed, peak)


def test_a_sheet_under_the_limit_is_still_read_as_far_as_its_rows_go() -> None:
    # 300 rows of numbers: counted and let through; it has no plan table, so it is
    # refused for that (not for its size).
    with pytest.raises(ReadError) as caught:
        read_document(heavy.xlsx_with_rows(300), "numbers.xlsx")
    assert caught.value.code == "no_table_header"
