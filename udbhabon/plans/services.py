"""Every state change of plans, items, progress and reports (the only write path).

Views, the document importer, the meetings app and management commands call
these. Each takes the acting ``actor`` (a User; None for the system itself, as
in demo loading) and optionally the ``post`` they act for; without a post, the
actor's current post that the rule allows is used. Each checks the rule
(offices/permissions.py, access.can_record_progress), runs in a transaction and
records history with a reason.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import localize_digits, to_ascii_digits, to_bengali_digits
from bangla.schedules import parse_schedule
from bangla.text import loose_key, normalize
from udbhabon.core.history import save_with_history
from udbhabon.documents.importing import source_fields
from udbhabon.documents.services import letter_issue
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.offices.queries import current_posts
from udbhabon.plans import periods
from udbhabon.plans.access import EDITABLE, can_record_progress
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    CategoryAlias,
    Evidence,
    EvidenceKind,
    InnovationTeam,
    ItemStatus,
    Occurrence,
    PlanItem,
    ProgressReport,
    ProgressUpdate,
    ReportItem,
    ReviewComment,
    ReviewStatus,
    ScheduleKind,
    Submission,
    TeamMember,
    TeamRole,
    YearKind,
)
from udbhabon.plans.warnings import as_date, item_warnings, unacknowledged

Check = Callable[[Post | None, Office], bool]

# ---------------------------------------------------------------------------
# Who acts


def _authorise(actor: User | None, post: Post | None, office: Office, check: Check) -> Post | None:
    """The post allowed to act on ``office``, or PermissionDenied.

    actor and post both None is the system itself (demo data, migrations).
    """
    if actor is None and post is None:
        return None
    if post is None:
        post = next((p for p in current_posts(actor) if check(p, office)), None)
    if not check(post, office):
        raise PermissionDenied
    return post


def _now() -> dt.datetime:
    return timezone.now()


# ---------------------------------------------------------------------------
# Categories


def category_match(text: str, *, categories: Sequence[Category] | None = None) -> Category | None:
    """The standard category ``text`` names, by name or alias, spelling-tolerant.

    Matching is on bangla.text.loose_key (ি/ী, ঃ, spaces, "।" fold away), so
    "অধস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি।" finds "অধঃস্তন ...". Two queries.
    """
    key = loose_key(text or "")
    if not key:
        return None
    if categories is None:
        categories = list(Category.objects.filter(is_active=True))
    by_id = {c.pk: c for c in categories}
    for c in categories:
        if key in (loose_key(c.name_bn), loose_key(c.name_en)):
            return c
    for alias in CategoryAlias.objects.filter(category_id__in=list(by_id)):
        if loose_key(alias.text) == key:
            return by_id[alias.category_id]
    return None


# ---------------------------------------------------------------------------
# Schedules


def _set_schedule(item: PlanItem, schedule: dict[str, Any]) -> None:
    """Store a contract SCHEDULE dict and its indexed first and last day."""
    kind = schedule.get("kind")
    if kind not in ScheduleKind.values:
        schedule = {
            "kind": "unparsed",
            "text": schedule.get("text") or "",
            "start": None,
            "end": None,
        }
        kind = "unparsed"
    item.schedule = schedule
    item.schedule_kind = kind
    start, end = as_date(schedule.get("start")), as_date(schedule.get("end"))
    if start is None or end is None:
        start = end = None  # both or neither (constraint item_dates_both_or_neither)
    item.start_date, item.end_date = start, end


def _read_schedule(item: PlanItem, start_text: str, end_text: str, plan: ActionPlan) -> None:
    item.start_text, item.end_text = normalize(start_text), normalize(end_text)
    reading = parse_schedule(item.start_text, item.end_text, (plan.period_start, plan.period_end))
    _set_schedule(item, reading.schedule)


def _split_text(text: str) -> tuple[str, str]:
    start, sep, end = (text or "").partition(" | ")
    return normalize(start), normalize(end) if sep else ""


def _sync_occurrences(item: PlanItem) -> None:
    """Occurrence rows mirror schedule["occurrences"]; ticks survive an edit."""
    wanted = item.schedule.get("occurrences") or [] if item.schedule_kind == "occurrences" else []
    existing = list(item.occurrences.all())
    keep: dict[tuple[Any, ...], Occurrence] = {
        (o.start, o.end, o.place, o.label): o for o in existing
    }
    used: set[int] = set()
    for position, occ in enumerate(wanted):
        key = (
            as_date(occ.get("start")),
            as_date(occ.get("end")),
            occ.get("place") or "",
            occ.get("label") or "",
        )
        row = keep.get(key)
        if row is not None and row.pk not in used:
            used.add(row.pk)
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])
            continue
        row = Occurrence(
            item=item, position=position, start=key[0], end=key[1], place=key[2], label=key[3]
        )
        row.save()
        used.add(row.pk)
    stale = [o.pk for o in existing if o.pk not in used]
    if stale:
        Occurrence.objects.filter(pk__in=stale).delete()


_YEAR = re.compile(r"(?<![০-৯0-9])([০-৯0-9]{4})(?![০-৯0-9])")


def shift_years(text: str, years: int) -> str:
    """Move every four-digit year in ``text`` by ``years``, keeping its digits' script.

    >>> shift_years("০১ জুলাই ২০১৭", 1)
    '০১ জুলাই ২০১৮'
    """

    def move(match: re.Match[str]) -> str:
        written = match.group(1)
        value = int(to_ascii_digits(written))
        if not 1950 <= value <= 2100:
            return written
        moved = str(value + years)
        return to_bengali_digits(moved) if written[0] in "০১২৩৪৫৬৭৮৯" else moved

    return _YEAR.sub(move, text)


# ---------------------------------------------------------------------------
# Plans and items


def _live_items(plan: ActionPlan):
    return plan.items.filter(deleted_at__isnull=True)


def _step_aside(rows) -> None:  # noqa: ANN001
    """Move rows' positions above every position in use, so renumbering cannot hit the
    unique (plan, position) constraint mid-update (SQLite and PostgreSQL check per row)."""
    top = PlanItem.objects.filter(plan_id__in=rows.values("plan_id")).aggregate(m=Max("position"))
    rows.update(position=F("position") + (top["m"] or 0) + 1)


def _renumber(plan: ActionPlan, items: list[PlanItem] | None = None) -> None:
    """Positions and serials 1..n in table order (``items``: a new order to apply)."""
    if items is None:
        items = list(_live_items(plan).order_by("position", "id"))
    _step_aside(_live_items(plan))
    for number, item in enumerate(items, start=1):
        item.position = number
        item.serial = number
    PlanItem.objects.bulk_update(items, ["position", "serial"])


def _responsible_posts(office: Office, posts: Iterable[Post | int]) -> list[Post]:
    ids = [p.pk if isinstance(p, Post) else int(p) for p in posts]
    found = list(Post.objects.filter(pk__in=ids, office=office))
    if len(found) != len(set(ids)):
        raise ValidationError(
            _("Responsible posts must be posts of this office."), code="foreign_post"
        )
    return found


@transaction.atomic
def plan_create(
    *,
    office: Office,
    year: int,
    actor: User | None,
    post: Post | None = None,
    year_kind: str = YearKind.FISCAL,
    start_from: str = "empty",
) -> ActionPlan:
    """A new draft plan of ``office`` for ``year``.

    ``start_from``: "empty"; "last_year" copies the latest earlier plan's items
    with their dates moved forward by the years between; "skeleton" makes one
    item per category of the standard template.
    """
    _authorise(actor, post, office, permissions.can_edit)
    if ActionPlan.objects.filter(office=office, year=year).exists():
        raise ValidationError(
            _("This office already has a plan for %(year)s.")
            % {"year": periods.year_label(year, year_kind)},
            code="plan_exists",
        )
    period = periods.period_of(year, year_kind)
    plan = save_with_history(
        ActionPlan(
            office=office,
            year=year,
            year_kind=year_kind,
            period_start=period.start,
            period_end=period.end,
        ),
        actor=actor,
        reason=gettext_noop("created"),
    )
    if start_from == "last_year":
        previous = ActionPlan.objects.filter(office=office, year__lt=year).order_by("-year").first()
        if previous is None:
            raise ValidationError(
                _("There is no earlier plan of this office to start from."), code="no_previous"
            )
        _copy_items(previous, plan, actor)
    elif start_from == "skeleton":
        for position, category in enumerate(
            Category.objects.filter(in_skeleton=True, is_active=True), start=1
        ):
            item = PlanItem(plan=plan, position=position, serial=position, category=category)
            _read_schedule(item, "", "", plan)
            save_with_history(item, actor=actor, reason=gettext_noop("created"))
    elif start_from != "empty":
        raise ValueError(f"unknown start {start_from!r}")
    return plan


def _copy_items(source: ActionPlan, plan: ActionPlan, actor: User | None) -> None:
    years = plan.year - source.year
    items = (
        _live_items(source)
        .select_related("category")
        .prefetch_related("responsible_posts")
        .order_by("position", "id")
    )
    for position, old in enumerate(items, start=1):
        item = PlanItem(
            plan=plan,
            position=position,
            serial=position,
            label=old.label,
            category=old.category,
            category_text=old.category_text,
            activity=old.activity,
            responsible_text=old.responsible_text,
            expected_outcome=old.expected_outcome,
            indicator=old.indicator,
            target_value=old.target_value,
            target_unit=old.target_unit,
            copied_from=old,
        )
        _read_schedule(
            item, shift_years(old.start_text, years), shift_years(old.end_text, years), plan
        )
        save_with_history(item, actor=actor, reason=gettext_noop("copied from last year"))
        posts = [p for p in old.responsible_posts.all() if p.office_id == plan.office_id]
        if posts:
            item.responsible_posts.set(posts)
        _sync_occurrences(item)


def _reload(item: PlanItem) -> None:
    """Work on the row as stored (locked), never on a copy a caller held for a while."""
    PlanItem.objects.select_for_update().filter(pk=item.pk).first()
    item.refresh_from_db()


def _lock_editable(plan: ActionPlan, actor: User | None, post: Post | None) -> ActionPlan:
    _authorise(actor, post, plan.office, permissions.can_edit)
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.status not in EDITABLE:
        raise ValidationError(
            _("The plan has been sent up; its items cannot change now."), code="not_editable"
        )
    return locked


@transaction.atomic
def item_add(
    *, plan: ActionPlan, actor: User | None, post: Post | None = None, **values: Any
) -> PlanItem:
    """A new row at the end of the table (values as in item_update)."""
    plan = _lock_editable(plan, actor, post)
    last = _live_items(plan).aggregate(m=Max("position"))["m"] or 0
    item = PlanItem(plan=plan, position=last + 1, serial=last + 1)
    _read_schedule(item, "", "", plan)
    save_with_history(item, actor=actor, reason=gettext_noop("row added"))
    if values:
        return item_update(item=item, actor=actor, post=post, **values)
    return item


@transaction.atomic
def item_update(
    *,
    item: PlanItem,
    actor: User | None,
    post: Post | None = None,
    label: str | None = None,
    category: str | Category | None = None,
    activity: str | None = None,
    start_text: str | None = None,
    end_text: str | None = None,
    responsible_posts: Iterable[Post | int] | None = None,
    responsible_text: str | None = None,
    expected_outcome: str | None = None,
    indicator: str | None = None,
    target_value: Decimal | str | None = "",
    target_unit: str | None = None,
) -> PlanItem:
    """Change the cells given (None leaves a cell as it is; target_value "" too).

    ``category`` is the picker's text: a standard name or alias selects that
    category; anything else is kept as free text. Warnings never stop a save.
    """
    plan = _lock_editable(item.plan, actor, post)
    _reload(item)
    item.plan = plan
    if label is not None:
        item.label = normalize(label).rstrip(")").strip()
    if category is not None:
        if isinstance(category, Category):
            item.category, item.category_text = category, ""
        else:
            text = normalize(category)
            match = category_match(text)
            item.category = match
            # The standard name chosen from the list is not repeated as free text.
            item.category_text = (
                "" if match and loose_key(text) == loose_key(match.name_bn) else text
            )
            if match and loose_key(text) == loose_key(match.name_en):
                item.category_text = ""
    for name, value in (
        ("activity", activity),
        ("responsible_text", responsible_text),
        ("expected_outcome", expected_outcome),
        ("indicator", indicator),
        ("target_unit", target_unit),
    ):
        if value is not None:
            setattr(item, name, normalize(value))
    if target_value != "":
        item.target_value = target_value  # type: ignore[assignment]
    if start_text is not None or end_text is not None:
        _read_schedule(
            item,
            item.start_text if start_text is None else start_text,
            item.end_text if end_text is None else end_text,
            plan,
        )
    save_with_history(item, actor=actor, reason=gettext_noop("changed"))
    if responsible_posts is not None:
        wanted = _responsible_posts(plan.office, responsible_posts)
        if {p.pk for p in wanted} != set(item.responsible_posts.values_list("pk", flat=True)):
            item.responsible_posts.set(wanted)
    _sync_occurrences(item)
    return item


@transaction.atomic
def item_remove(*, item: PlanItem, actor: User | None, post: Post | None = None) -> PlanItem:
    """Take a row out of the plan; it stays restorable (item_restore)."""
    plan = _lock_editable(item.plan, actor, post)
    _reload(item)
    if item.deleted_at is None:
        item.deleted_at = _now()
        save_with_history(item, actor=actor, reason=gettext_noop("removed"))
        _renumber(plan)
    return item


@transaction.atomic
def item_restore(*, item: PlanItem, actor: User | None, post: Post | None = None) -> PlanItem:
    """Put a removed row back where it was (or at the end if the plan is shorter now)."""
    plan = _lock_editable(item.plan, actor, post)
    _reload(item)
    if item.deleted_at is None:
        return item
    count = _live_items(plan).count()
    position = min(item.position, count + 1)
    _step_aside(_live_items(plan).filter(position__gte=position))
    item.deleted_at = None
    item.position = position
    save_with_history(item, actor=actor, reason=gettext_noop("restored"))
    _renumber(plan)
    item.refresh_from_db()
    return item


@transaction.atomic
def item_move(
    *, item: PlanItem, direction: str, actor: User | None, post: Post | None = None
) -> PlanItem:
    """Move a row one place "up" or "down" (serials follow the order)."""
    plan = _lock_editable(item.plan, actor, post)
    _reload(item)
    items = list(_live_items(plan).order_by("position", "id"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down"):
        raise ValueError(direction)
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        _renumber(plan, items)
        item.refresh_from_db()
        save_with_history(item, actor=actor, reason=gettext_noop("row moved"))
    return item


@transaction.atomic
def item_acknowledge_warnings(
    *, item: PlanItem, actor: User | None, post: Post | None = None
) -> PlanItem:
    """Mark the item's current warnings as seen; new kinds will need a new look."""
    plan = _lock_editable(item.plan, actor, post)
    _reload(item)
    codes = {w.code for w in item_warnings(item, (plan.period_start, plan.period_end))}
    item.acknowledged_warnings = sorted(set(item.acknowledged_warnings or []) | codes)
    return save_with_history(item, actor=actor, reason=gettext_noop("warnings acknowledged"))


