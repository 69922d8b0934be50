"""Officers' pages of ideas: intake, the vetting queue, an idea, the Idea
Bank, innovators and time in stage. Thin: access → query/service → render.
"""

from __future__ import annotations

import mimetypes
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.concurrency import conflict_status, record_values, save_or_conflict
from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.core.history import history_rows, version_values
from udbhabon.core.htmx import is_htmx
from udbhabon.core.lang import current_lang
from udbhabon.ideas import queries, services
from udbhabon.ideas.access import (
    idea_for_contribution,
    idea_for_edit,
    idea_for_view,
    innovator_for_view,
)
from udbhabon.ideas.forms import (
    AttachmentForm,
    BankFilterForm,
    FunnelDeadlineForm,
    IdeaEditForm,
    IntakeForm,
    MoveForm,
    ReviewerForm,
    ScoreForm,
    SimilarForm,
)
from udbhabon.ideas.models import APPROVED_STAGES, Criterion, IdeaAttachment, Review, Stage
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view

PAGE_SIZE = 50
# The Idea Bank counts at most this many matches: a common word matches tens of
# thousands of ideas for a national post, and counting them all cost ~250 ms.
# At 5,000 a district's counts stay exact and the national page costs ~50 ms
# at S=1 (1,000: 32 ms; 10,000: 75 ms — docs/PERFORMANCE.md).
BANK_COUNT_CAP = 5_000


