"""A shared row's parts: what each responsible office recorded, and the total."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from udbhabon.core.lang import current_lang
from udbhabon.offices.departments import read_kinds
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree
from udbhabon.plans import periods
from udbhabon.plans.models import ItemPart, PlanItem


@dataclass
class Parts:
    """The parts of one half-year, each office once, with what rolls up on the row:
    the achieved figures summed and the percentages averaged over the parts."""

    half: periods.Half
    rows: list[ItemPart]

    @property
    def achieved(self) -> Decimal | None:
        figures = [p.achieved for p in self.rows if p.achieved is not None]
        return sum(figures, Decimal(0)) if figures else None

    @property
    def percent(self) -> int | None:
        return round(sum(p.percent for p in self.rows) / len(self.rows)) if self.rows else None


def item_parts(item: PlanItem, half: periods.Half) -> Parts:
    """The row's parts for the half, by office (one query)."""
    rows = list(
        ItemPart.objects.filter(item=item, half_start=half.start)
        .select_related("office", "author_post")
        .order_by("office__path")
    )
    return Parts(half=half, rows=rows)


def kinds_below(office: Office) -> list[tuple[str, str]]:
    """What "every office below of a kind" may name under `office`: every upazila (its
    UNO) and each kind of departmental office there is below, by its head's title."""
    below = subtree(office).exclude(pk=office.pk)
    out: list[tuple[str, str]] = []
    if below.filter(level=Office.Level.UPAZILA).exists():
        out.append(("upazila", _("Every UNO below")))
    present = set(below.exclude(kind="").values_list("kind", flat=True).distinct())
    english = current_lang() == "en"
    seen: set[str] = set()
    for kind in read_kinds():
        if kind.kind in present and kind.kind not in seen:
            seen.add(kind.kind)
            head = kind.head_en if english else kind.head_bn
            out.append((kind.kind, _("Every %(head)s below") % {"head": head}))
    return out


def posts_for_shares(office: Office) -> QuerySet[Post]:
    """The posts a row's shares may name: the active posts of the offices right below."""
    return (
        Post.objects.filter(office__parent=office, is_active=True)
        .select_related("office")
        .order_by("office__path", "id")
    )
