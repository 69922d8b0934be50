"""Who may sign what for an office's innovation papers of a year.

The papers name three acts: the chair of the team (or committee) signs the
minutes, the member secretary signs the memos that forward them, and the head
of office approves (and signs what goes out as approved: the plan, the report).
The chair is whoever the year's team names: Natore's committee is chaired by
the ADC (General), not the Deputy Commissioner.
"""

from __future__ import annotations

from enum import StrEnum

from udbhabon.offices.models import Office, Post
from udbhabon.plans.models import InnovationTeam, TeamRole


class Act(StrEnum):
    MINUTES = "minutes"  # sign the minutes of a team meeting
    FORWARDING = "forwarding"  # sign the memo that forwards a paper
    APPROVAL = "approval"  # approve as head of office


def _head(office: Office) -> Post | None:
    heads = Post.objects.filter(office=office, role=Post.Role.HEAD, is_active=True)
    # A held post before a vacant one.
    held = heads.filter(holdings__ended_on__isnull=True, holdings__isnull=False)
    return held.order_by("id").first() or heads.order_by("id").first()


def _team_posts(office: Office, year: int | None) -> dict[str, Post]:
    """The team's posts by role (the first of each), one query; none without a year."""
    if year is None:
        return {}
    team = InnovationTeam.objects.filter(office=office, year=year).first()
    if team is None:
        return {}
    found: dict[str, Post] = {}
    for member in team.members.filter(post__isnull=False).select_related("post__office"):
        if member.post is not None:
            found.setdefault(member.role, member.post)
    return found


def signatory(*, office: Office, year: int | None, act: str) -> Post | None:
    """The post that signs `act` for the office's papers of `year`.

    Minutes: the team's chair, else its convener, else the head of office.
    Forwarding memos: the team's member secretary, else the office's innovation
    officer. Approval: the head of office. None when the office has no such post.
    A paper without a plan (so without a year) has no team: the fallbacks sign.
    """
    act = Act(act)
    if act is Act.APPROVAL:
        return _head(office)
    team = _team_posts(office, year)
    if act is Act.MINUTES:
        return team.get(TeamRole.CHAIR) or team.get(TeamRole.CONVENER) or _head(office)
    return (
        team.get(TeamRole.MEMBER_SECRETARY)
        or Post.objects.filter(office=office, role=Post.Role.INNOVATION_OFFICER, is_active=True)
        .order_by("id")
        .first()
    )


def may_sign(post: Post | None, *, office: Office, year: int, act: str) -> bool:
    """True when `post` is the one that signs `act` (see signatory)."""
    if post is None:
        return False
    chosen = signatory(office=office, year=year, act=act)
    return chosen is not None and chosen.pk == post.pk
