"""Small request guards that apply to every page.

RejectNulMiddleware: a NUL character in the path, in a query value or in a form
value is answered 400 before any view runs. PostgreSQL text cannot hold NUL,
so such a value reaching a query (an office code, a search) raised DataError
and a 500 on several pages; no form or link of Udbhabon ever sends one. One
guard here covers every present and future view, instead of a check in each
lookup helper.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _has_nul(request.GET):
            raise BadRequest("NUL in the address")
        form = request.method == "POST" and request.content_type in FORM_TYPES
        if form and _has_nul(request.POST):
            raise BadRequest("NUL in a form value")
        return self.get_response(request)
