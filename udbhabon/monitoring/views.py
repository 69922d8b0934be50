"""Supervision pages: the office table, its export, reminders, deadlines, the digest.

Thin views: access helpers first, reads through queries, writes through services.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from bangla.fiscal import format_fiscal_year
from udbhabon.core.concurrency import conflict_status, save_or_conflict
from udbhabon.core.htmx import is_htmx
from udbhabon.core.templatetags.bn import number
from udbhabon.events import queries as event_queries
from udbhabon.events.models import EventKind
from udbhabon.monitoring import charts, exports, queries, rates, services
from udbhabon.monitoring.access import (
    office_for_supervision,
    office_to_remind,
    own_office_for_deadlines,
)
from udbhabon.monitoring.deadlines import Resolver
from udbhabon.monitoring.forms import DeadlineForm, RemindForm, TableForm
from udbhabon.monitoring.models import Deadline, DigestSubscription, Reminder
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import SignedInRequest, acting_post


def strip_words() -> dict[str, str]:
    """The month strip's states in words, translated once per request."""
    return {
        "ok": _("minutes on time"),
        "late": _("minutes late"),
        "held": _("meeting held, no minutes"),
        "missing": _("no meeting, no minutes"),
        "due": _("not yet due"),
        "none": _("month not yet come"),
    }


def strip_label(cells: list[queries.MonthCell], words: dict[str, str]) -> str:
    """The strip for screen readers and the pointer, once per row: the months of each
    state counted ("minutes on time: ৩; no meeting, no minutes: ৯") — the cells carry
    only colour and sign, so fifty rows stay light (issue 24 item 4)."""
    counts = Counter(c.state for c in cells)
    return "; ".join(f"{words[s]}: {number(n)}" for s, n in counts.items())


# A sign per month, so the strip reads without colour; months of one state in a row
# are one element (a bar of signs), not twelve boxes of markup.
STRIP_SIGNS = {"ok": "✓", "late": "!", "held": "○", "missing": "✕", "due": "·", "none": "·"}


def strip_runs(cells: list[queries.MonthCell]) -> list[tuple[str, str]]:
    return [
        (state, STRIP_SIGNS.get(state, "·") * len(list(run)))
        for state, run in groupby(c.state for c in cells)
    ]


def state_chips() -> dict[str | None, tuple[str, str]]:
    """Each paper state as (colour class, words), translated once per request."""
    none = ("none", _("Not started"))
    return {
        "accepted": ("ok", _("Accepted")),
        "submitted": ("wait", pgettext("status of a paper", "Submitted")),
        "returned": ("late", _("Returned")),
        "draft": ("none", _("Draft")),
        "none": none,
        None: none,
    }


def paper_words(p: rates.Period, year_label: str) -> str:
    """The paper a remind button is about, in words (same strings as includes/paper.html)."""
    if p.paper == "plan":
        return _("action plan %(y)s") % {"y": year_label}
    if p.paper == "report":
        if p.index == 1:
            return _("half-yearly report, July–December")
        return _("half-yearly report, January–June")
    return _("minutes of %(m)s") % {"m": services.period_label("minutes", p.period)}


def _this_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 7 else today.year - 1


def _filters(request: HttpRequest) -> dict:
    form = TableForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    return {
        "year": data.get("year") or _this_year(),
        "level": data.get("level") or None,
        "sort": data.get("sort") or "tree",
        "desc": data.get("dir") == "desc",
        "page": data.get("page") or 1,
    }


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    url = reverse("monitoring:office", kwargs={"code": post.office.code})
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@login_required
def office(request: SignedInRequest, code: str) -> HttpResponse:
    post, office = office_for_supervision(request, code)
    f = _filters(request)
    table = queries.supervision_table(
        office,
        f["year"],
        level=f["level"],
        sort=f["sort"],
        desc=f["desc"],
        page=f["page"],
        as_of=timezone.localdate(),
    )
    total = table.summary.total
    words, chips = strip_words(), state_chips()
    year_label = format_fiscal_year(table.year)
    # Words and colours computed here once per row: the template loops over up
    # to 50 rows × 12 cells, and includes or translations inside it cost most.
    for row in table.rows:
        row.strip_label = strip_label(row.strip, words)
        row.strip_runs = strip_runs(row.strip)
        st = row.stats
        states = (st.plan_state, st.report1_state, st.report2_state) if st else (None,) * 3
        row.chips = [chips.get(s, chips[None]) for s in states]
        if row.remind is not None:
            row.remind_words = paper_words(row.remind, year_label)
    context = {
        "table": table,
        "office": office,
        "post": post,
        "crumbs": office_queries.crumbs(office, post),
        "years": [
            (y, format_fiscal_year(y)) for y in queries.available_years(office, _this_year())
        ],
        "year_label": year_label,
        "bars": charts.compliance_bars(total, [p.period for p in table.months]),
        "funnel": charts.funnel(total),
        "can_remind": post.role in ("head", "innovation_officer"),
        "can_set_deadlines": post.office_id == office.pk
        and post.role in ("head", "innovation_officer"),
        "subscribed": DigestSubscription.objects.filter(post=post).exists(),
        "query": request.GET.copy(),
    }
    template = "monitoring/office.html#table" if is_htmx(request) else "monitoring/office.html"
    return render(request, template, context)


