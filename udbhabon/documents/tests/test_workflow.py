"""The paper workflow engine (documents/workflow.py), on a paper model of its own.

The model lives in an isolated app registry and its table is made for each
test, so the engine is tested apart from any app that uses it: papers sent up
for review, issued down, approved inside an office, and steps that review
nothing; and under parallel requests on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.test.utils import isolate_apps
from django.utils.translation import gettext_noop

from conftest import ensure_world, post_of
from udbhabon.core.versioning import StaleRecord, Versioned
from udbhabon.documents import workflow
from udbhabon.documents.models import Letter
from udbhabon.documents.queries import letter_document
from udbhabon.documents.services import letter_issue
from udbhabon.documents.workflow import Issue, PaperKind, Refused, Transition, by_role
from udbhabon.documents.writers import write_letter
from udbhabon.notifications.models import Notification
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post

with isolate_apps("udbhabon.documents"):

    class Paper(Versioned, models.Model):
        office_id = models.IntegerField()
        status = models.CharField(max_length=16, default="draft")
        sent_at = models.DateTimeField(null=True)
        decided_at = models.DateTimeField(null=True)
        edition = models.PositiveIntegerField(default=1)
        amount = models.PositiveIntegerField(default=0)

        class Meta:
            app_label = "documents"
            db_table = "documents_workflow_test_paper"

        def __str__(self) -> str:
            return f"paper {self.pk}"

        @property
        def office(self) -> Office:
            if getattr(self, "_office", None) is None or self._office.pk != self.office_id:
                self._office = Office.objects.get(pk=self.office_id)
            return self._office


R = Post.Role


def _reviewers(step: workflow.Step) -> list[Post]:
    return list(
        Post.objects.filter(office_id=step.office.parent_id, role__in=permissions.REVIEW_ROLES)
    )


def _editors(step: workflow.Step) -> list[Post]:
    return list(Post.objects.filter(office=step.office, role__in=permissions.EDIT_ROLES))


def _may(check):
    return lambda post, paper: check(post, paper.office)


def _reopen(step: workflow.Step) -> None:
    step.paper.edition += 1


# Sent UP for review: the office submits, the office above returns or accepts.
REVIEW = PaperKind(
    name="testreview",
    model=Paper,
    states=("draft", "submitted", "returned", "accepted"),
    params=lambda step: {"office": step.office.name_bn},
    transitions=(
        Transition(
            name="submit",
            sources=("draft", "returned"),
            target="submitted",
            allowed=_may(permissions.can_edit),
            reason=gettext_noop("sent up"),
            refused="already sent",
            stamp="sent_at",
            issues=Issue(kind="report", signed_by_actor=True),
            notify=_reviewers,
            message=gettext_noop("%(office)s sent a paper."),
        ),
        Transition(
            name="return",
            sources=("submitted",),
            target="returned",
            allowed=_may(permissions.can_review),
            reason=gettext_noop("returned with comments"),
            comment="required",
            stamp="decided_at",
            notify=_editors,
            message=gettext_noop("Your paper was returned."),
        ),
        Transition(
            name="accept",
            sources=("submitted",),
            target="accepted",
            allowed=_may(permissions.can_review),
            reason=gettext_noop("accepted"),
            stamp="decided_at",
            notify=_editors,
            message=gettext_noop("Your paper was accepted."),
        ),
        Transition(
            name="reopen",
            sources=("accepted",),
            target="draft",
            allowed=_may(permissions.can_edit),
            reason=gettext_noop("reopened as a new version"),
            execute=_reopen,
        ),
    ),
)


def _below(step: workflow.Step) -> list[Post]:
    return list(Post.objects.filter(office__parent=step.office, role__in=permissions.EDIT_ROLES))


# Issued DOWN: an office order to every office below, signed by the issuer.
ORDER = PaperKind(
    name="testorder",
    model=Paper,
    states=("draft", "issued"),
    transitions=(
        Transition(
            name="issue",
            sources=("draft",),
            target="issued",
            allowed=_may(permissions.can_sign),
            reason=gettext_noop("issued"),
            stamp="sent_at",
            issues=Issue(
                kind="order",
                signed_by_actor=True,
                fill=lambda step: {
                    "addressee": "সংশ্লিষ্ট সকল অফিস",
                    "distribution": [o.name_bn for o in step.office.children.all()[:3]],
                },
            ),
            notify=_below,
            message=gettext_noop("An office order was issued."),
        ),
    ),
)


def _note_text(step: workflow.Step) -> dict[str, Any]:
    return {"subject": "প্রস্তাব অনুমোদন", "body": step.comment or "অনুমোদিত।"}


# INTERNAL approval, then steps that review nothing: released, spent.
PROPOSAL = PaperKind(
    name="testproposal",
    model=Paper,
    states=("draft", "proposed", "approved", "released", "spent"),
    transitions=(
        Transition(
            name="propose",
            sources=("draft",),
            target="proposed",
            allowed=_may(permissions.can_contribute),
            reason=gettext_noop("proposed"),
        ),
        Transition(
            name="approve",
            sources=("proposed",),
            target="approved",
            allowed=by_role(R.HEAD),
            reason=gettext_noop("approved"),
            stamp="decided_at",
            issues=Issue(kind="note", signed_by_actor=True, fill=_note_text),
        ),
        Transition(
            name="send_back",
            sources=("proposed",),
            target="draft",
            allowed=by_role(R.HEAD),
            reason=gettext_noop("returned with a note"),
            comment="required",
            comment_required="Say what should change.",
        ),
        Transition(
            name="release",
            sources=("approved",),
            target="released",
            allowed=_may(permissions.can_edit),
            reason=gettext_noop("released"),
        ),
        Transition(
            name="spend",
            sources=("released",),
            target="spent",
            allowed=_may(permissions.can_edit),
            reason=gettext_noop("spent"),
            check=lambda step: _spend_check(step),
            execute=lambda step: setattr(step.paper, "amount", step.data["amount"]),
        ),
    ),
)


def _spend_check(step: workflow.Step) -> None:
    if step.data.get("amount", 0) <= 0:
        raise ValidationError("an amount", code="amount")


@pytest.fixture
def papers(db) -> Iterator[None]:
    # PostgreSQL's DDL is transactional: the table goes with the test's rollback.
    with connection.schema_editor() as editor:
        editor.create_model(Paper)
    yield


def _paper(code: str = "dc-dhaka", **kw: Any) -> Paper:
    return Paper.objects.create(office_id=Office.objects.get(code=code).pk, **kw)


def test_it_sends_a_paper_up_with_a_numbered_letter_and_tells_the_office_above(papers):
    paper = _paper()
    io = post_of("dhaka.io")
    step = workflow.perform(
        REVIEW, paper, "submit", actor=None, post=io, letter={"subject": "প্রেরণ"}
    )
    assert (paper.status, step.from_state, step.to_state) == ("submitted", "draft", "submitted")
    assert paper.sent_at is not None and paper.version == 2
    assert step.letter.kind == "report" and step.letter.memo_number
    assert step.letter.signatory_post == io
    told = {n.post_id for n in step.notified}
    assert post_of("dhakadiv.io").pk in told
    assert Notification.objects.filter(kind="testreview_submit").count() == len(step.notified)


def test_it_finds_the_actors_post_when_none_is_given(papers):
    paper = _paper()
    io = post_of("dhaka.io")
    user = io.holdings.get(ended_on__isnull=True).user
    step = workflow.perform(REVIEW, paper, "submit", actor=user)
    assert step.post == io


def test_it_refuses_a_post_the_predicate_does_not_allow_and_writes_nothing(papers):
    paper = _paper()
    letters = Letter.objects.count()
    with pytest.raises(PermissionDenied):
        workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.member"))
    with pytest.raises(PermissionDenied):  # another district
        workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("khulna.io"))
    assert Paper.objects.get(pk=paper.pk).status == "draft"
    assert Letter.objects.count() == letters


def test_it_lets_only_the_office_above_review_and_requires_a_comment_to_return(papers):
    paper = _paper()
    workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))
    with pytest.raises(PermissionDenied):
        workflow.perform(REVIEW, paper, "accept", actor=None, post=post_of("cabinet.io"))
    division = post_of("dhakadiv.io")
    with pytest.raises(Refused) as refused:
        workflow.perform(REVIEW, paper, "return", actor=None, post=division)
    assert refused.value.code == "comment_required"
    step = workflow.perform(
        REVIEW, paper, "return", actor=None, post=division, comment="  সারি ৩ দেখুন  "
    )
    assert (paper.status, step.comment) == ("returned", "সারি ৩ দেখুন")
    workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))
    workflow.perform(REVIEW, paper, "accept", actor=None, post=division)
    assert paper.status == "accepted"


def test_it_refuses_a_transition_the_state_does_not_allow(papers):
    paper = _paper()
    with pytest.raises(Refused) as refused:
        workflow.perform(REVIEW, paper, "accept", actor=None, post=post_of("dhakadiv.io"))
    assert refused.value.code == "state"
    workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))
    with pytest.raises(Refused, match="already sent"):
        workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))


def test_it_reads_the_state_from_the_saved_row_not_the_callers_copy(papers):
    paper = _paper()
    stale = Paper.objects.get(pk=paper.pk)
    workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))
    assert stale.status == "draft"
    with pytest.raises(Refused):
        workflow.perform(REVIEW, stale, "submit", actor=None, post=post_of("dhaka.io"))


def test_it_refuses_a_form_drawn_from_an_older_version(papers):
    paper = _paper()
    drawn = paper.version
    Paper.objects.filter(pk=paper.pk).update(version=drawn + 1)
    with pytest.raises(StaleRecord):
        workflow.perform(
            REVIEW,
            paper,
            "submit",
            actor=None,
            post=post_of("dhaka.io"),
            expected_version=drawn,
        )
    assert Paper.objects.get(pk=paper.pk).status == "draft"


def test_it_records_the_reason_in_the_papers_history_and_runs_execute(papers):
    paper = _paper()
    workflow.perform(REVIEW, paper, "submit", actor=None, post=post_of("dhaka.io"))
    workflow.perform(REVIEW, paper, "accept", actor=None, post=post_of("dhakadiv.io"))
    step = workflow.perform(REVIEW, paper, "reopen", actor=None, post=post_of("dhaka.io"))
    assert (paper.status, paper.edition) == ("draft", 2)
    # The saved row carries the reason (and the actor) for simple_history.
    assert step.paper._change_reason == "reopened as a new version"


def test_it_issues_an_order_down_to_the_offices_below(papers):
    paper = _paper()
    dc = post_of("dhaka.dc")
    step = workflow.perform(ORDER, paper, "issue", actor=None, post=dc)
    letter = step.letter
    assert (letter.kind, letter.signatory_post, letter.addressee) == (
        "order",
        dc,
        "সংশ্লিষ্ট সকল অফিস",
    )
    assert len(letter.distribution) == 3
    savar = post_of("savar.uno")  # an upazila below Dhaka district
    assert savar.pk in {n.post_id for n in step.notified}


def test_it_approves_inside_the_office_as_a_note_that_prints(papers):
    paper = _paper()
    workflow.perform(PROPOSAL, paper, "propose", actor=None, post=post_of("dhaka.member"))
    with pytest.raises(PermissionDenied):  # the innovation officer is not the head
        workflow.perform(PROPOSAL, paper, "approve", actor=None, post=post_of("dhaka.io"))
    with pytest.raises(Refused, match="Say what should change"):
        workflow.perform(PROPOSAL, paper, "send_back", actor=None, post=post_of("dhaka.dc"))
    workflow.perform(
        PROPOSAL, paper, "send_back", actor=None, post=post_of("dhaka.dc"), comment="খরচ কমান"
    )
    assert paper.status == "draft"
    workflow.perform(PROPOSAL, paper, "propose", actor=None, post=post_of("dhaka.member"))
    step = workflow.perform(
        PROPOSAL, paper, "approve", actor=None, post=post_of("dhaka.dc"), comment="অনুমোদিত"
    )
    note = step.letter
    assert (note.kind, note.subject, note.body) == ("note", "প্রস্তাব অনুমোদন", "অনুমোদিত")
    assert note.signatory_name  # the head's name as it was when signed
    printed = write_letter(letter_document(note.pk)["sections"][0], "docx")
    assert printed[:2] == b"PK"


def test_it_takes_steps_that_review_nothing_with_their_own_checks(papers):
    paper = _paper(status="approved")
    io = post_of("dhaka.io")
    with pytest.raises(Refused):
        workflow.perform(PROPOSAL, paper, "spend", actor=None, post=io, amount=5)
    workflow.perform(PROPOSAL, paper, "release", actor=None, post=io)
    with pytest.raises(ValidationError):
        workflow.perform(PROPOSAL, paper, "spend", actor=None, post=io, amount=0)
    step = workflow.perform(PROPOSAL, paper, "spend", actor=None, post=io, amount=5000)
    assert (paper.status, paper.amount, step.letter) == ("spent", 5000, None)


def test_it_lists_the_transitions_a_post_may_take_now(papers):
    paper = _paper(status="proposed")
    names = [t.name for t in PROPOSAL.available(paper, post_of("dhaka.dc"))]
    assert names == ["approve", "send_back"]
    assert PROPOSAL.available(paper, post_of("dhaka.member")) == []


def test_it_stamps_the_moment_of_the_kinds_clock(papers):
    import dataclasses

    moment = dt.datetime(2030, 7, 31, 10, tzinfo=dt.UTC)
    kind = dataclasses.replace(REVIEW, clock=lambda: moment)
    paper = _paper()
    step = workflow.perform(kind, paper, "submit", actor=None, post=post_of("dhaka.io"))
    assert paper.sent_at == moment == step.at


def test_a_kind_naming_an_unknown_state_is_refused_when_declared():
    with pytest.raises(ValueError, match="unknown states"):
        PaperKind(
            name="bad",
            model=Paper,
            states=("draft",),
            transitions=(
                Transition(
                    name="x", sources=("draft",), target="gone", allowed=by_role(), reason=""
                ),
            ),
        )


def test_the_system_acts_without_a_post(papers):
    paper = _paper()
    step = workflow.perform(REVIEW, paper, "submit", actor=None)
    assert step.post is None and paper.status == "submitted"


# ---------------------------------------------------------------------------
# Parallel requests (PostgreSQL row locks)


@pytest.fixture
def parallel_papers(transactional_db) -> Iterator[None]:
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    ensure_world()  # an earlier transactional test may have flushed it
    with connection.schema_editor() as editor:
        editor.create_model(Paper)
    yield
    with connection.schema_editor() as editor:
        editor.delete_model(Paper)


def _in_parallel(count: int, work) -> list[Any]:
    results: list[Any] = []
    lock = threading.Lock()
    start = threading.Barrier(count)

    def run(n: int) -> None:
        try:
            start.wait()
            with transaction.atomic():
                result = work(n)
        except (ValidationError, PermissionDenied) as refused:
            result = refused
        finally:
            connection.close()
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_twenty_parallel_submits_make_one_transition(parallel_papers):
    paper = _paper()
    io = post_of("dhaka.io")
    before = Letter.objects.filter(office_id=paper.office_id).count()
    results = _in_parallel(
        20, lambda n: workflow.perform(REVIEW, paper, "submit", actor=None, post=io)
    )
    steps = [r for r in results if isinstance(r, workflow.Step)]
    assert len(steps) == 1
    assert all(isinstance(r, Refused) for r in results if r not in steps)
    saved = Paper.objects.get(pk=paper.pk)
    assert (saved.status, saved.version) == ("submitted", 2)
    assert Letter.objects.filter(office_id=paper.office_id).count() == before + 1


def test_parallel_transitions_of_different_papers_never_share_a_memo_number(parallel_papers):
    items = [_paper() for _ in range(20)]
    io = post_of("dhaka.io")
    results = _in_parallel(
        20, lambda n: workflow.perform(REVIEW, items[n], "submit", actor=None, post=io).letter
    )
    numbers = [r.memo_number for r in results]
    assert len(set(numbers)) == 20


def test_parallel_letters_in_a_new_year_never_share_a_serial(parallel_papers):
    office = Office.objects.get(code="dc-khulna")
    day = dt.date(2031, 1, 5)  # no counter yet: twenty requests create it at once
    results = _in_parallel(
        20,
        lambda n: letter_issue(office=office, kind="other", subject=f"{n}", date=day, actor=None),
    )
    assert sorted(r.serial for r in results) == list(range(1, 21))
