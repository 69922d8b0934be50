"""Officers' pages of awards: an office's schemes, a new scheme, a scheme's page
(nominations, jury, decision, winners), a juror's score sheet, the award list as
PDF/DOCX, and an award recorded on its own for an innovator."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.awards import papers, queries, services
from udbhabon.awards.access import scheme_for_edit, scheme_for_view
from udbhabon.awards.forms import (
    AwardGiveForm,
    DecideForm,
    NominationForm,
    SchemeForm,
    ScoreSheetForm,
)
from udbhabon.awards.models import Scheme
from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.core.history import history_rows
from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import StaleRecord
from udbhabon.documents.exports import attachment
from udbhabon.ideas.models import Innovator
from udbhabon.ideas.queries import innovator_ideas
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.offices.queries import crumbs


@login_required
def office_schemes(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    return render(
        request,
        "awards/office.html",
        {
            "office": office,
            "crumbs": crumbs(office, post),
            "schemes": list(queries.office_schemes(office)[:200]),
            "can_edit": permissions.can_edit(post, office),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def scheme_new(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    permissions.require_edit(post, office)
    form = SchemeForm(request.POST or None, posts=queries.juror_choices(office))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            scheme = services.scheme_create(
                office=office,
                post=post,
                actor=request.user,
                year=data["year"],
                category=data["category"],
                nominee_kind=data["nominee_kind"],
                title=data["title"],
                places=data["places"],
                crest=data["crest"],
                criteria=services.parse_criteria(data["criteria"]),
                jurors=list(data["jurors"]),
                chair=data["chair"],
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The award is open for nominations."))
            return redirect(scheme)
    return render(
        request,
        "awards/new.html",
        {"office": office, "crumbs": crumbs(office, post), "form": form},
        status=400 if form.errors else 200,
    )


def _nomination_form(scheme: Scheme, data: Any = None) -> NominationForm:
    return NominationForm(
        data,
        kind=scheme.nominee_kind,
        records=queries.nominee_choices(scheme),
        offices=queries.office_choices(scheme.office),
    )


def _page(request: SignedInRequest, scheme: Scheme, status: int = 200, **forms: Any) -> Any:
    post = acting_post(request)
    can_edit = permissions.can_edit(post, scheme.office)
    jurors = queries.jurors(scheme)
    scored = queries.scored_jurors(scheme)
    open_ = scheme.status == Scheme.Status.OPEN
    scoring = scheme.status == Scheme.Status.SCORING
    context = {
        "scheme": scheme,
        "crumbs": crumbs(scheme.office, post),
        "criteria": list(scheme.criteria.all()),
        "nominations": queries.nominations(scheme),
        "jurors": [(j, j.pk in scored) for j in jurors],
        "is_juror": any(j.pk == post.pk for j in jurors),
        "can_edit": can_edit,
        "nominate_form": forms.get("nominate_form")
        or (_nomination_form(scheme) if can_edit and open_ else None),
        "decide_form": forms.get("decide_form")
        or (
            DecideForm(initial={"version": scheme.version})
            if scoring and (can_edit or post.pk == scheme.chair_id)
            else None
        ),
        "winners": queries.winners(scheme),
        "history": history_rows(scheme, limit=20),
    }
    return render(request, "awards/scheme.html", context, status=status)


@login_required
def scheme(request: SignedInRequest, pk: int) -> HttpResponse:
    item, _post = scheme_for_view(request, pk)
    return _page(request, item)


@login_required
@require_POST
def nominate(request: SignedInRequest, pk: int) -> HttpResponse:
    item, post = scheme_for_edit(request, pk)
    form = _nomination_form(item, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.nomination_add(
                scheme=item,
                post=post,
                actor=request.user,
                record=queries.nominee_record(item, data.get("nominee")),
                office=data.get("office"),
                name=data.get("name") or "",
                statement=data.get("statement") or "",
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The nomination is recorded."))
            return redirect(item)
    return _page(request, item, status=400, nominate_form=form)


def _step(request: SignedInRequest, item: Scheme, step: Any, done: str) -> HttpResponse:
    try:
        step(scheme=item, post=acting_post(request), actor=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return _page(request, item, status=400)
    messages.success(request, done)
    return redirect(item)


@login_required
@require_POST
def close(request: SignedInRequest, pk: int) -> HttpResponse:
    item, _post = scheme_for_edit(request, pk)
    return _step(request, item, services.scheme_close_nominations, _("The jury may score now."))


@login_required
@require_POST
def publish(request: SignedInRequest, pk: int) -> HttpResponse:
    item, _post = scheme_for_edit(request, pk)
    return _step(request, item, services.scheme_publish, _("The winners are on the showcase."))


@login_required
@require_http_methods(["GET", "POST"])
def scores(request: SignedInRequest, pk: int) -> HttpResponse:
    """The acting juror's sheet: every nomination on every criterion."""
    item, post = scheme_for_view(request, pk)
    if not item.jurors.filter(pk=post.pk).exists():
        raise PermissionDenied
    nominations, criteria = queries.nominations(item), list(item.criteria.all())
    saved = queries.sheet_of(item, post)
    initial = {f"s_{n}_{c}": v for (n, c), v in saved.items()}
    form = ScoreSheetForm(
        request.POST or None, initial=initial, nominations=nominations, criteria=criteria
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.scores_record(scheme=item, post=post, actor=request.user, scores=form.scores())
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Your scores are saved."))
            return redirect(item)
    return render(
        request,
        "awards/scores.html",
        {"scheme": item, "criteria": criteria, "form": form, "rows": form.rows()},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def decide(request: SignedInRequest, pk: int) -> HttpResponse:
    item, post = scheme_for_view(request, pk)
    if post.pk != item.chair_id:
        permissions.require_edit(post, item.office)
    form = DecideForm(request.POST)
    if form.is_valid():
        numbered = [n.pk for n in queries.nominations(item)]
        order = [numbered[i - 1] for i in form.cleaned_data["tie_order"] if 0 < i <= len(numbered)]
        try:
            services.scheme_decide(
                scheme=item,
                post=post,
                actor=request.user,
                decided_on=form.cleaned_data["decided_on"],
                tie_order=order,
                expected_version=form.cleaned_data["version"],
            )
        except StaleRecord:
            # The totals changed under the chair: show the page as it is now.
            messages.error(
                request,
                _(
                    "A juror saved scores after you opened the page; nothing was decided. "
                    "Check the totals and decide again."
                ),
            )
            return _page(request, item, status=409)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The award is decided; the office order is issued."))
            return redirect(item)
    return _page(request, item, status=400, decide_form=form)


@login_required
def award_list(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    item, _post = scheme_for_view(request, pk)
    if fmt not in papers.FORMATS:
        raise Http404
    if item.status not in (Scheme.Status.DECIDED, Scheme.Status.PUBLISHED):
        raise Http404
    data = papers.award_list(item, fmt, lang=current_lang())
    return attachment(data, fmt, f"award-list-{item.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def give(request: SignedInRequest, pk: int) -> HttpResponse:
    """An award the acting office gave an innovator it sees, recorded on its own."""
    post = acting_post(request)
    try:
        innovator = queries.innovator_of(pk)
    except Innovator.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, innovator.office)
    permissions.require_edit(post, post.office)
    form = AwardGiveForm(request.POST or None, ideas=innovator_ideas(innovator, post))
    if request.method == "POST" and form.is_valid():
        try:
            services.award_give(
                innovator=innovator, actor=request.user, post=post, **form.cleaned_data
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The award was recorded."))
            return redirect("ideas:innovator", pk=innovator.pk)
    return render(
        request,
        "awards/give.html",
        {"innovator": innovator, "form": form},
        status=400 if form.errors else 200,
    )