# ---------------------------------------------------------------------------
# Frozen copies (for submissions and comparing versions)


def responsible_display(item: PlanItem, posts: Iterable[Post] | None = None) -> str:
    """The responsible cell as one line: the posts' designations, then the free text."""
    posts = list(item.responsible_posts.all()) if posts is None else list(posts)
    names = [p.title_bn for p in posts]
    if item.responsible_text:
        names.append(item.responsible_text)
    return ", ".join(names)


def target_display(value: Decimal | None, unit: str, lang: str = "bn") -> str:
    """ "২০ টি প্রকল্প": the target as a paper writes it (no trailing ".00")."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return normalize(f"{localize_digits(text, lang)} {unit}")


def item_snapshot(item: PlanItem) -> dict[str, Any]:
    """An item's cells frozen as text (Submission.snapshot rows; compare.py reads them)."""
    return {
        "id": item.pk,
        "copied_from": item.copied_from_id,
        "serial": item.serial,
        "label": item.label,
        "category": item.category_text or (item.category.name_bn if item.category else ""),
        "activity": item.activity,
        "start": item.start_text,
        "end": item.end_text,
        "responsible": responsible_display(item),
        "expected_outcome": item.expected_outcome,
        "indicator": item.indicator,
        "target": target_display(item.target_value, item.target_unit),
    }


