"""Read back (issue 16, item 7): every paper kind written as PDF, DOCX and XLSX and read
through the reader gives the record again (the import contract: contract_document).

A letter alone and a meeting's notice have no table, which the contract needs: the
reader refuses them with its "no table" message rather than guessing a paper.
"""

from __future__ import annotations

import pytest

from udbhabon.documents.reader import read_document
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.tests.paper_kinds import paper_kinds
from udbhabon.documents.writers import contract_document, write_document

KINDS = paper_kinds()
TABLED = [name for name in KINDS if name not in ("letter", "notice")]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
@pytest.mark.parametrize("name", TABLED)
def test_every_paper_reads_back_as_its_record(name, fmt):
    doc = KINDS[name]
    back = read_document(write_document(doc, fmt), f"{name}.{fmt}")
    assert back["sections"] == contract_document(doc)["sections"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("name", ["letter", "notice"])
def test_a_paper_without_a_table_is_refused_not_guessed(name, fmt):
    with pytest.raises(ReadError):
        read_document(write_document(KINDS[name], fmt), f"{name}.{fmt}")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_agenda_items_not_yet_decided_read_back_with_no_implementer(fmt):
    """Minutes being written: items without a decision have an empty implementer cell,
    which is empty — not the merged cell of the item above."""
    import copy

    doc = copy.deepcopy(KINDS["minutes"])
    doc["sections"][0]["items"][1].update(discussion="", decision="", implementer="")
    back = read_document(write_document(doc, fmt), f"minutes.{fmt}")
    assert back["sections"] == contract_document(doc)["sections"]
