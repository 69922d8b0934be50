"""Every change to frameworks and scores: `<entity>_<action>(*, ..., actor)`.

Only the Cabinet Division creates, issues and revises a framework, and sets or
clears the day its scores are frozen; a division adds its own objective inside the
share the framework allows; an office enters its figure for an indicator not
measured from records; the superior moderates an indicator and the office answers.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import localize_digits
from bangla.fiscal import format_fiscal_year
from udbhabon.core.attribution import attribute
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import current_lang
from udbhabon.core.versioning import StaleRecord
from udbhabon.documents import workflow
from udbhabon.evaluation.models import (
    Activity,
    EnteredFigure,
    Framework,
    Indicator,
    IndicatorLink,
    Moderation,
    Objective,
)
from udbhabon.evaluation.validation import check_objective, clean_spec, parse_value
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.services.common import authorise


def _cabinet(actor: User | None, post: Post | None, office: Office) -> None:
    if office.level != Office.Level.CABINET:
        raise PermissionDenied
    authorise(actor, post, office, permissions.can_edit)


def _save_tree(
    framework: Framework, objectives: list[dict[str, Any]], added_by: Office | None
) -> None:
    start = framework.objectives.aggregate(m=Max("position"))["m"] or 0
    for o_pos, obj in enumerate(objectives, start=start + 1):
        objective = Objective.objects.create(
            framework=framework,
            position=o_pos,
            title=str(obj.get("title") or "").strip(),
            weight=obj["weight"],
            added_by=added_by,
        )
        for a_pos, act in enumerate(obj.get("activities") or [], start=1):
            activity = Activity.objects.create(
                objective=objective, position=a_pos, title=str(act.get("title") or "").strip()
            )
            for i_pos, ind in enumerate(act.get("indicators") or [], start=1):
                Indicator.objects.create(
                    activity=activity,
                    position=i_pos,
                    title=str(ind.get("title") or "").strip(),
                    unit=ind["unit"],
                    direction=ind["direction"],
                    weight=ind["weight"],
                    targets=[_stored(v) for v in ind["targets"]],
                    previous_achievement=str(ind.get("previous") or ""),
                    projection=str(ind.get("projection") or ""),
                    metric_key=ind["metric"],
                    metric_params=ind.get("params") or {},
                    due_on=ind["due_on"],
                    mandatory=ind["mandatory"],
                )


def _stored(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@transaction.atomic
def framework_create(
    *,
    issued_by: Office,
    year: int,
    level: str,
    effective_from: dt.date,
    spec: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    division_share: int = 0,
    title: str = "",
) -> Framework:
    """A draft framework (the next edition for its year and level), all or nothing."""
    _cabinet(actor, post, issued_by)
    spec = clean_spec(copy.deepcopy(spec))
    edition = (
        Framework.objects.filter(year=year, level=level).aggregate(m=Max("edition"))["m"] or 0
    ) + 1
    framework = Framework(
        year=year,
        level=level,
        edition=edition,
        effective_from=effective_from,
        issued_by=issued_by,
        division_share=division_share,
        title=title,
    )
    save_with_history(framework, actor=actor, reason=gettext_noop("framework drafted"))
    _save_tree(framework, spec["objectives"], None)
    return framework


@transaction.atomic
def framework_update(
    *,
    framework: Framework,
    effective_from: dt.date,
    spec: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    division_share: int = 0,
    title: str = "",
    expected_version: int | None = None,
) -> Framework:
    """A draft's header and its whole table replaced, all or nothing; StaleRecord when
    someone saved the draft after ``expected_version`` (what the form was drawn from)."""
    _cabinet(actor, post, framework.issued_by)
    if framework.status != Framework.Status.DRAFT:
        raise ValidationError(
            _("An issued framework is not edited: issue a revision (its next edition)."),
            code="issued",
        )
    spec = clean_spec(copy.deepcopy(spec))
    framework.effective_from, framework.title = effective_from, title
    framework.division_share = division_share
    save_with_history(
        framework,
        actor=actor,
        reason=gettext_noop("framework edited"),
        expected_version=expected_version,
    )
    framework.objectives.filter(added_by__isnull=True).delete()
    _save_tree(framework, spec["objectives"], None)
    return framework


def _may_issue(post: Post | None, framework: Framework) -> bool:
    office = framework.issued_by
    return office.level == Office.Level.CABINET and permissions.can_edit(post, office)


def _framework_letter(step: workflow.Step) -> dict[str, Any]:
    """The issuing letter: to every office of the level, copied to the divisions."""
    framework = step.paper
    level = str(framework.get_level_display())
    divisions = Office.objects.filter(level=Office.Level.DIVISION, is_active=True)
    return {
        "subject": _("Evaluation framework for %(level)s, fiscal year %(year)s (edition %(n)s)")
        % {
            "level": level,
            "year": format_fiscal_year(framework.year, current_lang()),
            "n": localize_digits(str(framework.edition), current_lang()),
        },
        "addressee": _("Every %(level)s") % {"level": level},
        "distribution": [d.name for d in divisions.order_by("path")[:20]],
        "body": _(
            "The evaluation framework attached applies from %(day)s. Each office's score "
            "is computed against it in Udbhabon."
        )
        % {"day": localize_digits(framework.effective_from.strftime("%d/%m/%Y"), current_lang())},
    }


def _keep_letter(step: workflow.Step) -> None:
    if step.letter is not None:
        Framework.objects.filter(pk=step.paper.pk).update(letter=step.letter)
        step.paper.letter = step.letter


def _receivers(step: workflow.Step) -> list[Post]:
    """The innovation officers of the offices the framework scores."""
    return list(
        Post.objects.filter(
            office__level=step.paper.level,
            office__is_active=True,
            role=Post.Role.INNOVATION_OFFICER,
            is_active=True,
        ).select_related("office")
    )


# Issued DOWN the tree (documents/workflow.py): the Cabinet Division issues a draft
# framework with a memo-numbered letter to the offices of its level, who are told.
FRAMEWORK = workflow.PaperKind(
    name="framework",
    model=Framework,
    states=tuple(Framework.Status.values),
    office_of=lambda framework: framework.issued_by,
    lock_related=("issued_by",),
    url_of=lambda framework: reverse("evaluation:framework", args=[framework.pk]),
    transitions=(
        workflow.Transition(
            name="issue",
            sources=(Framework.Status.DRAFT,),
            target=Framework.Status.ISSUED,
            allowed=_may_issue,
            reason=gettext_noop("framework issued"),
            refused=gettext_noop("This framework is already issued."),
            refused_code="issued",
            comment="none",
            stamp="issued_at",
            issues=workflow.Issue(kind="framework", signed_by_actor=True, fill=_framework_letter),
            record=_keep_letter,
            notify=_receivers,
            message=gettext_noop(
                "The Cabinet Division issued the evaluation framework %(framework)s."
            ),
            params=lambda step: {"framework": str(step.paper)},
        ),
    ),
)


def framework_issue(
    *,
    framework: Framework,
    actor: User | None,
    post: Post | None = None,
    expected_version: int | None = None,
) -> Framework:
    """Issue a draft down the tree through the paper workflow (letter, notices, history)."""
    if framework.issued_by.level != Office.Level.CABINET:
        raise PermissionDenied
    step = workflow.perform(
        FRAMEWORK,
        framework,
        "issue",
        actor=actor,
        post=post,
        expected_version=expected_version,
    )
    return step.paper


@transaction.atomic
def framework_add_division_objective(
    *,
    framework: Framework,
    division: Office,
    objective: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
) -> Objective:
    """A division's own objective, weighted inside the share the framework allows."""
    if division.level != Office.Level.DIVISION:
        raise PermissionDenied
    authorise(actor, post, division, permissions.can_edit)
    objective = copy.deepcopy(objective)
    problems: list[str] = []
    weight = check_objective(objective, 1, problems)
    used = sum((o.weight for o in framework.objectives.filter(added_by=division)), Decimal(0))
    if used + weight > framework.division_share:
        problems.append(
            _("A division may add up to %(share)s of the 100; this would make %(sum)s.")
            % {"share": framework.division_share, "sum": used + weight}
        )
    if problems:
        raise ValidationError(problems, code="framework_invalid")
    _save_tree(framework, [objective], division)
    return framework.objectives.filter(added_by=division).order_by("-position").first()  # type: ignore[return-value]