def plan_snapshot(plan: ActionPlan) -> list[dict[str, Any]]:
    items = (
        _live_items(plan)
        .select_related("category")
        .prefetch_related("responsible_posts")
        .order_by("position", "id")
    )
    return [item_snapshot(i) for i in items]


def report_snapshot(report: ProgressReport) -> list[dict[str, Any]]:
    return [
        {
            "id": row.pk,
            "copied_from": row.plan_item_id,
            "serial": row.serial,
            "label": row.label,
            "category": row.category_display,
            "activity": row.activity,
            "progress": row.progress,
            "remarks": row.remarks,
        }
        for row in report.items.select_related("category").order_by("position", "id")
    ]


# ---------------------------------------------------------------------------
# Review: submit with a forwarding letter, return with comments, accept
#
# A plan and a report go through the same steps; the differences (letter kind,
# what is frozen, the words of the notifications) are in _PAPERS.

_PAPERS: dict[type, dict[str, Any]] = {
    ActionPlan: {
        "letter_kind": "plan",
        "snapshot": plan_snapshot,
        "url": "plans:detail",
        "submitted": gettext_noop(
            "The innovation action plan %(period)s of %(office)s was submitted for your review."
        ),
        "returned": gettext_noop(
            "Your innovation action plan %(period)s was returned with comments by %(reviewer)s."
        ),
        "accepted": gettext_noop(
            "Your innovation action plan %(period)s was accepted by %(reviewer)s."
        ),
    },
    ProgressReport: {
        "letter_kind": "report",
        "snapshot": report_snapshot,
        "url": "plans:report_detail",
        "submitted": gettext_noop(
            "The implementation report %(period)s of %(office)s was submitted for your review."
        ),
        "returned": gettext_noop(
            "Your implementation report %(period)s was returned with comments by %(reviewer)s."
        ),
        "accepted": gettext_noop(
            "Your implementation report %(period)s was accepted by %(reviewer)s."
        ),
    },
}


