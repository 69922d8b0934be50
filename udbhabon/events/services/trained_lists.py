"""Lists of trained officers sent up (to the office above, the Cabinet Division or
a2i) as a paper of the one workflow: the sending issues a memo-numbered letter from
the office's counter, freezes the rows and tells the receiving office."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.calendar import format_date
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import digits
from udbhabon.documents.workflow import Issue as LetterIssue
from udbhabon.documents.workflow import PaperKind, Step, Transition, perform
from udbhabon.events import queries
from udbhabon.events.models import TrainedList
from udbhabon.events.services.events import require_edit
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

To = TrainedList.To


def receivers(paper: TrainedList) -> list[Post]:
    """Who is told in the app: the office above's head and innovation officer, or the
    Cabinet Division's (a2i is outside the tree: its copy goes by the letter)."""
    if paper.to == To.PARENT:
        office_ids = [paper.office.parent_id] if paper.office.parent_id else []
    elif paper.to == To.CABINET:
        office_ids = list(
            Office.objects.filter(level=Office.Level.CABINET).values_list("pk", flat=True)
        )
    else:
        office_ids = []
    return list(
        Post.objects.filter(
            office_id__in=office_ids, role__in=permissions.REVIEW_ROLES, is_active=True
        )
    )


def addressee(paper: TrainedList) -> str:
    if paper.to == To.PARENT and paper.office.parent is not None:
        return paper.office.parent.name
    return str(paper.get_to_display())


def _letter(step: Step) -> dict[str, str]:
    paper: TrainedList = step.paper
    period = {
        "start": format_date(paper.period_start, "bn"),
        "end": format_date(paper.period_end, "bn"),
    }
    return {
        "subject": _("List of officers trained in innovation (%(start)s – %(end)s)") % period,
        "addressee": addressee(paper),
        "body": _(
            "The list of the %(n)s officers who took part in the innovation trainings "
            "held by %(office)s and the offices below it from %(start)s to %(end)s is "
            "sent herewith for your information and necessary action."
        )
        % {**period, "n": digits(len(paper.rows)), "office": paper.office.name},
        "attachments": _("List of trained officers (%(n)s)") % {"n": digits(len(paper.rows))},
    }


TRAINED_LIST = PaperKind(
    name="trained_list",
    model=TrainedList,
    states=tuple(TrainedList.Status.values),
    url_of=lambda paper: paper.get_absolute_url(),
    lock_related=("office",),
    post_optional=True,
    transitions=(
        Transition(
            name="send",
            sources=(TrainedList.Status.DRAFT,),
            target=TrainedList.Status.SENT,
            allowed=lambda post, paper: post is None or permissions.can_edit(post, paper.office),
            reason=gettext_noop("list sent"),
            refused=gettext_noop("This list has already been sent."),
            stamp="sent_at",
            issues=LetterIssue(kind="other", signed_by_actor=True, fill=_letter),
            execute=lambda step: setattr(step.paper, "letter", step.letter),
            notify=lambda step: receivers(step.paper),
            message=gettext_noop("%(office)s sent a list of %(n)s trained officers."),
            params=lambda step: {
                "office": step.paper.office.name,
                "n": len(step.paper.rows),
            },
            notice_kind="trained_list_sent",
        ),
    ),
)


@transaction.atomic
def trained_list_send(
    *,
    office: Office,
    to: str,
    period_start: dt.date,
    period_end: dt.date,
    actor: User | None,
    post: Post | None = None,
) -> TrainedList:
    """Freeze who was trained in the period and send it up with a memo number."""
    require_edit(post, office)
    if to not in To.values:
        raise ValidationError(_("Choose where the list goes."), code="to")
    if to == To.PARENT and office.parent_id is None:
        raise ValidationError(_("This office has no office above it."), code="no_parent")
    if period_end < period_start:
        raise ValidationError(_("The period cannot end before it starts."), code="period")
    if period_end > timezone.localdate():
        raise ValidationError(_("The period cannot end in the future."), code="future")
    rows = queries.trained_officers(office, period_start, period_end)
    if not rows:
        raise ValidationError(_("No one was trained in this period."), code="empty")
    paper = save_with_history(
        TrainedList(
            office=office,
            to=to,
            period_start=period_start,
            period_end=period_end,
            rows=rows,
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("drafted"),
    )
    perform(TRAINED_LIST, paper, "send", actor=actor, post=post)
    return paper
