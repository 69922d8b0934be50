"""The office's meetings: the list, a new meeting or schedule, one meeting, received minutes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangla.schedules import describe, parse_schedule
from udbhabon.core.errors import errors_to_form
from udbhabon.core.htmx import is_htmx
from udbhabon.core.lang import current_lang
from udbhabon.core.templatetags.bn import digits
from udbhabon.meetings import access, queries, services
from udbhabon.meetings.document import meeting_as_section, paper
from udbhabon.meetings.forms import (
    CorrectForm,
    MeetingForm,
    MonthFilterForm,
    ScheduleForm,
)
from udbhabon.meetings.models import Meeting
from udbhabon.meetings.views.common import crumbs, date_param, office_posts, page_number
from udbhabon.meetings.views.history import link_versions
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view


@login_required
@require_GET
def office_meetings(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    upcoming, past = queries.office_meetings(office)
    schedules = queries.office_schedules(office)
    lang = current_lang()
    return render(
        request,
        "meetings/office.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "upcoming": upcoming,
            "past": past,
            "schedules": [(s, describe(s.rule, lang)) for s in schedules],
            "counts": queries.action_counts(office),
            "can_edit": permissions.can_edit(post, office),
            "has_below": office.children.exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: SignedInRequest, code: str) -> HttpResponse:
    office = access.office_for_edit(request, code)
    posts = office_posts(office)
    form = MeetingForm(request.POST or None, office_posts=posts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(
                office=office,
                date=data["date"],
                kind=data["kind"],
                title=data["title"],
                time=data["time"],
                place=data["place"],
                chair_post=data["chair_post"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The meeting was created and its agenda prepared."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/new.html",
        {"office": office, "form": form, "crumbs": crumbs(request, office)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_new(request: SignedInRequest, code: str) -> HttpResponse:
    office = access.office_for_edit(request, code)
    posts = office_posts(office)
    form = ScheduleForm(request.POST or None, office_posts=posts)
    lang = current_lang()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            schedule = services.schedule_create(
                office=office,
                text=data["text"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                kind=data["kind"],
                time=data["time"],
                place=data["place"],
                chair_post=data["chair_post"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            count = schedule.meetings.count()
            messages.success(
                request,
                _("Understood as “%(rule)s”: %(count)s meetings planned.")
                % {"rule": describe(schedule.rule, lang), "count": digits(count)},
            )
            return redirect("meetings:office", code=office.code)
    preview = _schedule_preview(request, form, lang)
    template = "meetings/schedule.html#preview" if is_htmx(request) else "meetings/schedule.html"
    return render(
        request,
        template,
        {"office": office, "form": form, "preview": preview, "crumbs": crumbs(request, office)},
        status=400 if form.errors else 200,
    )


@dataclass
class Preview:
    text: str
    understood: str = ""
    dates: list[dt.date] = field(default_factory=list)
    more: int = 0


def _schedule_preview(request: HttpRequest, form: ScheduleForm, lang: str) -> Preview | None:
    """What the typed schedule is understood as, with its first dates (GET ?text=...)."""
    text = (
        request.GET.get("text") or (form.data.get("text") if form.is_bound else "") or ""
    ).strip()
    if not text:
        return None
    today = timezone.localdate()
    start = date_param(request, "starts_on") or form.initial.get("starts_on") or today
    end = date_param(request, "ends_on") or form.initial.get("ends_on") or today
    if end < start:
        return Preview(text)
    rule = parse_schedule(text[:255], "", (start, end)).schedule
    if rule["kind"] not in ("recurring", "occurrences"):
        return Preview(text)
    from bangla.schedules import expand

    dates = expand(rule, start, end)
    return Preview(text, describe(rule, lang), dates[:6], max(0, len(dates) - 6))


@login_required
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk)
    post = acting_post(request)
    office = meeting.office
    items = list(meeting.items.all())
    section = meeting_as_section(meeting)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "office": office,
            "crumbs": crumbs(request, office),
            "paper": paper(section),
            "rows": list(zip(section["items"], items, strict=True)),
            "items": items,
            "today": timezone.localdate(),
            "attendance": list(meeting.attendance.all()),
            "versions": list(meeting.versions.all()),
            "can_edit": permissions.can_edit(post, office) and meeting.is_editable,
            "can_sign": services.may_sign_minutes(post, meeting),
            "deadline": queries.minutes_deadline(meeting) if meeting.sent_at else None,
            "history": link_versions(meeting, queries.meeting_history(meeting)),
            "correct_form": CorrectForm(),
            "bangla_date": _bangla_disagreement(meeting),
        },
    )


def _bangla_disagreement(meeting: Meeting) -> dict[str, str] | None:
    """The paper's Bangla date beside the one its Gregorian date gives, when they differ."""
    from udbhabon.documents.writers.text import format_bangla_date, format_date
    from udbhabon.meetings.document import bangla_date_disagreement

    found = bangla_date_disagreement(meeting)
    if found is None or meeting.memo_date is None:
        return None
    written, computed = found
    return {
        "written": format_bangla_date(written, "bn"),
        "computed": format_bangla_date(computed, "bn"),
        "gregorian": format_date(meeting.memo_date.isoformat(), "bn"),
    }


@login_required
@require_POST
def mark_held(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_edit(request, pk, full=False)
    services.meeting_mark_held(meeting=meeting, actor=request.user, post=acting_post(request))
    messages.success(request, _("The meeting is recorded as held."))
    return redirect("meetings:minutes", pk=meeting.pk)


@login_required
@require_GET
def received(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    form = MonthFilterForm(request.GET or None)
    month = form.cleaned_data["month"] if form.is_valid() else None
    page = queries.received_minutes(office, month=month, page=page_number(request))
    return render(
        request,
        "meetings/received.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "form": form,
            "page": page,
            "month": month,
        },
    )


@login_required
@require_POST
def accept_bangla_date(request: SignedInRequest, pk: int) -> HttpResponse:
    """Print the memo's Bangla date computed from its Gregorian date, not the paper's."""
    meeting = access.meeting_for_edit(request, pk, full=False)
    services.meeting_accept_bangla_date(
        meeting=meeting, actor=request.user, post=acting_post(request)
    )
    messages.success(request, _("The corrected Bangla date will be printed."))
    return redirect("meetings:detail", pk=meeting.pk)
