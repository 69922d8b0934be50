"""PDF writer: PDF/A-3b with the data attached, Bengali shaped and numbered, references.

Reference images live in writer_reference/; after a reviewed change of the layout,
regenerate them with

    UPDATE_REFERENCES=1 .venv/bin/pytest udbhabon/documents/tests/test_writer_pdf.py

then LOOK at every PNG (conjuncts ক্ষ ন্দ্র স্ত্র, reph র্ক, ি/ে before the consonant, ৌ split)
before committing them.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest

from bangla.calendar import to_bangla
from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.writers import contract_document, write_document
from udbhabon.documents.writers.extraction import source_words
from udbhabon.documents.writers.imaging import image_difference, pdf_page_images, png_bytes
from udbhabon.documents.writers.pdf_writer import write_pdf

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "seeds" / "expected").glob("*.json"))
REFERENCE_DIR = Path(__file__).with_name("writer_reference")
UPDATE = os.environ.get("UPDATE_REFERENCES") == "1"
BN_WORD = re.compile("[\u0980-\u09ff]")

# A paper that shows the hard parts of Bengali shaping in one place.
SPECIMEN_TEXT = (
    "ক্ষ ন্দ্র স্ত্র র্ক কি কে কৌ ক্ত ঙ্গ ত্ত্ব জ্ঞ হ্ম ষ্ণ ন্ত্র্য শ্রী রূপ হৃদয় কার্যালয় "
    "উদ্ভাবন কর্মপরিকল্পনা পৌঁছানো বৈশাখ জ্যৈষ্ঠ Public Service Innovation “ক” ১২৩৪৫৬৭৮৯০"
)
SPECIMEN = {
    "sections": [
        {
            "kind": "action_plan",
            "office": "জেলা প্রশাসকের কার্যালয়, নাটোর",
            "period": {"label": "২০১৯-২০২০", "start": "2019-07-01", "end": "2020-06-30"},
            "letter": {
                "memo_number": "০৫.৪৩.৬৯০০.০২৩.০৬.০০২.১৯.১২",
                "date": "2019-08-23",
                "bangla_date": {"day": 8, "month": "ভাদ্র", "year": 1426},
                "subject": "ক্ষ ন্দ্র স্ত্র র্ক কি কে কৌ: বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রেরণ।",
                "reference": None,
                "addressee": "মন্ত্রিপরিষদ সচিব, মন্ত্রিপরিষদ বিভাগ, বাংলাদেশ সচিবালয়, ঢাকা।",
                "distribution": ["বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।"],
                "body": SPECIMEN_TEXT,  # an extra: printed, not embedded
                "attachments": 5,
            },
            "signatories": [{"name": "মোঃ শাহরিয়াজ", "designation": "জেলা প্রশাসক, নাটোর"}],
            "items": [
                {
                    "serial": 1,
                    "label": "ক",
                    "category": "ক্ষ ন্দ্র স্ত্র র্ক",
                    "activity": SPECIMEN_TEXT,
                    "schedule": {
                        "kind": "range",
                        "text": "০১ জুলাই ২০১৯ | ৩০ সেপ্টেম্বর ২০১৯",
                        "start": "2019-07-01",
                        "end": "2019-09-30",
                        "precision": "day",
                    },
                    "responsible": "সহকারী কমিশনার (আইসিটি)",
                    "expected_outcome": "কি কে কৌ ক্ত ঙ্গ",
                    "indicator": "ত্ত্ব জ্ঞ হ্ম ষ্ণ",
                }
            ],
            "meeting": None,
        }
    ],
    "warnings": [],
}


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_pdfs() -> dict[str, tuple[dict, bytes]]:
    return {path.stem: (load(path), write_document(load(path), "pdf")) for path in SEEDS}


def words(text: str) -> set[str]:
    out = set()
    for token in text.split():
        token = token.strip("()[]{}.,;:!?।'\"“”‘’-/")
        if token and BN_WORD.search(token):
            out.add(unicodedata.normalize("NFC", token))
    return out


def pdfium_text(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


# --- PDF/A-3b and the embedded data ----------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_it_embeds_the_contract_json_exactly(path, seed_pdfs):
    doc, pdf = seed_pdfs[path.stem]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert list(reader.attachments) == [ATTACHMENT_NAME]
    (raw,) = reader.attachments[ATTACHMENT_NAME]
    embedded = json.loads(raw.decode("utf-8"))
    # the expected files are already canonical contract JSON, except that a paper prints
    # both calendars: a memo date without its Bangla date gets the computed one
    doc = copy.deepcopy(doc)
    for section in doc["sections"]:
        letter = section.get("letter")
        if letter and letter["date"] and letter["bangla_date"] is None:
            b = to_bangla(dt.date.fromisoformat(letter["date"]))
            letter["bangla_date"] = {"day": b.day, "month": b.month_name, "year": b.year}
    assert embedded == doc
    assert json.dumps(embedded, ensure_ascii=False) == json.dumps(
        contract_document(doc), ensure_ascii=False
    )  # same key order


def test_it_leaves_the_extras_out_of_the_embedded_json():
    doc = json.loads(json.dumps(SPECIMEN))
    section = doc["sections"][0]
    section["header"] = {"office": "জেলা প্রশাসকের কার্যালয়, নাটোর", "website": "www.natore.gov.bd"}
    section["orientation"] = "portrait"
    section["items"][0]["id"] = "42"
    pdf = write_document(doc, "pdf")
    (raw,) = pypdf.PdfReader(io.BytesIO(pdf)).attachments[ATTACHMENT_NAME]
    embedded = json.loads(raw)
    assert embedded == contract_document(SPECIMEN)
    assert "header" not in embedded["sections"][0]
    assert "id" not in embedded["sections"][0]["items"][0]
    assert set(embedded["sections"][0]["letter"]) == {
        "memo_number",
        "date",
        "bangla_date",
        "subject",
        "reference",
        "addressee",
        "distribution",
    }


def test_it_is_pdf_a_3b_with_a_data_relationship(seed_pdfs):
    _, pdf = seed_pdfs[SEEDS[0].stem]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(=\"|>)3", xmp)
    assert re.search(r"pdfaid:conformance(=\"|>)B", xmp)
    root = reader.trailer["/Root"]
    assert "/OutputIntents" in root
    files = root["/AF"]
    spec = files[0].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/F"] == ATTACHMENT_NAME


def test_it_embeds_only_the_vendored_fonts(seed_pdfs):
    _, pdf = seed_pdfs[SEEDS[1].stem]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert names <= {"UB-Bengali", "UB-Bengali-Bold", "UB-Latin", "UB-Latin-Bold"}
    assert "UB-Bengali" in names


# --- pages ----------------------------------------------------------------------------


def test_it_prints_page_numbers_in_bengali_digits(seed_pdfs):
    _, pdf = seed_pdfs["001_3627afb098a031ac"]
    pages = pdfium_text(pdf)
    total = len(pages)
    assert total > 1
    digits = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
    for number, text in enumerate(pages, 1):
        expected = f"পৃষ্ঠা {str(number).translate(digits)} / {str(total).translate(digits)}"
        assert expected in text


def test_it_uses_a4_landscape_for_plans_and_portrait_for_letters(seed_pdfs):
    _, pdf = seed_pdfs["001_3627afb098a031ac"]  # a letter, then the plan
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    ]
    assert sizes[0] == (595, 842)
    assert all(size == (842, 595) for size in sizes[1:])
    _, minutes = seed_pdfs["003_3399e0873caf543a"]
    assert {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in pypdf.PdfReader(io.BytesIO(minutes)).pages
    } == {(595, 842)}


def test_it_repeats_the_table_header_on_every_page():
    doc = load(SEEDS[4])  # Khulna, 28 items over several pages
    pdf = write_document(doc, "pdf")
    # page 1 is the letter; the last, the annex of text the reader could not place
    pages = [page for page in pdfium_text(pdf)[1:] if "অন্যান্য লেখা" not in page]
    assert len(pages) >= 3
    for text in pages:
        assert "প্রস্তাবিত বিষয় (গৃহীতব্য কাজের নাম)" in text
        assert "সমাপ্তির" in text


def test_each_section_starts_on_a_new_page(seed_pdfs):
    _, pdf = seed_pdfs["000_8aa6ba074c4abe5e"]  # plan, then report
    pages = pdfium_text(pdf)
    starts = [i for i, text in enumerate(pages) if "উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন প্রতিবেদন" in text]
    assert starts, "the report's title is printed"
    assert "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা" not in pages[starts[0]]


# --- Bengali shaping ------------------------------------------------------------------


def _to_unicode_entries(pdf: bytes) -> set[str]:
    """Texts that single glyphs stand for, from every font's ToUnicode CMap."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    texts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            for hex_text in re.findall(r"<[0-9a-fA-F]{4}>\s*<([0-9a-fA-F]*)>", cmap):
                texts.add(bytes.fromhex(hex_text).decode("utf-16-be"))
    return texts


