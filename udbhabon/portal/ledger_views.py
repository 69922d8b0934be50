"""The public impact ledger and the public initiative pages (no sign-in).

The ledger drills down the office tree: the nation (the Cabinet Division's subtree),
then each office below. Each initiative in service has a public page with its
verified figures, its lineage, its team when the office made it public (names,
designations, roles, photos: never a citizen's data) and the comments its office
approved; a citizen may leave a comment there (held for the office). The old
showcase URLs answer 301 here.
Reads are in ledger.py and queries.py; the comment is written by services.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from udbhabon.awards.queries import public_winners
from udbhabon.core.errors import errors_to_form
from udbhabon.core.http import client_ip
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative, InitiativeMember
from udbhabon.initiatives.queries import full_year_saving
from udbhabon.initiatives.team_views import photo_response
from udbhabon.offices.models import Office
from udbhabon.offices.queries import ancestors
from udbhabon.portal import ledger, opendata, queries, services, throttle
from udbhabon.portal.forms import FeedbackForm, new_stamp


def _office(code: str) -> Office:
    try:
        return ledger.public_office(code)
    except Office.DoesNotExist as exc:
        raise Http404 from exc


def _ledger_page(request: HttpRequest, office: Office) -> HttpResponse:
    data = ledger.ledger_of(office)
    context = {
        # the national page is the one public showcase: the published award winners too
        "winners": [] if office.parent_id else public_winners(),
        "office": office,
        "ledger": data,
        "crumbs": ancestors(office, include_self=False) if office.parent_id else [],
    }
    return render(request, "portal/ledger.html", context)


def ledger_national(request: HttpRequest) -> HttpResponse:
    return _ledger_page(request, ledger.national_office())


def ledger_office(request: HttpRequest, code: str) -> HttpResponse:
    office = _office(code)
    if office.parent_id is None:
        return redirect("portal:ledger")
    return _ledger_page(request, office)


def ledger_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in opendata.FORMATS:
        raise Http404
    body, name = opendata.download(_office(code), fmt)
    response = HttpResponse(body, content_type=opendata.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def initiative(request: HttpRequest, pk: int, *, form: FeedbackForm | None = None) -> HttpResponse:
    try:
        item = ledger.public_initiative(pk)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc
    counted = ledger.is_counted(item)
    adopted, adopters_count = ledger.adopters(item) if item.lineage_root_id is None else ([], 0)
    context = {
        "item": item,
        "counted": counted,
        "saving": full_year_saving(item) if counted else None,
        "adopters": adopted,
        "adopters_count": adopters_count,
        "feedback": queries.shown_feedback(item),
        "team": ledger.public_team(item),
        "form": form or FeedbackForm(initial={"started": new_stamp()}),
        "submit_url": reverse("portal:submit") + f"?office={item.office.code}",
    }
    return render(request, "portal/initiative.html", context, status=400 if form else 200)


@require_GET
def member_photo(request: HttpRequest, pk: int, member: int) -> HttpResponse:
    """A team member's photo, only while the initiative is public and its office has
    made the team public (404 else: nothing says whether it exists)."""
    try:
        row = ledger.public_member(pk, member)
    except InitiativeMember.DoesNotExist as exc:
        raise Http404 from exc
    return photo_response(row)


def _refused(request: HttpRequest, pk: int, form: FeedbackForm, error: str) -> HttpResponse:
    data = form.data.copy()  # type: ignore[attr-defined]  # the POST it was bound to
    data["started"] = new_stamp()
    again = FeedbackForm(data)
    again.is_valid()
    if error:
        again.add_error(None, error)
    return initiative(request, pk, form=again)


def _robot(form: FeedbackForm) -> str | None:
    if form.is_robot():
        return _("The form could not be sent. Please try again.")
    too_fast = form.too_fast()
    if too_fast is None:
        return _("The form was open too long. Check it and send it again.")
    if too_fast:
        return _("That was very quick. Check what you wrote and send it again.")
    return None


@require_POST
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    item = Initiative.objects.filter(pk=pk, stage__in=RUNNING_STAGES).first()
    if item is None:
        raise Http404
    form = FeedbackForm(request.POST)
    refusal = _robot(form)
    if refusal is not None or not form.is_valid():
        return _refused(request, pk, form, refusal or "")
    if not form.spend_stamp():
        return _refused(request, pk, form, _("This comment has already been sent."))
    if not throttle.hit("feedback_ip", client_ip(request)):
        message = _("Too many comments were sent from here in a short time. Please wait an hour.")
        response = _refused(request, pk, form, message)
        response.status_code = 429
        return response
    try:
        services.feedback_submit(
            initiative=item, name=form.cleaned_data["name"], text=form.cleaned_data["text"]
        )
    except ValidationError as exc:
        errors_to_form(form, exc)
        return _refused(request, pk, form, "")
    messages.success(
        request, _("Thank you. The office reads your comment and shows it here once it approves.")
    )
    return redirect("portal:initiative", pk=pk)


def showcase(request: HttpRequest) -> HttpResponse:
    """The old showcase: the ledger is the one public showcase now."""
    return HttpResponsePermanentRedirect(reverse("portal:ledger"))


def showcase_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An old showcase page (an idea): its initiative's public page, or the ledger."""
    found = (
        Initiative.objects.filter(idea_id=pk, stage__in=RUNNING_STAGES)
        .values_list("pk", flat=True)
        .first()
    )
    target = reverse("portal:initiative", args=[found]) if found else reverse("portal:ledger")
    return HttpResponsePermanentRedirect(target)