class CappedPaginator(Paginator):
    """A paginator that counts at most `cap` rows (one COUNT over a LIMIT).

    Past the cap the pages stop at `cap` rows and `capped` is True: the page
    says "more than …" and the rest is reached by narrowing the filters.
    """

    def __init__(self, object_list: QuerySet[Any], per_page: int, *, cap: int) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _counted(self) -> int:
        return cast(QuerySet[Any], self.object_list).order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        return self._counted > self.cap


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# --- Intake -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def new(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    permissions.require_contribute(post, post.office)
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            idea = services.idea_submit(
                actor=request.user,
                post=post,
                channel=data["channel"],
                kind=data["kind"],
                title=data["title"],
                problem=data["problem"],
                solution=data["solution"],
                service=data["service"],
                beneficiaries=data["beneficiaries"],
                category=data["category"],
                received_on=data["received_on"],
                source_link=data["source_link"],
                source_photo=data["source_photo"],
                submitter_name=data["submitter_name"],
                submitter_phone=data["submitter_phone"],
                submitter_email=data["submitter_email"],
                **{name: data[name] for name in services.IDEA_NUMBER_FIELDS},
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(
                request,
                _("The idea was saved with the tracking code %(code)s.")
                % {"code": idea.display_code},
            )
            return redirect("ideas:detail", pk=idea.pk)
    similar = queries.SimilarBox(shown=[], unvetted_elsewhere=0)
    if request.method == "POST" and form.data.get("title"):
        similar = queries.similar_for(
            f"{form.data.get('title', '')} {form.data.get('problem', '')[:600]}",
            viewer=post,
            office=post.office,
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "ideas/new.html",
        {"form": form, "office": post.office, "similar": similar},
        status=status,
    )


@login_required
@require_POST
def similar(request: SignedInRequest) -> HttpResponse:
    """The similar-ideas box of the intake form, refreshed while typing (htmx)."""
    post = acting_post(request)
    text = SimilarForm(request.POST).text()
    found = queries.similar_for(text, viewer=post, office=post.office) if text.strip() else None
    return render(request, "ideas/_similar.html", {"similar": found, "typed": bool(text.strip())})


# --- One idea ----------------------------------------------------------------


def _detail_context(request: HttpRequest, idea: Any, post: Any, **forms: Any) -> dict[str, Any]:
    can_edit = permissions.can_edit(post, idea.office)
    reviews = queries.reviews_of(idea)
    criteria = list(Criterion.objects.filter(is_active=True))
    allowed = services.allowed_moves(idea) if can_edit else []
    my_review = next((r for r in reviews if r.reviewer_id == post.pk), None)
    similar = None
    if not idea.is_final:
        # Elsewhere in the country: approved ideas by title and office only (no
        # link, no code); unvetted ones counted (queries.similar_for).
        similar = queries.similar_for(
            f"{idea.title} {idea.problem}", viewer=post, office=idea.office, exclude=[idea.pk]
        )
    return {
        "idea": idea,
        "post": post,
        "can_edit": can_edit,
        "approved_stages": APPROVED_STAGES,
        "can_contribute": permissions.can_contribute(post, idea.office),
        "show_contact": permissions.can_contribute(post, idea.office),
        "can_see_innovator": permissions.can_view(post, idea.submitter.office),
        "transitions": queries.transitions_of(idea),
        "reviews": reviews,
        "show_notes": can_edit,
        "summary": queries.summarise_reviews(reviews, criteria),
        "my_review": my_review,
        "similar": similar,
        "duplicates": queries.duplicates_of(idea),
        "attachments": list(idea.attachments.all()),
        "overdue": queries.is_overdue(idea),
        "move_form": forms.get("move_form") or (MoveForm(allowed=allowed) if allowed else None),
        "reviewer_form": forms.get("reviewer_form")
        or (ReviewerForm(posts=queries.reviewer_choices(idea.office)) if can_edit else None),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "history": history_rows(idea, limit=20),
        "crumbs": [idea.office],
    }


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_view(request, pk)
    return render(request, "ideas/detail.html", _detail_context(request, idea, post))


@login_required
@require_POST
def move(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_edit(request, pk)
    form = MoveForm(request.POST, allowed=services.allowed_moves(idea))
    if form.is_valid():
        data = form.cleaned_data
        try:
            if idea.stage == Stage.CLARIFICATION:
                services.idea_clarification_answer(
                    idea=idea,
                    text=data["note"] or data["answer"],
                    actor=request.user,
                    post=post,
                )
            elif idea.stage == Stage.AWAITING_VETTING:
                # The monthly meeting's decisions go through idea_vet, as the
                # meetings app's do (a meeting named without a date: today).
                services.idea_vet(
                    idea=idea,
                    decision=data["to"],
                    reason=data["answer"],
                    note=data["note"],
                    actor=request.user,
                    post=post,
                    meeting_ref=data["meeting_ref"] or None,
                    meeting_date=data["meeting_date"],
                    merged_into=data["merged_into"],
                )
            else:
                services.idea_transition(
                    idea=idea,
                    to=data["to"],
                    actor=request.user,
                    post=post,
                    answer=data["answer"],
                    note=data["note"],
                    meeting_ref=data["meeting_ref"] or None,
                    meeting_date=data["meeting_date"],
                    merged_into=data["merged_into"],
                )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(
                request, _("Recorded: %(stage)s.") % {"stage": Stage(idea.stage).label}
            )
            return redirect(_safe_next(request, reverse("ideas:detail", args=[idea.pk])))
    context = _detail_context(request, idea, post, move_form=form)
    return render(request, "ideas/detail.html", context, status=400)


@login_required
@require_POST
def propose_to_head(request: SignedInRequest, pk: int) -> HttpResponse:
    """The team proposes the idea to the head (offices whose head approves ideas)."""
    idea, post = idea_for_edit(request, pk)
    try:
        approval = services.idea_propose_to_head(idea=idea, actor=request.user, post=post)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("ideas:detail", pk=idea.pk)
    messages.success(request, _("Proposed to the head."))
    return redirect("plans:approval", pk=approval.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_edit(request, pk)
    form = IdeaEditForm(request.POST or None, instance=idea, version=idea.version)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            saved = save_or_conflict(
                form,
                lambda version: services.idea_update(
                    idea=idea, actor=request.user, post=post, expected_version=version, **fields
                ),
                record_values(fields),
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            if saved is not None:
                messages.success(request, _("The idea was updated."))
                return redirect("ideas:detail", pk=idea.pk)
    status = conflict_status(form) if request.method == "POST" else 200
    return render(request, "ideas/edit.html", {"idea": idea, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def version(request: SignedInRequest, pk: int, entry: int) -> HttpResponse:
    """An earlier version of an idea (from its history), and restoring it (POST)."""
    idea, post = idea_for_view(request, pk)
    found = get_object_or_404(idea.history.all(), history_id=entry)
    can_restore = permissions.can_edit(post, idea.office)
    if request.method == "POST":
        if not can_restore:
            raise PermissionDenied
        try:
            services.idea_restore_version(
                idea=idea, history_entry=found, actor=request.user, post=post
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The version was restored."))
        return redirect("ideas:detail", pk=idea.pk)
    context = {
        "heading": idea.title,
        "back_url": reverse("ideas:detail", args=[idea.pk]),
        "entry": found,
        "number": found.version,
        "values": version_values(found, services.RESTORED_FIELDS),
        "can_restore": can_restore,
    }
    return render(request, "core/history_version.html", context)


@login_required
@require_POST
def assign_reviewer(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_edit(request, pk)
    form = ReviewerForm(request.POST, posts=queries.reviewer_choices(idea.office))
    if form.is_valid():
        try:
            services.review_assign(
                idea=idea, reviewer=form.cleaned_data["reviewer"], actor=request.user, post=post
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The reviewer was asked to score the idea."))
            return redirect("ideas:detail", pk=idea.pk)
    context = _detail_context(request, idea, post, reviewer_form=form)
    return render(request, "ideas/detail.html", context, status=400)


def review_values(review: Review) -> dict[str, Any]:
    """A review as its form shows it (the form's initial; the saved side of a conflict)."""
    scores = {f"c{s.criterion_id}": s.score for s in review.scores.all()}
    return scores | {"notes": review.notes}


@login_required
@require_http_methods(["GET", "POST"])
def review(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_view(request, pk)
    item = Review.objects.filter(idea=idea, reviewer=post).prefetch_related("scores").first()
    if item is None:
        raise Http404
    criteria = list(Criterion.objects.filter(is_active=True))
    form = ScoreForm(
        request.POST or None, criteria=criteria, initial=review_values(item), version=item.version
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_or_conflict(
                form,
                lambda version: services.review_submit(
                    review=item,
                    scores=form.scores(),
                    notes=form.cleaned_data["notes"],
                    actor=request.user,
                    post=post,
                    expected_version=version,
                ),
                review_values,
                drawn_values=lambda _review, _version: None,  # past scores are not kept
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            if saved is not None:
                messages.success(request, _("Your scores were saved."))
                return redirect("ideas:detail", pk=idea.pk)
    status = conflict_status(form) if request.method == "POST" else 200
    return render(request, "ideas/review.html", {"idea": idea, "form": form}, status=status)


@login_required
@require_POST
def attach(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_contribution(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                idea=idea,
                file=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
                actor=request.user,
                post=post,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("ideas:detail", pk=idea.pk)
    context = _detail_context(request, idea, post, attachment_form=form)
    return render(request, "ideas/detail.html", context, status=400)


@login_required
def attachment(request: SignedInRequest, pk: int, att: int) -> HttpResponse:
    idea, _post = idea_for_view(request, pk)
    item = get_object_or_404(IdeaAttachment, pk=att, idea=idea)
    # Read whole (uploads are capped by UDBHABON_MAX_UPLOAD_BYTES), through the
    # view so the permission rule applies to every download.
    with item.file.open("rb") as handle:
        body = handle.read()
    content_type = mimetypes.guess_type(item.filename)[0] or "application/octet-stream"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, item.filename)
    return response


# --- Vetting -------------------------------------------------------------------


@login_required
def vetting(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    code = request.GET.get("office") or post.office.code
    office = post.office if code == post.office.code else office_for_view(request, code)
    permissions.require_view(post, office)
    meeting = {
        "meeting_ref": request.GET.get("meeting_ref", ""),
        "meeting_date": request.GET.get("meeting_date", ""),
    }
    context = queries.vetting_queue(office, viewer=post)
    rule = context["rule"]
    context.update(
        {
            "office": office,
            "deadline_form": FunnelDeadlineForm(
                initial={"approval_day": rule.approval_day, "pilot_days": rule.pilot_days}
            ),
            "can_edit": permissions.can_edit(post, office),
            "meeting": meeting,
            "cycle_days": queries.vetting_cycle_days(),
            "next_url": request.get_full_path(),
        }
    )
    return render(request, "ideas/vetting.html", context)


@login_required
@require_POST
def funnel_deadlines(request: SignedInRequest) -> HttpResponse:
    """The acting office's deadlines after vetting (a form on the vetting page)."""
    post = acting_post(request)
    permissions.require_edit(post, post.office)
    form = FunnelDeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.funnel_deadline_set(
                office=post.office, actor=request.user, post=post, **form.cleaned_data
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The deadlines after vetting are saved."))
            return redirect(reverse("ideas:vetting") + "#deadlines")
    messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(reverse("ideas:vetting") + "#deadlines")


# --- The Idea Bank ----------------------------------------------------------------


@login_required
def bank(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    form = BankFilterForm(
        request.GET or None,
        years=queries.fiscal_years_of_ideas(),
        offices=queries.office_choices(post),
        lang=current_lang(),
    )
    # A filter that does not fit (a year with no ideas) is left out; the others apply.
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    paginator = CappedPaginator(queries.idea_bank(post, filters), PAGE_SIZE, cap=BANK_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "ideas/bank.html#results" if is_htmx(request) else "ideas/bank.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "query": query.urlencode(), "office": post.office},
    )


@login_required
def stages(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    code = request.GET.get("office") or post.office.code
    office = post.office if code == post.office.code else office_for_view(request, code)
    rows = queries.stage_report(office)
    return render(
        request,
        "ideas/stages.html",
        {
            "office": office,
            "rows": rows,
            "stages": [Stage(s) for s in queries.OPEN_STAGES],
            "overdue": queries.overdue_ideas(office, limit=20),
            "cycle_days": queries.vetting_cycle_days(),
            "is_top": office.pk == post.office_id,
            "top": post.office,
        },
    )


# --- Innovators -------------------------------------------------------------------


@login_required
def innovators(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    q = (request.GET.get("q") or "").strip()[:100]
    page = Paginator(queries.innovators(post, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({"q": q}) if q else ""
    return render(
        request,
        "ideas/innovators.html",
        {"page": page, "q": q, "query": query, "office": post.office},
    )


def _innovator_context(innovator: Any, post: Any) -> dict[str, Any]:
    return {
        "innovator": innovator,
        "ideas": queries.innovator_ideas(innovator, post),
        "awards": queries.innovator_awards(innovator),
        "can_award": permissions.can_edit(post, post.office),
        "show_contact": permissions.can_edit(post, innovator.office),
        "history": history_rows(innovator, limit=20),
    }


@login_required
def innovator(request: SignedInRequest, pk: int) -> HttpResponse:
    item, post = innovator_for_view(request, pk)
    return render(request, "ideas/innovator.html", _innovator_context(item, post))