def paper_period(paper: ActionPlan | ProgressReport) -> str:
    """The period as the paper names it, in Bengali (letters and notices are in Bengali)."""
    if isinstance(paper, ActionPlan):
        return paper.period_label or periods.year_label(paper.year, paper.year_kind, "bn")
    return paper.period_label


def reviewers_of(office: Office) -> list[Post]:
    if office.parent_id is None:
        return []
    return list(
        Post.objects.filter(
            office_id=office.parent_id, role__in=permissions.REVIEW_ROLES, is_active=True
        )
    )


def editors_of(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, role__in=permissions.EDIT_ROLES, is_active=True))


def _paper_url(paper: ActionPlan | ProgressReport) -> str:
    return reverse(_PAPERS[type(paper)]["url"], args=[paper.pk])


def _figures_changed(paper: ActionPlan | ProgressReport) -> None:
    """Supervision's figures of the office follow a sending or a decision."""
    from udbhabon.core.figures import figures_changed

    figures_changed(office=paper.office, on=paper.period_start)


def _lock(paper: ActionPlan | ProgressReport) -> ActionPlan | ProgressReport:
    return type(paper).objects.select_related("office").select_for_update().get(pk=paper.pk)


def pending_warnings(plan: ActionPlan) -> list[tuple[PlanItem, list[Any]]]:
    """Items whose warnings have not all been acknowledged, with those warnings."""
    period = (plan.period_start, plan.period_end)
    out = []
    for item in _live_items(plan).prefetch_related("responsible_posts").order_by("position"):
        warnings = unacknowledged(
            item, item_warnings(item, period, responsible_count=len(item.responsible_posts.all()))
        )
        if warnings:
            out.append((item, warnings))
    return out


def _submit(
    paper: ActionPlan | ProgressReport,
    *,
    actor: User | None,
    post: Post | None,
    subject: str,
    date: dt.date,
    signatory_post: Post | None,
    reference: str,
    addressee: str,
    distribution: Sequence[str],
    body: str,
    attachments: str,
) -> Submission:
    post = _authorise(actor, post, paper.office, permissions.can_edit)
    paper = _lock(paper)
    if paper.status not in EDITABLE:
        raise ValidationError(_("This has already been sent up."), code="not_editable")
    if paper.office.parent_id is None:
        raise ValidationError(
            _("This office has no supervising office to send it to."), code="no_parent"
        )
    if signatory_post is not None and signatory_post.office_id != paper.office_id:
        raise ValidationError(
            _("The signatory must hold a post of this office."), code="foreign_signatory"
        )
    papers = _PAPERS[type(paper)]
    letter = letter_issue(
        office=paper.office,
        kind=papers["letter_kind"],
        subject=normalize(subject),
        date=date,
        actor=actor,
        signatory_post=signatory_post,
        reference=normalize(reference),
        body=body.strip(),
        attachments=normalize(attachments),
        addressee=normalize(addressee),
        distribution=[normalize(d) for d in distribution if normalize(d)],
    )
    version = paper.version
    revision = Submission.objects.filter(
        **{"plan" if isinstance(paper, ActionPlan) else "report": paper}, version=version
    ).count()
    now = _now()
    submission = save_with_history(
        Submission(
            plan=paper if isinstance(paper, ActionPlan) else None,
            report=paper if isinstance(paper, ProgressReport) else None,
            version=version,
            revision=revision + 1,
            letter=letter,
            snapshot=papers["snapshot"](paper),
            submitted_at=now,
            submitted_by=actor,
            submitted_post=post,
        ),
        actor=actor,
        reason=gettext_noop("sent up"),
    )
    paper.status = ReviewStatus.SUBMITTED
    paper.submitted_at = now
    save_with_history(paper, actor=actor, reason=gettext_noop("sent up"))
    notify(
        posts=reviewers_of(paper.office),
        kind=f"{papers['letter_kind']}_submitted",
        msgid=papers["submitted"],
        params={"period": paper_period(paper), "office": paper.office.name_bn},
        url=_paper_url(paper),
    )
    _figures_changed(paper)
    return submission


def _decide(
    paper: ActionPlan | ProgressReport,
    *,
    outcome: str,
    actor: User | None,
    post: Post | None,
    comment: str,
    item_comments: dict[int, str],
) -> Submission:
    post = _authorise(actor, post, paper.office, permissions.can_review)
    paper = _lock(paper)
    if paper.status != ReviewStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted paper can be reviewed."), code="not_submitted")
    item_comments = {int(k): normalize(v) for k, v in item_comments.items() if normalize(v)}
    comment = (comment or "").strip()
    if outcome == Submission.Outcome.RETURNED and not comment and not item_comments:
        raise ValidationError(
            _("Write what should change: a comment on the whole or on an item."),
            code="comment_required",
        )
    is_plan = isinstance(paper, ActionPlan)
    rows = (
        {i.pk: i for i in _live_items(paper).filter(pk__in=list(item_comments))}
        if is_plan
        else {r.pk: r for r in paper.items.filter(pk__in=list(item_comments))}
    )
    if set(item_comments) - set(rows):
        raise ValidationError(_("A comment names an item of another paper."), code="foreign_item")
    submission = (
        Submission.objects.select_for_update()
        .filter(**{"plan" if is_plan else "report": paper}, outcome=Submission.Outcome.PENDING)
        .order_by("-submitted_at", "-id")
        .first()
    )
    now = _now()
    base = {"plan": paper} if is_plan else {"report": paper}
    texts: list[tuple[Any, str]] = [(None, comment)] if comment else []
    texts += [(rows[pk], text) for pk, text in item_comments.items()]
    for row, text in texts:
        extra = {"item": row} if is_plan else {"report_item": row}
        save_with_history(
            ReviewComment(
                **base, **extra, submission=submission, text=text, author=actor, author_post=post
            ),
            actor=actor,
            reason=gettext_noop("commented"),
        )
    if submission is not None:
        submission.outcome = outcome
        submission.decided_at = now
        submission.decided_by = actor
        save_with_history(submission, actor=actor, reason=outcome)  # "returned"/"accepted"
    if outcome == Submission.Outcome.RETURNED:
        paper.status, paper.returned_at = ReviewStatus.RETURNED, now
        reason = gettext_noop("returned with comments")
    else:
        paper.status, paper.accepted_at = ReviewStatus.ACCEPTED, now
        reason = gettext_noop("accepted")
    save_with_history(paper, actor=actor, reason=reason)
    papers = _PAPERS[type(paper)]
    reviewer = post.office.name_bn if post is not None else ""
    notify(
        posts=editors_of(paper.office),
        kind=f"{papers['letter_kind']}_{outcome}",
        msgid=papers[outcome],
        params={
            "period": paper_period(paper),
            "office": paper.office.name_bn,
            "reviewer": reviewer,
        },
        url=_paper_url(paper),
    )
    _figures_changed(paper)
    return submission  # type: ignore[return-value]


