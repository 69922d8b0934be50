"""A framework as typed or read (the spec), checked before anything is saved (issue 22, item 7).

The spec is plain data, the shape a form, the API and the importer all produce:

    {"objectives": [{"title": str, "weight": "7", "activities": [
        {"title": str, "indicators": [
            {"title": str, "unit": "date", "direction": "lower", "weight": "4",
             "targets": ["31-07-2018", ...five], "metric": "plans.plan_accepted_on",
             "previous": "", "projection": "", "due_on": "", "mandatory": False}]}]}]}

`check_spec` returns every problem at once, each a sentence in the reader's language;
`clean_spec` returns the spec with typed values (Decimal weights, dates, booleans) or
raises ValidationError with all the problems. Numbers and dates may be in Bengali digits.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bangla.digits import localize_digits, to_ascii_digits
from udbhabon.core.lang import current_lang
from udbhabon.evaluation.scoring import Direction, targets_in_order
from udbhabon.plans import metrics

UNITS = ("number", "percent", "date", "yesno")
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")
_YES = {"yes", "হ্যাঁ", "হ্যা", "true", "1", "y"}
_NO = {"no", "না", "false", "0", "n"}


def _n(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if "." in text and value == value.to_integral():
        text = text.split(".")[0]
    return localize_digits(text, current_lang())


def parse_weight(value: object) -> Decimal | None:
    try:
        number = Decimal(to_ascii_digits(str(value)).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number >= 0 else None


def parse_value(unit: str, value: object) -> Decimal | dt.date | bool | None:
    """A target or an achievement typed for ``unit``; None when it is not one."""
    if isinstance(value, bool) and unit == "yesno":
        return value
    if isinstance(value, dt.date) and unit == "date":
        return value
    text = to_ascii_digits(str(value if value is not None else "")).strip()
    if unit == "date":
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None
    if unit == "yesno":
        low = text.lower()
        return True if low in _YES else False if low in _NO else None
    number = parse_weight(text.rstrip("%"))
    return number


def _unit_name(unit: str) -> str:
    return str(dict(metrics.Unit.choices).get(unit, unit))


def check_indicator(ind: dict[str, Any], problems: list[str]) -> Decimal:
    title = str(ind.get("title") or "").strip() or "—"
    unit = ind.get("unit")
    if unit not in UNITS:
        problems.append(_("Indicator “%(title)s”: choose its unit.") % {"title": title})
        return parse_weight(ind.get("weight")) or Decimal(0)
    direction = ind.get("direction") or (Direction.LOWER if unit == "date" else Direction.HIGHER)
    ind["direction"] = str(direction)
    weight = parse_weight(ind.get("weight"))
    if weight is None:
        problems.append(
            _("Indicator “%(title)s”: “%(value)s” is not a weight.")
            % {"title": title, "value": ind.get("weight")}
        )
        weight = Decimal(0)
    ind["weight"] = weight
    raw = list(ind.get("targets") or [])
    values = [parse_value(unit, t) for t in raw]
    if len(raw) != 5:
        problems.append(
            _("Indicator “%(title)s”: five grade targets are needed (100, 90, 80, 70, 60).")
            % {"title": title}
        )
    elif any(v is None for v in values):
        bad = next(t for t, v in zip(raw, values, strict=True) if v is None)
        problems.append(
            _("Indicator “%(title)s”: “%(value)s” is not a %(unit)s.")
            % {"title": title, "value": bad, "unit": _unit_name(unit)}
        )
    elif unit != "yesno" and not targets_in_order(values, direction):  # type: ignore[arg-type]
        better = (
            _("earlier")
            if unit == "date"
            else (_("lower") if direction == Direction.LOWER else _("higher"))
        )
        problems.append(
            _(
                "Indicator “%(title)s”: the grade targets are out of order; "
                "from 100 down to 60 each must be %(better)s than or equal to the next."
            )
            % {"title": title, "better": better}
        )
    ind["targets"] = values
    _check_metric(ind, title, unit, problems)
    due = ind.get("due_on")
    ind["due_on"] = parse_value("date", due) if due else None
    ind["mandatory"] = bool(ind.get("mandatory"))
    return weight


def _check_metric(ind: dict[str, Any], title: str, unit: str, problems: list[str]) -> None:
    key = str(ind.get("metric") or "").strip()
    ind["metric"] = key
    if not key:
        return
    try:
        metric = metrics.get(key)
    except metrics.UnknownMetric:
        problems.append(
            _("Indicator “%(title)s”: no metric “%(metric)s” is known.")
            % {"title": title, "metric": key}
        )
        return
    if metric.unit != unit:
        problems.append(
            _(
                "Indicator “%(title)s” is measured by “%(metric)s”, whose unit is "
                "%(metric_unit)s, not %(unit)s."
            )
            % {
                "title": title,
                "metric": metric.label,
                "metric_unit": _unit_name(metric.unit),
                "unit": _unit_name(unit),
            }
        )


def check_objective(obj: dict[str, Any], number: int, problems: list[str]) -> Decimal:
    """Check one objective and its indicators; returns its weight (0 when not a number)."""
    weight = parse_weight(obj.get("weight"))
    if weight is None:
        problems.append(
            _("Objective %(n)s: “%(value)s” is not a weight.")
            % {"n": localize_digits(str(number), current_lang()), "value": obj.get("weight")}
        )
        weight = Decimal(0)
    obj["weight"] = weight
    inside = Decimal(0)
    for activity in obj.get("activities") or []:
        for ind in activity.get("indicators") or []:
            inside += check_indicator(ind, problems)
    if inside != weight:
        problems.append(
            _(
                "Objective %(n)s: its indicators' weights add up to %(sum)s, "
                "not its weight %(weight)s."
            )
            % {
                "n": localize_digits(str(number), current_lang()),
                "sum": _n(inside),
                "weight": _n(weight),
            }
        )
    return weight


def check_spec(spec: dict[str, Any], *, total: Decimal = Decimal(100)) -> list[str]:
    """Every problem of the spec (and the spec's values typed in place)."""
    problems: list[str] = []
    objectives = spec.get("objectives") or []
    if not objectives:
        return [_("A framework needs at least one objective.")]
    weights = sum(
        (check_objective(obj, n, problems) for n, obj in enumerate(objectives, start=1)),
        Decimal(0),
    )
    if weights != total:
        problems.insert(
            0,
            _("The objectives' weights add up to %(sum)s, not %(total)s.")
            % {"sum": _n(weights), "total": _n(total)},
        )
    return problems


def clean_spec(spec: dict[str, Any], *, total: Decimal = Decimal(100)) -> dict[str, Any]:
    problems = check_spec(spec, total=total)
    if problems:
        raise ValidationError(problems, code="framework_invalid")
    return spec
