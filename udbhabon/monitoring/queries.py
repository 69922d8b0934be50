"""Reads of the supervision page: the office table, roll-ups, summaries, league, charts.

Everything comes from the aggregate table (OfficeYearStats) over the office
path range, in a fixed number of queries whatever the size of the country
(tests/test_supervision_queries asserts the count at two sizes):

1. the rows: offices of the chosen level below, LEFT JOINed to their year's
   row, sorted and paged in SQL;
2. the count of those offices (for paging);
3. roll-ups below each row: one GROUP BY on the path prefix;
4. the summary per level (with the month counts for the chart and the idea
   funnel): one GROUP BY level;
5. and 6. the league table: best and worst by compliance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, FilteredRelation, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, NullIf

from udbhabon.monitoring import indicators, rates
from udbhabon.monitoring.deadlines import Resolver
from udbhabon.monitoring.models import OfficeYearStats, SubtreeYearStats
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q

# Levels in the order of the tree; administrative levels sit at a fixed depth.
LEVELS = ("division", "district", "upazila", "department")
ADMIN_DEPTH = {"division": 1, "district": 2, "upazila": 3}
# Rows per page at deep levels (495 upazilas, ~19,400 departmental offices).
PAGE_SIZE = 50
LEAGUE_SIZE = 5

# Sortable columns: URL name -> the office's own column, or a column of its
# year's OfficeYearStats row ("st__…", through a FilteredRelation).
SORTS: dict[str, str] = {
    # Tree order (offices grouped under their parents) is the default: it reads
    # like the office list and is the index order, so a deep level pages cheaply.
    "tree": "path",
    "name": "name_bn",
    "plan": "st__plan_sent_on",
    "plan_state": "st__plan_state",
    "reports": "st__reports_actual",
    "meetings": "st__meetings_held",
    "minutes": "st__minutes_actual",
    "done": "done_pct",
    "overdue": "st__items_overdue",
    "actions": "st__actions_overdue",
    "ideas": "st__ideas_received",
    "vetted": "st__ideas_vetted",
    "approved": "st__ideas_approved",
    "ideas_overdue": "st__ideas_overdue",
    "compliance": "st__compliance",
}

SUM_FIELDS = (
    "plan_expected",
    "plan_actual",
    "plan_timely",
    "reports_expected",
    "reports_actual",
    "reports_timely",
    "minutes_expected",
    "minutes_actual",
    "minutes_timely",
    "meetings_held",
    "items_total",
    "items_done",
    "items_overdue",
    "actions_overdue",
    "ideas_received",
    "ideas_vetted",
    "ideas_approved",
    "ideas_implemented",
    "ideas_overdue",
    "saved_days",
    "saved_taka",
    "saved_visits",
    "unverified_days",
    "unverified_taka",
    "unverified_visits",
    "initiatives_pilot",
    "initiatives_implemented",
    "initiatives_dropped",
    "priority_selected",
    "priority_launched",
)


@dataclass
class Totals:
    """Summed indicators of a group of offices (a level, a subtree)."""

    offices: int = 0
    values: dict[str, int] = field(default_factory=dict)
    accepted: int = 0
    months_held: list[int] = field(default_factory=lambda: [0] * rates.MONTHS)
    months_timely: list[int] = field(default_factory=lambda: [0] * rates.MONTHS)
    months_late: list[int] = field(default_factory=lambda: [0] * rates.MONTHS)

    def __getattr__(self, name: str) -> int:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        if name in SUM_FIELDS:
            return 0
        raise AttributeError(name)

    def add(self, other: Totals) -> None:
        self.offices += other.offices
        self.accepted += other.accepted
        for k in SUM_FIELDS:
            self.values[k] = self.values.get(k, 0) + other.values.get(k, 0)
        for mine, theirs in (
            (self.months_held, other.months_held),
            (self.months_timely, other.months_timely),
            (self.months_late, other.months_late),
        ):
            for i in range(rates.MONTHS):
                mine[i] += theirs[i]

    @property
    def plan_rate(self) -> rates.Rate:
        return rates.Rate(self.plan_expected, self.plan_actual, self.plan_timely)

    @property
    def minutes_rate(self) -> rates.Rate:
        return rates.Rate(self.minutes_expected, self.minutes_actual, self.minutes_timely)

    @property
    def reports_rate(self) -> rates.Rate:
        return rates.Rate(self.reports_expected, self.reports_actual, self.reports_timely)

    @property
    def done_pct(self) -> int | None:
        return round(100 * self.items_done / self.items_total) if self.items_total else None


def month_sums() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i in range(rates.MONTHS):
        out[f"held_{i}"] = Coalesce(Sum(F("meetings_mask").bitrightshift(i).bitand(1)), 0)
        out[f"timely_{i}"] = Coalesce(Sum(F("minutes_timely_mask").bitrightshift(i).bitand(1)), 0)
        out[f"late_{i}"] = Coalesce(Sum(F("minutes_late_mask").bitrightshift(i).bitand(1)), 0)
    return out


@dataclass
class Summary:
    by_level: list[tuple[str, str, Totals]]  # (level, label, totals)
    total: Totals


def _from_rollup(r: SubtreeYearStats) -> Totals:
    t = Totals(offices=r.offices, values={k: getattr(r, k) for k in SUM_FIELDS})
    t.accepted = r.accepted
    t.months_held = list(r.months_held) or [0] * rates.MONTHS
    t.months_timely = list(r.months_timely) or [0] * rates.MONTHS
    t.months_late = list(r.months_late) or [0] * rates.MONTHS
    return t


def level_summary(office: Office, year: int) -> Summary:
    """Every office below ``office``, summed per level: one query on the roll-up
    table (a few rows), with the month counts for the chart and the idea funnel."""
    found = {
        r.level: _from_rollup(r) for r in SubtreeYearStats.objects.filter(office=office, year=year)
    }
    labels = {k: str(v) for k, v in Office.Level.choices}  # in the request's language
    by_level = [(lvl, labels[lvl], found[lvl]) for lvl in LEVELS if lvl in found]
    total = Totals()
    for _lvl, _label, t in by_level:
        total.add(t)
    return Summary(by_level=by_level, total=total)


@dataclass
class MonthCell:
    index: int
    label: str  # "2017-08"
    state: str  # ok / late / held (no minutes) / missing / due (not yet due) / none


@dataclass
class Row:
    """One office's line of the table: the office and its year's figures (`stats`,
    None while the office has no row of that year), with what the page adds."""

    office: Office
    stats: OfficeYearStats | None = None
    below: Totals | None = None
    strip: list[MonthCell] = field(default_factory=list)
    remind: rates.Period | None = None  # the paper a supervisor would remind about first
    missing: list[rates.Period] = field(default_factory=list)
    # set by the view, once per request: (colour, words) of the plan and the two reports
    chips: list[tuple[str, str]] = field(default_factory=list)
    remind_words: str = ""  # the paper `remind` names, in words
    strip_label: str = ""  # the month strip in words: how many months of each state
    strip_runs: list[tuple[str, str]] = field(default_factory=list)  # (state, its signs)

    @property
    def plan_timeliness(self) -> str:
        """ok / late / missing / due for the plan."""
        stats = self.stats
        if stats is not None and stats.plan_sent_on is not None:
            return "ok" if stats.plan_timely else "late"
        return "missing" if stats is not None and stats.plan_expected else "due"

    @property
    def done_pct(self) -> int | None:
        total = self.stats.items_total if self.stats is not None else 0
        return round(100 * self.stats.items_done / total) if self.stats and total else None


def missing_papers(
    stats: OfficeYearStats, dates: Any, strip: list[MonthCell], *, as_of: dt.date
) -> list[rates.Period]:
    """Papers of the office that are overdue and not sent, plan first, newest month first."""
    out = []
    if stats.plan_expected and not stats.plan_actual:
        out += rates.periods("plan", stats.year, dates)
    for p in rates.periods("report", stats.year, dates):
        sent = stats.report1_sent_on if p.index == 1 else stats.report2_sent_on
        if stats.reports_expected and sent is None and p.due < as_of:
            out.append(p)
    months = rates.periods("minutes", stats.year, dates)
    for cell in reversed(strip):
        if cell.state in ("missing", "held"):
            out.append(months[cell.index])
    return out


def month_strip(
    stats: OfficeYearStats | None, months: list[rates.Period], as_of: dt.date
) -> list[MonthCell]:
    held = stats.meetings_mask if stats is not None else 0
    timely = stats.minutes_timely_mask if stats is not None else 0
    late = stats.minutes_late_mask if stats is not None else 0
    cells = []
    for p in months:
        bit = 1 << p.index
        if timely & bit:
            state = "ok"
        elif late & bit:
            state = "late"
        elif held & bit:
            state = "held"
        elif p.start > as_of:
            state = "none"
        elif p.due >= as_of:
            state = "due"
        else:
            state = "missing"
        cells.append(MonthCell(p.index, p.period, state))
    return cells


@dataclass
class Table:
    office: Office
    year: int
    level: str
    levels: list[str]
    rows: list[Row]
    count: int
    page: int
    pages: int
    sort: str
    desc: bool
    summary: Summary
    best: list[OfficeYearStats]
    worst: list[OfficeYearStats]
    sources: set[str]
    months: list[rates.Period]
    rollups: bool
    own: Row | None = None  # the office's own figures (when it reports to someone)


def default_level(office: Office) -> str:
    """The level a supervisor sees first: the one right below (divisions for the Cabinet)."""
    return {"cabinet": "division", "division": "district", "district": "upazila"}.get(
        office.level, "department"
    )


def levels_below(office: Office) -> list[str]:
    start = LEVELS.index(office.level) + 1 if office.level in LEVELS else 0
    return list(LEVELS[start:]) if office.level != "department" else ["department"]


def rows_queryset(office: Office, level: str) -> QuerySet[Office]:
    """Offices of ``level`` strictly below ``office``."""
    return Office.objects.filter(subtree_q(office.path), level=level, is_active=True).exclude(
        pk=office.pk
    )


def ordered(qs: QuerySet[Office], year: int, sort: str, desc: bool) -> QuerySet[Office]:
    """Order by the office's own column or by its year's figures (one join, one key)."""
    key = SORTS.get(sort, "path")
    if key.startswith("st__") or key == "done_pct":
        qs = qs.annotate(st=FilteredRelation("year_stats", condition=Q(year_stats__year=year)))
        if key == "done_pct":
            qs = qs.annotate(
                done_pct=Coalesce(
                    F("st__items_done") * 100 / NullIf(F("st__items_total"), 0), Value(-1)
                )
            )
    expr = F(key)
    return qs.order_by(expr.desc(nulls_last=True) if desc else expr.asc(nulls_last=True), "path")


def stats_of(offices: list[Office], year: int) -> dict[int, OfficeYearStats]:
    """Each office's figures of the year by office id (none without a row). One query."""
    return {
        s.office_id: s
        for s in OfficeYearStats.objects.filter(year=year, office_id__in=[o.pk for o in offices])
    }


