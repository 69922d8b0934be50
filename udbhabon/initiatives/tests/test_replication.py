"""Replication: adopting another office's initiative, a superior's scale-up, and the
savings of a lineage counted once, each for the office that delivers the service."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, Origin, Service, Stage, Verification
from udbhabon.initiatives.queries import saving_of, savings_by_office
from udbhabon.initiatives.savings import NOTHING
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of, launched, with_figures
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

AFTER = {"hours_after": 5 * 24, "taka_after": 100, "visits_after": 1, "recipients": 800}


def running(idea) -> Initiative:
    return launched(
        with_figures(initiative_of(idea)), on=timezone.localdate() - dt.timedelta(days=300)
    )


def adopt(source: Initiative, username: str, **figures) -> Initiative:
    user, post = actor_of(username)
    values = AFTER | {"hours_before": 60 * 24, "taka_before": 3000, "visits_before": 4} | figures
    return services.adopt(
        source=source,
        office=post.office,
        actor=user,
        post=post,
        pilot_started_on=timezone.localdate() - dt.timedelta(days=200),
        **values,
    )


def test_an_office_adopts_with_its_own_figures_unverified(idea):
    source = running(idea)
    made = adopt(source, "khulna.io")
    assert made.office.code == "dc-khulna" and made.origin == Origin.REPLICATION
    assert made.adopted_from == source and made.lineage_root == source
    assert made.stage == Stage.PILOT and made.verification == Verification.UNVERIFIED
    assert (made.hours_after, made.recipients) == (5 * 24, 800)
    assert made.hours_before == 60 * 24 and made.title == source.title
    assert made.version == 1 and made.history.count() == 1
    # An adoption of an adoption belongs to the same lineage, named by its origin.
    launched(made, on=timezone.localdate() - dt.timedelta(days=100), username="khulna.io")
    again = adopt(made, "dhaka.io")
    assert again.adopted_from == made and again.lineage_root == source


def test_the_before_figures_come_from_the_offices_own_service(idea):
    source = running(idea)
    common = Service.objects.filter(office__isnull=True).first()
    Initiative.objects.filter(pk=source.pk).update(service=common)
    source.refresh_from_db()
    user, post = actor_of("khulna.io")
    # The adopting office's own row of the same code stands for the service there.
    mine = Service.objects.create(
        office=post.office,
        code=common.code,
        name_bn=common.name_bn,
        time_limit_days=28,
        cost_taka=1150,
        visits=3,
    )
    made = services.adopt(source=source, office=post.office, actor=user, post=post, **AFTER)
    assert made.service == mine
    assert (made.hours_before, made.taka_before, made.visits_before) == (28 * 24, 1150, 3)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("own", "নিজের"),
        ("dropped", "বাদ"),
        ("pilot", "বাস্তবায়িত"),
        ("twice", "ইতিমধ্যে"),
    ],
)
def test_bad_adoptions_are_refused_with_a_message_and_nothing_saved(idea, case, message):
    source = initiative_of(idea)
    username = "khulna.io"
    if case == "own":
        source, username = running_again(source), "jashore.io"
    elif case == "dropped":
        user, post = actor_of("jashore.io")
        services.initiative_move(
            initiative=source, action="drop", actor=user, post=post, comment="চলেনি"
        )
    elif case == "twice":
        source = running_again(source)
        adopt(source, "khulna.io")
    before = Initiative.objects.count()
    with pytest.raises(ValidationError) as caught, translation_bn():
        adopt(source, username)
    assert message in " ".join(caught.value.messages)
    assert Initiative.objects.count() == before


def running_again(source: Initiative) -> Initiative:
    return launched(with_figures(source), on=timezone.localdate() - dt.timedelta(days=300))


def translation_bn():
    from django.utils import translation

    return translation.override("bn")


def test_an_adoption_of_the_same_lineage_through_another_member_is_refused(idea):
    source = running(idea)
    khulna = adopt(source, "khulna.io")
    launched(khulna, on=timezone.localdate() - dt.timedelta(days=100), username="khulna.io")
    adopt(khulna, "dhaka.io")
    with pytest.raises(ValidationError) as caught:
        adopt(source, "dhaka.io")
    assert caught.value.code == "adopt_twice"
    # The lineage's origin office never adopts a member of its own lineage.
    with pytest.raises(ValidationError) as caught:
        adopt(khulna, "jashore.io")
    assert caught.value.code == "adopt_twice"


def test_another_offices_post_cannot_adopt_for_an_office(idea, office):
    source = running(idea)
    user, post = actor_of("khulna.io")
    with pytest.raises(PermissionDenied):
        services.adopt(source=source, office=office("dc-dhaka"), actor=user, post=post, **AFTER)
    assert not Initiative.objects.filter(origin=Origin.REPLICATION).exists()


def test_a_division_scales_up_to_its_districts_and_marks_the_source(idea, office):
    source = running(idea)
    user, post = actor_of("khulnadiv.io")
    named = [office("dc-khulna"), office("dc-satkhira")]
    made = services.scale_up(source=source, offices=named, actor=user, post=post)
    assert sorted(m.office.code for m in made) == ["dc-khulna", "dc-satkhira"]
    for member in made:
        assert member.lineage_root == source and member.adopted_from == source
        assert member.hours_after is None and member.recipients is None
        assert member.stage == Stage.PILOT and member.history.count() == 1
    source.refresh_from_db()
    assert source.stage == Stage.SCALED_UP and source.scaled_up_at is not None
    assert source.history.first().history_change_reason  # the workflow's history row


def test_a_scale_up_beyond_the_superiors_offices_is_refused_and_nothing_saved(idea, office):
    source = running(idea)
    user, post = actor_of("khulnadiv.io")
    with pytest.raises(ValidationError) as caught, translation_bn():
        services.scale_up(
            source=source, offices=[office("dc-khulna"), office("dc-dhaka")], actor=user, post=post
        )
    assert "নিচের" in " ".join(caught.value.messages)
    assert not Initiative.objects.filter(origin=Origin.REPLICATION).exists()
    source.refresh_from_db()
    assert source.stage == Stage.IMPLEMENTED
    # Nor to an office that already adopted it.
    adopt(source, "khulna.io")
    with pytest.raises(ValidationError) as caught:
        services.scale_up(source=source, offices=[office("dc-khulna")], actor=user, post=post)
    assert caught.value.code == "adopt_twice"
    # A division above neither the source nor the offices is not its superior.
    user, post = actor_of("dhakadiv.io")
    with pytest.raises(PermissionDenied):
        services.scale_up(source=source, offices=[office("dc-dhaka")], actor=user, post=post)


def test_the_source_page_offers_a_superior_no_scale_up_button(idea):
    source = running(idea)
    user, post = actor_of("khulnadiv.io")
    assert "scale_up" not in services.available_actions(source, post)
    # Nor may it declare the step without naming the offices (the page's or the API's move).
    with pytest.raises(PermissionDenied):
        services.initiative_move(initiative=source, action="scale_up", actor=user, post=post)
    source.refresh_from_db()
    assert source.stage == Stage.IMPLEMENTED
    _user, own = actor_of("jashore.io")
    assert "scale_up" in services.available_actions(source, own)


def _verify(initiative: Initiative, username: str) -> None:
    user, post = actor_of(username)
    services.initiative_move(initiative=initiative, action="verify", actor=user, post=post)


def test_a_lineages_national_total_is_the_sum_of_its_members_own_verified_savings(idea):
    today = timezone.localdate()
    source = running(idea)
    _verify(source, "khulnadiv.io")
    khulna = adopt(source, "khulna.io")
    launched(khulna, on=today - dt.timedelta(days=150), username="khulna.io")
    _verify(khulna, "khulnadiv.io")
    dhaka = adopt(khulna, "dhaka.io", recipients=5000)
    launched(dhaka, on=today - dt.timedelta(days=50), username="dhaka.io")  # unverified
    start, end = today - dt.timedelta(days=365), today
    per_office = savings_by_office(
        path=Office.objects.get(code="cabinet").path, start=start, end=end
    )
    members = [source, khulna, dhaka]
    for m in members:
        m.refresh_from_db()
    own = {m.office_id: saving_of(m, start=start, end=end) for m in members}
    assert all(s != NOTHING for s in own.values())
    # Each office counts its own member only: the origin's office not its adopters'.
    for m in members:
        entry = per_office[m.office_id]
        counted = entry.verified if m.verification == Verification.VERIFIED else entry.unverified
        assert counted == own[m.office_id]
    national = NOTHING
    for entry in per_office.values():
        national += entry.verified
    assert national == own[source.office_id] + own[khulna.office_id]
    assert per_office[dhaka.office_id].verified == NOTHING
