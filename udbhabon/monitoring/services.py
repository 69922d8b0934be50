"""Every state change of supervision: deadlines, the aggregate table, reminders, digests.
Views, the commands and the tasks call these, so each rule is written once (who may set
deadlines or remind whom, a reminder never twice)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from bangla.fiscal import fiscal_year_of
from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.monitoring import indicators, rates
from udbhabon.monitoring.deadlines import Dates, Resolver
from udbhabon.monitoring.models import (
    Deadline,
    DigestSubscription,
    OfficeYearStats,
    Reminder,
    SubtreeYearStats,
)
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import PATH_STEP, Office, Post, User
from udbhabon.offices.queries import subtree_q

PAPERS = ("plan", "report", "minutes")
# The posts told about an office's papers: its head and its innovation officer
# (for an upazila, the UNO and the innovation officer).
TOLD_ROLES = (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER)
STATS_BATCH = 2000

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
    from udbhabon.monitoring.tasks import refresh_stats

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
# The aggregate table: the sources' facts are copied onto the row as they are.

FACT_FIELDS = (
    "plan_state",
    "plan_sent_on",
    "plan_decided_on",
    "report1_state",
    "report1_sent_on",
    "report2_state",
    "report2_sent_on",
    "items_total",
    "items_done",
    "items_overdue",
    "meetings_mask",
    "actions_open",
    "actions_overdue",
    "ideas_received",
    "ideas_vetted",
    "ideas_approved",
    "ideas_implemented",
    "ideas_overdue",
    "saved_days",
    "saved_taka",
    "saved_visits",
)


def compute_row(
    *, office: Mapping[str, Any], year: int, facts: dict[str, Any], dates: Dates, as_of: dt.date
) -> OfficeYearStats:
    """One office's indicators for the year, from the sources' facts and its deadlines."""
    received: dict[str, dt.date] = facts.get("received", {})
    row = OfficeYearStats(
        office_id=office["id"],
        year=year,
        path=office["path"],
        level=office["level"],
        depth=office["depth"],
        refreshed_at=timezone.now(),
    )
    for name in FACT_FIELDS:
        if facts.get(name) is not None:
            setattr(row, name, facts[name])
    # The first sending of each paper, when the source said it only in "received".
    if row.plan_sent_on is None:
        row.plan_sent_on = received.get(f"plan:{year}")
    for half in (1, 2):
        if getattr(row, f"report{half}_sent_on") is None:
            setattr(row, f"report{half}_sent_on", received.get(f"report:{year}-{half}"))
    # The root reports to nobody: nothing is expected of it.
    if office["depth"] == 0:
        row.compliance = 100
        return row
    plan = rates.rate(rates.periods("plan", year, dates), received, as_of)
    reports = rates.rate(rates.periods("report", year, dates), received, as_of)
    months = rates.periods("minutes", year, dates)
    minutes = rates.rate(months, received, as_of)
    for p in months:
        got = received.get(p.key)
        if got is not None:
            if got <= p.due:
                row.minutes_timely_mask |= 1 << p.index
            else:
                row.minutes_late_mask |= 1 << p.index
    row.plan_expected, row.plan_actual, row.plan_timely = plan.expected, plan.actual, plan.timely
    row.reports_expected, row.reports_actual, row.reports_timely = (
        reports.expected,
        reports.actual,
        reports.timely,
    )
    row.minutes_expected, row.minutes_actual, row.minutes_timely = (
        minutes.expected,
        minutes.actual,
        minutes.timely,
    )
    row.meetings_held = bin(row.meetings_mask).count("1")
    total = plan + reports + minutes
    row.compliance = 100 if (rate := total.timely_rate) is None else rate
    return row


STATS_FIELDS = [
    f.name for f in OfficeYearStats._meta.concrete_fields if f.name not in {"id", "office", "year"}
]


def figures_changed(*, office: Office, on: dt.date) -> None:
    """A transition changed ``office``'s figures (plan sent, minutes sent, idea
    vetted ...): recompute the fiscal year holding ``on`` once this transaction
    commits, in the background, instead of waiting for the daily job."""
    from udbhabon.monitoring.tasks import refresh_stats

    year = fiscal_year_of(on).start.year
    transaction.on_commit(lambda: refresh_stats.enqueue(year=year, office_id=office.pk))


def stats_refresh(*, year: int, office: Office | None = None, as_of: dt.date | None = None) -> int:
    """Recompute the aggregate rows of ``year`` for ``office`` and everything below.

    A fixed number of queries whatever the size: the offices, the deadlines,
    each available source's GROUP BY queries, then batched upserts.
    Returns the number of rows written.
    """
    as_of = as_of or timezone.localdate()
    root = office or Office.objects.get(depth=0)
    offices = list(
        Office.objects.filter(subtree_q(root.path), is_active=True).values(
            "id", "path", "level", "depth"
        )
    )
    resolver = Resolver(year, root.path)
    facts: dict[int, dict[str, Any]] = {}
    for source in indicators.available_sources():
        for office_id, found in source.collect(year=year, path=root.path, as_of=as_of).items():
            merged = facts.setdefault(office_id, {"received": {}})
            merged["received"].update(found.pop("received", {}))
            merged.update(found)
    rows = [
        compute_row(
            office=o,
            year=year,
            facts=facts.get(o["id"], {}),
            dates=resolver.for_path(o["path"]),
            as_of=as_of,
        )
        for o in offices
    ]
    with transaction.atomic():
        for start in range(0, len(rows), STATS_BATCH):
            OfficeYearStats.objects.bulk_create(
                rows[start : start + STATS_BATCH],
                update_conflicts=True,
                unique_fields=["office", "year"],
                update_fields=STATS_FIELDS,
            )
        rollups_refresh(year=year)
    return len(rows)


ROLLUPS_LOCK = 0x5544_0001  # pg_advisory_xact_lock's key: "rebuilding a year's roll-ups"


@transaction.atomic
def rollups_refresh(*, year: int) -> int:
    """Rebuild the per-level sums below every office that has offices below it.

    One GROUP BY per depth of the tree over OfficeYearStats (path prefix ×
    level), so the whole country costs a handful of queries; every ancestor of
    a changed office is covered, whichever subtree was refreshed. Two workers on
    one year would both delete and re-insert (a duplicate key, seen in `make
    prod-smoke`): on PostgreSQL the second waits for the first's commit.
    """
    from udbhabon.monitoring.queries import SUM_FIELDS, month_sums

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ROLLUPS_LOCK, year])
    max_depth = OfficeYearStats.objects.filter(year=year).aggregate(d=Max("depth"))["d"] or 0
    ids: dict[str, int] = {}
    rows: list[SubtreeYearStats] = []
    for depth in range(max_depth):
        prefix_len = PATH_STEP * (depth + 1)
        groups = (
            OfficeYearStats.objects.filter(year=year, depth__gt=depth)
            .annotate(prefix=Substr("path", 1, prefix_len))
            .values("prefix", "level")
            .annotate(
                n=Count("id"),
                acc=Count("id", filter=Q(plan_state="accepted")),
                **{k: Coalesce(Sum(k), 0) for k in SUM_FIELDS},
                **month_sums(),
            )
            .order_by()
        )
        group_rows: list[Mapping[str, Any]] = list(groups)
        missing = {g["prefix"] for g in group_rows} - set(ids)
        if missing:
            ids.update(Office.objects.filter(path__in=missing).values_list("path", "id"))
        for g in group_rows:
            rows.append(
                SubtreeYearStats(
                    office_id=ids[g["prefix"]],
                    year=year,
                    level=g["level"],
                    offices=g["n"],
                    accepted=g["acc"],
                    **{k: g[k] for k in SUM_FIELDS},
                    months_held=[g[f"held_{i}"] for i in range(rates.MONTHS)],
                    months_timely=[g[f"timely_{i}"] for i in range(rates.MONTHS)],
                    months_late=[g[f"late_{i}"] for i in range(rates.MONTHS)],
                )
            )
    SubtreeYearStats.objects.filter(year=year).delete()
    SubtreeYearStats.objects.bulk_create(rows, batch_size=STATS_BATCH)
    return len(rows)


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
    """What the timer runs once a day: refresh this year's figures, remind, digest."""
    as_of = as_of or timezone.localdate()
    year = as_of.year if as_of.month >= 7 else as_of.year - 1
    rows = stats_refresh(year=year, as_of=as_of)
    if as_of.month == 7:  # last year's second report and June minutes fall due in July
        rows += stats_refresh(year=year - 1, as_of=as_of)
    return {
        "rows": rows,
        "reminders": reminders_run(as_of=as_of),
        "digests": digests_run(as_of=as_of),
    }
