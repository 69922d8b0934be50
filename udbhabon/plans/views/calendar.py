"""The office's calendar of plan items and its iCalendar feed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN, WEEKDAYS_BN, WEEKDAYS_EN
from bangla.digits import localize_digits
from udbhabon.core.lang import current_lang
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, office_for_view
from udbhabon.offices.models import Office
from udbhabon.offices.queries import current_posts
from udbhabon.plans import feed_keys, ics, queries
from udbhabon.plans.forms import (
    parse_month,
)
from udbhabon.plans.models import (
    ActionPlan,
)
from udbhabon.plans.queries.calendar import other_entries
from udbhabon.plans.views.common import crumbs


@login_required
@require_GET
def calendar_month(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    today = timezone.localdate()
    plan = (
        queries.current_plan(office, today)
        or ActionPlan.objects.filter(office=office).order_by("-year").first()
    )
    default = (
        today
        if plan is None or plan.period_start <= today <= plan.period_end
        else (plan.period_start)
    )
    first = parse_month(request.GET.get("month"), default)
    entries = queries.month_entries(office, first.year, first.month)
    weeks = _weeks(first)
    prev_month = (first - dt.timedelta(days=1)).replace(day=1)
    next_month = (first + dt.timedelta(days=32)).replace(day=1)
    key = feed_keys.make_key(request.user, office.code)
    feed = request.build_absolute_uri(reverse("plans:ics", args=[office.code])) + f"?key={key}"
    return render(
        request,
        "plans/calendar.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "first": first,
            "weeks": [[(d, entries.get(d, [])) for d in week] for week in weeks],
            "prev_month": prev_month.strftime("%Y-%m"),
            "next_month": next_month.strftime("%Y-%m"),
            "feed_url": feed,
            "today": today,
            "entry_count": sum(len(v) for v in entries.values()),
            "month_label": _month_label(first),
            "weekday_names": _weekday_names(),
        },
    )


def _month_label(first: dt.date) -> str:
    names = GREGORIAN_MONTHS_EN if current_lang() == "en" else GREGORIAN_MONTHS_BN
    return localize_digits(f"{names[first.month - 1]} {first.year}", current_lang())


def _weekday_names() -> list[str]:
    """Saturday to Friday."""
    names = WEEKDAYS_EN if current_lang() == "en" else WEEKDAYS_BN
    return [names[(5 + i) % 7] for i in range(7)]


def _weeks(first: dt.date) -> list[list[dt.date]]:
    """The weeks (Saturday first, as calendars in Bangladesh are printed) covering the month."""
    start = first - dt.timedelta(days=(first.weekday() - 5) % 7)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    weeks = []
    day = start
    while day <= last:
        weeks.append([day + dt.timedelta(days=i) for i in range(7)])
        day += dt.timedelta(days=7)
    return weeks


@require_GET
def calendar_ics(request: HttpRequest, code: str) -> HttpResponse:
    """The office's plan as an iCalendar feed. Phones subscribe without signing in, so
    the link carries a signed key naming the officer; the key works only while that
    officer's posts may see the office."""
    key = request.GET.get("key")
    if key:
        user = feed_keys.key_user(key, code)  # None when forged, expired or rotated
        office = Office.objects.filter(code=code).first()
        if user is None or office is None:
            raise PermissionDenied
        if not any(permissions.can_view(p, office) for p in current_posts(user)):
            raise PermissionDenied
    else:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        office = office_for_view(request, code)
    today = timezone.localdate()
    others = other_entries(office, today - dt.timedelta(days=366), today + dt.timedelta(days=731))
    body = ics.office_calendar(office, queries.calendar_items(office), others)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{office.code}.ics"'
    return response
