"""The scorecard of an office, the league of the offices below, and their XLSX."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bangla.fiscal import format_fiscal_year
from udbhabon.core.errors import error_text
from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import StaleRecord
from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import queries, services, sheet, totals
from udbhabon.evaluation.models import Framework, Indicator, Moderation
from udbhabon.evaluation.validation import parse_value, parse_weight
from udbhabon.offices import permissions
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.offices.models import Office

PEERS_UNDER = {"district": "cabinet", "upazila": "district", "division": "cabinet"}


def _peers_root(office: Office) -> Office | None:
    """Where an office's peers are counted from: a district among all districts (the
    Cabinet's), an upazila among those of its district."""
    kind = PEERS_UNDER.get(office.level)
    if kind is None:
        return None
    for ancestor in office_queries.ancestors(office):
        if ancestor.level == kind:
            return ancestor
    return None


@login_required
@require_GET
def scorecard(request: SignedInRequest, code: str, year: int) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    framework = queries.framework_in_force(office.level, year)
    context: dict[str, Any] = {
        "office": office,
        "year": year,
        "year_label": format_fiscal_year(year, current_lang()),
        "framework": framework,
        "crumbs": office_queries.crumbs(office, post),
        "can_enter": permissions.can_edit(post, office),
        "can_moderate": permissions.can_review(post, office),
    }
    if framework is not None:
        today = timezone.localdate()
        context["card"] = card = queries.scorecards(framework, [office], today)[office.pk]
        root = _peers_root(office)
        if root is not None:
            totals.totals_current(framework, today)
            totals.total_seen(framework, office, card.total, today)
            table = leagues.league(framework, root, today)
            context["rank"] = table.rank_of(office.pk)
            context["peers"] = len(table.cards)
            context["league"] = table
    return render(request, "evaluation/scorecard.html", context)


def league_for(request: SignedInRequest, code: str, year: int) -> tuple[Office, Any]:
    office = office_for_view(request, code)
    try:
        table = leagues.league_below(office, year, request.GET.get("level", ""))
    except LookupError as exc:
        raise Http404 from exc
    if table is None:
        return office, None
    if request.GET.get("sort") == "name":
        table.cards.sort(key=lambda c: c.office.name, reverse=request.GET.get("dir") == "desc")
    elif request.GET.get("dir") == "asc":
        table.cards.reverse()
    return office, table


@login_required
@require_GET
def league(request: SignedInRequest, code: str, year: int) -> HttpResponse:
    post = acting_post(request)
    office, table = league_for(request, code, year)
    ranks = (
        {c.office.pk: n for n, c in enumerate(sorted(table.cards, key=_best), 1)} if table else {}
    )
    return render(
        request,
        "evaluation/league.html",
        {
            "office": office,
            "year": year,
            "year_label": format_fiscal_year(year, current_lang()),
            "table": table,
            "rows": [(ranks[c.office.pk], c) for c in table.cards] if table else [],
            "crumbs": office_queries.crumbs(office, post),
            "sort": request.GET.get("sort", "total"),
            "dir": request.GET.get("dir", "desc"),
            "level": request.GET.get("level", ""),
            "can_moderate": permissions.can_review(post, office),
        },
    )


def _best(card: queries.Scorecard) -> tuple[Any, str]:
    return (-card.total, card.office.path)


@login_required
@require_GET
def league_export(request: SignedInRequest, code: str, year: int) -> HttpResponse:
    from openpyxl import Workbook

    office, table = league_for(request, code, year)
    if table is None:
        raise Http404
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = format_fiscal_year(year, current_lang())[:31]
    ws.append([_("Rank"), _("Office"), _("Total (out of 100)")])
    ranks = {c.office.pk: n for n, c in enumerate(sorted(table.cards, key=_best), 1)}
    for card in table.cards:
        ws.append([ranks[card.office.pk], card.office.name, float(card.total)])
    ws.append([])
    ws.append(["", _("Mean"), float(table.mean)])
    ws.append(["", _("Spread (standard deviation)"), float(table.spread)])
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="league-{office.code}-{year}.xlsx"'
    return response