@transaction.atomic
def plan_submit(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    subject: str,
    date: dt.date,
    signatory_post: Post | None = None,
    reference: str = "",
    addressee: str = "",
    distribution: Sequence[str] = (),
    body: str = "",
    attachments: str = "",
    acknowledge_warnings: bool = False,
) -> Submission:
    """Send the plan to the parent office with a numbered forwarding letter.

    Every item's warnings must have been acknowledged, or ``acknowledge_warnings``
    given (the officer ticked "I have checked these"), which records it.
    """
    _authorise(actor, post, plan.office, permissions.can_edit)
    if not _live_items(plan).exists():
        raise ValidationError(
            _("Add at least one item before sending the plan up."), code="no_items"
        )
    pending = pending_warnings(plan)
    if pending and not acknowledge_warnings:
        raise ValidationError(
            _("Some warnings have not been checked yet. Look at them and confirm."),
            code="unacknowledged_warnings",
        )
    period = (plan.period_start, plan.period_end)
    for item, _warnings in pending:
        codes = {w.code for w in item_warnings(item, period)}
        item.acknowledged_warnings = sorted(set(item.acknowledged_warnings or []) | codes)
        save_with_history(item, actor=actor, reason=gettext_noop("warnings acknowledged"))
    return _submit(
        plan,
        actor=actor,
        post=post,
        subject=subject,
        date=date,
        signatory_post=signatory_post,
        reference=reference,
        addressee=addressee,
        distribution=distribution,
        body=body,
        attachments=attachments,
    )


@transaction.atomic
def plan_return(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
) -> Submission:
    """The parent office sends the plan back with comments (on the whole and/or items)."""
    return _decide(
        plan,
        outcome=Submission.Outcome.RETURNED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
    )


@transaction.atomic
def plan_accept(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
) -> Submission:
    return _decide(
        plan,
        outcome=Submission.Outcome.ACCEPTED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
    )


@transaction.atomic
def plan_reopen(*, plan: ActionPlan, actor: User | None, post: Post | None = None) -> ActionPlan:
    """Open an accepted plan for changes: the next version, a draft again.

    The accepted version stays as its submission's frozen copy, so the two can
    be compared item by item; progress stays with the items.
    """
    _authorise(actor, post, plan.office, permissions.can_edit)
    plan = _lock(plan)  # type: ignore[assignment]
    if plan.status != ReviewStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted plan can be reopened."), code="not_accepted")
    plan.status = ReviewStatus.DRAFT
    plan.version += 1
    save_with_history(plan, actor=actor, reason=gettext_noop("reopened as a new version"))
    notify(
        posts=reviewers_of(plan.office),
        kind="plan_reopened",
        msgid=gettext_noop(
            "The innovation action plan %(period)s of %(office)s was reopened for changes."
        ),
        params={"period": paper_period(plan), "office": plan.office.name_bn},
        url=_paper_url(plan),
    )
    return plan


# ---------------------------------------------------------------------------
# Progress and evidence

