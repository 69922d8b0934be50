"""A phone's photo of a page (reader/photo.py): straightened, light evened, read as a scan.

The sample photo is page 2 of seed 001's scan (tests/e2e/data) laid on a dark table
with a small perspective and shaded from one side, by reader_fixtures/make_photo.py.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest
from PIL import Image

from udbhabon.documents.reader import ReadError, ocr, photo, read_document

FIXTURES = Path(__file__).parent / "reader_fixtures"
PHOTO = FIXTURES / "001_page2.photo.jpg"
SCAN = Path(__file__).resolve().parents[3] / "tests" / "e2e" / "data"
SCAN_PDF = SCAN / "001_thakurgaon_plan_p1-2.scan.pdf"
TEXT_FIELDS = ("category", "activity", "responsible")
# Tolerance: the same rows and serials; each text field at least this alike (difflib's
# ratio) to what the scan itself reads as (OCR of a photo is not OCR of a scan).
SIMILAR = 0.6


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
def test_a_warped_shaded_photo_reads_to_the_rows_of_its_scan():
    from_scan = read_document(SCAN_PDF.read_bytes(), SCAN_PDF.name)["sections"][0]["items"]
    from_photo = read_document(PHOTO.read_bytes(), PHOTO.name)["sections"][0]["items"]
    assert [i["serial"] for i in from_photo] == [i["serial"] for i in from_scan]
    for scanned, photographed in zip(from_scan, from_photo, strict=True):
        for field in TEXT_FIELDS:
            alike = difflib.SequenceMatcher(None, scanned[field], photographed[field]).ratio()
            assert alike >= SIMILAR, (field, scanned[field], photographed[field])


def test_the_page_outline_is_found_and_straightened():
    image = photo.open_photo(PHOTO.read_bytes())
    found = photo.corners(image)
    assert found is not None
    (tlx, tly), (trx, _), _, (blx, bly) = found
    # make_photo's margin is a twelfth of the page, the keystone 4% of it.
    assert 200 < tlx < 320 and 180 < tly < 260 and trx > 2400
    assert blx < 320 and bly > 1750
    page = photo.straighten(image)
    assert abs(page.width / page.height - 2349 / 1668) < 0.03  # the scan's proportions


def test_light_is_evened():
    left_dark = Image.linear_gradient("L").rotate(90, expand=True).resize((400, 300))
    shaded = left_dark.point(lambda v: 130 + v // 2)  # paper from 130 to 255
    ink = (300, 140, 340, 150)  # a stroke of ink on the bright side
    shaded.paste(40, ink)
    dim = (20, 100, 60, 200)
    evened = photo.even_light(shaded)
    assert min(evened.crop(dim).get_flattened_data()) > 220  # the shade is gone
    assert min(shaded.crop(dim).get_flattened_data()) < 150  # (it was there)
    assert max(evened.crop(ink).get_flattened_data()) < 100  # the ink stays


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
def test_several_photos_zipped_make_one_document():
    import zipfile

    from udbhabon.documents.reader import read_document_detailed

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("page-2.jpg", PHOTO.read_bytes())
        archive.writestr("page-1.jpg", PHOTO.read_bytes())
        archive.writestr("notes.txt", "not a page")
    reading = read_document_detailed(out.getvalue(), "plan.zip")
    assert len(reading.ocr["pages"]) == 2  # the two photos, as pages of one reading
    items = reading.result["sections"][0]["items"]
    assert len(reading.result["sections"]) == 1 and len(items) >= 2


def test_a_zip_without_photos_is_refused():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not a page")
    with pytest.raises(ReadError) as caught:
        read_document(out.getvalue(), "plan.zip")
    assert caught.value.code == "not_a_document"


def _png(size: tuple[int, int], mode: str = "1") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 1).save(out, "PNG")
    return out.getvalue()


def test_an_image_bomb_is_refused_unread():
    bomb = _png((8000, 6000))  # 48 million pixels, a few kilobytes
    assert len(bomb) < 100_000
    with pytest.raises(ReadError) as caught:
        read_document(bomb, "page.png")
    assert caught.value.code == "photo_bomb"
    assert "ছবিটি অস্বাভাবিক বড়" in caught.value.message_bn


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"just some words, not a photo", "type_mismatch"),
        (b"\xff\xd8\xff\xe0 broken jpeg " * 20, "not_a_document"),
    ],
)
def test_a_file_named_as_a_photo_that_is_not_one_is_refused(data, code):
    with pytest.raises(ReadError) as caught:
        read_document(data, "page.jpg")
    assert caught.value.code == code
    assert any("\u0980" <= ch <= "\u09ff" for ch in caught.value.message_bn)