@login_required
@require_GET
def framework_export(request: SignedInRequest, pk: int) -> HttpResponse:
    """The framework in the APA layout as XLSX: objective and weight, activity, indicator,
    unit, weight, previous year's achievement, the five grade targets, next year's projection."""
    from openpyxl import Workbook

    acting_post(request)
    framework = Framework.objects.filter(pk=pk, status=Framework.Status.ISSUED).first()
    if framework is None:
        raise Http404
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    # The APA columns, then Udbhabon's own (direction, metric, due day, mandatory), so
    # the sheet imports back (sheet.py); objective and activity on every row.
    ws.append(sheet.headers())
    for ind in queries.indicators_of(framework):
        objective = ind.activity.objective
        ws.append(
            [
                objective.title,
                float(objective.weight),
                ind.activity.title,
                ind.title,
                ind.get_unit_display(),
                float(ind.weight),
                ind.previous_achievement,
                *ind.targets,
                ind.projection,
                ind.direction,
                ind.metric_key,
                ind.due_on.isoformat() if ind.due_on else "",
                _("yes") if ind.mandatory else "",
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="framework-{framework.pk}.xlsx"'
    return response


@login_required
@require_GET
def frameworks(request: SignedInRequest) -> HttpResponse:
    """The frameworks: issued ones for every officer, drafts too for the Cabinet Division."""
    post = acting_post(request)
    cabinet = post.office.level == Office.Level.CABINET and permissions.can_edit(post, post.office)
    qs = Framework.objects.select_related("issued_by").order_by("-year", "level", "-edition")
    if not cabinet:
        qs = qs.filter(status=Framework.Status.ISSUED)
    return render(
        request,
        "evaluation/frameworks.html",
        {"frameworks": list(qs[:100]), "can_issue": cabinet, "crumbs": []},
    )


def _framework_or_404(pk: int) -> Framework:
    framework = Framework.objects.select_related("issued_by").filter(pk=pk).first()
    if framework is None:
        raise Http404
    return framework


@login_required
@require_POST
def framework_issue(request: SignedInRequest, pk: int) -> HttpResponse:
    post = acting_post(request)
    framework = _framework_or_404(pk)
    try:
        services.framework_issue(
            framework=framework, actor=request.user, post=post, expected_version=_version(request)
        )
    except StaleRecord as exc:
        current = exc.current
        _stale(request, exc, current.get_status_display() if isinstance(current, Framework) else "")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The framework is issued to the offices."))
    return redirect("evaluation:frameworks")


@login_required
@require_POST
def framework_freeze(request: SignedInRequest, pk: int) -> HttpResponse:
    """Freeze the year's scores on a day (dd/mm/yyyy), or reopen them (no day)."""
    post = acting_post(request)
    framework = _framework_or_404(pk)
    text = request.POST.get("on", "").strip()
    on = parse_value("date", text) if text else None
    if text and not isinstance(on, dt.date):
        messages.error(request, _("Write the day as dd/mm/yyyy."))
        return redirect("evaluation:frameworks")
    services.framework_freeze(
        framework=framework,
        on=on if isinstance(on, dt.date) else None,
        actor=request.user,
        post=post,
    )
    messages.success(
        request, _("The scores are frozen.") if on else _("The scores are open again.")
    )
    return redirect("evaluation:frameworks")


def _indicator_or_404(pk: int) -> Indicator:
    indicator = Indicator.objects.filter(pk=pk).first()
    if indicator is None:
        raise Http404
    return indicator


def _stale(request: SignedInRequest, exc: StaleRecord, shown: str) -> None:
    """A stale save refused: say so, with what is saved now; nothing was saved."""
    messages.error(
        request,
        _(
            "Someone else saved this after you opened the page; nothing was saved. "
            "Saved now: %(saved)s. Check it and save again."
        )
        % {"saved": shown or "—"},
    )


def _version(request: SignedInRequest) -> int | None:
    """The version the form was drawn from: 0 when it saw no record, None when the form
    carries none (an old page)."""
    text = request.POST.get("version")
    if text is None:
        return None
    return int(text) if text.isdigit() else 0


@login_required
@require_POST
def figure(request: SignedInRequest, code: str, year: int, indicator: int) -> HttpResponse:
    """The office enters its own figure for an indicator, with the evidence."""
    office = office_for_view(request, code)
    post = acting_post(request)
    ind = _indicator_or_404(indicator)
    try:
        services.figure_enter(
            office=office,
            indicator=ind,
            value=request.POST.get("value", ""),
            evidence=request.FILES.get("evidence"),
            evidence_note=request.POST.get("evidence_note", ""),
            actor=request.user,
            post=post,
            expected_version=_version(request),
        )
    except StaleRecord as exc:
        _stale(request, exc, getattr(exc.current, "value", ""))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The achievement is saved."))
    return redirect("evaluation:scorecard", code=office.code, year=year)


@login_required
@require_POST
def moderate(request: SignedInRequest, code: str, year: int, indicator: int) -> HttpResponse:
    """The superior sets an indicator's score with a reason; the office answers it."""
    office = office_for_view(request, code)
    post = acting_post(request)
    ind = _indicator_or_404(indicator)
    try:
        if "answer" in request.POST:
            moderation = Moderation.objects.filter(office=office, indicator=ind).first()
            if moderation is None:
                raise Http404
            services.moderation_answer(
                moderation=moderation,
                answer=request.POST["answer"],
                actor=request.user,
                post=post,
                expected_version=_version(request),
            )
        else:
            score = parse_weight(request.POST.get("score", ""))
            if score is None:
                raise ValidationError(_("A score is between 0 and 100."))
            services.moderation_set(
                office=office,
                indicator=ind,
                score=score,
                reason=request.POST.get("reason", ""),
                actor=request.user,
                post=post,
                expected_version=_version(request),
            )
    except StaleRecord as exc:
        current = exc.current
        shown = f"{current.score} — {current.reason}" if isinstance(current, Moderation) else ""
        _stale(request, exc, shown)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Saved."))
    return redirect("evaluation:scorecard", code=office.code, year=year)
