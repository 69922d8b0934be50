"""PDFs: the seeds laid out with an exact text layer, and Udbhabon's own attached JSON.

The fixtures come from ``reader_fixtures.pdfmaker``: every character drawn with
its own glyph and mapped back by ToUnicode, so the text layer is exact and only
the table recovery is under test. With ruled cells (as Word and LibreOffice
export tables) four seeds read exactly; 001's activity cells hold a nested
table, which a PDF's text layer cannot tell apart from the cell's own text.
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable

import pytest

from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.reader import ReadError, read_document, read_document_detailed
from udbhabon.documents.reader.validate import ContractError, filtered
from udbhabon.documents.tests.reader_fixtures import compare, pdfmaker

# The fixture wraps lines only at spaces, so "সহযোগিতায়- মুহাম্মদ" (002) and "(যেমন- ফেসবুক)"
# (004) break at their space right after a hyphen. Word and LibreOffice also break
# after a hyphen inside a word, and 60 of the 63 hyphens after a letter in the seeds
# are inside words (ই-ফাইলিং), so a line ending "letter-" reads as a compound.
HYPHEN_AT_SPACE = {"002_4831377ba12a5da2", "004_93ad764a4d482cea"}
EXACT = [
    pytest.param(
        name,
        marks=pytest.mark.xfail(name in HYPHEN_AT_SPACE, reason="wrap at 'X- Y'", strict=True),
    )
    for name in compare.SEED_NAMES
    if not name.startswith("001")
]


@pytest.mark.slow
@pytest.mark.parametrize("name", EXACT)
def test_it_reads_a_ruled_pdf_of_the_seed_exactly(name: str) -> None:
    data = pdfmaker.txt_to_pdf(compare.seed_text(name))
    problems = compare.compare(compare.expected(name), read_document(data, f"{name}.pdf"))
    assert not problems, "\n".join(problems)


# Borderless tables (no ruling lines): columns from the headings' positions.
BORDERLESS_EXACT = ["000_8aa6ba074c4abe5e", "002_4831377ba12a5da2", "003_3399e0873caf543a"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(name in HYPHEN_AT_SPACE, reason="wrap at 'X- Y'", strict=True),
        )
        for name in BORDERLESS_EXACT
    ],
)
def test_it_reads_a_borderless_pdf_table_from_word_positions(name: str) -> None:
    data = pdfmaker.txt_to_pdf(compare.seed_text(name), ruled=False)
    problems = compare.compare(compare.expected(name), read_document(data, f"{name}.pdf"))
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_a_nested_table_in_a_pdf_cell_is_kept_as_text_not_lost() -> None:
    name = "001_3627afb098a031ac"
    got = read_document(pdfmaker.txt_to_pdf(compare.seed_text(name)), f"{name}.pdf")
    want = compare.expected(name)
    section = got["sections"][0]
    assert len(section["items"]) == len(want["sections"][0]["items"])
    assert section["letter"] == want["sections"][0]["letter"]
    # Items 3–20 read as in the .txt; the nested tables of items 1–2 stay visible.
    for got_item, want_item in zip(
        section["items"][2:], want["sections"][0]["items"][2:], strict=True
    ):
        assert got_item == want_item
    texts = " ".join(json.dumps(item, ensure_ascii=False) for item in section["items"][:2])
    texts += " ".join(warning["message"] for warning in got["warnings"])
    assert "প্রথম সার্কেল" in texts and "হরিপুর" in texts


@pytest.mark.slow
def test_it_reads_pages_and_cells_with_their_positions() -> None:
    name = "003_3399e0873caf543a"
    data = pdfmaker.txt_to_pdf(compare.seed_text(name))
    reading = read_document_detailed(data, f"{name}.pdf")
    assert reading.format == "pdf" and not reading.from_attachment
    pages = {line.source.page for line in reading.lines}
    assert pages >= {1, 2}
    first = reading.sections[0].items[0].fields["discussion"]
    assert first.sources[0].page == 1 and first.sources[0].column == 2


def _udbhabon_pdf(payload: bytes, name: str = "003_3399e0873caf543a") -> bytes:
    """The seed printed on the pages, with ``payload`` attached as Udbhabon's JSON."""
    return pdfmaker.txt_to_pdf(compare.seed_text(name), attachment=(ATTACHMENT_NAME, payload))


# The fixture cannot print 001's 18-column table legibly (its words overflow the
# 1 cm cells), so the page does not show what the JSON says; Udbhabon's own
# writer prints it whole (test_writer_roundtrip).
@pytest.mark.parametrize(
    "name", [name for name in compare.SEED_NAMES if name != "001_3627afb098a031ac"]
)
def test_it_returns_the_json_an_udbhabon_pdf_carries(name: str) -> None:
    want = compare.expected(name)
    reading = read_document_detailed(_udbhabon_pdf(json.dumps(want).encode(), name), "plan.pdf")
    assert reading.from_attachment
    assert reading.result == want
    assert reading.notices == []


