"""The framework issued down the tree through the paper workflow (a memo-numbered
letter, the offices told, history); stale saves refused (issuing, figures,
moderations, answers); the leagues read the stored totals in one query, kept current
when an office's figures change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from udbhabon.core.versioning import StaleRecord
from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import services
from udbhabon.evaluation.models import EnteredFigure, Framework, Indicator, ScoreTotal
from udbhabon.evaluation.tests.factories import YEAR, cabinet, issued_framework, spec
from udbhabon.evaluation.tests.test_scores import accepted_on
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import Office, Post

pytestmark = pytest.mark.django_db


def draft() -> Framework:
    return services.framework_create(
        issued_by=cabinet(),
        year=YEAR,
        level="district",
        effective_from=dt.date(2017, 7, 1),
        spec=spec(),
        actor=None,
    )


def post_of(username: str) -> Post:
    return Post.objects.get(holdings__user__username=username, holdings__ended_on__isnull=True)


def test_it_issues_the_framework_with_a_numbered_letter_and_tells_the_districts():
    framework = draft()
    cabinet_io = post_of("cabinet.io")
    with pytest.raises(PermissionDenied):
        services.framework_issue(framework=framework, actor=None, post=post_of("dhaka.io"))
    services.framework_issue(framework=framework, actor=None, post=cabinet_io)
    framework.refresh_from_db()
    letter = framework.letter
    assert framework.status == "issued" and framework.issued_at is not None
    assert (letter.kind, letter.office, letter.signatory_post) == (
        "framework",
        cabinet(),
        cabinet_io,
    )
    assert letter.memo_number and "জেলা প্রশাসকের কার্যালয়" in letter.subject
    told = Notification.objects.filter(kind="framework_issue")
    assert told.filter(post=post_of("jashore.io")).exists()
    assert not told.filter(post=post_of("savar.uno")).exists()  # an upazila: not its level
    assert framework.history.first().history_change_reason == "framework issued"
    with pytest.raises(ValidationError) as exc:
        services.framework_issue(framework=framework, actor=None, post=cabinet_io)
    assert exc.value.code == "issued"


def test_it_refuses_to_issue_a_draft_someone_edited_since_the_page_was_drawn():
    framework = draft()
    drawn = framework.version
    changed = spec()
    changed["objectives"][0]["title"] = "কর্মপরিকল্পনা প্রণয়ন ও অনুমোদন"
    services.framework_update(
        framework=Framework.objects.get(pk=framework.pk),
        effective_from=dt.date(2017, 7, 1),
        spec=changed,
        actor=None,
        expected_version=drawn,
    )
    with pytest.raises(StaleRecord):
        services.framework_issue(
            framework=framework, actor=None, post=post_of("cabinet.io"), expected_version=drawn
        )
    assert Framework.objects.get(pk=framework.pk).status == "draft"
    with pytest.raises(StaleRecord):  # and a second edit from the same old page
        services.framework_update(
            framework=Framework.objects.get(pk=framework.pk),
            effective_from=dt.date(2017, 7, 1),
            spec=spec(),
            actor=None,
            expected_version=drawn,
        )
    assert framework.objectives.first().title == "কর্মপরিকল্পনা প্রণয়ন ও অনুমোদন"


def test_a_stale_figure_moderation_or_answer_is_refused_and_nothing_saved():
    issued_framework()
    jashore = Office.objects.get(code="dc-jashore")
    ind = Indicator.objects.get(title="সহজীকৃত সেবা")
    first = services.figure_enter(
        office=jashore,
        indicator=ind,
        value="৩",
        evidence_note="আদেশ",
        actor=None,
        expected_version=0,
    )
    with pytest.raises(StaleRecord):  # a second page drawn before the first figure
        services.figure_enter(
            office=jashore,
            indicator=ind,
            value="৫",
            evidence_note="x",
            actor=None,
            expected_version=0,
        )
    assert EnteredFigure.objects.get(pk=first.pk).value == "৩"
    services.figure_enter(
        office=jashore,
        indicator=ind,
        value="৪",
        evidence_note="আদেশ",
        actor=None,
        expected_version=first.version,
    )
    moderation = services.moderation_set(
        office=jashore,
        indicator=ind,
        score=Decimal(70),
        reason="প্রমাণক অসম্পূর্ণ",
        actor=None,
        expected_version=0,
    )
    with pytest.raises(StaleRecord):
        services.moderation_set(
            office=jashore,
            indicator=ind,
            score=Decimal(10),
            reason="অন্য",
            actor=None,
            expected_version=0,
        )
    drawn = moderation.version
    services.moderation_answer(moderation=moderation, answer="প্রমাণক সংযুক্ত", actor=None)
    with pytest.raises(StaleRecord):
        services.moderation_answer(
            moderation=moderation, answer="আবার", actor=None, expected_version=drawn
        )
    moderation.refresh_from_db()
    assert (moderation.score, moderation.answer) == (Decimal(70), "প্রমাণক সংযুক্ত")


def test_the_league_reads_the_stored_totals_in_one_query_for_10_and_64_districts(
    django_assert_num_queries,
):
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    framework = issued_framework()
    today = timezone.localdate()
    first = leagues.league(framework, cabinet())  # computes and stores today's totals
    assert framework.totals_on == today and ScoreTotal.objects.count() == 64
    for code, n in (("div-khulna", 10), ("cabinet", 64)):
        under = Office.objects.get(code=code)
        with django_assert_num_queries(1):
            table = leagues.league(framework, under)
        assert len(table.cards) == n and table.cards[0].office.code == "dc-jashore"
    # The stored totals are the live scores (the year is over: both are its last day's).
    live = leagues.league(framework, cabinet(), dt.date(2018, 6, 30))
    assert {c.office.pk: c.total for c in live.cards} == {c.office.pk: c.total for c in first.cards}


def test_the_stored_totals_follow_an_entered_figure_and_the_plans_figures(
    django_capture_on_commit_callbacks,
):
    framework = issued_framework()
    leagues.league(framework, cabinet())
    jashore = Office.objects.get(code="dc-jashore")
    stored = ScoreTotal.objects.get(framework=framework, office=jashore)
    assert stored.total == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.figure_enter(
            office=jashore,
            indicator=Indicator.objects.get(title="সহজীকৃত সেবা"),
            value="৫",
            evidence_note="অফিস আদেশ",
            actor=None,
        )
    stored.refresh_from_db()
    assert stored.total == Decimal("93.00")
    from udbhabon.core.figures import figures_changed

    ScoreTotal.objects.filter(pk=stored.pk).update(total=0)
    with django_capture_on_commit_callbacks(execute=True):
        figures_changed(office=jashore, on=dt.date(2017, 9, 1))  # e.g. a plan accepted
    stored.refresh_from_db()
    assert stored.total == Decimal("93.00")


def test_the_scorecard_brings_the_stored_total_up_to_what_it_shows(client):
    from udbhabon.offices.models import User

    framework = issued_framework()
    plan = accepted_on("dc-jashore", dt.date(2017, 7, 20))
    client.force_login(User.objects.get(username="jashore.io"))
    client.get("/evaluation/dc-jashore/2017/")
    jashore = ScoreTotal.objects.get(framework=framework, office__code="dc-jashore")
    assert jashore.total == Decimal("7.00")
    plan.items.update(status="ongoing")  # progress no signal announces
    page = client.get("/evaluation/dc-jashore/2017/").content.decode()
    jashore.refresh_from_db()
    assert jashore.total == Decimal("4.00") and "১০০-এর মধ্যে ৪" in page


def test_the_scorecards_forms_carry_the_version_and_a_stale_one_is_refused(client):
    from udbhabon.offices.models import User

    issued_framework()
    ind = Indicator.objects.get(title="সহজীকৃত সেবা")
    url = f"/evaluation/dc-jashore/2017/figures/{ind.pk}/"
    client.force_login(User.objects.get(username="jashore.io"))
    page = client.get("/evaluation/dc-jashore/2017/").content.decode()
    assert 'name="version" value="0"' in page
    client.post(url, {"value": "৩", "evidence_note": "আদেশ", "version": "0"})
    second = client.post(url, {"value": "৫", "evidence_note": "আদেশ", "version": "0"}, follow=True)
    assert "অন্য কেউ এটি সংরক্ষণ করেছেন" in second.content.decode()
    assert EnteredFigure.objects.get(indicator=ind).value == "৩"
    client.force_login(User.objects.get(username="khulnadiv.io"))
    moderate = f"/evaluation/dc-jashore/2017/moderate/{ind.pk}/"
    client.post(moderate, {"score": "৭০", "reason": "প্রমাণক অসম্পূর্ণ", "version": "0"})
    stale = client.post(moderate, {"score": "১০", "reason": "অন্য", "version": "0"}, follow=True)
    assert "অন্য কেউ এটি সংরক্ষণ করেছেন" in stale.content.decode()
    from udbhabon.evaluation.models import Moderation

    assert Moderation.objects.get(indicator=ind).score == 70


def test_the_daily_job_rebuilds_the_years_stored_totals():
    from udbhabon.evaluation.totals import totals_refresh_all

    framework = issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    assert totals_refresh_all(as_of=dt.date(2017, 9, 1)) == 64
    framework.refresh_from_db()
    assert framework.totals_on == dt.date(2017, 9, 1)
    stored = ScoreTotal.objects.get(framework=framework, office__code="dc-jashore")
    assert stored.total == Decimal("7.00") and stored.computed_on == dt.date(2017, 9, 1)
    assert totals_refresh_all(as_of=dt.date(2019, 9, 1)) == 0  # two years on: not refreshed