EVIDENCE_TYPES: dict[str, tuple[str, bytes | None]] = {
    # extension: (content type, first bytes) — None for Office files (zip, checked below)
    "pdf": ("application/pdf", b"%PDF-"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", None),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
}
_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def validate_evidence_file(upload: UploadedFile) -> str:
    """The file's content type, or a ValidationError that says how to fix it.

    The size is checked against settings.UDBHABON_MAX_UPLOAD_BYTES; the type by
    both the name and the content (a renamed .exe is refused).
    """
    limit = settings.UDBHABON_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        lang = "en" if translation.get_language() == "en" else "bn"
        raise ValidationError(
            _("The file “%(name)s” is too large. Files up to %(limit)s MB can be added.")
            % {"name": upload.name, "limit": localize_digits(f"{limit / 1048576:g}", lang)},
            code="too_large",
        )
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EVIDENCE_TYPES.get(ext)
    ok = False
    if kind is not None:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if kind[1] is not None:
            ok = head.startswith(kind[1])
        elif head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(upload) as archive:
                    ok = _OFFICE_PART[ext] in archive.namelist()
            except zipfile.BadZipFile:
                ok = False
            upload.seek(0)
    if not ok:
        raise ValidationError(
            _(
                "“%(name)s” cannot be added. Add a PDF, a photo (JPG or PNG), "
                "a Word file (DOCX) or an Excel file (XLSX)."
            )
            % {"name": name},
            code="bad_type",
        )
    return kind[0]  # type: ignore[index]


def _progress_allowed(item: PlanItem, actor: User | None, post: Post | None) -> Post | None:
    # The plan as stored now: a caller's copy may predate its submission.
    plan = ActionPlan.objects.select_related("office").get(pk=item.plan_id)
    ids = list(item.responsible_posts.values_list("pk", flat=True))
    post = _authorise(
        actor, post, plan.office, lambda p, office: can_record_progress(p, office, ids)
    )
    if plan.submitted_at is None:
        raise ValidationError(
            _("Progress is recorded once the plan has been sent up."), code="plan_not_submitted"
        )
    if item.deleted_at is not None:
        raise ValidationError(_("This item was removed from the plan."), code="item_removed")
    return post


def _mirror_latest(item: PlanItem) -> None:
    """The item's status is its newest half-year's latest update (for overdue queries)."""
    latest = (
        ProgressUpdate.objects.filter(item=item, is_latest=True)
        .order_by("-half_start", "-id")
        .first()
    )
    if latest is None:
        return
    PlanItem.objects.filter(pk=item.pk).update(
        status=latest.status,
        percent=latest.percent,
        achieved=latest.achieved,
        status_at=latest.created_at,
    )
    item.status, item.percent, item.achieved = latest.status, latest.percent, latest.achieved


@transaction.atomic
def progress_record(
    *,
    item: PlanItem,
    half: periods.Half,
    status: str,
    actor: User | None,
    post: Post | None = None,
    percent: int | None = None,
    achieved: Decimal | None = None,
    done_text: str = "",
    reason: str = "",
    date: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
    links: Sequence[str] = (),
) -> ProgressUpdate:
    """Record where an item stands in a half-year, with evidence files or links.

    The update joins the item's timeline and becomes its latest for the half.
    A dropped item needs a reason; "done" means 100%.
    """
    post = _progress_allowed(item, actor, post)
    if status not in ItemStatus.values:
        raise ValidationError(_("Choose a status."), code="bad_status")
    reason = (reason or "").strip()
    if status == ItemStatus.DROPPED and not reason:
        raise ValidationError(_("Write why the item was dropped."), code="reason_required")
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError(_("The percentage must be between 0 and 100."), code="bad_percent")
    types = [validate_evidence_file(f) for f in files]
    previous = (
        ProgressUpdate.objects.select_for_update()
        .filter(item=item, half_start=half.start, is_latest=True)
        .first()
    )
    if status == ItemStatus.DONE:
        percent = 100
    elif status == ItemStatus.NOT_STARTED and percent is None:
        percent = 0
    elif percent is None:
        percent = previous.percent if previous else item.percent
    if previous is not None:
        previous.is_latest = False
        save_with_history(previous, actor=actor, reason=gettext_noop("superseded"))
    update = save_with_history(
        ProgressUpdate(
            item=item,
            half_start=half.start,
            status=status,
            percent=percent,
            achieved=achieved,
            done_text=(done_text or "").strip(),
            reason=reason,
            date=date or timezone.localdate(),
            author=actor,
            author_post=post,
        ),
        actor=actor,
        reason=gettext_noop("progress recorded"),
    )
    for upload, content_type in zip(files, types, strict=True):
        evidence = Evidence(
            item=item,
            update=update,
            kind=EvidenceKind.FILE,
            filename=normalize(upload.name)[:255],
            content_type=content_type,
            size=upload.size or 0,
            date=update.date,
            author=actor,
        )
        evidence.file.save(upload.name, upload, save=False)
        save_with_history(evidence, actor=actor, reason=gettext_noop("evidence added"))
    for link in links:
        if link.strip():
            save_with_history(
                Evidence(
                    item=item,
                    update=update,
                    kind=EvidenceKind.LINK,
                    url=link.strip(),
                    date=update.date,
                    author=actor,
                ),
                actor=actor,
                reason=gettext_noop("evidence added"),
            )
    _mirror_latest(item)
    return update


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: User | None, post: Post | None = None) -> None:
    """Take evidence off an item (kept, restorable from history)."""
    ids = list(evidence.item.responsible_posts.values_list("pk", flat=True))
    _authorise(
        actor,
        post,
        evidence.item.plan.office,
        lambda p, office: can_record_progress(p, office, ids),
    )
    evidence.deleted_at = _now()
    save_with_history(evidence, actor=actor, reason=gettext_noop("removed"))


@transaction.atomic
def occurrence_mark(
    *, occurrence: Occurrence, done: bool, actor: User | None, post: Post | None = None
) -> Occurrence:
    """Tick an occurrence off as held (or untick it)."""
    item = occurrence.item
    _progress_allowed(item, actor, post)
    occurrence.done_at = _now() if done else None
    occurrence.done_by = actor if done else None
    return save_with_history(
        occurrence,
        actor=actor,
        reason=gettext_noop("took place") if done else gettext_noop("did not take place"),
    )


@transaction.atomic
def plan_item_record_evidence(
    *,
    item: PlanItem,
    kind: str = EvidenceKind.MEETING,
    ref: str,
    date: dt.date,
    actor: User | None,
    post: Post | None = None,
    title: str = "",
) -> Evidence:
    """Another record proves work on ``item`` (the meetings app: a held meeting).

    ``ref`` names the record ("meeting:42"). The evidence joins the item's latest
    update for the half-year of ``date``; with none yet, an "ongoing" update is
    recorded. An occurrence of the item on that date is ticked off as held.
    """
    if kind not in (EvidenceKind.MEETING, EvidenceKind.RECORD):
        raise ValueError(f"use progress_record for {kind!r} evidence")
    plan = item.plan
    post = _authorise(actor, post, plan.office, permissions.can_contribute)
    half = periods.half_containing(plan.year, plan.year_kind, date)
    update = ProgressUpdate.objects.filter(item=item, half_start=half.start, is_latest=True).first()
    if update is None:
        update = save_with_history(
            ProgressUpdate(
                item=item,
                half_start=half.start,
                status=ItemStatus.ONGOING if item.status != ItemStatus.DONE else item.status,
                percent=item.percent,
                done_text=normalize(title),
                date=date,
                author=actor,
                author_post=post,
            ),
            actor=actor,
            reason=gettext_noop("progress recorded"),
        )
        _mirror_latest(item)
    evidence = save_with_history(
        Evidence(
            item=item,
            update=update,
            kind=kind,
            ref=ref,
            title=normalize(title),
            date=date,
            author=actor,
        ),
        actor=actor,
        reason=gettext_noop("evidence added"),
    )
    for occ in item.occurrences.filter(done_at__isnull=True, start__lte=date, end__gte=date):
        occ.done_at, occ.done_by = _now(), actor
        save_with_history(occ, actor=actor, reason=gettext_noop("took place"))
    return evidence


def evidence_record_meeting(
    *, plan_item_id: int, meeting: Any, actor: User | None, post: Post | None = None
) -> Evidence | None:
    """The meetings app's seam (meetings/integrations.py PLAN_EVIDENCE): a meeting held
    for a plan row counts as its evidence. None when the row no longer exists."""
    item = PlanItem.objects.select_related("plan", "plan__office").filter(pk=plan_item_id).first()
    if item is None:
        return None
    return plan_item_record_evidence(
        item=item,
        kind=EvidenceKind.MEETING,
        ref=f"meeting:{meeting.pk}",
        date=meeting.date,
        actor=actor,
        post=post,
        title=getattr(meeting, "title", ""),
    )


# ---------------------------------------------------------------------------
# The half-yearly implementation report


