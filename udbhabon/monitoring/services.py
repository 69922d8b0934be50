"""Every state change of supervision: deadlines, reminders, digests (the aggregate table
is stats.py).
Views, the commands and the tasks call these, so each rule is written once (who may set
deadlines or remind whom, a reminder never twice)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.monitoring import rates
from udbhabon.monitoring.deadlines import Dates, Resolver
from udbhabon.monitoring.models import (
    Deadline,
    DigestSubscription,
    OfficeYearStats,
    Reminder,
)

# The aggregate table lives in stats.py (its task runs it); named here as before.
from udbhabon.monitoring.stats import STATS_BATCH, refresh_stats
from udbhabon.monitoring.stats import compute_row as compute_row
from udbhabon.monitoring.stats import figures_changed as figures_changed
from udbhabon.monitoring.stats import rollups_refresh as rollups_refresh
from udbhabon.monitoring.stats import stats_refresh as stats_refresh
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.services import row_reminders_run

PAPERS = ("plan", "report", "minutes")
# The posts told about an office's papers: its head and its innovation officer
# (for an upazila, the UNO and the innovation officer).
TOLD_ROLES = (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER)

# ---------------------------------------------------------------------------
# Deadlines


@transaction.atomic
def deadline_set(
    *,
    office: Office,
    year: int,
    plan_due: dt.date,
    report1_due: dt.date,
    report2_due: dt.date,
    minutes_days: int,
    remind_before_days: int = 7,
    escalate_after_days: int = 14,
    actor: User | None = None,
    post: Post | None = None,
    expected_version: int | None = None,
) -> Deadline:
    """Set the deadlines of ``year`` for every office below ``office``: only its own
    head or innovation officer may; the subtree's aggregate table is refreshed after
    (on time / late depend on these). StaleRecord if saved since `expected_version`."""
    permissions.require_edit(post, office)
    row = Deadline.objects.select_for_update().filter(office=office, year=year).first()
    check_version(row, expected_version)
    row = row or Deadline(office=office, year=year)
    row.plan_due, row.report1_due, row.report2_due = plan_due, report1_due, report2_due
    row.minutes_days, row.remind_before_days = minutes_days, remind_before_days
    row.escalate_after_days = escalate_after_days
    save_with_history(row, actor=actor, reason=gettext_noop("deadlines set"))
    from udbhabon.monitoring import rules

    transaction.on_commit(rules.clear)
    transaction.on_commit(lambda: refresh_stats.enqueue(year=year, office_id=office.pk))
    return row


@transaction.atomic
def deadline_set_default(
    *,
    year: int,
    plan_due: dt.date,
    report1_due: dt.date,
    report2_due: dt.date,
    minutes_days: int = 15,
) -> Deadline:
    """The global default for a year (system administrators, the demo, the generator)."""
    Deadline.objects.get_or_create(
        office=None,
        year=year,
        defaults={
            "plan_due": plan_due,
            "report1_due": report1_due,
            "report2_due": report2_due,
            "minutes_days": minutes_days,
        },
    )
    row = Deadline.objects.select_for_update().get(office=None, year=year)
    values = (plan_due, report1_due, report2_due, minutes_days)
    if (row.plan_due, row.report1_due, row.report2_due, row.minutes_days) != values:
        row.plan_due, row.report1_due, row.report2_due, row.minutes_days = values
        save_with_history(row, actor=None, reason=gettext_noop("deadlines set"))
    from udbhabon.monitoring import rules

    rules.clear()
    return row


# ---------------------------------------------------------------------------
# Reminders


def _posts_to_tell(offices: Iterable[Office]) -> dict[int, list[Post]]:
    by_office: dict[int, list[Post]] = {}
    for post in Post.objects.filter(
        office__in=list(offices), is_active=True, role__in=TOLD_ROLES
    ).select_related("office"):
        by_office.setdefault(post.office_id, []).append(post)
    return by_office


MESSAGES = {
    ("plan", "before"): gettext_noop(
        "Reminder: the innovation action plan %(period)s of %(office)s is due by %(due)s."
    ),
    ("plan", "after"): gettext_noop(
        "The innovation action plan %(period)s of %(office)s was due by %(due)s and has "
        "not been sent yet."
    ),
    ("report", "before"): gettext_noop(
        "Reminder: the half-yearly implementation report (%(period)s) of %(office)s is due "
        "by %(due)s."
    ),
    ("report", "after"): gettext_noop(
        "The half-yearly implementation report (%(period)s) of %(office)s was due by %(due)s "
        "and has not been sent yet."
    ),
    ("minutes", "before"): gettext_noop(
        "Reminder: the minutes of the innovation meeting of %(period)s of %(office)s are due "
        "by %(due)s."
    ),
    ("minutes", "after"): gettext_noop(
        "The minutes of the innovation meeting of %(period)s of %(office)s were due by "
        "%(due)s and have not been sent yet."
    ),
}
SMS_OVERDUE = gettext_noop("Udbhabon: %(period)s is overdue (due %(due)s).")  # one SMS


def period_label(paper: str, period: str, lang: str = "bn") -> str:
    """Reminder.period in words: "২০১৭-১৮", "জুলাই-ডিসেম্বর ২০১৭", "আগস্ট ২০১৭"."""
    from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN
    from bangla.digits import localize_digits
    from bangla.fiscal import fiscal_halves, format_fiscal_year

    if paper == "plan":
        return format_fiscal_year(int(period), lang)
    if paper == "report":
        year, half = period.split("-")
        return fiscal_halves(int(year), lang)[int(half) - 1].label or ""
    year, month = period.split("-")
    names = GREGORIAN_MONTHS_EN if lang == "en" else GREGORIAN_MONTHS_BN
    return localize_digits(f"{names[int(month) - 1]} {year}", lang)


def _message(reminder: Reminder, office: Office) -> tuple[str, dict[str, str], str]:
    from udbhabon.core.templatetags.bn import date_bn

    msgid = MESSAGES[(reminder.paper, "before" if reminder.stage == "before" else "after")]
    params = {
        "period": period_label(reminder.paper, reminder.period),
        "office": office.name_bn,
        "due": date_bn(reminder.due_on),
    }
    url = reverse("monitoring:office", kwargs={"code": office.code}) + f"?year={reminder.year}"
    return msgid, params, url


def _send_many(
    wanted: list[tuple[Office, Office, rates.Period, str]],
    posts: dict[int, list[Post]],
    *,
    year: int,
    sent_by: Post | None = None,
) -> list[Reminder]:
    """Record and send reminders (office, told office, period, stage); skip any sent
    before: the unique (office, key) holds "never twice" when two runs overlap."""
    run = uuid.uuid4().hex
    Reminder.objects.bulk_create(
        [
            Reminder(
                office=office,
                year=year,
                paper=period.paper,
                period=period.period,
                stage=stage,
                key=f"{period.key}:{stage}",
                due_on=period.due,
                told_office=told,
                sent_by=sent_by,
                run=run,
            )
            for office, told, period, stage in wanted
        ],
        ignore_conflicts=True,
        batch_size=STATS_BATCH,
    )
    offices = {o.pk: o for o, _t, _p, _s in wanted}
    mine = list(Reminder.objects.filter(run=run))
    for reminder in mine:
        msgid, params, url = _message(reminder, offices[reminder.office_id])
        notes = notify(
            posts=posts.get(reminder.told_office_id, []),
            kind=f"reminder_{reminder.stage}",
            msgid=msgid,
            params=params,
            url=url,
            sms_msgid=SMS_OVERDUE if reminder.stage != "before" else "",  # overdue: SMS too
        )
        reminder.recipients = len(notes)
    Reminder.objects.bulk_update(mine, ["recipients"], batch_size=STATS_BATCH)
    return mine


def _received(stats: OfficeYearStats | None, period: rates.Period) -> bool:
    if stats is None:
        return False
    if period.paper == "plan":
        return stats.plan_sent_on is not None
    if period.paper == "report":
        return getattr(stats, f"report{period.index}_sent_on") is not None
    return bool((stats.minutes_timely_mask | stats.minutes_late_mask) >> period.index & 1)


def papers_of(year: int, dates: Dates) -> list[rates.Period]:
    return [p for paper in PAPERS for p in rates.periods(paper, year, dates)]


@transaction.atomic
def reminder_send(
    *, office: Office, year: int, period_key: str, post: Post | None, actor: User | None = None
) -> Reminder | None:
    """A supervisor reminds a subordinate office about one paper; once per paper and period."""
    permissions.require_supervise(post, office)
    dates = Resolver(year, office.path).for_path(office.path)
    period = next((p for p in papers_of(year, dates) if p.key == period_key), None)
    if period is None:
        raise ValueError(f"no such paper: {period_key}")
    sent = _send_many(
        [(office, office, period, Reminder.Stage.MANUAL)],
        _posts_to_tell([office]),
        year=year,
        sent_by=post,
    )
    return sent[0] if sent else None


# A reminder after the due date, or an escalation, is sent only within this many
# days of when it became due, so a daily run never floods offices with reminders
# for papers missed long ago (those are on the supervision page).
WINDOW_DAYS = 30


def stage_due(period: rates.Period, dates: Dates, as_of: dt.date) -> str | None:
    """Which automatic reminder ``period`` calls for on ``as_of``, if any."""
    escalate_on = period.due + dt.timedelta(days=dates.escalate_after_days)
    if period.due - dt.timedelta(days=dates.remind_before_days) <= as_of <= period.due:
        return Reminder.Stage.BEFORE
    if escalate_on <= as_of <= escalate_on + dt.timedelta(days=WINDOW_DAYS):
        return Reminder.Stage.ESCALATED
    if period.due < as_of <= period.due + dt.timedelta(days=WINDOW_DAYS):
        return Reminder.Stage.AFTER
    return None


def reminders_run(*, as_of: dt.date | None = None, years: Iterable[int] | None = None) -> int:
    """The scheduled job: remind every office of what is due soon or overdue.

    Before the due date and after it the office is told; ``escalate_after_days``
    after it the office above is told as well (the "after" reminder is sent
    too if it had not been). Reads the aggregate table, so refresh it first.
    Returns the number of reminders sent.
    """
    as_of = as_of or timezone.localdate()
    this_year = as_of.year if as_of.month >= 7 else as_of.year - 1
    years = list(years) if years is not None else [this_year - 1, this_year]
    root = Office.objects.get(depth=0)
    sent = 0
    for year in years:
        resolver = Resolver(year, root.path)
        stats = {
            s.office_id: s
            for s in OfficeYearStats.objects.filter(year=year).only(
                "office_id",
                "plan_sent_on",
                "report1_sent_on",
                "report2_sent_on",
                "minutes_timely_mask",
                "minutes_late_mask",
            )
        }
        wanted: list[tuple[Office, rates.Period, str]] = []
        offices = Office.objects.filter(is_active=True, depth__gt=0).select_related("parent")
        for office in offices:
            dates = resolver.for_path(office.path)
            for period in papers_of(year, dates):
                stage = stage_due(period, dates, as_of)
                if stage is None or _received(stats.get(office.pk), period):
                    continue
                if stage == Reminder.Stage.ESCALATED:
                    wanted.append((office, period, Reminder.Stage.AFTER))
                wanted.append((office, period, stage))
        if not wanted:
            continue
        done = set(
            Reminder.objects.filter(
                year=year, key__in={f"{p.key}:{stage}" for _o, p, stage in wanted}
            ).values_list("office_id", "key")
        )
        wanted = [w for w in wanted if (w[0].pk, f"{w[1].key}:{w[2]}") not in done]
        told_offices = {o.pk: o for o, _p, _s in wanted} | {
            o.parent_id: o.parent for o, _p, s in wanted if s == Reminder.Stage.ESCALATED
        }
        posts = _posts_to_tell(o for o in told_offices.values() if o is not None)
        batch = [
            (office, (stage == Reminder.Stage.ESCALATED and office.parent) or office, period, stage)
            for office, period, stage in wanted
        ]
        sent += len(_send_many(batch, posts, year=year))
    return sent


# ---------------------------------------------------------------------------
# The weekly digest


@transaction.atomic
def digest_subscribe(*, post: Post, on: bool) -> None:
    """Turn the weekly digest on or off for the post (its own choice)."""
    if on:
        DigestSubscription.objects.get_or_create(post=post)
    else:
        DigestSubscription.objects.filter(post=post).delete()


DIGEST_MSG = gettext_noop(
    "Weekly supervision digest for %(year)s: of %(offices)s offices below you, %(plans)s "
    "have sent their action plan (%(late)s late) and %(minutes)s of %(minutes_expected)s "
    "monthly minutes have come in."
)


def digests_run(*, as_of: dt.date | None = None) -> int:
    """Send the weekly digest to every subscribed post that has not had this week's."""
    from udbhabon.monitoring.queries import level_summary

    as_of = as_of or timezone.localdate()
    iso = as_of.isocalendar()
    week = f"{iso.year}-W{iso.week:02d}"
    year = as_of.year if as_of.month >= 7 else as_of.year - 1
    sent = 0
    subs = DigestSubscription.objects.exclude(last_week=week).select_related("post__office")
    for sub in subs:
        total = level_summary(sub.post.office, year).total
        from bangla.digits import to_bengali_digits as bn
        from bangla.fiscal import format_fiscal_year

        notify(
            posts=[sub.post],
            kind="digest",
            msgid=DIGEST_MSG,
            params={
                "year": format_fiscal_year(year),
                "offices": bn(total.offices),
                "plans": bn(total.plan_actual),
                "late": bn(total.plan_actual - total.plan_timely),
                "minutes": bn(total.minutes_actual),
                "minutes_expected": bn(total.minutes_expected),
            },
            url=reverse("monitoring:office", kwargs={"code": sub.post.office.code})
            + f"?year={year}",
        )
        DigestSubscription.objects.filter(pk=sub.pk).update(last_week=week)
        sent += 1
    return sent


def daily_run(*, as_of: dt.date | None = None) -> dict[str, int]:
    """What the timer runs once a day: refresh figures, remind offices and rows, digest."""
    as_of = as_of or timezone.localdate()
    year = as_of.year if as_of.month >= 7 else as_of.year - 1
    rows = stats_refresh(year=year, as_of=as_of)
    rows += stats_refresh(year=year - 1, as_of=as_of) if as_of.month == 7 else 0  # June's papers
    return {
        "rows": rows,
        "reminders": reminders_run(as_of=as_of),
        "digests": digests_run(as_of=as_of),
        "row_reminders": row_reminders_run(as_of=as_of),
    }
