"""The directory as PDF and DOCX: cover (office, period, in Bengali with Bengali
digits), contents, the three sections; read back with pdftotext and python-docx."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from udbhabon.directory.paper import write_directory
from udbhabon.directory.tests.conftest import this_year
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text, white space folded."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in text.split("\f")]


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    return "\n".join(lines)


def jashore_directory(fmt: str, lang: str = "bn") -> bytes:
    office = Office.objects.get(code="dc-jashore")
    return write_directory(fmt=fmt, office_id=office.pk, period=this_year().key, lang=lang)


@needs_poppler
def test_the_pdf_has_a_cover_contents_and_the_three_sections(jashore):
    pages = pdf_pages(jashore_directory("pdf"))
    cover, contents = pages[0], pages[1]
    year = this_year()
    fy = f"{year.year}-{(year.year + 1) % 100:02d}".translate(
        str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
    )
    assert "ইনোভেশন ডিরেক্টরি" in cover and "জেলা প্রশাসকের কার্যালয়, যশোর" in cover
    assert f"অর্থবছর {fy}" in cover
    assert "সূচিপত্র" in contents
    for n, title in (
        ("১", "প্রাপ্ত আইডিয়া"),
        ("২", "বাস্তবায়নযোগ্য বিবেচিত আইডিয়া"),
        ("৩", "বাস্তবায়িত উদ্যোগ"),
    ):
        assert f"{n}. {title}" in contents
    # The contents give each section's page, in Bengali digits: sections start on page 3.
    assert "৩" in contents.split("প্রাপ্ত আইডিয়া")[1]
    body = " ".join(pages[2:])
    for words in (
        "জন্ম নিবন্ধন অনলাইনে",
        "বিদ্যালয়ের ভর্তি ফরম অনলাইনে",
        "খতিয়ানের নকল ডাকযোগে",
        "জেলা প্রশাসকের কার্যালয়, খুলনা",  # the adopter
        "৫,৫০০ টাকা",  # the cost before
        "১২০ টাকা",  # and after
    ):
        assert words in body, words
    assert "খুলনার খেয়াঘাট" not in body  # another district's idea


def test_the_docx_has_the_same_parts(jashore):
    text = docx_text(jashore_directory("docx"))
    for words in (
        "ইনোভেশন ডিরেক্টরি",
        "সূচিপত্র",
        "১. প্রাপ্ত আইডিয়া",
        "৩. বাস্তবায়িত উদ্যোগ",
        "খতিয়ানের নকল ডাকযোগে",
        "জেলা প্রশাসকের কার্যালয়, খুলনা",
        "৫,৫০০ টাকা",
    ):
        assert words in text, words
    assert "খুলনার খেয়াঘাট" not in text


def test_in_english_it_has_english_digits(jashore):
    text = docx_text(jashore_directory("docx", lang="en"))
    assert "Innovation directory" in text and "5,500 taka" in text
    assert "৫" not in text.split("Contents")[0].replace("খ", "")  # the cover's digits


def test_an_unknown_format_or_period_is_refused(jashore):
    office = Office.objects.get(code="dc-jashore")
    with pytest.raises(ValueError):
        write_directory(fmt="xlsx", office_id=office.pk, period=this_year().key)
    with pytest.raises(ValueError):
        write_directory(fmt="pdf", office_id=office.pk, period="next year")