def progress_text(update: ProgressUpdate | None) -> str:
    """The report's progress cell from an update, in Bengali (the paper's language)."""
    if update is None:
        with translation.override("bn"):
            return str(ItemStatus.NOT_STARTED.label) + "।"
    with translation.override("bn"):
        status = str(ItemStatus(update.status).label)
    head = f"{status} ({to_bengali_digits(update.percent)}%)।"
    return normalize(f"{head} {update.done_text}")


@transaction.atomic
def report_prepare(
    *, plan: ActionPlan, half_number: int, actor: User | None, post: Post | None = None
) -> ProgressReport:
    """Create (or refresh, while a draft) the half-year's report from the latest progress.

    One row per live item in the standard columns: serial, category, the
    activity (steps taken), progress (status, percent, what was done), remarks
    (the reason an item was delayed or dropped).
    """
    _authorise(actor, post, plan.office, permissions.can_edit)
    half = periods.halves(plan.year, plan.year_kind, "bn")[half_number - 1]
    report = (
        ProgressReport.objects.select_for_update()
        .filter(office=plan.office, period_start=half.start)
        .first()
    )
    if report is None:
        report = save_with_history(
            ProgressReport(
                office=plan.office,
                plan=plan,
                period_start=half.start,
                period_end=half.end,
                period_label=half.label,
            ),
            actor=actor,
            reason=gettext_noop("created"),
        )
    elif report.status not in EDITABLE:
        raise ValidationError(
            _("This report has been sent up; it cannot be prepared again."), code="not_editable"
        )
    else:
        report.plan = plan
        save_with_history(report, actor=actor, reason=gettext_noop("prepared again"))
    # Rows are updated in place (keyed by plan item), so a reviewer's comments on a
    # row survive preparing the report again; positions step aside first (unique).
    existing = {r.plan_item_id: r for r in report.items.all()}
    report.items.update(position=F("position") + 1_000_000)
    updates = {
        u.item_id: u
        for u in ProgressUpdate.objects.filter(
            item__plan=plan, half_start=half.start, is_latest=True
        )
    }
    items = _live_items(plan).select_related("category").order_by("position", "id")
    for position, item in enumerate(items, start=1):
        update = updates.get(item.pk)
        row = existing.pop(item.pk, None) or ReportItem(report=report, plan_item=item)
        row.position = position
        row.serial = item.serial
        row.label = item.label
        row.category = item.category
        row.category_text = item.category_text
        row.activity = item.activity
        row.schedule = item.schedule or None
        row.progress = progress_text(update)
        row.remarks = update.reason if update and update.status in ("delayed", "dropped") else ""
        save_with_history(row, actor=actor, reason=gettext_noop("prepared"))
    for row in existing.values():
        row.delete()
    return report


@transaction.atomic
def report_update_rows(
    *,
    report: ProgressReport,
    rows: dict[int, dict[str, str]],
    actor: User | None,
    post: Post | None = None,
) -> int:
    """Change the progress and remarks cells of report rows ({row id: {"progress", "remarks"}})."""
    _authorise(actor, post, report.office, permissions.can_edit)
    report = _lock(report)  # type: ignore[assignment]
    if report.status not in EDITABLE:
        raise ValidationError(_("This has already been sent up."), code="not_editable")
    changed = 0
    for row in report.items.filter(pk__in=list(rows)):
        values = rows[row.pk]
        progress = normalize(values.get("progress", row.progress))
        remarks = normalize(values.get("remarks", row.remarks))
        if (progress, remarks) != (row.progress, row.remarks):
            row.progress, row.remarks = progress, remarks
            save_with_history(row, actor=actor, reason=gettext_noop("changed"))
            changed += 1
    return changed


@transaction.atomic
def report_submit(
    *,
    report: ProgressReport,
    actor: User | None,
    post: Post | None = None,
    subject: str,
    date: dt.date,
    signatory_post: Post | None = None,
    reference: str = "",
    addressee: str = "",
    distribution: Sequence[str] = (),
    body: str = "",
    attachments: str = "",
) -> Submission:
    if not report.items.exists():
        raise ValidationError(_("The report has no rows."), code="no_items")
    return _submit(
        report,
        actor=actor,
        post=post,
        subject=subject,
        date=date,
        signatory_post=signatory_post,
        reference=reference,
        addressee=addressee,
        distribution=distribution,
        body=body,
        attachments=attachments,
    )


@transaction.atomic
def report_return(
    *,
    report: ProgressReport,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
) -> Submission:
    return _decide(
        report,
        outcome=Submission.Outcome.RETURNED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
    )


@transaction.atomic
def report_accept(
    *,
    report: ProgressReport,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
) -> Submission:
    return _decide(
        report,
        outcome=Submission.Outcome.ACCEPTED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
    )


# ---------------------------------------------------------------------------
# Import: one section of the import contract into a draft (the document reader)


def _period_of_section(section: dict[str, Any]) -> tuple[dt.date, dt.date, str]:
    period = section.get("period") or {}
    start, end = as_date(period.get("start")), as_date(period.get("end"))
    if start is None or end is None or end < start:
        raise ValidationError(
            _("The document does not say which period it covers."), code="no_period"
        )
    return start, end, normalize(period.get("label") or "")


def _match_post(office_posts: list[Post], text: str) -> Post | None:
    key = loose_key(text)
    if not key:
        return None
    return next(
        (p for p in office_posts if key in (loose_key(p.title_bn), loose_key(p.title_en))),
        None,
    )


def _meta(section: dict[str, Any], label: str) -> dict[str, Any]:
    return {
        "period_label": label,
        "office_as_written": section.get("office"),
        "letter": section.get("letter"),
        "signatories": section.get("signatories") or [],
    }