def supervision_table(
    office: Office,
    year: int,
    *,
    level: str | None = None,
    sort: str = "tree",
    desc: bool = False,
    page: int = 1,
    as_of: dt.date,
    page_size: int = PAGE_SIZE,
) -> Table:
    levels = levels_below(office)
    level = level if level in levels else default_level(office)
    if level not in levels:
        level = levels[0]
    sort = sort if sort in SORTS else "tree"
    qs = rows_queryset(office, level)
    count = qs.count()
    pages = max(1, -(-count // page_size))
    page = min(max(1, page), pages)
    offices = list(ordered(qs, year, sort, desc)[(page - 1) * page_size : page * page_size])
    # The office's own figures come in the same query as its rows'.
    found = stats_of([*offices, office] if office.parent_id is not None else offices, year)
    resolver = Resolver(year, office.parent.path if office.parent is not None else office.path)
    dates = resolver.for_path(office.path + "0001")
    months = rates.periods("minutes", year, dates)
    rows = [_row(o, found.get(o.pk), months, as_of) for o in offices]
    for row in rows:
        if row.stats is not None:
            missing = missing_papers(row.stats, dates, row.strip, as_of=as_of)
            row.remind = missing[0] if missing else None

    rollups = level in ADMIN_DEPTH
    if rollups and offices:
        _attach_below(rows, year)
    own = _own_row(office, found.get(office.pk), year, resolver, as_of)
    summary = level_summary(office, year)
    best, worst = _league(office, year, level)
    return Table(
        office=office,
        year=year,
        level=level,
        levels=levels,
        rows=rows,
        count=count,
        page=page,
        pages=pages,
        sort=sort,
        desc=desc,
        summary=summary,
        best=best,
        worst=worst,
        sources=indicators.available_names(),
        months=months,
        rollups=bool(rollups),
        own=own,
    )


def _attach_below(rows: list[Row], year: int) -> None:
    """Everything below each row: its few roll-up rows (one per level), summed."""
    below: dict[int, Totals] = {}
    office_ids = [row.office.pk for row in rows]
    for r in SubtreeYearStats.objects.filter(office__in=office_ids, year=year):
        below.setdefault(r.office_id, Totals()).add(_from_rollup(r))
    for row in rows:
        row.below = below.get(row.office.pk, Totals())


def _row(
    office: Office, stats: OfficeYearStats | None, months: list[rates.Period], as_of: dt.date
) -> Row:
    return Row(office=office, stats=stats, strip=month_strip(stats, months, as_of))


def _own_row(
    office: Office,
    stats: OfficeYearStats | None,
    year: int,
    resolver: Resolver,
    as_of: dt.date,
) -> Row | None:
    """The office's own row (its month strip and the papers it has not sent); none for
    the root, which reports to nobody."""
    if office.parent_id is None:
        return None
    own_dates = resolver.for_path(office.path)
    strip = month_strip(stats, rates.periods("minutes", year, own_dates), as_of)
    own = Row(office=office, stats=stats, strip=strip)
    if stats is not None:
        own.missing = missing_papers(stats, own_dates, strip, as_of=as_of)
    return own


def _league(office: Office, year: int, level: str) -> tuple[list[Any], list[Any]]:
    """The best and the worst offices of the level below by compliance."""
    league = (
        OfficeYearStats.objects.filter(subtree_q(office.path), year=year, level=level)
        .exclude(office=office)
        .select_related("office")
        .only("compliance", "path", "office__code", "office__name_bn", "office__name_en")
    )
    # Both orders follow the (year, level, compliance, path) index, forwards and
    # backwards, so many offices tied at one share stop the scan after five.
    best = list(league.order_by("-compliance", "-path")[:LEAGUE_SIZE])
    worst = list(league.order_by("compliance", "path")[:LEAGUE_SIZE])
    if {r.pk for r in best} & {r.pk for r in worst}:
        # Few offices: both lists hold all of them. Split them instead, so no office
        # is named both best and needing attention (the better half first).
        every = sorted({r.pk: r for r in best + worst}.values(), key=_league_key, reverse=True)
        half = (len(every) + 1) // 2
        best, worst = every[:half], every[half:][::-1]
    return best, worst


def _league_key(row: Any) -> tuple[Any, str]:
    return (row.compliance if row.compliance is not None else -1, row.path)


def export_rows(
    office: Office,
    year: int,
    level: str,
    *,
    months: list[rates.Period],
    as_of: dt.date,
    sort: str = "tree",
) -> list[Row]:
    """Every row of the table (not paged), for XLSX and CSV; two queries."""
    offices = list(ordered(rows_queryset(office, level), year, sort, False))
    found = stats_of(offices, year)
    return [_row(o, found.get(o.pk), months, as_of) for o in offices]


def available_years(office: Office, this_year: int) -> list[int]:
    """This fiscal year, the four before it, and any other year with figures (one query)."""
    years = set(range(this_year - 4, this_year + 1))
    years |= set(OfficeYearStats.objects.filter(office=office).values_list("year", flat=True))
    return sorted(years, reverse=True)
