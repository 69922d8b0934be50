"""A plan row's responsible cell, as written on paper, matched to posts (import).

"শরীফ রায়হান কবির ইনোভেশন অফিসার", "মো: আশরাফ উদ্দিন জেলা প্রশাসক যশোর",
"… সহযোগিতা - মোঃ আমিরুল ইসলাম টুকু জেলা শিক্ষা অফিসার, যশোর", "সংশ্লিষ্ট উপজেলা
নির্বাহী অফিসার", "জেলা ইনোভেশন টিম": each is matched against a `Directory` of the
office — its posts and those of the offices below it (departmental offices,
upazilas), each with its designation (Bengali, English, the role's usual name),
its current holder's name and its office's place — and against the kinds of
office below it ("every UNO", "every AC Land office") and the team. Matching is
spelling-tolerant and Bengali-aware (bangla.names: loose keys, a slip or two per
word, honorifics and short forms); it runs in Python over that bounded list, so
PostgreSQL and SQLite agree.

The import review shows the match beside the cell; the officer may change or clear
it (kept as the job's correction ``responsible_match``, a `Responsible` as JSON);
the plan's import saves it as the row's responsible posts and shares
(models/responsibility.py), so the row reaches each post's "আমার সারি".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from bangla import names
from bangla.names import Words
from bangla.text import normalize
from udbhabon.offices.departments import read_kinds
from udbhabon.offices.models import Office, Post, PostHolding
from udbhabon.offices.queries import subtree


@dataclass
class ResponsibleCell:
    """What a responsible cell says, read for the shares it names."""

    lead_text: str
    supporting_text: str = ""
    every_below: list[str] = field(default_factory=list)
    team: bool = False


SUPPORT = re.compile("সহযোগিতা(?:\u09af\u09bc|\u09df)?\\s*[-–:ঃ]\\s*")
EVERY_UNO = re.compile(r"(সংশ্লিষ্ট|সকল)\s+উপজেলা\s+নির্বাহী\s+অফিসার")
EVERY_AC_LAND = re.compile(r"(সংশ্লিষ্ট|সকল)\s+সহকারী\s+কমিশনার\s*\(ভূমি\)")
EVERY_DEPARTMENT = re.compile(r"(সংশ্লিষ্ট|সকল)\s+দপ্তর|দপ্তর\s+প্রধান\s*\(সকল\)")
TEAM = re.compile(r"ইনোভেশন\s+টিম$")


def read_responsible_cell(text: str) -> ResponsibleCell:
    """Split a cell such as "দেবপ্রসাদ পাল … ও ইনোভেশন অফিসার সহযোগিতা - মোঃ … জেলা
    শিক্ষা অফিসার, যশোর" into its lead and supporting parts, and recognise "every
    UNO" ("সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার"), every AC Land and "the team"."""
    text = normalize(text)
    pieces = SUPPORT.split(text, maxsplit=1)
    lead = pieces[0].strip()
    support = pieces[1].strip() if len(pieces) > 1 else ""
    cell = ResponsibleCell(lead_text=lead, supporting_text=support)
    if EVERY_UNO.search(lead):
        cell.every_below.append("upazila")
    if EVERY_AC_LAND.search(lead):
        cell.every_below.append("ac-land")
    if EVERY_DEPARTMENT.search(lead):
        cell.every_below.append("department")
    cell.team = bool(TEAM.search(lead))
    return cell


CHOICE_FIELD = "responsible_match"

# The usual name of a role, which cells use instead of the designation.
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    Post.Role.INNOVATION_OFFICER: ("ইনোভেশন অফিসার", "Innovation Officer"),
}
# "Every office below" of a level, by the designation of its head.
LEVEL_TITLES = {
    "upazila": ("উপজেলা নির্বাহী অফিসার", "Upazila Nirbahi Officer"),
    "district": ("জেলা প্রশাসক", "Deputy Commissioner"),
    "department": ("দপ্তর প্রধান", "দপ্তর", "অধিদপ্তর", "Head of office"),
}
EVERY = frozenset(names.words("সংশ্লিষ্ট সকল সব প্রত্যেক all every concerned"))
TEAM_TITLES = tuple(names.words(t) for t in ("ইনোভেশন টিম", "ইনোভেশন কমিটি", "innovation team"))


