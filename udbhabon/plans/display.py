"""How plan cells and papers read on screens and papers (text only, no writes)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from bangla.digits import localize_digits, to_bengali_digits
from bangla.text import normalize
from udbhabon.offices.models import Post
from udbhabon.plans import periods
from udbhabon.plans.measuring import Measured
from udbhabon.plans.models import ActionPlan, ItemStatus, PlanItem, ProgressReport, ProgressUpdate
from udbhabon.plans.models.choices import plain_number


def responsible_display(item: PlanItem, posts: Iterable[Post] | None = None) -> str:
    """The responsible cell as one line: the posts' designations, then the free text — or,
    for an imported row whose posts were matched from its cell, the cell as written."""
    if item.responsible_from_text and item.responsible_text:
        return item.responsible_text
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


def paper_period(paper: ActionPlan | ProgressReport) -> str:
    """The period as the paper names it, in Bengali (letters and notices are in Bengali)."""
    if isinstance(paper, ActionPlan):
        return paper.period_label or periods.year_label(paper.year, paper.year_kind, "bn")
    return paper.period_label


def progress_text(update: ProgressUpdate | None) -> str:
    """The report's progress cell from an update, in Bengali (the paper's language)."""
    if update is None:
        with translation.override("bn"):
            return str(ItemStatus.NOT_STARTED.label) + "।"
    with translation.override("bn"):
        status = str(ItemStatus(update.status).label)
    head = f"{status} ({to_bengali_digits(update.percent)}%)।"
    return normalize(f"{head} {update.done_text}")


def measured_text(measured: Measured) -> str:
    """The report's progress cell for a row that counts itself, in Bengali:
    "চলমান (২৫%)। ১/৪ — অনুষ্ঠিত অনুষ্ঠান, নথি থেকে গণনাকৃত।"."""
    with translation.override("bn"):
        status = str(ItemStatus(measured.status).label)
        how = str(_("given by hand") if measured.manual else _("counted from the records"))
    value = to_bengali_digits(str(plain_number(Decimal(measured.value))))
    if measured.target:
        value = f"{value}/{to_bengali_digits(str(plain_number(Decimal(measured.target))))}"
    percent = f" ({to_bengali_digits(measured.percent)}%)" if measured.percent is not None else ""
    reason = f" {measured.reason}" if measured.manual and measured.reason else ""
    return normalize(f"{status}{percent}। {value} — {measured.label}, {how}।{reason}")
