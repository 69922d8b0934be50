"""The ledger's downloads: CSV and JSON of one office's ledger, schema version 1
(docs/OPEN-DATA.md). Column names and their order never change within a version; a
change of meaning or a removed column makes a new version."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from udbhabon.offices.models import Office
from udbhabon.portal.ledger import Figures, Ledger, ledger_of

SCHEMA_VERSION = "1"
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
COLUMNS = (
    "schema_version",
    "row",  # total: the office and everything below; own: its own; child: an office below
    "office_code",
    "office_level",
    "office_name_bn",
    "office_name_en",
    "parent_code",
    "verified_initiatives",
    "hours_saved_per_year",
    "taka_saved_per_year",
    "visits_saved_per_year",
)


def _row(kind: str, office: Office, parent: str, figures: Figures) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "row": kind,
        "office_code": office.code,
        "office_level": office.level,
        "office_name_bn": office.name_bn,
        "office_name_en": office.name_en,
        "parent_code": parent,
        "verified_initiatives": figures.initiatives,
        "hours_saved_per_year": figures.hours,
        "taka_saved_per_year": figures.taka,
        "visits_saved_per_year": figures.visits,
    }


def rows(ledger: Ledger, parent_code: str) -> list[dict[str, Any]]:
    office = ledger.office
    return [
        _row("total", office, parent_code, ledger.total),
        _row("own", office, parent_code, ledger.own),
        *(_row("child", r.office, office.code, r.figures) for r in ledger.children),
    ]


def as_csv(ledger: Ledger, parent_code: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(ledger, parent_code))
    return "\ufeff" + out.getvalue()  # a byte-order mark: spreadsheets read it as UTF-8


def as_json(ledger: Ledger, parent_code: str) -> str:
    replicated = [
        {
            "initiative_id": lin.origin.pk,
            "title": lin.origin.title,
            "office_code": lin.origin.office.code,
            "replications": lin.replications,
            "verified_initiatives": lin.figures.initiatives,
            "hours_saved_per_year": lin.figures.hours,
            "taka_saved_per_year": lin.figures.taka,
            "visits_saved_per_year": lin.figures.visits,
        }
        for lin in ledger.replicated
    ]
    body = {
        "schema_version": SCHEMA_VERSION,
        "office_code": ledger.office.code,
        "columns": list(COLUMNS),
        "rows": rows(ledger, parent_code),
        "most_replicated": replicated,
    }
    return json.dumps(body, ensure_ascii=False, indent=1)


def download(office: Office, fmt: str) -> tuple[str, str]:
    """An office's ledger as `fmt` ("csv" or "json") and its file name: the one body
    the portal's downloads and the API's open routes (/api/v1/open/) both send."""
    data = ledger_of(office)
    parent = office.parent.code if office.parent else ""
    body = as_csv(data, parent) if fmt == "csv" else as_json(data, parent)
    return body, f"udbhabon-ledger-{office.code}-v{SCHEMA_VERSION}.{fmt}"