@transaction.atomic
def framework_freeze(
    *, framework: Framework, on: dt.date | None, actor: User | None, post: Post | None = None
) -> Framework:
    """Freeze the year's scores on ``on`` (the scores are stored), or reopen them (None)."""
    from udbhabon.evaluation.queries import freeze_scores

    _cabinet(actor, post, framework.issued_by)
    framework.frozen_on = on
    save_with_history(
        framework,
        actor=actor,
        reason=gettext_noop("scores frozen") if on else gettext_noop("scores reopened"),
    )
    freeze_scores(framework)
    return framework


# The columns' lengths (EnteredFigure.value, .evidence_note): a longer text is refused
# with a message, not cut and not left to the database (it raised a 500).
VALUE_MAX, NOTE_MAX = 64, 500


@transaction.atomic
def figure_enter(
    *,
    office: Office,
    indicator: Indicator,
    value: str,
    actor: User | None,
    post: Post | None = None,
    evidence: Any = None,
    evidence_note: str = "",
    expected_version: int | None = None,
) -> EnteredFigure:
    """The office's own figure for an indicator that no metric measures.

    ``expected_version`` is the figure's version the form was drawn from (0: the form
    saw no figure yet); StaleRecord, nothing saved, when someone saved since."""
    authorise(actor, post, office, permissions.can_edit)
    if indicator.metric_key:
        raise ValidationError(_("This indicator is measured from the records."), code="measured")
    if len(value) > VALUE_MAX or len(evidence_note) > NOTE_MAX:
        raise ValidationError(
            _("The achievement takes at most 64 characters and the evidence named 500."),
            code="too_long",
        )
    if parse_value(indicator.unit, value) is None:
        raise ValidationError(_("“%(value)s” is not a valid achievement.") % {"value": value})
    if not evidence and not evidence_note.strip():
        raise ValidationError(_("Name or upload the evidence."), code="no_evidence")
    found = (
        EnteredFigure.objects.select_for_update().filter(office=office, indicator=indicator).first()
    )
    _check_drawn(found, expected_version)
    figure = found or EnteredFigure(office=office, indicator=indicator)
    figure.value, figure.evidence_note, figure.entered_by = value, evidence_note, actor
    if evidence:
        figure.evidence = evidence
    saved = save_with_history(figure, actor=actor, reason=gettext_noop("figure entered"))
    _totals_changed(indicator, office)
    return saved