def test_conjuncts_are_shaped_into_single_glyphs():
    """A layout engine that did not shape would draw one glyph per character."""
    pdf = write_pdf(SPECIMEN, actual_text=False)
    glyph_texts = _to_unicode_entries(pdf)
    for conjunct in ("ক্ষ", "ন্দ্র", "স্ত্র", "ক্ত", "ঙ্গ", "জ্ঞ"):
        assert any(conjunct in text for text in glyph_texts), conjunct


def test_text_extraction_recovers_bengali_words_through_actual_text():
    pdf = write_pdf(SPECIMEN)
    text = "\n".join(pdfium_text(pdf))
    expected = words(SPECIMEN_TEXT)
    assert expected <= words(text)


@pytest.mark.parametrize("path", SEEDS[:2], ids=lambda p: p.stem)
def test_most_words_come_back_out_of_a_real_paper(path, seed_pdfs):
    doc, pdf = seed_pdfs[path.stem]
    source = source_words(doc)
    got = words("\n".join(pdfium_text(pdf)))
    assert len(source & got) / len(source) >= 0.95
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert len(source & words(out)) / len(source) >= 0.95


# --- reference images -----------------------------------------------------------------

REFERENCES = [(path.stem, 0, 72) for path in SEEDS] + [("specimen", 0, 150)]


@pytest.mark.parametrize(("name", "page", "dpi"), REFERENCES, ids=[r[0] for r in REFERENCES])
def test_page_matches_the_reviewed_reference(name, page, dpi):
    doc = SPECIMEN if name == "specimen" else load(ROOT / "data/seeds/expected" / f"{name}.json")
    (image,) = pdf_page_images(write_document(doc, "pdf"), dpi=dpi, pages=[page])
    reference_path = REFERENCE_DIR / f"{name}-p{page + 1}.png"
    if UPDATE:
        REFERENCE_DIR.mkdir(exist_ok=True)
        reference_path.write_bytes(png_bytes(image))
        pytest.skip("reference updated: review it before committing")
    if not reference_path.exists():
        pytest.fail(f"no reference {reference_path.name}: run with UPDATE_REFERENCES=1")
    from PIL import Image

    reference = Image.open(reference_path)
    difference = image_difference(image, reference)
    assert difference.within(), (
        f"{name} page {page + 1} differs from its reference: mean {difference.mean:.2f}, "
        f"{difference.changed:.3%} of pixels changed"
    )
