"""Meeting pages: the office's meetings, the minutes (page, editor, attendance, sending),
action items, minutes received from below, downloads.

Thin views: an access helper first, then queries or services. Pages work without
JavaScript; htmx requests get the page's partials (`template#partial`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangla.schedules import describe, parse_schedule
from udbhabon.core.htmx import is_htmx
from udbhabon.core.templatetags.bn import digits
from udbhabon.meetings import access, queries, services
from udbhabon.meetings.document import meeting_as_document, meeting_as_section, paper
from udbhabon.meetings.forms import (
    ActionFilterForm,
    AgendaAddForm,
    AttendanceForm,
    CloseForm,
    CorrectForm,
    HeaderForm,
    ItemForm,
    MeetingForm,
    MonthFilterForm,
    NoteForm,
    ScheduleForm,
    SendForm,
)
from udbhabon.meetings.models import Meeting
from udbhabon.offices import permissions
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import acting_post, office_for_view


def _lang(request: HttpRequest) -> str:
    return "en" if (getattr(request, "LANGUAGE_CODE", "bn") or "bn").startswith("en") else "bn"


def _crumbs(request: HttpRequest, office: Any) -> list[Any]:
    viewer = acting_post(request)
    return [o for o in office_queries.ancestors(office) if o.is_under(viewer.office)]


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


# ---------------------------------------------------------------------------------------
# The office's meetings, new meetings, schedules


@login_required
@require_GET
def office_meetings(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    upcoming, past = queries.office_meetings(office)
    schedules = queries.office_schedules(office)
    lang = _lang(request)
    return render(
        request,
        "meetings/office.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "upcoming": upcoming,
            "past": past,
            "schedules": [(s, describe(s.rule, lang)) for s in schedules],
            "counts": queries.action_counts(office),
            "can_edit": permissions.can_edit(post, office),
            "has_below": office.children.exists(),
        },
    )


def _office_posts(office: Any) -> list[Any]:
    return office_queries.posts_with_holders([office])


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, code: str) -> HttpResponse:
    office = access.office_for_edit(request, code)
    posts = _office_posts(office)
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
            form.add_error(None, exc)
        else:
            messages.success(request, _("The meeting was created and its agenda prepared."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/new.html",
        {"office": office, "form": form, "crumbs": _crumbs(request, office)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_new(request: HttpRequest, code: str) -> HttpResponse:
    office = access.office_for_edit(request, code)
    posts = _office_posts(office)
    form = ScheduleForm(request.POST or None, office_posts=posts)
    lang = _lang(request)
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
        {"office": office, "form": form, "preview": preview, "crumbs": _crumbs(request, office)},
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
    start = _date_param(request, "starts_on") or form.initial.get("starts_on") or today
    end = _date_param(request, "ends_on") or form.initial.get("ends_on") or today
    if end < start:
        return Preview(text)
    rule = parse_schedule(text[:255], "", (start, end)).schedule
    if rule["kind"] not in ("recurring", "occurrences"):
        return Preview(text)
    from bangla.schedules import expand

    dates = expand(rule, start, end)
    return Preview(text, describe(rule, lang), dates[:6], max(0, len(dates) - 6))


def _date_param(request: HttpRequest, name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get(name) or request.POST.get(name) or "")
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# One meeting: the minutes page


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
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
            "crumbs": _crumbs(request, office),
            "paper": paper(section),
            "rows": list(zip(section["items"], items, strict=True)),
            "items": items,
            "today": timezone.localdate(),
            "attendance": list(meeting.attendance.all()),
            "versions": list(meeting.versions.all()),
            "can_edit": permissions.can_edit(post, office) and meeting.is_editable,
            "can_sign": permissions.can_sign(post, office),
            "deadline": queries.minutes_deadline(meeting) if meeting.sent_at else None,
            "history": queries.meeting_history(meeting),
            "correct_form": CorrectForm(),
        },
    )


@login_required
@require_POST
def mark_held(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_edit(request, pk, full=False)
    services.meeting_mark_held(meeting=meeting, actor=request.user, post=acting_post(request))
    messages.success(request, _("The meeting is recorded as held."))
    return redirect("meetings:minutes", pk=meeting.pk)


# ---------------------------------------------------------------------------------------
# The minutes editor: autosaved with htmx, versioned, works without JavaScript


@dataclass
class SaveResult:
    """What happened to one part of the editor (the header "m" or an item "i<pk>")."""

    prefix: str
    state: str  # "saved" | "unchanged" | "conflict" | "invalid"
    version: int
    current: Any = None  # the stored object after the save (or the newer one, on conflict)
    errors: list[str] = field(default_factory=list)


def _save_minutes(
    request: HttpRequest, meeting: Meeting
) -> tuple[list[SaveResult], dict[str, Any]]:
    """Save every part of the editor present in the POST. Returns results and bound forms."""
    post = acting_post(request)
    results: list[SaveResult] = []
    forms: dict[str, Any] = {}
    if "m-version" in request.POST:
        form = HeaderForm(request.POST, prefix="m")
        forms["m"] = form
        results.append(_save_part(request, post, form, "m", meeting, header=True))
    for item in meeting.items.all():
        prefix = f"i{item.pk}"
        if f"{prefix}-version" not in request.POST:
            continue
        form = ItemForm(request.POST, prefix=prefix)
        forms[prefix] = form
        results.append(_save_part(request, post, form, prefix, item, header=False))
    return results, forms


def _save_part(
    request: HttpRequest, post: Any, form: Any, prefix: str, obj: Any, *, header: bool
) -> SaveResult:
    if not form.is_valid():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        return SaveResult(prefix, "invalid", obj.version, obj, errors)
    data = dict(form.cleaned_data)
    base = data.pop("version")
    try:
        if header:
            changed = services.meeting_header_update(
                meeting=obj, fields=data, base_version=base, actor=request.user, post=post
            )
        else:
            changed = services.agenda_item_update(
                item=obj, fields=data, base_version=base, actor=request.user, post=post
            )
    except services.Conflict as exc:
        return SaveResult(prefix, "conflict", exc.current.version, exc.current)
    except ValidationError as exc:
        return SaveResult(prefix, "invalid", obj.version, obj, exc.messages)
    return SaveResult(prefix, "saved" if changed else "unchanged", obj.version, obj)


def _editor_context(
    request: HttpRequest,
    meeting: Meeting,
    forms: dict[str, Any] | None = None,
    results: dict[str, SaveResult] | None = None,
) -> dict[str, Any]:
    forms = forms or {}
    results = results or {}
    header = forms.get("m") or HeaderForm(
        prefix="m",
        initial={
            "title": meeting.title,
            "date": meeting.date,
            "time": meeting.time,
            "place": meeting.place,
            "chair_text": meeting.chair_text,
            "attendance_reference": meeting.attendance_reference,
            "opening": meeting.opening,
            "closing": meeting.closing,
            "version": meeting.version,
        },
    )
    rows = []
    for item in meeting.items.all():
        prefix = f"i{item.pk}"
        form = forms.get(prefix) or ItemForm(
            prefix=prefix,
            initial={
                "topic": item.topic,
                "discussion": item.discussion,
                "decision": item.decision,
                "implementer_text": item.implementer_text,
                "due_date": item.due_date,
                "version": item.version,
            },
        )
        rows.append((item, form, results.get(prefix)))
    office = meeting.office
    team = services.team_posts(office)
    return {
        "meeting": meeting,
        "office": office,
        "crumbs": _crumbs(request, office),
        "header": header,
        "header_result": results.get("m"),
        "rows": rows,
        "add_form": AgendaAddForm(),
        "implementer_choices": [p.title_bn for p in team]
        + [c.name_bn for c in office_queries.children_with_counts(office)],
        "can_edit": True,
    }


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The editor. POST is the save endpoint: idempotent (the same text twice changes
    nothing) and versioned (an edit based on an older version gets 409 and both texts)."""
    meeting = access.meeting_for_edit(request, pk)
    if request.method == "GET":
        if not meeting.is_editable:
            return redirect("meetings:detail", pk=meeting.pk)
        return render(request, "meetings/minutes.html", _editor_context(request, meeting))
    if not meeting.is_editable:
        return _sent_refusal(request, meeting)
    results, forms = _save_minutes(request, meeting)
    summary, status = "saved", 200
    if any(r.state == "conflict" for r in results):
        summary, status = "conflict", 409
    elif any(r.state == "invalid" for r in results):
        summary, status = "invalid", 400
    if is_htmx(request):
        return render(
            request,
            "meetings/minutes.html#saved",
            {"results": results, "summary": summary, "meeting": meeting, "now": timezone.now()},
            status=status,
        )
    if status == 200:
        messages.success(request, _("The minutes were saved."))
        return redirect("meetings:minutes", pk=meeting.pk)
    # Re-show what was typed, with the other person's text beside a conflict, and
    # the newer version in the form so that saving again keeps this text on purpose.
    for r in results:
        form = forms.get(r.prefix)
        if r.state == "conflict" and form is not None:
            data = form.data.copy()
            data[f"{r.prefix}-version"] = str(r.version)
            forms[r.prefix] = type(form)(data, prefix=r.prefix)
    context = _editor_context(request, meeting, forms, {r.prefix: r for r in results})
    return render(request, "meetings/minutes.html", context, status=status)


