"""The public pages: no account, Bengali first, light.

A citizen chooses an office anywhere in the tree, sends an idea or a service
problem, gets a tracking code, and follows it on the status page; the
showcase lists implemented and scaled-up ideas. The pages work without
JavaScript; with htmx the office search and the similar-idea suggestions
update while typing. Sending is guarded without any outside service: a
honeypot field, a minimum time to fill the form, and per-address and
per-office limits (throttle.py).
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.awards.queries import public_winners as award_winners
from udbhabon.core.errors import errors_to_form
from udbhabon.core.htmx import is_htmx
from udbhabon.core.http import client_ip
from udbhabon.core.lang import current_lang
from udbhabon.ideas import codes, queries, services
from udbhabon.ideas.forms import SimilarForm
from udbhabon.ideas.models import SHOWCASE_STAGES, Idea, Stage
from udbhabon.offices.models import Office
from udbhabon.offices.queries import search_offices
from udbhabon.portal import throttle
from udbhabon.portal.forms import AnswerForm, SubmitForm, TrackForm, new_stamp

SESSION_CODES = "portal_codes"  # codes this browser received, newest first
PAGE_SIZE = 24


def home(request: HttpRequest) -> HttpResponse:
    recent = list(queries.showcase()[:3])
    return render(request, "portal/home.html", {"recent": recent, "track_form": TrackForm()})


def _office_results(query: str) -> list[Office]:
    return search_offices(query, limit=20) if query.strip() else []


def _submit_page(
    request: HttpRequest,
    form: SubmitForm,
    *,
    office: Office | None,
    status: int = 200,
    similar: queries.SimilarBox | None = None,
    error: str = "",
) -> HttpResponse:
    office_q = (request.POST.get("office_q") or request.GET.get("office_q") or "").strip()[:100]
    return render(
        request,
        "portal/submit.html",
        {
            "form": form,
            "office": office,
            "office_q": office_q,
            "office_results": _office_results(office_q),
            "similar": similar,
            "error": error,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        code = request.GET.get("office") or ""
        office = Office.objects.filter(code=code, is_active=True).first() if code else None
        form = SubmitForm(initial={"office": office.code if office else "", "started": new_stamp()})
        return _submit_page(request, form, office=office)

    data = request.POST.copy()
    form = SubmitForm(data)
    chosen = data.get("office") or ""
    office = Office.objects.filter(code=chosen, is_active=True).first() if chosen else None
    if "choose" in data or "find_office" in data:
        # Choosing or searching an office without JavaScript: show the form
        # again with what was typed (no errors yet), nothing sent.
        office = Office.objects.filter(code=data.get("choose") or chosen, is_active=True).first()
        data["office"] = office.code if office else ""
        return _submit_page(request, SubmitForm(initial=dict(data.items())), office=office)
    if "check" in data:
        return _check_similar(request, form, office)

    refusal = _robot_refusal(form)
    if refusal is not None:
        return _refuse(request, form, office, refusal)
    if not form.is_valid():
        return _refuse(request, form, office, "")
    if not form.spend_stamp():
        return _refuse(
            request,
            form,
            office,
            _("This form has already been sent once. To send another idea, check it and send it."),
        )
    ip = client_ip(request)
    if not throttle.hit("submit_ip", ip) or not throttle.hit(
        "submit_office", form.cleaned_data["office"]
    ):
        return _throttled(request, form, office)
    cleaned = form.cleaned_data
    assert form.office_obj is not None  # a valid form found its office
    try:
        idea = services.idea_submit_public(
            office=form.office_obj,
            name=cleaned["name"],
            phone=cleaned["phone"],
            email=cleaned["email"],
            language=current_lang(),
            kind=cleaned["kind"],
            title=cleaned["title"],
            problem=cleaned["problem"],
            solution=cleaned["solution"],
            service=cleaned["service"],
            beneficiaries=cleaned["beneficiaries"],
            category=cleaned["category"],
        )
    except ValidationError as exc:
        errors_to_form(form, exc)
        return _refuse(request, form, office, "")
    request.session[SESSION_CODES] = [idea.code, *request.session.get(SESSION_CODES, [])][:10]
    return redirect("portal:done")


def _check_similar(request: HttpRequest, form: SubmitForm, office: Office | None) -> HttpResponse:
    """Without JavaScript the "check" button shows the similar ideas on the form itself."""
    if not throttle.hit("similar_ip", client_ip(request)):
        return _throttled(request, form, office)
    data = form.data
    text = f"{data.get('title', '')} {data.get('problem', '')[:600]}"
    found = queries.similar_for(text, viewer=None, office=office) if text.strip() else None
    again = SubmitForm(initial=dict(data.items()))
    return _submit_page(request, again, office=office, similar=found)


def _robot_refusal(form: SubmitForm) -> str | None:
    """Why a form is refused before it is read, or None.

    A robot fills the field people cannot see, or sends a form it never showed:
    say no plainly (the page keeps what was typed).
    """
    if form.is_robot():
        return _("The form could not be sent. Please try again.")
    too_fast = form.too_fast()
    if too_fast is None:
        return _("The form was open too long. Check it and send it again.")
    if too_fast:
        return _("That was very quick. Check what you wrote and send it again.")
    return None


def _refuse(
    request: HttpRequest, form: SubmitForm, office: Office | None, error: str
) -> HttpResponse:
    data = cast(QueryDict, form.data).copy()  # the POST it was bound to
    data["started"] = new_stamp()
    again = SubmitForm(data)
    again.is_valid()  # show the field errors next to the fields
    if error:
        again.add_error(None, error)
    return _submit_page(request, again, office=office, status=400, error=error)


def _throttled(request: HttpRequest, form: SubmitForm, office: Office | None) -> HttpResponse:
    data = cast(QueryDict, form.data).copy()  # the POST it was bound to
    data["started"] = new_stamp()
    message = _(
        "Too many ideas were sent from here in a short time. Please wait an hour and send "
        "it again; what you wrote is kept below."
    )
    return _submit_page(
        request, SubmitForm(data, initial=data), office=office, status=429, error=message
    )


def done(request: HttpRequest) -> HttpResponse:
    received = request.session.get(SESSION_CODES) or []
    if not received:
        return redirect("portal:submit")
    idea = Idea.objects.select_related("office").filter(code=received[0]).first()
    if idea is None:
        raise Http404
    return render(request, "portal/done.html", {"idea": idea})


@require_POST
def similar(request: HttpRequest) -> HttpResponse:
    if not throttle.hit("similar_ip", client_ip(request)):
        return _slow_down(request)
    text = SimilarForm(request.POST).text()
    code = request.POST.get("office") or ""
    office = Office.objects.filter(code=code).first() if code else None
    # A citizen sees only ideas approved or later, never another citizen's
    # unvetted title (queries.similar_for with no viewer).
    found = queries.similar_for(text, viewer=None, office=office) if text.strip() else None
    return render(request, "portal/_similar.html", {"similar": found})


def offices(request: HttpRequest) -> HttpResponse:
    """The office search of the form: a fragment for htmx, a small page otherwise."""
    office_q = (request.GET.get("office_q") or "").strip()[:100]
    context = {"office_q": office_q, "office_results": _office_results(office_q)}
    if is_htmx(request):
        return render(request, "portal/_offices.html", context)
    return render(request, "portal/offices.html", context)


def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_valid():
        return redirect("portal:status", code=form.cleaned_data["code"])
    status = 400 if request.GET else 200
    return render(request, "portal/track.html", {"form": form}, status=status)


def _idea_by_code(code: str) -> Idea:
    parsed = codes.parse_code(code)
    if parsed is None:
        raise Http404
    try:
        return queries.public_idea(parsed)
    except Idea.DoesNotExist as exc:
        raise Http404 from exc


def _slow_down(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/slow_down.html", status=429)


def status(
    request: HttpRequest, code: str, *, answer_form: AnswerForm | None = None
) -> HttpResponse:
    if answer_form is None and not throttle.hit("track_ip", client_ip(request)):
        return _slow_down(request)
    idea = _idea_by_code(code)
    if idea.code != code:
        return redirect("portal:status", code=idea.code)
    context = {
        "idea": idea,
        "steps": queries.public_history(idea),
        "answer_form": answer_form or (AnswerForm() if idea.stage == Stage.CLARIFICATION else None),
        "finished": idea.stage in SHOWCASE_STAGES,
    }
    return render(request, "portal/status.html", context, status=400 if answer_form else 200)


@require_POST
def answer(request: HttpRequest, code: str) -> HttpResponse:
    if not throttle.hit("answer_ip", client_ip(request)):
        return _slow_down(request)
    idea = _idea_by_code(code)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.idea_clarification_answer(idea=idea, text=form.cleaned_data["text"])
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Thank you. Your answer was sent to the office."))
            return redirect("portal:status", code=idea.code)
    return status(request, idea.code, answer_form=form)


def showcase(request: HttpRequest) -> HttpResponse:
    q = (request.GET.get("q") or "").strip()[:200]
    page = Paginator(queries.showcase(q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    winners = award_winners() if page.number == 1 and not q else []
    return render(request, "portal/showcase.html", {"page": page, "q": q, "winners": winners})


def showcase_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(
        Idea.objects.select_related("office"), pk=pk, stage__in=SHOWCASE_STAGES
    )
    return render(
        request,
        "portal/showcase_detail.html",
        {"idea": idea, "submit_url": reverse("portal:submit") + f"?office={idea.office.code}"},
    )
