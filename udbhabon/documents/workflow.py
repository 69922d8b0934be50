"""One paper workflow: check → execute → record, for every kind of paper.

A paper is a record with a state (an action plan, a half-yearly report, the
minutes of a meeting, an office order, a proposal approved inside an office,
an allocation released and spent). Its kind is declared once as a `PaperKind`:
its states and its `Transition`s, each saying

- from which states it may be taken and to which state it leads;
- who may take it: `allowed(post, paper)`, a predicate over the acting post
  and the paper (built on offices/permissions.py);
- what it checks beyond that (`check`), e.g. "a plan has items";
- what document it issues (`issues`: a memo-numbered letter, note or order
  through documents.letter_issue, signed by the acting post or a named one);
- what it stamps (`stamp`: a timestamp field set to now) and changes
  (`execute`, before the paper is saved);
- what it records: the paper's history with `reason` (and the comment, if
  the transition takes one), and the kind's own rows (`record`: a submission
  with a frozen copy, a minutes version ...);
- whom it tells (`notify`: posts, told in their own language) and what
  (`message`, an English msgid, with `params`).

`perform(kind, paper, "submit", actor=..., post=...)` runs a transition:

1. **check** — the acting post (or the actor's first current post the
   predicate allows); the paper's row locked (`SELECT … FOR UPDATE`), so of
   twenty parallel "submit"s one finds the paper in a state that allows it
   and the others are refused; the state; the comment if one is required;
   the record version if the form gave one (core/versioning.py); the kind's
   own check.
2. **execute** — the document is issued (its memo number comes from the
   office's counter under a row lock: never two alike), the kind's execute
   run (it still sees the old state), the state and stamp set, the paper
   saved (its version raised).
3. **record** — the kind's record, the notification, and `after` (e.g.
   supervision's figures) — all inside the same transaction, so a refusal
   anywhere leaves nothing behind.

Directions are just declarations:

- UP for review (plans, half-yearly reports, minutes): submit by the office
  (`can_edit`), return with a comment / accept by the office above
  (`can_review`), reopen by the office;
- DOWN or ACROSS (a framework, an office order, a letter to the offices
  below or to a body outside the tree): one "issue" transition that issues
  the letter with its addressee and copy list and tells the receivers;
- INTERNAL approval inside an office: the team proposes (`can_contribute`),
  the head approves (a predicate on the post's role) issuing a note — a
  numbered paper that prints and can be attached as evidence — or returns it
  with a note;
- steps that review nothing (released, spent): transitions without a document.

It lives in documents, the layer that owns letters and memo numbers, above
offices (the permission rule) and the notifications, below every app whose
papers it moves. See docs/ARCHITECTURE.md, "Papers and their workflow".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from udbhabon.core import versioning
from udbhabon.core.history import save_with_history
from udbhabon.documents.services import letter_issue
from udbhabon.notifications.services import notify

Allowed = Callable[[Any, Any], bool]  # (post | None, paper) -> bool
Hook = Callable[["Step"], Any]


@dataclass(frozen=True)
class Issue:
    """The memo-numbered paper a transition issues (documents.letter_issue).

    The letter's subject, date, addressee, copy list, body, attachments and
    signatory come from `perform(..., letter={...})`, completed by `fill(step)`
    (e.g. a default subject). The signatory is the one named, else the acting
    post when `signed_by_actor`. `skip(step)` true issues nothing (a paper
    already numbered on paper, e.g. imported minutes).
    """

    kind: str
    signed_by_actor: bool = False
    fill: Callable[[Step], Mapping[str, Any]] | None = None
    skip: Callable[[Step], bool] | None = None


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str] | Sequence[str]
    target: str
    allowed: Allowed
    reason: str | Callable[[Step], str]  # the history's reason, an English msgid (gettext_noop)
    refused: str = ""  # said when the state does not allow it (translated at raise)
    refused_code: str = "state"  # the ValidationError's code then
    comment: str = "optional"  # "optional" | "required" | "none"
    comment_required: str = ""  # said when a required comment is missing
    comment_code: str = "comment_required"  # the ValidationError's code then
    stamp: str | None = None  # a timestamp field set to now
    issues: Issue | None = None
    check: Hook | None = None
    execute: Hook | None = None  # before the state is set and the paper saved
    record: Hook | None = None  # after it is saved; the result is step.record
    notify: Callable[[Step], Iterable[Any]] | None = None  # posts to tell
    message: str = ""  # the notice, an English msgid with %(name)s parameters
    params: Callable[[Step], dict[str, Any]] | None = None
    notice_kind: str = ""  # Notification.kind; default "<kind>_<transition>"
    after: Hook | None = None  # last, e.g. supervision's figures


@dataclass(frozen=True)
class PaperKind:
    name: str
    model: type[models.Model]
    states: Sequence[str]
    transitions: Sequence[Transition]
    state_field: str = "status"
    office_of: Callable[[Any], Any] = lambda paper: paper.office
    url_of: Callable[[Any], str] | None = None
    params: Callable[[Step], dict[str, Any]] | None = None  # every notice's parameters
    # Meetings' convention: no acting post means the system (a command, the
    # demo); elsewhere a post is looked up among the actor's current posts.
    post_optional: bool = False
    lock_related: Sequence[str] = ()  # select_related on the locked row (non-null joins only)
    # The transition's moment; late-bound so tests can run a kind "as if on" a day.
    clock: Callable[[], dt.datetime] = lambda: timezone.now()

    def __post_init__(self) -> None:
        names = [t.name for t in self.transitions]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: two transitions share a name")
        for t in self.transitions:
            unknown = ({*t.sources, t.target}) - set(self.states)
            if unknown:
                raise ValueError(f"{self.name}.{t.name}: unknown states {sorted(unknown)}")
            if t.comment not in ("optional", "required", "none"):
                raise ValueError(f"{self.name}.{t.name}: comment is optional/required/none")

    def transition(self, name: str) -> Transition:
        for t in self.transitions:
            if t.name == name:
                return t
        raise KeyError(f"{self.name} has no transition {name!r}")

    def state_of(self, paper: Any) -> str:
        state: str = getattr(paper, self.state_field)
        return state

    def available(self, paper: Any, post: Any) -> list[Transition]:
        """The transitions `post` may take on `paper` as it is (for buttons)."""
        state = self.state_of(paper)
        return [t for t in self.transitions if state in t.sources and t.allowed(post, paper)]


@dataclass
class Step:
    """One transition being taken; the hooks read and fill it."""

    kind: PaperKind
    transition: Transition
    paper: Any
    actor: Any
    post: Any
    comment: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    letter_fields: dict[str, Any] = field(default_factory=dict)
    from_state: str = ""
    to_state: str = ""
    at: dt.datetime | None = None
    letter: Any = None
    record: Any = None
    notified: list[Any] = field(default_factory=list)

    @property
    def office(self) -> Any:
        return self.kind.office_of(self.paper)


class Refused(ValidationError):
    """The paper's state (or a missing comment) does not allow the transition."""


