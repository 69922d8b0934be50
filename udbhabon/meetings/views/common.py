"""What the meetings pages share: breadcrumbs, error texts, small parameter readers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import acting_post


def crumbs(request: HttpRequest, office: Any) -> list[Any]:
    """offices.queries.crumbs for the acting post."""
    return office_queries.crumbs(office, acting_post(request))


def office_posts(office: Any) -> list[Any]:
    return office_queries.posts_with_holders([office])


def date_param(request: HttpRequest, name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get(name) or request.POST.get(name) or "")
    except ValueError:
        return None


def int_param(value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise Http404 from exc


def page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def back_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
