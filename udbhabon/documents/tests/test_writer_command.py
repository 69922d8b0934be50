"""render_document: read a document and write it out again, no database involved."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdf
import pytest
from django.core.management import CommandError, call_command

from udbhabon.documents.contract import ATTACHMENT_NAME

ROOT = Path(__file__).resolve().parents[3]
EXPECTED = ROOT / "data" / "seeds" / "expected"


def test_it_writes_a_contract_json_as_pdf_with_the_data_attached(tmp_path):
    source = EXPECTED / "004_93ad764a4d482cea.json"
    out = tmp_path / "plan.pdf"
    call_command("render_document", str(source), "--format", "pdf", "-o", str(out))
    (raw,) = pypdf.PdfReader(out).attachments[ATTACHMENT_NAME]
    # the data is the document as printed: its memo date in both calendars
    from udbhabon.documents.writers import contract_document

    expected = contract_document(json.loads(source.read_text("utf-8")))
    assert expected["sections"][0]["letter"]["bangla_date"] == {
        "day": 3,
        "month": "ফাল্গুন",
        "year": 1422,
    }
    assert json.loads(raw) == expected


def test_it_reads_a_document_through_the_reader_and_writes_docx(tmp_path):
    pytest.importorskip("udbhabon.documents.reader")
    pdf = tmp_path / "minutes.pdf"
    call_command(
        "render_document",
        str(EXPECTED / "003_3399e0873caf543a.json"),
        "-f",
        "pdf",
        "-o",
        str(pdf),
    )
    out = tmp_path / "minutes.docx"
    call_command("render_document", str(pdf), "-f", "docx", "-o", str(out))
    table = docx.Document(io.BytesIO(out.read_bytes())).tables[0]
    assert table.rows[0].cells[4].text == "বাস্তবায়নকারী"
    assert len(table.rows) == 8


def test_it_writes_the_progress_sheet_of_a_plan(tmp_path):
    out = tmp_path / "progress.xlsx"
    source = EXPECTED / "001_3627afb098a031ac.json"
    call_command("render_document", str(source), "-f", "progress", "-o", str(out))
    from udbhabon.documents.writers import read_progress_sheet

    assert len(read_progress_sheet(out.read_bytes())) == 20


def test_minutes_have_no_progress_sheet(tmp_path):
    source = EXPECTED / "003_3399e0873caf543a.json"
    with pytest.raises(CommandError, match="no action plan"):
        call_command("render_document", str(source), "-f", "progress", "-o", str(tmp_path / "x"))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("render_document", str(tmp_path / "nope.docx"), "-f", "pdf", "-o", "-")


def test_only_a_task_worker_warms_the_pdf_writer_at_start():
    from udbhabon.documents.apps import is_task_worker

    assert is_task_worker(["manage.py", "db_worker", "--interval", "1"])
    assert not is_task_worker(["manage.py", "runserver"])
    assert not is_task_worker(["manage.py"])
