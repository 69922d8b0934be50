"""The quality check before a plan is sent (issue 22, item 5): findings with suggested fixes.

Unlike the row warnings (warnings.py), which ask the officer to look at each cell,
a finding judges the plan as a whole against the standard categories and the year:

- missing_category: a category of the standard skeleton (Category.in_skeleton) has no
  row; suggested rows come from accepted plans of peer offices (same level and kind),
  the most recent first, nearest to the category by Bengali trigram similarity;
- vague_evidence: the indicator promises "উপযুক্ত প্রমাণক" and names no document;
- number_without_target: the activity promises a count ("২টি সেবা") but the row has no
  numeric target;
- no_responsible_post: nobody responsible, or only a name typed, no post chosen;
- outside_year: a date of the schedule outside the plan's year;
- near_duplicate: two rows with (nearly) the same activity (quality_text.DUPLICATE_THRESHOLD);
- out_of_order: a row that says it follows row N ("ক্রমিক ৩ এর পর") but starts before
  row N ends, or a step of a numbered chain (the rows of a service-simplification or
  e-filing category, in the seeds' order: committee, pilot, roll-out) that starts
  before the step above it.

Apps above plans add checks of their own (the evaluation framework's "missing
mandatory indicator") with `register_check` from their AppConfig.ready. Findings
never block sending: the submit screen and the division's review screen show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bangla.digits import localize_digits
from udbhabon.core.lang import current_lang
from udbhabon.plans.models import ActionPlan, Category, PlanItem, ReviewStatus
from udbhabon.plans.quality_text import (
    DUPLICATE_THRESHOLD,
    after_reference,
    count_in_text,
    near_duplicates,
    similarity,
    vague_evidence,
)
from udbhabon.plans.warnings import item_warnings

# The categories whose rows are consecutive steps (seeds 000 and 004 number them).
SEQUENTIAL_CATEGORIES = ("service_simplification", "e_service")
SUGGESTIONS = 3
PEER_ITEMS = 200  # candidate rows read for one missing category


@dataclass(frozen=True)
class Suggestion:
    office: str
    activity: str
    similarity: float


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    fix: str
    item_id: int | None = None
    serial: str = ""
    suggestions: tuple[Suggestion, ...] = field(default=())


Check = Callable[[ActionPlan, list[PlanItem]], list[Finding]]
_CHECKS: dict[str, Check] = {}


def register_check(name: str, check: Check) -> Check:
    """An app above plans adds a check (called with the plan and its live rows)."""
    existing = _CHECKS.get(name)
    if existing is not None and existing is not check:
        raise ValueError(f"quality check {name} is registered twice")
    _CHECKS[name] = check
    return check


def registered_checks() -> dict[str, Check]:
    return dict(_CHECKS)


def _serial(item: PlanItem) -> str:
    return localize_digits(f"{item.serial}{item.label}", current_lang())


def _day(value: dt.date) -> str:
    from bangla.calendar import format_date

    return format_date(value, current_lang())


def plan_items(plan: ActionPlan) -> list[PlanItem]:
    return list(
        plan.items.filter(deleted_at__isnull=True)
        .select_related("category")
        .prefetch_related("responsible_posts", "responsibilities")
        .order_by("position", "id")
    )


def plan_quality(plan: ActionPlan, items: list[PlanItem] | None = None) -> list[Finding]:
    """Every finding for the plan, plan-wide ones first, then row by row in order."""
    if items is None:
        items = plan_items(plan)
    findings = missing_categories(plan, items)
    for check in _CHECKS.values():
        findings += check(plan, items)
    findings += row_findings(plan, items)
    findings += duplicate_findings(items)
    findings += order_findings(items)
    return findings


def row_findings(plan: ActionPlan, items: list[PlanItem]) -> list[Finding]:
    out: list[Finding] = []
    period = (plan.period_start, plan.period_end)
    for item in items:
        serial = _serial(item)
        if item.indicator and vague_evidence(item.indicator):
            out.append(
                Finding(
                    "vague_evidence",
                    _("Row %(n)s: the evidence “%(text)s” names no document or record.")
                    % {"n": serial, "text": item.indicator},
                    _(
                        "Name what a checker can ask for: the minutes, the office order, "
                        "the attendance list, the photographs, a link."
                    ),
                    item.pk,
                    serial,
                )
            )
        count = count_in_text(f"{item.activity} {item.expected_outcome}")
        if count is not None and item.target_value is None:
            out.append(
                Finding(
                    "number_without_target",
                    _("Row %(n)s promises a number (%(count)s) but has no numeric target.")
                    % {"n": serial, "count": localize_digits(str(count), current_lang())},
                    _("Enter %(count)s as the row's target, with its unit.")
                    % {"count": localize_digits(str(count), current_lang())},
                    item.pk,
                    serial,
                )
            )
        out += _responsible_finding(item, serial)
        for w in item_warnings(item, period, responsible_count=1):
            if w.code == "outside_period":
                out.append(
                    Finding(
                        "outside_year",
                        _("Row %(n)s: %(message)s") % {"n": serial, "message": w.message},
                        _(
                            "Move the dates into the plan's year, "
                            "or the work into next year's plan."
                        ),
                        item.pk,
                        serial,
                    )
                )
    return out


def _responsible_finding(item: PlanItem, serial: str) -> list[Finding]:
    if item.responsible_posts.all() or item.responsibilities.all():
        return []
    if item.responsible_text.strip():
        message = _("Row %(n)s names “%(text)s” but no post is chosen.") % {
            "n": serial,
            "text": item.responsible_text,
        }
    else:
        message = _("Row %(n)s has no responsible post.") % {"n": serial}
    fix = _("Choose the responsible post, so the row reaches its holder's list.")
    return [Finding("no_responsible_post", message, fix, item.pk, serial)]


def duplicate_findings(items: list[PlanItem]) -> list[Finding]:
    out = []
    for i, j, score in near_duplicates([item.activity for item in items]):
        a, b = items[i], items[j]
        out.append(
            Finding(
                "near_duplicate",
                _("Rows %(a)s and %(b)s say nearly the same (%(percent)s%% alike).")
                % {
                    "a": _serial(a),
                    "b": _serial(b),
                    "percent": localize_digits(str(round(score * 100)), current_lang()),
                },
                _("Merge the two rows, or say in each what makes it different."),
                b.pk,
                _serial(b),
            )
        )
    return out


def order_findings(items: list[PlanItem]) -> list[Finding]:
    out: list[Finding] = []
    by_serial: dict[int, PlanItem] = {}
    for item in items:
        by_serial.setdefault(item.serial, item)
    for item in items:
        ref_serial = after_reference(item.activity)
        ref = by_serial.get(ref_serial) if ref_serial else None
        if ref is None or ref is item or not ref.end_date or not item.start_date:
            continue
        if item.start_date < ref.end_date:
            out.append(_order_finding(item, ref, ref.end_date, explicit=True))
    out += _chain_findings(items)
    return out


def _chain_findings(items: list[PlanItem]) -> list[Finding]:
    out = []
    previous: PlanItem | None = None
    for item in items:
        code = item.category.code if item.category else ""
        same_chain = (
            previous is not None
            and code in SEQUENTIAL_CATEGORIES
            and previous.category_id == item.category_id
        )
        if not same_chain:
            previous = item if item.start_date else None
            continue
        assert previous is not None
        if item.start_date and previous.start_date and item.start_date < previous.start_date:
            out.append(_order_finding(item, previous, previous.start_date, explicit=False))
        if item.start_date:
            previous = item
    return out


def _order_finding(item: PlanItem, ref: PlanItem, ref_day: dt.date, *, explicit: bool) -> Finding:
    assert item.start_date is not None
    values = {
        "n": _serial(item),
        "m": _serial(ref),
        "start": _day(item.start_date),
        "ref": _day(ref_day),
    }
    if explicit:
        message = _(
            "Row %(n)s follows row %(m)s but starts on %(start)s, before it ends (%(ref)s)."
        )
    else:
        message = _(
            "Row %(n)s is a later step than row %(m)s but starts on %(start)s, before it (%(ref)s)."
        )
    return Finding(
        "out_of_order",
        message % values,
        _("Correct the dates, or put the rows in the order they happen."),
        item.pk,
        _serial(item),
    )


def missing_categories(plan: ActionPlan, items: list[PlanItem]) -> list[Finding]:
    present = {item.category_id for item in items}
    out = []
    for category in Category.objects.filter(in_skeleton=True, is_active=True):
        if category.pk in present:
            continue
        out.append(
            Finding(
                "missing_category",
                _("No row of the standard category “%(category)s”.") % {"category": category.name},
                _("Add a row for it; rows other offices planned are below."),
                suggestions=tuple(peer_suggestions(plan, category)),
            )
        )
    return out


def peer_suggestions(plan: ActionPlan, category: Category) -> list[Suggestion]:
    """Rows of this category in accepted plans of offices like this one, the most recent
    plans first, nearest to the category by text, without near-duplicates."""
    office = plan.office
    rows = list(
        PlanItem.objects.filter(
            deleted_at__isnull=True,
            category=category,
            plan__status=ReviewStatus.ACCEPTED,
            plan__office__level=office.level,
            plan__office__kind=office.kind,
        )
        .exclude(plan__office=office)
        .exclude(activity="")
        .select_related("plan__office")
        .order_by("-plan__year", "-plan__accepted_at", "position")[:PEER_ITEMS]
    )
    anchor = " ".join([category.name_bn, *category.aliases.values_list("text", flat=True)])
    scored = sorted(
        ((similarity(anchor, r.activity), -i, r) for i, r in enumerate(rows)),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    chosen: list[Suggestion] = []
    for score, _order, row in scored:
        if any(similarity(row.activity, s.activity) >= DUPLICATE_THRESHOLD for s in chosen):
            continue
        chosen.append(Suggestion(row.plan.office.name, row.activity, score))
        if len(chosen) == SUGGESTIONS:
            break
    return chosen