def test_it_keeps_only_contract_keys_from_an_attachment() -> None:
    want = compare.expected("003_3399e0873caf543a")
    extra = copy.deepcopy(want)
    extra["generator"] = "udbhabon"
    extra["sections"][0]["office_id"] = 17
    extra["sections"][0]["items"][0]["internal"] = True
    got = read_document(_udbhabon_pdf(json.dumps(extra).encode()), "minutes.pdf")
    assert got == want
    assert list(got["sections"][0]) == list(want["sections"][0])


@pytest.mark.parametrize(
    "payload",
    [b"not json", b"[]", json.dumps({"sections": [{"kind": "poem"}], "warnings": []}).encode()],
)
def test_an_invalid_attachment_is_ignored_and_the_text_is_read(payload: bytes) -> None:
    text = compare.seed_text("004_93ad764a4d482cea")
    data = pdfmaker.txt_to_pdf(text, attachment=(ATTACHMENT_NAME, payload))
    reading = read_document_detailed(data, "plan.pdf")
    assert not reading.from_attachment
    assert len(reading.result["sections"][0]["items"]) == 28


def test_an_attachment_that_claims_what_the_page_does_not_print_is_not_imported() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    want = compare.expected("002_4831377ba12a5da2")
    attachment = weasyprint.Attachment(string=json.dumps(want), name=ATTACHMENT_NAME)
    pdf = weasyprint.HTML(string="<p>বার্ষিক ইনোভেশন কর্মপরিকল্পনা</p>").write_pdf(
        attachments=[attachment]
    )
    # The page shows one line and no table: nothing is imported at all.
    with pytest.raises(ReadError) as caught:
        read_document(pdf, "plan.pdf")
    assert caught.value.code == "no_table_header"


def _tampered(name: str, change: Callable[[dict], None]) -> bytes:
    carried = copy.deepcopy(compare.expected(name))
    change(carried)
    return _udbhabon_pdf(json.dumps(carried, ensure_ascii=False).encode(), name)


def _new_activity(doc: dict) -> None:
    doc["sections"][0]["items"][2]["activity"] = "সব বরাদ্দ একটি অজানা হিসাবে পাঠানো হবে"


def _new_dates(doc: dict) -> None:
    schedule = doc["sections"][0]["items"][0]["schedule"]
    schedule["start"], schedule["end"] = "2016-03-01", "2016-03-31"


@pytest.mark.slow
@pytest.mark.parametrize("change", [_new_activity, _new_dates], ids=["text", "dates"])
def test_a_tampered_attachment_is_set_aside_for_the_printed_text(change) -> None:
    name = "000_8aa6ba074c4abe5e"
    reading = read_document_detailed(_tampered(name, change), "plan.pdf")
    assert not reading.from_attachment
    assert [notice["code"] for notice in reading.notices] == ["attachment_disagrees"]
    assert "মেলেনি" in reading.notices[0]["message"]
    problems = compare.compare(compare.expected(name), reading.result)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", compare.SEED_NAMES)
def test_every_expected_file_passes_the_contract_check_unchanged(name: str) -> None:
    want = compare.expected(name)
    assert filtered(want) == want


def test_the_contract_check_names_the_problem() -> None:
    broken = copy.deepcopy(compare.expected("003_3399e0873caf543a"))
    broken["sections"][0]["meeting"]["time"] = "10.10"
    with pytest.raises(ContractError, match="time"):
        filtered(broken)
    broken = copy.deepcopy(compare.expected("000_8aa6ba074c4abe5e"))
    broken["warnings"][0]["item"] = 99
    with pytest.raises(ContractError, match="item"):
        filtered(broken)


def _with_attachment(pdf: bytes, payload: dict) -> bytes:
    """The same printed pages, with ``payload`` attached instead of the writer's JSON."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))  # pages only: the old attachment stays out
    writer.add_attachment(ATTACHMENT_NAME, json.dumps(payload, ensure_ascii=False).encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.slow
def test_udbhabons_own_minutes_read_from_the_print_when_the_attachment_is_tampered() -> None:
    from udbhabon.documents.writers import write_document

    name = "003_3399e0873caf543a"
    want = compare.expected(name)
    printed = write_document(want, "pdf")
    honest = read_document_detailed(printed, "minutes.pdf")
    assert honest.from_attachment and honest.result == want
    tampered = copy.deepcopy(want)
    tampered["sections"][0]["items"][0]["decision"] = "সব দপ্তর এক মাস বন্ধ থাকবে।"
    reading = read_document_detailed(_with_attachment(printed, tampered), "minutes.pdf")
    assert not reading.from_attachment
    assert [notice["code"] for notice in reading.notices] == ["attachment_disagrees"]
    # The page, repeated headers and page numbers included, reads back exactly.
    problems = compare.compare(want, reading.result)
    assert not problems, "\n".join(problems)