def _acting_post(kind: PaperKind, t: Transition, paper: Any, actor: Any, post: Any) -> Any:
    if post is None and (actor is None or kind.post_optional):
        return None  # the system itself
    if post is None:
        from udbhabon.offices.queries import current_posts

        post = next((p for p in current_posts(actor) if t.allowed(p, paper)), None)
    if post is None or not t.allowed(post, paper):
        raise PermissionDenied
    return post


def lock[M: models.Model](kind: PaperKind, paper: M) -> M:
    """The paper's row, locked until the transaction ends, as saved now."""
    rows = kind.model._default_manager.select_for_update()
    if kind.lock_related:
        rows = rows.select_related(*kind.lock_related)
    locked = rows.get(pk=paper.pk)
    # What the caller already loaded (its office ...) serves the fresh row too.
    for f in locked._meta.concrete_fields:
        if isinstance(f, models.ForeignKey) and f.is_cached(paper) and not f.is_cached(locked):
            related = f.get_cached_value(paper)
            if getattr(related, "pk", None) == getattr(locked, f.attname):
                f.set_cached_value(locked, related)
    return cast(M, locked)  # kind.model is the paper's model


@transaction.atomic
def perform(
    kind: PaperKind,
    paper: Any,
    name: str,
    *,
    actor: Any,
    post: Any = None,
    comment: str = "",
    letter: Mapping[str, Any] | None = None,
    expected_version: int | None = None,
    **data: Any,
) -> Step:
    """Take transition `name` of `paper`: check, execute, record; the Step. Raises
    PermissionDenied, Refused (state, missing comment), StaleRecord (not at
    `expected_version`) or the kind's ValidationError, writing nothing then."""
    t = kind.transition(name)
    # 1. check
    post = _acting_post(kind, t, paper, actor, post)
    locked = lock(kind, paper)
    state = _allowed_from(t, kind.state_of(locked))
    comment = (comment or "").strip()
    if t.comment == "required" and not comment:
        message = _(t.comment_required) if t.comment_required else _("Write a note.")
        raise Refused(message, code=t.comment_code)
    versioning.check_version(locked, expected_version)
    step = Step(
        kind=kind,
        transition=t,
        paper=locked,
        actor=actor,
        post=post,
        comment=comment if t.comment != "none" else "",
        data=dict(data),
        letter_fields=dict(letter or {}),
        from_state=state,
        to_state=t.target,
        at=kind.clock(),
    )
    if t.check is not None:
        t.check(step)
    # 2. execute
    if t.issues is not None and not (t.issues.skip and t.issues.skip(step)):
        step.letter = _issue(step, t.issues)
    if t.execute is not None:
        t.execute(step)
    setattr(locked, kind.state_field, t.target)
    if t.stamp:
        setattr(locked, t.stamp, step.at)
    reason = t.reason(step) if callable(t.reason) else t.reason
    save_with_history(locked, actor=actor, reason=reason)
    # 3. record
    if t.record is not None:
        step.record = t.record(step)
    if t.notify is not None and t.message:
        _notify(step)
    if t.after is not None:
        t.after(step)
    _follow(paper, locked)
    return step


