"""Reads of the office tree, posts and people. Writes live in services.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from bangla.text import loose_key
from udbhabon.offices.models import (
    PATH_ALPHABET,
    PATH_STEP,
    FormSettings,
    Office,
    Post,
    PostHolding,
    User,
)


def path_successor(path: str) -> str | None:
    """The smallest path that sorts after every path starting with `path`.

    Paths use only PATH_ALPHABET, so incrementing the last character (with
    carry) gives an exclusive upper bound; None when `path` is all "z".
    """
    chars = list(path)
    for i in range(len(chars) - 1, -1, -1):
        pos = PATH_ALPHABET.index(chars[i])
        if pos + 1 < len(PATH_ALPHABET):
            chars[i] = PATH_ALPHABET[pos + 1]
            return "".join(chars[: i + 1])
        chars[i] = PATH_ALPHABET[0]
    return None


def subtree_q(path: str, *, field: str = "path") -> Q:
    """Condition for "this office and everything under it" on a path column.

    A range (>= path, < successor) rather than LIKE 'path%': SQLite's LIKE with
    ESCAPE cannot use an index, a range uses the plain b-tree index everywhere.
    `field` lets other models filter through a relation ("office__path").
    """
    upper = path_successor(path)
    cond = Q(**{f"{field}__gte": path})
    if upper is not None:
        cond &= Q(**{f"{field}__lt": upper})
    return cond


def subtree_rows(offices: Iterable[Office], office: str = "office") -> Q:
    """Rows whose `office` is in the subtree of any of `offices`.

    The path range on the joined office, and the same offices again as a subquery:
    with both, PostgreSQL reads the subtree's offices by the path index and each one's
    rows by the index on their office (2 ms for a district's initiatives at S=1); with
    the range alone it scanned every row in the country (11–28 ms)."""
    paths, joined = Q(pk__in=[]), Q(pk__in=[])
    for o in offices:
        paths |= subtree_q(o.path)
        joined |= subtree_q(o.path, field=f"{office}__path")
    return joined & Q(**{f"{office}__in": Office.objects.filter(paths).values("pk")})


def subtree(office: Office, *, include_self: bool = True) -> QuerySet[Office]:
    qs = Office.objects.filter(subtree_q(office.path))
    if not include_self:
        qs = qs.exclude(pk=office.pk)
    return qs


def ancestor_paths(path: str) -> list[str]:
    return [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]


def ancestors(office: Office, *, include_self: bool = True) -> list[Office]:
    """Root first. One query."""
    paths = ancestor_paths(office.path)
    if not include_self:
        paths = paths[:-1]
    return list(Office.objects.filter(path__in=paths).order_by("depth"))


def crumbs(office: Office, viewer: Post) -> list[Office]:
    """The breadcrumb: the offices from the viewer's own down to ``office`` (one query)."""
    return [o for o in ancestors(office) if o.is_under(viewer.office)]


def children_with_counts(office: Office) -> list[Office]:
    """Direct children, each annotated with `child_count`. One query.

    The count is a subquery per child (an index lookup on parent): as a join with
    GROUP BY, PostgreSQL hashed the children and scanned every office in the country
    (7 ms at 20,000 offices, on the home and office pages).
    """
    grandchildren = (
        Office.objects.filter(parent=OuterRef("pk"), is_active=True)
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        office.children.filter(is_active=True)
        .annotate(child_count=Coalesce(Subquery(grandchildren), 0))
        .order_by("level", "name_bn")
    )


def posts_with_holders(offices: Iterable[Office]) -> list[Post]:
    """Active posts of the given offices with their current holder prefetched."""
    current = PostHolding.objects.filter(ended_on__isnull=True).select_related("user")
    return list(
        Post.objects.filter(office__in=list(offices), is_active=True)
        .select_related("office")
        .prefetch_related(Prefetch("holdings", queryset=current, to_attr="current_holdings"))
        .order_by("office__path", "role", "id")
    )


def post_history(post: Post) -> list[PostHolding]:
    return list(post.holdings.select_related("user").order_by("-started_on", "-id"))


def current_posts(user: User) -> list[Post]:
    """The posts a user holds now, with their offices. One query."""
    if not user.is_authenticated:
        return []
    return list(
        Post.objects.filter(holdings__user=user, holdings__ended_on__isnull=True, is_active=True)
        .select_related("office")
        .order_by("office__depth", "office__path", "id")
    )


def search_offices(query: str, *, within: Office | None = None, limit: int = 25) -> list[Office]:
    """Offices whose names or aliases contain the query, spelling-tolerant.

    Matching is on bangla.text.loose_key, which folds ি/ী, ু/ূ and the like,
    and on the aliases (Jessore/Jashore ...). Shallow offices come first.
    """
    key = loose_key(query)
    if not key:
        return []
    qs = Office.objects.filter(is_active=True)
    for word in key.split():
        qs = qs.filter(search_key__contains=word)
    if within is not None:
        qs = qs.filter(subtree_q(within.path))
    return list(qs.select_related("parent").order_by("depth", "name_bn")[:limit])


def office_named(text: str | None) -> Office | None:
    """The office a paper names ("জেলা প্রশাসকের কার্যালয়, ঢাকা"), or None when no
    office's names and aliases hold all its words (spelling-tolerant, loose_key)."""
    found = search_offices(text or "", limit=1)
    return found[0] if found else None


def office_by_code(code: str) -> Office:
    return Office.objects.get(code=code)


# --- The office's form: how its papers look -----------------------------------

GOVERNMENT_BN = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a text area, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass(frozen=True)
class OfficeForm:
    """What every paper of an office takes from its form settings (FormSettings).

    `letterhead` is never empty: without settings it is the usual three lines
    (government, office, website). `signatories` maps a FormSettings.Role to
    {"name", "designation"}; `version` is 0 while the office has set nothing.
    """

    office_id: int
    letterhead: list[str]
    memo_prefix: str
    signatories: dict[str, dict[str, str]] = field(default_factory=dict)
    distribution: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    version: int = 0
    directory_period: str = "yearly"

    @property
    def is_set(self) -> bool:
        return self.version > 0

    def signatory(self, role: str) -> dict[str, str] | None:
        """The signatory block of `role` (FormSettings.Role), or None when not set."""
        block = self.signatories.get(role)
        return dict(block) if block else None

    def header(self) -> dict[str, Any]:
        """The writers' letterhead (documents/writers/model.py, section["header"])."""
        lines = list(self.letterhead)
        return {
            "government": lines[0] if lines else GOVERNMENT_BN,
            "office": lines[1] if len(lines) > 1 else None,
            "lines": lines,
        }


def usual_letterhead(office: Office) -> list[str]:
    return [line for line in (GOVERNMENT_BN, office.name_bn, office.website) if line]


def form_settings_for(office: Office) -> OfficeForm:
    """The form of `office`'s papers: its saved settings, else the usual ones (one query)."""
    saved = FormSettings.objects.filter(office=office).first()
    if saved is None:
        return OfficeForm(
            office_id=office.pk,
            letterhead=usual_letterhead(office),
            memo_prefix=office.memo_prefix,
        )
    blocks = {
        b["role"]: {"name": b.get("name", ""), "designation": b.get("designation", "")}
        for b in saved.signatories or []
        if b.get("role") and (b.get("name") or b.get("designation"))
    }
    return OfficeForm(
        office_id=office.pk,
        letterhead=text_lines(saved.letterhead) or usual_letterhead(office),
        memo_prefix=saved.memo_prefix or office.memo_prefix,
        signatories=blocks,
        distribution=text_lines(saved.distribution),
        closing=text_lines(saved.closing),
        version=saved.version,
        directory_period=saved.directory_period,
    )


def form_settings_record(office: Office) -> FormSettings | None:
    """The saved settings row (for the settings page and its history), or None."""
    return FormSettings.objects.filter(office=office).first()
