"""Open data without a token: the public impact ledger of an office, as JSON and CSV.

The very bodies of the portal's downloads (/portal/ledger/<code>/ledger.json|csv),
made once by portal.opendata.download from the cached ledger (portal.ledger): schema
version 1 of docs/OPEN-DATA.md, published under CC BY 4.0. No personal data: offices'
codes and names, counts and sums of verified savings, initiatives' titles. Rate limited
per address (portal.throttle "open_ip"), as the ideas' routes without a token are.
"""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from udbhabon.api.errors import ERRORS, ApiError
from udbhabon.api.http import conditional
from udbhabon.core.http import client_ip
from udbhabon.offices.models import Office
from udbhabon.portal import ledger, opendata, throttle

router = Router(tags=["open data"])

_CODE = re.compile(r"[-a-zA-Z0-9_]+")  # an office's code, as in the portal's URLs
_SAVED = "(before − after) × recipients a year, summed over verified initiatives"


class LedgerRowOut(Schema):
    schema_version: str = Field(description='"1"')
    row: str = Field(
        description="total: the office and every office below it; own: its own initiatives; "
        "child: one office directly below it, with everything below that office"
    )
    office_code: str
    office_level: str = Field(description="cabinet, division, district, upazila or department")
    office_name_bn: str
    office_name_en: str = Field(description="may be empty")
    parent_code: str = Field(
        description="total and own: the office above (empty for the root); "
        "child: the office whose ledger this is"
    )
    verified_initiatives: int = Field(description="initiatives counted")
    hours_saved_per_year: int = Field(description=f"citizens' hours: {_SAVED}")
    taka_saved_per_year: int = Field(description=f"citizens' taka: {_SAVED}")
    visits_saved_per_year: int = Field(description=f"visits to offices: {_SAVED}")


class ReplicatedOut(Schema):
    initiative_id: int = Field(description="the origin; its page /portal/initiatives/<id>/")
    title: str
    office_code: str = Field(description="the origin's office")
    replications: int = Field(description="adoptions not dropped")
    verified_initiatives: int = Field(description="verified ones of the origin and adoptions")
    hours_saved_per_year: int
    taka_saved_per_year: int
    visits_saved_per_year: int


class LedgerOut(Schema):
    schema_version: str = Field(description='"1" (docs/OPEN-DATA.md)')
    office_code: str = Field(description="the office whose ledger this is")
    columns: list[str] = Field(description="the CSV's columns, in order")
    rows: list[LedgerRowOut] = Field(description="total, own, then one row per office below")
    most_replicated: list[ReplicatedOut] = Field(
        description="up to ten origins of the office's subtree with the most adoptions"
    )


def _download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The portal's body and file name for an active office; 404 else, 429 over the limit."""
    if not throttle.hit("open_ip", client_ip(request)):
        raise ApiError(429, "rate_limited", _("Too many requests from here: wait and retry."))
    if not _CODE.fullmatch(code):
        raise Http404
    try:
        office = ledger.public_office(code)
    except Office.DoesNotExist as exc:
        raise Http404 from exc
    body, name = opendata.download(office, fmt)
    response = HttpResponse(body, content_type=opendata.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    conditional(request, response, body)  # the ETag, or 304 for a matching If-None-Match
    return response


@router.get(
    "/open/ledger/{code}",
    response={200: LedgerOut, **ERRORS},
    auth=None,
    summary="An office's impact ledger (JSON, open data)",
)
def open_ledger(request: HttpRequest, code: str) -> Any:
    """No token. `cabinet` is the national ledger. The body of the portal's ledger.json,
    schema version 1, published under CC BY 4.0."""
    return _download(request, code, "json")


CSV_RESPONSE = {
    "description": "The portal's ledger.csv: UTF-8 with a byte-order mark, a header row, "
    "CRLF line ends; the columns of the JSON's `columns`.",
    "content": {"text/csv": {"schema": {"type": "string"}}},
}


@router.get(
    "/open/ledger/{code}/csv",
    response=ERRORS,
    auth=None,
    summary="An office's impact ledger (CSV, open data)",
    openapi_extra={"responses": {200: CSV_RESPONSE}},
)
def open_ledger_csv(request: HttpRequest, code: str) -> Any:
    """No token. The body of the portal's ledger.csv, schema version 1, under CC BY 4.0."""
    return _download(request, code, "csv")