def _allowed_from(t: Transition, state: str) -> str:
    """The paper's state, if the transition may be taken from it; else Refused."""
    if state not in t.sources:
        message = _(t.refused) if t.refused else _("This cannot be done now.")
        raise Refused(message, code=t.refused_code)
    return state


def _issue(step: Step, issue: Issue) -> Any:
    fields = dict(step.letter_fields)
    if issue.fill is not None:
        for key, value in issue.fill(step).items():
            fields.setdefault(key, value)
    if issue.signed_by_actor and fields.get("signatory_post") is None:
        fields["signatory_post"] = step.post
    fields.setdefault("date", timezone.localdate())
    fields.setdefault("subject", "")
    return letter_issue(office=step.office, kind=issue.kind, actor=step.actor, **fields)


def _notify(step: Step) -> None:
    t, kind = step.transition, step.kind
    params: dict[str, Any] = {}
    if kind.params is not None:
        params.update(kind.params(step))
    if t.params is not None:
        params.update(t.params(step))
    step.notified = notify(
        posts=list(t.notify(step)),  # type: ignore[misc]
        kind=t.notice_kind or f"{kind.name}_{t.name}",
        msgid=t.message,
        params=params,
        url=kind.url_of(step.paper) if kind.url_of else "",
    )


def _follow(paper: Any, locked: Any) -> None:
    """The caller's object follows the saved row (its state, stamps, version)."""
    if paper is locked:
        return
    for f in locked._meta.concrete_fields:
        setattr(paper, f.attname, getattr(locked, f.attname))


# ---------------------------------------------------------------------------
# Predicates most kinds are built from (over the acting post and the paper)


def by_own_office(check: Callable[[Any, Any], bool]) -> Allowed:
    """`check(post, office)` against the paper's own office (e.g. can_edit)."""
    return lambda post, paper: check(post, paper.office)


def by_role(*roles: str, of_own_office: bool = True) -> Allowed:
    """A post with one of `roles` at the paper's office (e.g. the head approves)."""

    def allowed(post: Any, paper: Any) -> bool:
        return (
            post is not None
            and post.is_active
            and post.role in roles
            and (not of_own_office or post.office_id == paper.office_id)
        )

    return allowed