@transaction.atomic
def plan_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    source: Any = None,
) -> ActionPlan:
    """A draft plan from one ``action_plan`` section of the import contract.

    Categories are matched to the standard list (the text as written is kept);
    schedules are stored as read (impossible ones show as warnings); the
    section's letter and signatories are kept in ``source_meta``. All or nothing.
    """
    _authorise(actor, post, office, permissions.can_edit)
    if section.get("kind") != "action_plan":
        raise ValidationError(_("This section is not an action plan."), code="wrong_kind")
    start, end, label = _period_of_section(section)
    exact = periods.year_of_period(start, end)
    year, kind = exact if exact else (periods.current_fiscal_year(start), YearKind.FISCAL)
    if ActionPlan.objects.filter(office=office, year=year).exists():
        raise ValidationError(
            _("This office already has a plan for %(year)s.")
            % {"year": periods.year_label(year, kind)},
            code="plan_exists",
        )
    plan = save_with_history(
        ActionPlan(
            office=office,
            year=year,
            year_kind=kind,
            period_start=start,
            period_end=end,
            period_label=label,
            **source_fields(source),
            source_meta=_meta(section, label),
        ),
        actor=actor,
        reason=gettext_noop("read in from a paper"),
    )
    categories = list(Category.objects.filter(is_active=True))
    office_posts = list(Post.objects.filter(office=office, is_active=True))
    for position, row in enumerate(section.get("items") or [], start=1):
        category_text = normalize(row.get("category") or "")
        item = PlanItem(
            plan=plan,
            position=position,
            serial=max(int(row.get("serial") or position), 1),
            label=normalize(row.get("label") or ""),
            category=category_match(category_text, categories=categories),
            category_text=category_text,
            activity=normalize(row.get("activity") or ""),
            responsible_text=normalize(row.get("responsible") or ""),
            expected_outcome=normalize(row.get("expected_outcome") or ""),
            indicator=normalize(row.get("indicator") or ""),
        )
        schedule = row.get("schedule") or {
            "kind": "unparsed",
            "text": "",
            "start": None,
            "end": None,
        }
        item.start_text, item.end_text = _split_text(schedule.get("text") or "")
        _set_schedule(item, dict(schedule))
        matched = _match_post(office_posts, item.responsible_text)
        if matched is not None:
            item.responsible_text = ""
        save_with_history(item, actor=actor, reason=gettext_noop("read in from a paper"))
        if matched is not None:
            item.responsible_posts.set([matched])
        _sync_occurrences(item)
    return plan


@transaction.atomic
def report_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    plan: ActionPlan | None = None,
    source: Any = None,
) -> ProgressReport:
    """A draft implementation report from one ``progress_report`` section.

    Without ``plan``, the office's plan whose year holds the period is used. Each
    row is linked to the plan item with the same activity (spelling-tolerant),
    else to the item with the same serial and sub-label.
    """
    _authorise(actor, post, office, permissions.can_edit)
    if section.get("kind") != "progress_report":
        raise ValidationError(_("This section is not an implementation report."), code="wrong_kind")
    if plan is not None and plan.office_id != office.pk:
        raise ValidationError(_("The plan belongs to another office."), code="foreign_plan")
    start, end, label = _period_of_section(section)
    if plan is None:  # the office's plan whose year holds the report's period, if any
        plan = ActionPlan.objects.filter(
            office=office, period_start__lte=start, period_end__gte=end
        ).first()
    if ProgressReport.objects.filter(office=office, period_start=start).exists():
        raise ValidationError(
            _("This office already has a report for this period."), code="report_exists"
        )
    report = save_with_history(
        ProgressReport(
            office=office,
            plan=plan,
            period_start=start,
            period_end=end,
            period_label=label,
            **source_fields(source),
            source_meta=_meta(section, label),
        ),
        actor=actor,
        reason=gettext_noop("read in from a paper"),
    )
    plan_items: list[PlanItem] = list(_live_items(plan)) if plan is not None else []
    by_activity = {loose_key(i.activity): i for i in plan_items if i.activity}
    by_serial = {(i.serial, i.label): i for i in plan_items}
    categories = list(Category.objects.filter(is_active=True))
    rows = []
    for position, row in enumerate(section.get("items") or [], start=1):
        serial = max(int(row.get("serial") or position), 1)
        sub = normalize(row.get("label") or "")
        activity = normalize(row.get("activity") or "")
        category_text = normalize(row.get("category") or "")
        rows.append(
            ReportItem(
                report=report,
                position=position,
                serial=serial,
                label=sub,
                category=category_match(category_text, categories=categories),
                category_text=category_text,
                activity=activity,
                schedule=row.get("schedule"),
                progress=normalize(row.get("progress") or ""),
                remarks=normalize(row.get("remarks") or ""),
                plan_item=by_activity.get(loose_key(activity)) or by_serial.get((serial, sub)),
            )
        )
    for row in rows:
        save_with_history(row, actor=actor, reason=gettext_noop("read in from a paper"))
    return report


# ---------------------------------------------------------------------------
# The innovation team


@transaction.atomic
def team_save(
    *,
    office: Office,
    year: int,
    actor: User | None,
    post: Post | None = None,
    year_kind: str = YearKind.FISCAL,
    convener: Post | None = None,
    member_secretary: Post | None = None,
    members: Sequence[Post] = (),
    others: Sequence[str] = (),
    order_memo_number: str = "",
    order_date: dt.date | None = None,
    note: str = "",
) -> InnovationTeam:
    """Set the office's team for the year: who convenes, who is member secretary,
    the members (posts, and others by name), and the office order that formed it."""
    _authorise(actor, post, office, permissions.can_edit)
    chosen = [p for p in (convener, member_secretary, *members) if p is not None]
    if any(p.office_id != office.pk for p in chosen):
        raise ValidationError(_("Team posts must be posts of this office."), code="foreign_post")
    team, _created = InnovationTeam.objects.select_for_update().get_or_create(
        office=office, year=year, defaults={"year_kind": year_kind}
    )
    team.year_kind = year_kind
    team.order_memo_number = normalize(order_memo_number)
    team.order_date = order_date
    team.note = note.strip()
    save_with_history(team, actor=actor, reason=gettext_noop("changed"))
    team.members.all().delete()
    rows: list[TeamMember] = []
    seen: set[int] = set()
    for role, person in (
        (TeamRole.CONVENER, convener),
        (TeamRole.MEMBER_SECRETARY, member_secretary),
        *((TeamRole.MEMBER, p) for p in members),
    ):
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            rows.append(TeamMember(team=team, role=role, post=person))
    rows += [
        TeamMember(team=team, role=TeamRole.MEMBER, name=normalize(n))
        for n in others
        if normalize(n)
    ]
    for position, row in enumerate(rows):
        row.position = position
        save_with_history(row, actor=actor, reason=gettext_noop("changed"))
    return team
