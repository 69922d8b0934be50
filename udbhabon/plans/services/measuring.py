"""Link a plan row to a metric (plans/metrics.py) so it measures itself, or give its
figure by hand with a reason. Allowed to those who edit the office's plans, in any state
of the paper: measuring is progress, not a change of the plan."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.plans import metrics
from udbhabon.plans.models import PlanItem
from udbhabon.plans.services.common import authorise


def _allowed(item: PlanItem, actor: User | None, post: Post | None) -> None:
    authorise(actor, post, item.plan.office, permissions.can_edit)
    if item.deleted_at is not None:
        raise ValidationError(_("This row was removed."), code="removed")


@transaction.atomic
def item_link_metric(
    *,
    item: PlanItem,
    key: str,
    actor: User | None,
    post: Post | None = None,
    params: Mapping[str, object] | None = None,
    subtree: bool = False,
) -> PlanItem:
    """The row measures itself by `key` (with the metric's own parameters only)."""
    _allowed(item, actor, post)
    try:
        metric = metrics.get(key)
    except metrics.UnknownMetric:
        raise ValidationError(_("Choose a measure from the list."), code="metric") from None
    params = {k: v for k, v in (params or {}).items() if v not in ("", None)}
    strange = set(params) - set(metric.params)
    if strange:
        raise ValidationError(_("This measure takes no such setting."), code="params")
    item.metric_key = key
    item.metric_params = params
    item.metric_subtree = subtree
    return save_with_history(item, actor=actor, reason=gettext_noop("linked to a measure"))


@transaction.atomic
def item_unlink_metric(*, item: PlanItem, actor: User | None, post: Post | None = None) -> PlanItem:
    _allowed(item, actor, post)
    item.metric_key, item.metric_params, item.metric_subtree = "", {}, False
    return save_with_history(item, actor=actor, reason=gettext_noop("measure removed"))


@transaction.atomic
def item_set_manual_figure(
    *,
    item: PlanItem,
    value: Decimal | None,
    reason: str,
    actor: User | None,
    post: Post | None = None,
) -> PlanItem:
    """Override the measured figure by hand (value and reason), or (value None) go back
    to the measured one."""
    _allowed(item, actor, post)
    if value is None:
        item.manual_value, item.manual_reason = None, ""
        return save_with_history(item, actor=actor, reason=gettext_noop("measured figure"))
    if value < 0:
        raise ValidationError(_("The figure cannot be negative."), code="negative")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Say why the figure is given by hand instead of counted."), code="reason"
        )
    item.manual_value, item.manual_reason = value, reason
    return save_with_history(item, actor=actor, reason=gettext_noop("figure given by hand"))
