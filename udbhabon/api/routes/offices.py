"""The office tree: GET /offices (?under=, ?level=) and GET /offices/{code}."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from udbhabon.api.errors import ERRORS
from udbhabon.api.http import conditional, page
from udbhabon.api.routes.common import office_scope
from udbhabon.offices.access import office_for_view
from udbhabon.offices.models import Office

router = Router(tags=["offices"])


class OfficeOut(Schema):
    code: str
    name_bn: str
    name_en: str
    level: str
    parent: str | None
    depth: int
    is_active: bool
    version: int


class OfficePage(Schema):
    results: list[OfficeOut]
    next: str | None


def office_out(office: Office, parent_code: str | None) -> dict:
    return {
        "code": office.code,
        "name_bn": office.name_bn,
        "name_en": office.name_en,
        "level": office.level,
        "parent": parent_code,
        "depth": office.depth,
        "is_active": office.is_active,
        "version": office.version,
    }


@router.get("/offices", response={200: OfficePage, **ERRORS}, summary="Offices the token sees")
def list_offices(
    request: HttpRequest,
    response: HttpResponse,
    under: str | None = None,
    level: Office.Level | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """The token's office and everything below it; `under` narrows to one subtree."""
    qs = Office.objects.filter(office_scope(request, under, field="path")).select_related("parent")
    if level:
        qs = qs.filter(level=level)
    rows, nxt = page(qs, key="path", cursor=cursor, limit=limit)
    data = {
        "results": [office_out(o, o.parent.code if o.parent else None) for o in rows],
        "next": nxt,
    }
    return conditional(request, response, data)


@router.get("/offices/{code}", response={200: OfficeOut, **ERRORS}, summary="One office")
def get_office(request: HttpRequest, response: HttpResponse, code: str) -> Any:
    office = office_for_view(request, code)
    data = office_out(office, office.parent.code if office.parent else None)
    return conditional(request, response, data, office)
