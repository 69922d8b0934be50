"""Reminders of the steps after vetting: a shortlisted idea's approval, an approved
idea's pilot, by the office's deadlines in the funnel (ideas.queries.deadlines).

Told and recorded as the papers' reminders are (services.reminders_run): the
office's head and innovation officer, before the due date (``remind_before_days``
of the office's paper deadlines) and after it (for WINDOW_DAYS), each once: a
Reminder row with paper "idea" whose key names the idea, its stage and the stage
of the reminder.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from bangla.fiscal import fiscal_year_of
from udbhabon.ideas.models import Idea, Stage
from udbhabon.ideas.queries import due_ideas
from udbhabon.monitoring.deadlines import Resolver
from udbhabon.monitoring.models import Reminder
from udbhabon.notifications.services import notify
from udbhabon.offices.models import Office, Post

WINDOW_DAYS = 30
TOLD_ROLES = (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER)

MESSAGES: dict[tuple[str, str], str] = {
    (Stage.SHORTLISTED, "before"): gettext_noop(
        "Reminder: the shortlisted idea “%(title)s” of %(office)s is to be approved by %(due)s."
    ),
    (Stage.SHORTLISTED, "after"): gettext_noop(
        "The shortlisted idea “%(title)s” of %(office)s was to be approved by %(due)s and "
        "has not been yet."
    ),
    (Stage.APPROVED, "before"): gettext_noop(
        "Reminder: the pilot of the approved idea “%(title)s” of %(office)s is to start by %(due)s."
    ),
    (Stage.APPROVED, "after"): gettext_noop(
        "The pilot of the approved idea “%(title)s” of %(office)s was to start by %(due)s "
        "and has not started yet."
    ),
}


def stage_due(due: dt.date, remind_before_days: int, as_of: dt.date) -> str | None:
    if due - dt.timedelta(days=remind_before_days) <= as_of <= due:
        return Reminder.Stage.BEFORE
    if due < as_of <= due + dt.timedelta(days=WINDOW_DAYS):
        return Reminder.Stage.AFTER
    return None


def idea_reminders_run(*, as_of: dt.date | None = None) -> int:
    """Remind every office of its ideas' steps due soon or overdue; each once."""
    from udbhabon.core.templatetags.bn import date_bn

    as_of = as_of or timezone.localdate()
    root = Office.objects.get(depth=0)
    resolvers: dict[int, Resolver] = {}
    wanted: list[tuple[Idea, str, dt.date]] = []
    for idea in due_ideas(root.path, as_of=as_of):
        if idea.due_on is None:  # every idea due_ideas returns has a day (DUE_STAGES)
            continue
        year = fiscal_year_of(idea.due_on).start.year
        resolver = resolvers.setdefault(year, Resolver(year, root.path))
        before = resolver.for_path(idea.office.path).remind_before_days
        stage = stage_due(idea.due_on, before, as_of)
        if stage is not None:
            wanted.append((idea, stage, idea.due_on))
    if not wanted:
        return 0
    run = uuid.uuid4().hex
    Reminder.objects.bulk_create(
        [
            Reminder(
                office_id=idea.office_id,
                year=fiscal_year_of(due).start.year,
                paper="idea",
                period=idea.code,
                stage=stage,
                key=f"idea:{idea.code}:{idea.stage}:{stage}",
                due_on=due,
                told_office_id=idea.office_id,
                run=run,
            )
            for idea, stage, due in wanted
        ],
        ignore_conflicts=True,
    )
    ideas = {(i.office_id, i.code): i for i, _s, _d in wanted}
    posts: dict[int, list[Post]] = {}
    for post in Post.objects.filter(
        office_id__in={i.office_id for i, _s, _d in wanted}, is_active=True, role__in=TOLD_ROLES
    ):
        posts.setdefault(post.office_id, []).append(post)
    mine = list(Reminder.objects.filter(run=run))
    for reminder in mine:
        idea = ideas[(reminder.office_id, reminder.period)]
        notes = notify(
            posts=posts.get(reminder.office_id, []),
            kind=f"reminder_{reminder.stage}",
            msgid=MESSAGES[(idea.stage, reminder.stage)],
            params={
                "title": idea.title,
                "office": idea.office.name_bn,
                "due": date_bn(idea.due_on),
            },
            url=reverse("ideas:detail", args=[idea.pk]),
        )
        reminder.recipients = len(notes)
    Reminder.objects.bulk_update(mine, ["recipients"])
    return len(mine)