def _check_drawn(found: Any, expected_version: int | None) -> None:
    """StaleRecord unless the record is at the version the form was drawn from
    (0 or None for a form drawn when there was none; None also: not checked)."""
    if expected_version is None:
        return
    actual = found.version if found is not None else 0
    if actual != expected_version:
        raise StaleRecord(found, expected=expected_version)


def _totals_changed(indicator: Indicator, office: Office) -> None:
    from udbhabon.evaluation.totals import totals_refresh

    framework = indicator.activity.objective.framework
    transaction.on_commit(lambda: totals_refresh(framework=framework, offices=[office]))


@transaction.atomic
def moderation_set(
    *,
    office: Office,
    indicator: Indicator,
    score: Decimal,
    reason: str,
    actor: User | None,
    post: Post | None = None,
    expected_version: int | None = None,
) -> Moderation:
    """The superior replaces an indicator's score, with a reason (``expected_version``
    as for figure_enter)."""
    assert office.parent is not None
    superior = authorise(actor, post, office, permissions.can_review)
    if not reason.strip():
        raise ValidationError(_("Give the reason for the moderation."), code="no_reason")
    if not Decimal(0) <= score <= Decimal(100):
        raise ValidationError(_("A score is between 0 and 100."), code="score_range")
    found = Moderation.objects.select_for_update().filter(office=office, indicator=indicator)
    moderation = found.first()
    _check_drawn(moderation, expected_version)
    moderation = moderation or Moderation(office=office, indicator=indicator)
    moderation.score, moderation.reason = score, reason
    moderation.by = superior.office if superior else office.parent
    saved = save_with_history(moderation, actor=actor, reason=gettext_noop("score moderated"))
    _totals_changed(indicator, office)
    return saved


@transaction.atomic
def moderation_answer(
    *,
    moderation: Moderation,
    answer: str,
    actor: User | None,
    post: Post | None = None,
    expected_version: int | None = None,
) -> Moderation:
    authorise(actor, post, moderation.office, permissions.can_edit)
    if not answer.strip():
        raise ValidationError(_("Write the answer."), code="no_answer")
    moderation.answer = answer
    return save_with_history(
        moderation,
        actor=actor,
        reason=gettext_noop("moderation answered"),
        expected_version=expected_version,
    )


@transaction.atomic
def links_set(
    *,
    office: Office,
    framework: Framework,
    chosen: set[tuple[int, int]],
    actor: User | None,
    post: Post | None = None,
) -> tuple[int, int]:
    """The office's plan rows that serve the framework's indicators, as chosen
    ((row id, indicator id) pairs of its plan for the year and of the framework; any
    other pair refuses the whole save). Returns (links added, links removed)."""
    from udbhabon.plans.queries.lists import plan_for_year
    from udbhabon.plans.queries.rows import live_items

    authorise(actor, post, office, permissions.can_edit)
    plan = plan_for_year(office, framework.year)
    items = set(live_items(plan).values_list("pk", flat=True)) if plan else set()
    indicators = set(
        Indicator.objects.filter(activity__objective__framework=framework).values_list(
            "pk", flat=True
        )
    )
    if any(item not in items or ind not in indicators for item, ind in chosen):
        raise ValidationError(
            _("A row or an indicator chosen is not of this plan or framework."), code="foreign"
        )
    existing = {
        (link.item_id, link.indicator_id): link
        for link in IndicatorLink.objects.filter(item__in=items, indicator__in=indicators)
    }
    removed = [link for pair, link in existing.items() if pair not in chosen]
    for link in removed:
        attribute(link, actor=actor, reason=gettext_noop("row no longer serves the indicator"))
        link.delete()
    added = 0
    for item, ind in sorted(chosen - set(existing)):
        link = IndicatorLink(item_id=item, indicator_id=ind)
        save_with_history(link, actor=actor, reason=gettext_noop("row serves the indicator"))
        added += 1
    return added, len(removed)
