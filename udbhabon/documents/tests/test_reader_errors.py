"""Bad input gets one clear message in the user's language, and nothing is read."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.utils import translation

from udbhabon.documents.reader import MESSAGES, ReadError, read_document, read_path
from udbhabon.documents.tests.reader_fixtures import compare, convert, pdfmaker

_BENGALI = re.compile("[\u0980-\u09ff]{3}")
PLAN = compare.seed_text("004_93ad764a4d482cea")
BIJOY = (
    "MYcÖRvZš¿x evsjv‡`k miKvi\n‡Rjv cÖkvmK Gi Kvh©vjq, XvKv\n"
    "µwgK\twelq\tKvh©µg\tmgqmxgv\n1\tBš^‡bvfkb\tKg©kvjv Av‡qvRb\tRyb 2017\n"
)


def _error(data: bytes, name: str, **kwargs: int) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_document(data, name, **kwargs)
    return caught.value


def _assert_bengali(error: ReadError) -> None:
    assert _BENGALI.search(str(error.message)), error.message
    assert _BENGALI.search(error.message_bn)
    assert error.message_en.isascii()
    assert "\n" not in error.one_line()


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\n \u00a0\n".encode()])
def test_it_refuses_an_empty_file(data: bytes) -> None:
    error = _error(data, "plan.txt")
    assert error.code == "empty"
    _assert_bengali(error)


@pytest.mark.parametrize("name", ["plan.doc", "plan.gif", "plan", "plan.csv", "plan.odt"])
def test_it_refuses_a_type_it_cannot_read(name: str) -> None:
    error = _error(PLAN.encode(), name)
    assert error.code == "unsupported_type"
    _assert_bengali(error)


def _pdf() -> bytes:
    return pdfmaker.txt_to_pdf(PLAN)


def _docx() -> bytes:
    return convert.txt_to_docx(PLAN)


def _xlsx() -> bytes:
    return convert.txt_to_xlsx(PLAN)


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (_pdf, "plan.docx"),
        (_docx, "plan.pdf"),
        (_xlsx, "plan.docx"),
        (_docx, "plan.xlsx"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.pdf"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "plan.docx"),
        (_pdf, "plan.txt"),
    ],
)
def test_it_refuses_a_file_whose_content_is_another_type(make: object, name: str) -> None:
    error = _error(make(), name)  # type: ignore[operator]
    assert error.code in {"type_mismatch", "not_a_document"}
    assert error.code == "type_mismatch" or name.endswith(".txt")
    _assert_bengali(error)


def test_it_refuses_binary_garbage_named_txt() -> None:
    error = _error(bytes(range(256)) * 20, "plan.txt")
    assert error.code == "not_a_document"
    _assert_bengali(error)


def test_it_refuses_a_password_protected_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password="গোপন-123", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    error = _error(buffer.getvalue(), "plan.pdf")
    assert error.code == "encrypted"
    _assert_bengali(error)


def test_it_says_a_scanned_pdf_has_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from udbhabon.documents.reader import ocr

    pdf = pdfmaker.Pdf()
    page = pdf.new_page()
    for step in range(20):  # a drawing, as a scan's page is only pictures
        pdf.line(page, 36, 100 + step * 20, 500, 100 + step * 20)
    # Read by OCR, which finds only ruling lines and no letters.
    error = _error(pdf.build(), "scan.pdf")
    assert error.code == "scan_no_text"
    assert "লেখা চেনা গেল না" in error.message_bn
    _assert_bengali(error)
    # Without Tesseract: refused as having no text at all.
    monkeypatch.setattr(ocr, "available", lambda: False)
    error = _error(pdf.build(), "scan.pdf")
    assert error.code == "no_text_layer"
    assert "লেখা নেই" in error.message_bn
    _assert_bengali(error)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"])
def test_it_reads_text_in_a_legacy_bijoy_font_as_unicode(encoding: str) -> None:
    result = read_document(BIJOY.encode(encoding), "plan.txt")
    assert result["sections"][0]["items"][0]["activity"] == "কর্মশালা আয়োজন"


def test_it_reads_a_word_file_in_a_legacy_font_as_unicode() -> None:
    result = read_document(convert.txt_to_docx(BIJOY), "plan.docx")
    assert result["sections"][0]["items"][0]["activity"] == "কর্মশালা আয়োজন"


def test_it_refuses_a_file_over_the_size_limit() -> None:
    error = _error(PLAN.encode(), "plan.txt", max_bytes=1000)
    assert error.code == "too_large"
    _assert_bengali(error)


def test_read_path_refuses_a_large_file_before_reading_it(tmp_path: object) -> None:
    path = tmp_path / "big.txt"  # type: ignore[operator]
    path.write_bytes(b"x" * 5000)
    with pytest.raises(ReadError) as caught:
        read_path(path, max_bytes=100)
    assert caught.value.code == "too_large"


def _bomb(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in members.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "members"),
    [
        (
            "plan.docx",
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w:document>" + b" " * 40_000_000,
            },
        ),
        (
            "plan.xlsx",
            {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
            | {f"xl/worksheets/sheet{n}.xml": b"0" * 30_000_000 for n in range(6)},
        ),
    ],
)
def test_it_refuses_a_zip_bomb_disguised_as_an_office_file(name: str, members: dict) -> None:
    error = _error(_bomb(members), name)
    assert error.code == "zip_bomb"
    _assert_bengali(error)


def test_it_refuses_an_office_file_with_an_entity_expansion_attack() -> None:
    document = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document>&b;</w:document>'
    )
    data = _bomb({"[Content_Types].xml": b"<Types/>", "word/document.xml": document})
    error = _error(data, "plan.docx")
    assert error.code == "not_a_document"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx", ".pdf"])
def test_it_refuses_a_table_with_no_recognisable_header(suffix: str) -> None:
    text = (
        "জেলা প্রশাসকের কার্যালয়, ঢাকা\n\n"
        "নাম\tবয়স\tঠিকানা\nরহিম\t৩০\tঢাকা\nকরিম\t৪০\tখুলনা\n\n"
        "এটি একটি সাধারণ তালিকা, কোনো কর্মপরিকল্পনা নয়।\n"
    )
    data = {
        ".txt": text.encode(),
        ".docx": convert.txt_to_docx(text),
        ".xlsx": convert.txt_to_xlsx(text),
        ".pdf": pdfmaker.txt_to_pdf(text),
    }[suffix]
    error = _error(data, "list" + suffix)
    assert error.code == "no_table_header"
    _assert_bengali(error)


def test_it_refuses_a_damaged_word_file() -> None:
    data = _docx()
    error = _error(data[: len(data) // 2], "plan.docx")
    assert error.code == "not_a_document"


def test_it_speaks_english_when_english_is_active() -> None:
    error = _error(b"", "plan.txt")
    with translation.override("en"):
        assert str(error.message) == MESSAGES["empty"].en
    with translation.override("bn"):
        assert str(error.message) == MESSAGES["empty"].bn


def test_every_code_has_both_languages() -> None:
    for code, message in MESSAGES.items():
        assert _BENGALI.search(message.bn), code
        assert message.en.isascii(), code