def _sent_refusal(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    msg = _("These minutes have been signed and sent. Start a correction to change them.")
    if is_htmx(request):
        return render(
            request,
            "meetings/minutes.html#saved",
            {"results": [], "meeting": meeting, "refused": msg, "now": timezone.now()},
            status=409,
        )
    messages.error(request, msg)
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_POST
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Agenda changes from the editor: add, refresh from the sources, move, remove.

    The editor's typed text comes along (the buttons submit the editor's form) and is
    saved first, so pressing "move up" without JavaScript never loses text.
    """
    meeting = access.meeting_for_edit(request, pk)
    if not meeting.is_editable:
        return _sent_refusal(request, meeting)
    post = acting_post(request)
    results, _forms = _save_minutes(request, meeting)
    conflicts = [r for r in results if r.state in ("conflict", "invalid")]
    op, _sep, arg = (request.POST.get("op") or "").partition(":")
    try:
        if op == "add":
            form = AgendaAddForm({"topic": request.POST.get("new_topic", "")})
            if not form.is_valid():
                raise ValidationError(_("Write the agenda item."))
            services.agenda_item_add(
                meeting=meeting, topic=form.cleaned_data["topic"], actor=request.user, post=post
            )
        elif op == "refresh":
            added = services.agenda_refresh(meeting=meeting, actor=request.user, post=post)
            messages.info(
                request,
                _("%(count)s new items were added to the agenda.") % {"count": digits(added)}
                if added
                else _("The agenda is up to date."),
            )
        elif op in ("up", "down", "remove"):
            item = access.item_for_edit(request, meeting, _int(arg))
            if op == "remove":
                services.agenda_item_delete(item=item, actor=request.user, post=post)
            else:
                services.agenda_item_move(item=item, up=op == "up", actor=request.user, post=post)
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    if conflicts:
        messages.error(
            request,
            _("Some text was not saved because someone else changed it; see the marked items."),
        )
    return redirect(reverse("meetings:minutes", kwargs={"pk": meeting.pk}) + "#agenda")


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise Http404 from exc


# ---------------------------------------------------------------------------------------
# Attendance (Annex A)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_edit(request, pk)
    if not meeting.is_editable:
        return _sent_refusal(request, meeting)
    team = services.team_posts(meeting.office)
    rows = list(meeting.attendance.all())
    guests = [a for a in rows if a.is_guest]
    present = [a.post_id for a in rows if a.post_id and a.present]
    form = AttendanceForm(
        request.POST or None,
        team=team,
        guest_choices=[(g.pk, g.name) for g in guests],
        initial={"present": present},
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            meeting=meeting,
            present_posts=form.cleaned_data["present"],
            guests=services.parse_guests(form.cleaned_data["guests"]),
            remove_guests=form.cleaned_data["remove_guests"],
            actor=request.user,
            post=acting_post(request),
        )
        messages.success(request, _("Attendance was saved."))
        return redirect("meetings:attendance", pk=meeting.pk)
    holders = {p.pk: p for p in office_queries.posts_with_holders([meeting.office])}
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "office": meeting.office,
            "crumbs": _crumbs(request, meeting.office),
            "form": form,
            "team": [(p, holders.get(p.pk)) for p in team],
            "guests": guests,
        },
        status=400 if form.errors else 200,
    )


# ---------------------------------------------------------------------------------------
# Sign and send; corrections; versions; downloads


@login_required
@require_http_methods(["GET", "POST"])
def send(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_sign(request, pk)
    if not meeting.is_editable:
        messages.info(request, _("These minutes have already been sent."))
        return redirect("meetings:detail", pk=meeting.pk)
    imported_memo = meeting.memo_number if meeting.letter_id is None else ""
    form = SendForm(
        request.POST or None,
        initial={
            "date": meeting.memo_date or timezone.localdate(),
            "distribution": "\n".join(services.default_distribution(meeting)),
            "memo_number": imported_memo,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = services.minutes_sign_and_send(
                meeting=meeting,
                date=data["date"],
                distribution=data["distribution"],
                memo_number=data["memo_number"],
                body=data["body"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The minutes were signed and sent (memo number %(memo)s).")
                % {"memo": sent.memo_number},
            )
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/send.html",
        {
            "meeting": meeting,
            "office": meeting.office,
            "crumbs": _crumbs(request, meeting.office),
            "form": form,
            "items": list(meeting.items.all()),
            "decisions": sum(1 for i in meeting.items.all() if i.decision),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_sign(request, pk, full=False)
    form = CorrectForm(request.POST)
    if form.is_valid():
        try:
            services.minutes_reopen(
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
            return redirect("meetings:detail", pk=meeting.pk)
        messages.success(
            request,
            _("The minutes are open for correction. Sending them again makes a new version."),
        )
        return redirect("meetings:minutes", pk=meeting.pk)
    messages.error(request, _("Say what is being corrected."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_GET
def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk, full=False)
    try:
        sent = queries.version_of(meeting, number)
    except Exception as exc:  # MinutesVersion.DoesNotExist
        raise Http404 from exc
    return render(
        request,
        "meetings/version.html",
        {
            "meeting": meeting,
            "office": meeting.office,
            "crumbs": _crumbs(request, meeting.office),
            "version": sent,
            "paper": paper(sent.snapshot["document"]["sections"][0]),
            "section": sent.snapshot["document"]["sections"][0],
            "attendance": sent.snapshot.get("attendance", []),
        },
    )


FORMATS = {"pdf", "docx"}


@login_required
@require_GET
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk)
    if fmt not in FORMATS:
        raise Http404
    from udbhabon.documents.writers import CONTENT_TYPES, write_document

    data = write_document(meeting_as_document(meeting), fmt)  # type: ignore[arg-type]
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"minutes-{meeting.office.code}-{meeting.date.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---------------------------------------------------------------------------------------
# Action items


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@login_required
@require_GET
def office_actions(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    form = ActionFilterForm(request.GET or None)
    status, q = "open", ""
    if form.is_valid():
        status = form.cleaned_data["status"] or "open"
        q = form.cleaned_data["q"].strip()
    page = queries.office_actions(office, status=status, query=q, page=_page_number(request))
    template = "meetings/actions.html#list" if is_htmx(request) else "meetings/actions.html"
    return render(
        request,
        template,
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "form": form,
            "status": status,
            "q": q,
            "page": page,
            "counts": queries.action_counts(office),
            "can_close": permissions.can_edit(post, office),
            "today": timezone.localdate(),
            "close_form": CloseForm(),
        },
    )


@login_required
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    post = acting_post(request)
    status = request.GET.get("status") if request.GET.get("status") in queries.FILTERS else "open"
    page = queries.assigned_actions(post, status=status, page=_page_number(request))
    return render(
        request,
        "meetings/my_actions.html",
        {
            "post": post,
            "page": page,
            "status": status,
            "today": timezone.localdate(),
            "close_form": CloseForm(),
            "can_close": True,
        },
    )


@login_required
@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for_view(request, pk)
    post = acting_post(request)
    return render(
        request,
        "meetings/action_detail.html",
        {
            "action": action,
            "item": action.agenda_item,
            "office": action.office,
            "later": queries.later_agenda_items(action),
            "can_follow_up": services.can_follow_up(post, action),
            "close_form": CloseForm(),
            "note_form": NoteForm(),
            "history": queries.readable_history(action),
            "today": timezone.localdate(),
        },
    )


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
@require_POST
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for_follow_up(request, pk)
    form = CloseForm(request.POST)
    default = reverse("meetings:action_detail", kwargs={"pk": action.pk})
    error = ""
    if form.is_valid():
        try:
            services.action_item_close(
                action=action,
                note=form.cleaned_data["note"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            error = _error_text(exc)
    else:
        error = _("Closing needs a note: what was done, with a reference if there is one.")
    if is_htmx(request):
        action = queries.action_page(action.pk)
        action.note_count = len(action.notes.all())
        return render(
            request,
            "meetings/actions.html#row",
            {
                "a": action,
                "today": timezone.localdate(),
                "close_form": form if error else CloseForm(),
                "row_error": error,
                "can_close": True,
                "next": request.POST.get("next", ""),
            },
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The decision was closed."))
    return redirect(_back(request, default))


@login_required
@require_POST
def action_note(request: HttpRequest, pk: int) -> HttpResponse:
    action = access.action_for_follow_up(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.action_item_note(
                action=action,
                text=form.cleaned_data["text"],
                in_progress=form.cleaned_data["in_progress"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("The follow-up was added."))
    else:
        messages.error(request, _("Write the follow-up."))
    return redirect(_back(request, reverse("meetings:action_detail", kwargs={"pk": action.pk})))


# ---------------------------------------------------------------------------------------
# Minutes received from the offices below


@login_required
@require_GET
def received(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    form = MonthFilterForm(request.GET or None)
    month = form.cleaned_data["month"] if form.is_valid() else None
    page = queries.received_minutes(office, month=month, page=_page_number(request))
    return render(
        request,
        "meetings/received.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "form": form,
            "page": page,
            "month": month,
        },
    )