@login_required
def export(request: SignedInRequest, code: str, fmt: str) -> HttpResponseBase:
    _post, office = office_for_supervision(request, code)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    f = _filters(request)
    level = f["level"] if f["level"] in queries.levels_below(office) else None
    level = level or queries.default_level(office)
    if level not in queries.levels_below(office):
        level = queries.levels_below(office)[0]
    dates = Resolver(f["year"], office.path).for_path(office.path + "0001")
    months = rates.periods("minutes", f["year"], dates)
    today = timezone.localdate()
    rows = queries.export_rows(office, f["year"], level, months=months, as_of=today, sort=f["sort"])
    sources = queries.indicators.available_names()
    name = f"supervision-{office.code}-{f['year']}-{level}"
    response: HttpResponseBase
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.to_csv(rows, sources, months), content_type="text/csv; charset=utf-8"
        )
    else:
        data = exports.to_xlsx(rows, sources, months, title=format_fiscal_year(f["year"]))
        response = HttpResponse(
            data,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@login_required
@require_POST
def remind(request: SignedInRequest, code: str) -> HttpResponse:
    post, office = office_to_remind(request, code)
    form = RemindForm(request.POST)
    # an office below the post's (office_to_remind), so it has a parent
    above = office.parent or office
    fallback = reverse("monitoring:office", kwargs={"code": above.code})
    if not form.is_valid():
        messages.error(request, _("That reminder could not be understood; nothing was sent."))
        return redirect(_back(request, fallback))
    try:
        sent = services.reminder_send(
            office=office,
            year=form.cleaned_data["year"],
            period_key=form.cleaned_data["period"],
            post=post,
            actor=request.user,
        )
    except ValueError:
        messages.error(request, _("That reminder could not be understood; nothing was sent."))
        return redirect(_back(request, fallback))
    if sent is None:
        messages.warning(
            request,
            _("%(office)s was already reminded about this; it was not sent again.")
            % {"office": office.name},
        )
    else:
        messages.success(
            request, _("The reminder was sent to %(office)s.") % {"office": office.name}
        )
    return redirect(_back(request, fallback))


def deadline_values(row: Any) -> dict[str, Any]:
    """The deadlines as their form shows them (the saved side of a conflict)."""
    names = (
        "plan_due",
        "report1_due",
        "report2_due",
        "minutes_days",
        "remind_before_days",
        "escalate_after_days",
    )
    return {name: getattr(row, name) for name in names}


@login_required
@require_http_methods(["GET", "POST"])
def deadlines(request: SignedInRequest, code: str) -> HttpResponse:
    post, office = own_office_for_deadlines(request, code)
    try:
        year = int(request.POST.get("year") or request.GET.get("year") or _this_year())
    except ValueError:
        year = _this_year()
    current = Resolver(year, office.path)
    mine = current.by_path.get(office.path)
    applied = mine or current.for_path(office.path)
    initial = {"year": year, **deadline_values(applied)}
    version = Deadline.objects.filter(office=office, year=year).values_list("version", flat=True)
    form = DeadlineForm(request.POST or None, initial=initial, version=version.first())
    saved: Deadline | None = None
    if request.method == "POST" and form.is_valid():
        saved = save_or_conflict(
            form,
            lambda version: services.deadline_set(
                office=office,
                post=post,
                actor=request.user,
                expected_version=version,
                **form.cleaned_data,
            ),
            deadline_values,
        )
    if saved is not None:
        messages.success(request, _("The deadlines were saved for every office below."))
        return redirect(
            reverse("monitoring:office", kwargs={"code": office.code})
            + f"?year={form.cleaned_data['year']}"
        )
    return render(
        request,
        "monitoring/deadlines.html",
        {
            "office": office,
            "form": form,
            "year_label": format_fiscal_year(year),
            "inherited": mine is None,
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_POST
def digest(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    on = request.POST.get("on") == "1"
    services.digest_subscribe(post=post, on=on)
    messages.success(
        request,
        _("You will receive the weekly digest.") if on else _("The weekly digest is off."),
    )
    return redirect(_back(request, reverse("monitoring:office", kwargs={"code": post.office.code})))


@login_required
def reminders(request: SignedInRequest, code: str) -> HttpResponse:
    """The reminders sent to an office (the office's own view and its supervisors')."""
    _post, office = office_for_supervision(request, code)
    rows = (
        Reminder.objects.filter(office=office)
        .select_related("sent_by__office", "told_office")
        .order_by("-sent_at")[:100]
    )
    return render(request, "monitoring/reminders.html", {"office": office, "reminders": rows})


@login_required
def events(request: SignedInRequest, code: str) -> HttpResponse:
    """Supervision's event figures: for each office below, with everything under it,
    the events held by kind, people trained, innovation circles held against those
    scheduled, over the fiscal year (live, a fixed number of queries)."""
    post, office = office_for_supervision(request, code)
    year = _filters(request)["year"]
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
    below = list(office.children.filter(is_active=True).order_by("path"))
    rows = event_queries.supervision_figures(office, below, start, end)
    return render(
        request,
        "monitoring/events.html",
        {
            "office": office,
            "crumbs": office_queries.crumbs(office, post),
            "rows": [(r, [r.held_by_kind.get(k, 0) for k in EventKind.values]) for r in rows],
            "kinds": EventKind.choices,
            "year": year,
            "year_label": format_fiscal_year(year),
        },
    )