@dataclass(frozen=True)
class Candidate:
    """A post as a cell may name it."""

    post_id: int
    own: bool  # a post of the plan's own office
    titles: tuple[Words, ...]
    names: tuple[str, ...]  # the holder's name keys (Bengali, English)
    places: tuple[Words, ...]


@dataclass
class Directory:
    """Whom an office's plan rows may name: posts, kinds of office below, the team."""

    office_id: int
    candidates: list[Candidate]
    posts: dict[int, Post]
    every: list[tuple[str, Words]]  # (level or kind below, the designation of its heads)
    cache: dict[str, tuple[list[int], list[str], bool, bool]] = field(default_factory=dict)

    @property
    def specs(self) -> list[str]:
        return list(dict.fromkeys(spec for spec, _ in self.every))


@dataclass
class Responsible:
    """What a responsible cell names: lead and supporting posts, every office below of
    a level or kind (lead or supporting), the team; `complete` when every part of the
    cell was matched."""

    lead: list[int] = field(default_factory=list)
    supporting: list[int] = field(default_factory=list)
    every_below: list[str] = field(default_factory=list)
    supporting_below: list[str] = field(default_factory=list)
    team: bool = False
    complete: bool = True

    @property
    def empty(self) -> bool:
        return not (
            self.lead or self.supporting or self.every_below or self.supporting_below or self.team
        )

    def as_json(self) -> str:
        return json.dumps(
            {
                "lead": self.lead,
                "supporting": self.supporting,
                "every_below": self.every_below,
                "supporting_below": self.supporting_below,
                "team": self.team,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str, directory: Directory) -> Responsible | None:
        """An officer's choice, kept to what the directory holds; None if unreadable."""
        try:
            data = json.loads(text)
            known, specs = directory.posts.keys(), set(directory.specs)
            return cls(
                lead=[int(p) for p in data.get("lead", []) if int(p) in known],
                supporting=[int(p) for p in data.get("supporting", []) if int(p) in known],
                every_below=[s for s in data.get("every_below", []) if s in specs],
                supporting_below=[s for s in data.get("supporting_below", []) if s in specs],
                team=bool(data.get("team")),
            )
        except (TypeError, ValueError, AttributeError):
            return None


def _holder_names(post: Post) -> tuple[str, ...]:
    holdings = list(post.holdings.all())  # prefetched: the current holding only
    if not holdings:
        return ()
    user = holdings[0].user
    keys = (names.name_key(user.full_name_bn), names.name_key(user.full_name_en))
    return tuple(k for k in keys if k)


def directory_for(office: Office) -> Directory:
    """The office's directory: posts of it and below (two queries), kinds below."""
    offices = subtree(office)
    current = PostHolding.objects.filter(ended_on__isnull=True).select_related("user")
    posts = list(
        Post.objects.filter(office__in=offices, is_active=True)
        .select_related("office")
        .prefetch_related(Prefetch("holdings", queryset=current))
    )
    candidates = []
    for post in posts:
        titles = [post.title_bn, post.title_en, *ROLE_TITLES.get(post.role, ())]
        places = [post.office.place_bn, post.office.place_en]
        candidates.append(
            Candidate(
                post_id=post.pk,
                own=post.office_id == office.pk,
                titles=tuple(dict.fromkeys(names.words(t) for t in titles if t)),
                names=_holder_names(post),
                places=tuple(names.words(p) for p in places if p),
            )
        )
    below = offices.exclude(pk=office.pk).values_list("level", "kind").distinct()
    levels = {level for level, _ in below}
    kinds = {kind for _, kind in below if kind}
    every = [
        (level, names.words(title))
        for level, titles in LEVEL_TITLES.items()
        if level in levels
        for title in titles
    ]
    for kind in read_kinds():
        if kind.kind in kinds:
            every += [(kind.kind, names.words(t)) for t in (kind.head_bn, kind.head_en) if t]
    return Directory(office.pk, candidates, {p.pk: p for p in posts}, every)


def _is_every(piece: Words) -> bool:
    return bool(piece) and (piece[0] in EVERY or any(w in EVERY for w in piece[-3:]))


def _every_spec(piece: Words, directory: Directory) -> str | None:
    """The level or kind below a piece such as "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার" names."""
    found = [
        (len(title), spec)
        for spec, title in directory.every
        if names.find_title(title, piece) is not None
    ]
    return max(found)[1] if found else None


def _posts_in(piece: Words, directory: Directory) -> list[int]:
    """The posts one piece of a cell names: by designation (of the office itself, else
    of an office below whose place the piece names, else the only one below with it),
    narrowed by the holder's name when the designation is shared; else by name alone."""
    by_title = [
        c
        for c in directory.candidates
        if any(names.find_title(t, piece) is not None for t in c.titles)
    ]
    own = [c for c in by_title if c.own]
    below = [c for c in by_title if not c.own]
    placed = [c for c in below if any(names.find_title(p, piece) is not None for p in c.places)]
    chosen = own or placed or (below if len(below) == 1 else [])
    by_name = [c for c in directory.candidates if any(names.has_name(n, piece) for n in c.names)]
    if chosen and by_name:
        both = [c for c in chosen if c in by_name]
        chosen = both or chosen
    return [c.post_id for c in (chosen or by_name)]


def _match_part(text: str, directory: Directory) -> tuple[list[int], list[str], bool, bool]:
    """(posts, every-below specs, the team, complete) for the lead or supporting part."""
    if text in directory.cache:
        return directory.cache[text]
    posts: list[int] = []
    specs: list[str] = []
    team, complete = False, True
    for piece in names.pieces(text):
        whole = names.words(piece)
        if any(names.find_title(t, whole) is not None for t in TEAM_TITLES):
            team = True
            continue
        spec = _every_spec(whole, directory) if _is_every(whole) else None
        if spec is not None:
            specs.append(spec)
            continue
        found: list[int] = []
        for variant in names.alternatives(piece):
            found += _posts_in(names.words(variant), directory)
        complete = complete and bool(found)
        posts += found
    result = (list(dict.fromkeys(posts)), list(dict.fromkeys(specs)), team, complete)
    directory.cache[text] = result
    return result


def match_cell(text: str, directory: Directory) -> Responsible:
    """The posts, offices below and team a responsible cell names (lead and support)."""
    cell = read_responsible_cell(text or "")
    lead, every, team, lead_done = _match_part(cell.lead_text, directory)
    support, support_every, support_team, support_done = _match_part(
        cell.supporting_text, directory
    )
    return Responsible(
        lead=lead,
        supporting=[p for p in support if p not in lead],
        every_below=every,
        supporting_below=support_every,
        team=team or support_team,
        complete=lead_done and support_done and bool(cell.lead_text),
    )


def responsible_of_row(row: dict[str, Any], directory: Directory) -> tuple[Responsible, bool]:
    """The row's responsible as the officer chose it on the review (True), else as
    matched from its cell (False)."""
    choice = row.get(CHOICE_FIELD)
    if choice:
        chosen = Responsible.from_json(str(choice), directory)
        if chosen is not None:
            return chosen, True
    return match_cell(str(row.get("responsible") or ""), directory), False


# --- On the import review ------------------------------------------------------


def post_label(post: Post) -> str:
    """ "designation, place — holder" in the active language."""
    holdings = list(post.holdings.all())
    holder = holdings[0].user.display_name if holdings else ""
    return f"{post.title}, {post.office.place}" + (f" — {holder}" if holder else "")


def spec_label(spec: str) -> str:
    """ "every office below" of a level or kind, in the active language."""
    from django.utils.translation import gettext as _

    from udbhabon.core.lang import current_lang

    levels = {
        "upazila": _("every Upazila Nirbahi Officer below"),
        "district": _("every Deputy Commissioner below"),
        "division": _("every Divisional Commissioner below"),
        "department": _("every departmental office below"),
    }
    if spec in levels:
        return levels[spec]
    kind = next((k for k in read_kinds() if k.kind == spec), None)
    if kind is None:
        return spec
    office = kind.office_en if current_lang() == "en" else kind.office_bn
    return _("every %(office)s below") % {"office": office}


def labels(responsible: Responsible, directory: Directory) -> tuple[str, ...]:
    """What the review shows a match as: each post, office kind and the team."""
    from django.utils.translation import gettext as _

    out = [post_label(directory.posts[p]) for p in responsible.lead]
    out += [
        _("%(post)s (in support)") % {"post": post_label(directory.posts[p])}
        for p in responsible.supporting
    ]
    out += [spec_label(s) for s in responsible.every_below]
    out += [
        _("%(post)s (in support)") % {"post": spec_label(s)} for s in responsible.supporting_below
    ]
    if responsible.team:
        out.append(_("the innovation team"))
    return tuple(out)
