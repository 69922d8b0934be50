"""Thin views: access → query/service → render. Events of an office (and below), a new
event, one event with its participants, and its steps (held, report, cancel, attendance)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.core.history import history_rows
from udbhabon.events import access, forms, papers, queries, services, sheets
from udbhabon.events.models import Event, EventKind
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view, office_or_404
from udbhabon.offices.models import Post
from udbhabon.offices.queries import crumbs


@login_required
@require_GET
def office_events(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    kind = request.GET.get("kind", "")
    if kind not in EventKind.values:
        kind = ""
    events = queries.office_events(office, kind=kind).order_by("-starts_on", "-id")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "events/office.html",
        {
            "office": office,
            "crumbs": crumbs(office, acting_post(request)),
            "page": page,
            "kinds": EventKind.choices,
            "kind": kind,
            "can_edit": permissions.can_edit(acting_post(request), office),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_new(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    permissions.require_edit(post, office)
    form = forms.EventForm(request.POST or None, trainings=queries.trainings_to_cascade(office))
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                office=office, actor=request.user, post=post, **form.cleaned_data
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The event is scheduled. Invite its participants."))
            return redirect(event)
    return render(
        request,
        "events/new.html",
        {"office": office, "form": form, "crumbs": crumbs(office, post)},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    event = access.event_for_view(request, pk)
    post = acting_post(request)
    rows = queries.participants(event)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "office": event.office,
            "crumbs": crumbs(event.office, post),
            "rows": rows,
            "totals": queries.totals(rows),
            "can_edit": permissions.can_edit(post, event.office),
            "held_form": forms.HeldForm(
                initial={"held_on": min(event.starts_on, timezone.localdate())}
            ),
            "report_form": forms.ReportForm(initial={"report": event.report}),
            "cancel_form": forms.CancelForm(),
            "guest_form": forms.GuestForm(),
            "invite_form": forms.InviteForm(initial={"office": event.office.code}),
            "files": queries.files(event),
            "file_form": forms.FileForm(),
            "history": history_rows(event),
        },
    )


Step = Callable[[Event, dict[str, Any], Post], object]


def _step(
    request: SignedInRequest, pk: int, form_class: type[Form], run: Step, done: str
) -> HttpResponse:
    """A step of the event's life from a small form: run it, say so, back to the event."""
    event = access.event_for_edit(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect(event)
    try:
        run(event, form.cleaned_data, acting_post(request))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, done)
    return redirect(event)


@login_required
@require_POST
def held(request: SignedInRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        forms.HeldForm,
        lambda e, d, p: services.event_mark_held(
            event=e, held_on=d["held_on"], actor=request.user, post=p
        ),
        _("The event is marked held. Mark who attended."),
    )


@login_required
@require_POST
def report(request: SignedInRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        forms.ReportForm,
        lambda e, d, p: services.event_write_report(
            event=e, report=d["report"], actor=request.user, post=p
        ),
        _("The report is saved."),
    )


@login_required
@require_POST
def cancel(request: SignedInRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        forms.CancelForm,
        lambda e, d, p: services.event_cancel(
            event=e, reason=d["reason"], actor=request.user, post=p
        ),
        _("The event is cancelled."),
    )


@login_required
@require_POST
def guest(request: SignedInRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        forms.GuestForm,
        lambda e, d, p: services.participant_add_guest(event=e, actor=request.user, post=p, **d),
        _("The guest is on the list."),
    )


@login_required
@require_POST
def invite(request: SignedInRequest, pk: int) -> HttpResponse:
    def run(event: Event, data: dict[str, Any], post: Post) -> None:
        office = office_or_404(data["office"])
        # posts of offices the organiser sees, or of the offices the event is for
        if not permissions.can_view(post, office) and office not in event.audience.all():
            raise permissions.PermissionDenied
        taken = set(event.participants.values_list("post_id", flat=True))
        posts = [
            p
            for p in Post.objects.filter(office=office, is_active=True).select_related("office")
            if p.pk not in taken
        ]
        if not posts:
            raise ValidationError(_("Every post of that office is already on the list."))
        services.participants_invite_posts(
            event=event,
            posts=posts,
            actor=request.user,
            post=post,
            untrained_only=data["untrained_only"],
        )

    try:
        return _step(request, pk, forms.InviteForm, run, _("The office's posts are invited."))
    except Http404:
        messages.error(request, _("No office has that code."))
        return redirect("events:detail", pk=pk)


@login_required
@require_POST
def invite_trained(request: SignedInRequest, pk: int) -> HttpResponse:
    """A cascading workshop: invite those who attended the training it draws on."""
    event = access.event_for_edit(request, pk)
    try:
        n = services.participants_invite_trained(
            event=event, actor=request.user, post=acting_post(request)
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(n)s who attended the training are invited.") % {"n": n})
    return redirect(event)


@login_required
@require_POST
def attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    event = access.event_for_edit(request, pk)
    try:
        ids = [int(v) for v in request.POST.getlist("present")]
        services.attendance_mark(
            event=event, present_ids=ids, actor=request.user, post=acting_post(request)
        )
    except ValueError:
        messages.error(request, _("Someone ticked is not on this event's list."))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Attendance is saved."))
    return redirect(event)


@login_required
@require_GET
def certificate(request: SignedInRequest, pk: int, participant: int) -> HttpResponse:
    """A participant's certificate (PDF); the first download gives it its serial."""
    event = access.event_for_edit(request, pk)
    row = access.participant_for_view(request, event, participant)
    try:
        services.certificate_issue(participant=row, actor=request.user, post=acting_post(request))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(event)
    pdf = papers.certificate_pdf(row)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{row.certificate_serial}.pdf"'
    )
    return response


@login_required
@require_GET
def attendance_sheet(request: SignedInRequest, pk: int) -> HttpResponse:
    """The attendance sheet to print, with a column to sign (PDF)."""
    event = access.event_for_view(request, pk)
    pdf = papers.attendance_sheet_pdf(event, queries.participants(event))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="attendance-{event.pk}.pdf"'
    return response


@require_GET
def verify(request: HttpRequest, serial: str = "") -> HttpResponse:
    """Public: does this certificate serial exist? Only the name and the event are shown."""
    serial = serial or request.GET.get("serial", "")
    found = queries.by_serial(serial) if serial else None
    status = 404 if serial and found is None else 200
    return render(
        request,
        "events/verify.html",
        {"serial": serial, "found": found},
        status=status,
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def participants_xlsx(request: SignedInRequest, pk: int) -> HttpResponse:
    event = access.event_for_view(request, pk)
    response = HttpResponse(
        sheets.participants_xlsx(queries.participants(event)), content_type=XLSX
    )
    response["Content-Disposition"] = f'attachment; filename="participants-{event.pk}.xlsx"'
    return response


@login_required
@require_POST
def participants_upload(request: SignedInRequest, pk: int) -> HttpResponse:
    """Guests from an XLSX list (the same columns as the download); all or nothing."""
    event = access.event_for_edit(request, pk)
    upload = request.FILES.get("file")
    if upload is None or (upload.size or 0) > 2_000_000:
        messages.error(request, _("Choose an XLSX file (up to 2 MB)."))
        return redirect(event)
    try:
        rows = sheets.read_guests(upload.read())
        added = services.participants_import(
            event=event, rows=rows, actor=request.user, post=acting_post(request)
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("%(n)s guests were added from the list.") % {"n": added})
    return redirect(event)
