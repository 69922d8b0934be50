"""An award's life through the services: open → nominations → jury scoring →
decision (ranked by total, ties by the chair; the office order and letters of thanks
with memo numbers) → published; bad input refused with nothing saved."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from udbhabon.awards import services
from udbhabon.awards.models import Award, Nomination, Scheme, Score
from udbhabon.awards.tests.helpers import (
    DAY,
    decided,
    nominate,
    office,
    post_of,
    scheme,
    scoring,
    sheet,
)
from udbhabon.documents.models import Letter

pytestmark = pytest.mark.django_db


def code(exc: ValidationError) -> str:
    """The field a service's error names, or the code of one that names none."""
    if hasattr(exc, "error_dict"):
        [field] = exc.error_dict
        return str(field)
    return str(exc.code)


def _score_all(item, marks):
    for juror in ("dhaka.io", "dhaka.dc"):
        services.scores_record(
            scheme=item, post=post_of(juror), actor=None, scores=sheet(item, marks)
        )


def test_an_award_goes_from_nominations_to_published_winners_with_history():
    item, (first, second) = scoring()
    assert item.level == "district" and item.status == Scheme.Status.SCORING
    _score_all(item, {first.pk: [30, 20], second.pk: [45, 28]})
    services.scheme_decide(scheme=item, post=post_of("dhaka.dc"), actor=None, decided_on=DAY)
    item.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.rank, second.total, first.rank, first.total) == (1, 146, 2, 100)
    [winner] = item.awards.all()
    assert (winner.nomination, winner.place, winner.recipient, winner.crest) == (
        second,
        1,
        "সাভার ডিজিটাল দল",
        True,
    )
    assert item.order_letter.kind == Letter.Kind.ORDER and item.order_letter.memo_number
    assert "সাভার ডিজিটাল দল" in item.order_letter.body
    assert winner.thanks_letter.addressee == "সাভার ডিজিটাল দল"
    assert "ধন্যবাদ" in winner.thanks_letter.body
    services.scheme_publish(scheme=item, post=post_of("dhaka.io"), actor=None)
    item.refresh_from_db()
    assert item.status == Scheme.Status.PUBLISHED
    reasons = [h.history_change_reason for h in item.history.order_by("history_id")]
    assert reasons == [
        "scheme opened",
        "nominations closed",
        "scores saved",
        "scores saved",
        "decided",
        "published",
    ]
    assert [h.history_change_reason for h in second.history.order_by("history_id")] == [
        "nominated",
        "ranked",
    ]


def test_nominating_twice_is_refused_in_bengali_and_saves_nothing():
    item = scheme()
    nominate(item, "ই-নামজারি দল")
    with translation.override("bn"), pytest.raises(ValidationError) as caught:
        nominate(item, "ই-নামজারি দল")
    assert caught.value.code == "twice"
    assert "আগেই মনোনীত" in caught.value.messages[0]
    assert item.nominations.count() == 1


def test_a_nomination_from_outside_the_schemes_subtree_is_refused():
    item = scheme()
    with translation.override("bn"), pytest.raises(ValidationError) as caught:
        nominate(item, "খুলনা দল", "dc-khulna")
    assert caught.value.code == "outside" and "অধীন দপ্তর" in caught.value.messages[0]
    assert not Nomination.objects.exists()


def test_another_office_cannot_nominate_or_run_the_award():
    item = scheme()
    with pytest.raises(PermissionDenied):
        services.nomination_add(
            scheme=item, post=post_of("khulna.io"), actor=None, office=office("dc-khulna"), name="x"
        )
    with pytest.raises(PermissionDenied):
        scheme(office=office("dc-dhaka"), post=post_of("dhaka.member"), title="অন্য")


def test_a_score_outside_the_range_is_refused_and_the_saved_sheet_stays():
    item, (first, second) = scoring()
    io = post_of("dhaka.io")
    services.scores_record(
        scheme=item, post=io, actor=None, scores=sheet(item, {first.pk: [1, 2], second.pk: [3, 4]})
    )
    with translation.override("bn"), pytest.raises(ValidationError) as caught:
        services.scores_record(
            scheme=item,
            post=io,
            actor=None,
            scores=sheet(item, {first.pk: [51, 2], second.pk: [3, 4]}),
        )
    assert caught.value.code == "out_of_range"
    assert "০ থেকে ৫০" in caught.value.messages[0]
    assert sorted(Score.objects.values_list("score", flat=True)) == [1, 2, 3, 4]


def test_only_the_jurors_score():
    item, (first, second) = scoring()
    with pytest.raises(PermissionDenied):
        services.scores_record(
            scheme=item,
            post=post_of("dhaka.member"),
            actor=None,
            scores=sheet(item, {first.pk: [1, 2], second.pk: [3, 4]}),
        )
    assert not Score.objects.exists()


def test_deciding_before_every_juror_scored_is_refused_and_changes_nothing():
    item, (first, second) = scoring()
    services.scores_record(
        scheme=item,
        post=post_of("dhaka.io"),
        actor=None,
        scores=sheet(item, {first.pk: [1, 2], second.pk: [3, 4]}),
    )
    with translation.override("bn"), pytest.raises(ValidationError) as caught:
        services.scheme_decide(scheme=item, post=post_of("dhaka.dc"), actor=None, decided_on=DAY)
    assert caught.value.code == "jurors_pending" and "নম্বর দেননি" in caught.value.messages[0]
    item.refresh_from_db()
    assert item.status == Scheme.Status.SCORING and item.order_letter is None
    assert not Award.objects.exists() and not Letter.objects.exists()


