"""Each scored office's live total per framework edition, stored so that a league page
reads its rows in one query instead of scoring every office on every view.

Kept current like supervision's figures: recomputed for one office when its figures
change (core.figures.changed: a plan sent or accepted, a meeting held, an event ...),
when it enters a figure or is moderated; for the whole level by the daily job and, at
the latest, by the first league read on a new day (`totals_current`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from bangla.fiscal import fiscal_year_of
from udbhabon.evaluation.models import Framework, ScoreTotal
from udbhabon.evaluation.queries import offices_scored, scorecards
from udbhabon.offices.models import Office


def totals_refresh(
    *, framework: Framework, offices: Sequence[Office] | None = None, as_of: dt.date | None = None
) -> int:
    """Store the live totals of ``offices`` (default: every office the edition scores)."""
    as_of = as_of or timezone.localdate()
    whole = offices is None
    chosen = (
        list(offices_scored(framework))
        if whole
        else [o for o in offices or () if o.level == framework.level]
    )
    if not chosen:
        return 0
    cards = scorecards(framework, chosen, as_of)
    ScoreTotal.objects.bulk_create(
        [
            ScoreTotal(framework=framework, office=c.office, total=c.total, computed_on=as_of)
            for c in cards.values()
        ],
        update_conflicts=True,
        unique_fields=["framework", "office"],
        update_fields=["total", "computed_on"],
    )
    if whole:
        Framework.objects.filter(pk=framework.pk).update(totals_on=as_of)
        framework.totals_on = as_of
    return len(cards)


def totals_current(framework: Framework, today: dt.date) -> None:
    """The stored totals are today's (recomputed for the level once a day at most)."""
    if framework.totals_on != today:
        with transaction.atomic():
            locked = Framework.objects.select_for_update().only("totals_on").get(pk=framework.pk)
            if locked.totals_on == today:
                framework.totals_on = today
                return
            totals_refresh(framework=framework, as_of=today)


def totals_refresh_all(as_of: dt.date | None = None) -> int:
    """The daily job: every issued, unfrozen edition of the current and last fiscal year."""
    as_of = as_of or timezone.localdate()
    year = fiscal_year_of(as_of).start.year
    n = 0
    for framework in Framework.objects.filter(
        status=Framework.Status.ISSUED, frozen_on__isnull=True, year__in=(year - 1, year)
    ):
        n += totals_refresh(framework=framework, as_of=as_of)
    return n


@task()
def refresh_totals(year: int, office_id: int) -> int:
    """One office's totals under the editions of its level for ``year`` (background)."""
    office = Office.objects.filter(pk=office_id).first()
    if office is None:
        return 0
    n = 0
    for framework in Framework.objects.filter(
        year=year, level=office.level, status=Framework.Status.ISSUED, totals_on__isnull=False
    ):
        n += totals_refresh(framework=framework, offices=[office])
    return n


def figures_changed(*, office: Office, on: dt.date) -> None:
    """core.figures.changed: recompute the office's totals once the transaction commits."""
    year = fiscal_year_of(on).start.year
    transaction.on_commit(lambda: refresh_totals.enqueue(year=year, office_id=office.pk))


def total_seen(framework: Framework, office: Office, total: Decimal, today: dt.date) -> None:
    """An office's live total as its scorecard just computed it: the stored one follows
    (records no signal announces, such as a row's progress, reach the league at once).
    One UPDATE, and only when today's stored total differs."""
    if framework.frozen_on or framework.totals_on != today or office.level != framework.level:
        return
    ScoreTotal.objects.filter(framework=framework, office=office).exclude(total=total).update(
        total=total, computed_on=today
    )
