"""The minutes editor: header and items (autosaved), the agenda, attendance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.errors import error_text
from udbhabon.core.htmx import is_htmx
from udbhabon.core.templatetags.bn import digits
from udbhabon.meetings import access, services
from udbhabon.meetings.display import usual_texts
from udbhabon.meetings.forms import (
    AgendaAddForm,
    AttendanceForm,
    HeaderForm,
    ItemForm,
)
from udbhabon.meetings.models import Meeting
from udbhabon.meetings.views.common import crumbs, int_param
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import SignedInRequest, acting_post


@dataclass
class SaveResult:
    """What happened to one part of the editor (the header "m" or an item "i<pk>")."""

    prefix: str
    state: str  # "saved" | "unchanged" | "conflict" | "invalid"
    version: int
    current: Any = None  # the stored object after the save (or the newer one, on conflict)
    errors: list[str] = field(default_factory=list)


def _save_minutes(
    request: SignedInRequest, meeting: Meeting
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
        item_form = ItemForm(request.POST, prefix=prefix)
        forms[prefix] = item_form
        results.append(_save_part(request, post, item_form, prefix, item, header=False))
    return results, forms


def _save_part(
    request: SignedInRequest, post: Any, form: Any, prefix: str, obj: Any, *, header: bool
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
        current: Any = exc.current  # the meeting or item as saved now
        return SaveResult(prefix, "conflict", current.version, current)
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
    header.offer(usual_texts(meeting.office))
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
        "crumbs": crumbs(request, office),
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
def minutes(request: SignedInRequest, pk: int) -> HttpResponse:
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
def agenda(request: SignedInRequest, pk: int) -> HttpResponse:
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
            item = access.item_for_edit(request, meeting, int_param(arg))
            if op == "remove":
                services.agenda_item_delete(item=item, actor=request.user, post=post)
            else:
                services.agenda_item_move(item=item, up=op == "up", actor=request.user, post=post)
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    if conflicts:
        messages.error(
            request,
            _("Some text was not saved because someone else changed it; see the marked items."),
        )
    return redirect(reverse("meetings:minutes", kwargs={"pk": meeting.pk}) + "#agenda")


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: SignedInRequest, pk: int) -> HttpResponse:
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
            "crumbs": crumbs(request, meeting.office),
            "form": form,
            "team": [(p, holders.get(p.pk)) for p in team],
            "guests": guests,
        },
        status=400 if form.errors else 200,
    )