def test_a_tie_for_a_place_needs_the_chairs_order():
    item, (first, second) = scoring()
    _score_all(item, {first.pk: [30, 20], second.pk: [20, 30]})
    with pytest.raises(ValidationError) as caught:
        services.scheme_decide(scheme=item, post=post_of("dhaka.dc"), actor=None, decided_on=DAY)
    assert code(caught.value) == "tie_order" and not Award.objects.exists()
    services.scheme_decide(
        scheme=item,
        post=post_of("dhaka.dc"),
        actor=None,
        decided_on=DAY,
        tie_order=[second.pk, first.pk],
    )
    assert Award.objects.get().nomination == second


def test_the_decision_is_one_transaction(monkeypatch):
    """A letter of thanks that cannot be issued undoes the ranks, awards and order."""
    from udbhabon.awards.services import jury

    item, (first, second) = scoring()
    _score_all(item, {first.pk: [30, 20], second.pk: [45, 28]})

    def broken(*args, **kwargs):
        raise RuntimeError("the printer is on fire")

    monkeypatch.setattr(jury, "thanks_issue", broken)
    with pytest.raises(RuntimeError):
        services.scheme_decide(scheme=item, post=post_of("dhaka.dc"), actor=None, decided_on=DAY)
    item.refresh_from_db()
    assert item.status == Scheme.Status.SCORING and item.decided_on is None
    assert not Award.objects.exists() and not Letter.objects.exists()
    assert not Nomination.objects.filter(rank__isnull=False).exists()


def test_service_points_initiatives_and_innovators_are_nominated_from_the_subtree():
    from udbhabon.readiness.models import DigitalCentre

    savar = office("uno-dhaka-savar")
    centre = DigitalCentre.objects.create(office=savar, kind="union", name="আশুলিয়া ইউডিসি")
    far = DigitalCentre.objects.create(office=office("dc-khulna"), kind="union", name="খুলনা ইউডিসি")
    item = scheme(category="service_point", nominee_kind="centre", title="শ্রেষ্ঠ ডিজিটাল সেন্টার")
    made = services.nomination_add(scheme=item, post=post_of("dhaka.io"), actor=None, record=centre)
    assert (made.centre, made.nominee_office, made.name) == (centre, savar, "আশুলিয়া ইউডিসি")
    with pytest.raises(ValidationError) as twice:
        services.nomination_add(scheme=item, post=post_of("dhaka.io"), actor=None, record=centre)
    with pytest.raises(ValidationError) as outside:
        services.nomination_add(scheme=item, post=post_of("dhaka.io"), actor=None, record=far)
    assert (twice.value.code, outside.value.code) == ("twice", "outside")
    offices = scheme(category="other", nominee_kind="office", title="শ্রেষ্ঠ দপ্তর")
    by_office = services.nomination_add(
        scheme=offices, post=post_of("dhaka.io"), actor=None, office=savar
    )
    assert by_office.name == savar.name_bn and by_office.nominee_office == savar


def test_bad_schemes_are_refused():
    with pytest.raises(ValidationError) as chair:
        scheme(chair=post_of("dhaka.member"))
    with pytest.raises(ValidationError) as juror:
        scheme(jurors=[post_of("khulna.io")], chair=post_of("khulna.io"))
    with pytest.raises(ValidationError) as criteria:
        services.parse_criteria("প্রভাব, ১০১")
    assert (code(chair.value), code(juror.value), code(criteria.value)) == (
        "chair",
        "jurors",
        "criteria",
    )
    assert services.parse_criteria("প্রভাব, ৩০\n\nটেকসই,20") == [("প্রভাব", 30), ("টেকসই", 20)]
    assert not Scheme.objects.exists()


def test_a_decided_award_is_counted_once_and_nominations_close_only_once():
    item = decided()
    with pytest.raises(ValidationError):
        services.scheme_close_nominations(scheme=item, post=post_of("dhaka.io"), actor=None)
    with pytest.raises(ValidationError):
        nominate(item, "দেরিতে আসা দল")
    assert Award.objects.filter(scheme=item).count() == 1


def test_an_initiative_is_nominated_by_its_title_once_and_only_from_below():
    from udbhabon.initiatives.tests.conftest import approved_idea, initiative_of

    ours = initiative_of(approved_idea("dc-dhaka", "dhaka.io"), "dhaka.io")
    theirs = initiative_of(approved_idea())  # Jashore's
    item = scheme(category="innovation", nominee_kind="initiative", title="শ্রেষ্ঠ উদ্ভাবন")
    io = post_of("dhaka.io")
    made = services.nomination_add(scheme=item, post=io, actor=None, record=ours)
    assert (made.initiative, made.name) == (ours, ours.title)
    with pytest.raises(ValidationError) as outside:
        services.nomination_add(scheme=item, post=io, actor=None, record=theirs)
    with pytest.raises(ValidationError) as missing:
        services.nomination_add(scheme=item, post=io, actor=None, record=None)
    assert (code(outside.value), code(missing.value)) == ("outside", "nominee")
    assert item.nominations.count() == 1
