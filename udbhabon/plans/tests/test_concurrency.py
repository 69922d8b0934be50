"""Two officers editing the same record: the older form is refused with both
values side by side, and saved again with what the officer chose per field."""

from __future__ import annotations

import pytest

from udbhabon.core.tests.conflicts import STALE_BN, conflict_fields, drawn_version, form_data
from udbhabon.offices.models import User
from udbhabon.plans import services
from udbhabon.plans.models import PlanItem
from udbhabon.plans.tests.factories import first_item, make_plan

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def io(client):
    client.force_login(User.objects.get(username="dhaka.io"))
    return client


def test_it_refuses_a_stale_plan_item_form_and_saves_the_chosen_values(io):
    item = first_item(make_plan(rows=2))
    url = f"/plans/items/{item.pk}/edit/"
    drawn = form_data(io.get(url).content.decode())
    other = User.objects.get(username="dhaka.io")
    services.item_update(item=item, actor=other, activity="অন্যের কাজ", indicator="অন্যের মানদণ্ড")
    typed = {**drawn, "activity": "আমার কাজ", "indicator": "আমার মানদণ্ড"}

    refused = io.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html
    assert conflict_fields(html) == ["activity", "indicator"]
    assert "অন্যের কাজ" in html and "আমার কাজ" in html
    saved = PlanItem.objects.get(pk=item.pk)
    assert (saved.activity, saved.indicator) == ("অন্যের কাজ", "অন্যের মানদণ্ড")
    assert drawn_version(html) == saved.version

    again = {**typed, "version": saved.version, "keep-activity": "mine", "keep-indicator": "theirs"}
    response = io.post(url, again)

    assert response.status_code == 302
    final = PlanItem.objects.get(pk=item.pk)
    assert (final.activity, final.indicator) == ("আমার কাজ", "অন্যের মানদণ্ড")
    assert final.version == saved.version + 1


def test_it_shows_the_conflict_in_the_row_when_editing_in_place(io):
    item = first_item(make_plan(rows=1))
    url = f"/plans/items/{item.pk}/edit/"
    drawn = form_data(io.get(url, headers=HX).content.decode())
    services.item_update(item=item, actor=None, activity="অন্যের কাজ")

    html = io.post(url, {**drawn, "activity": "আমার কাজ"}, headers=HX).content.decode()

    assert html.lstrip().startswith('<tr id="row-') and STALE_BN in html
    assert PlanItem.objects.get(pk=item.pk).activity == "অন্যের কাজ"


def test_it_saves_over_a_change_nobody_can_see_in_the_form(io):
    """A move (positions, version raised) since the form was drawn is not a conflict."""
    plan = make_plan(rows=2)
    item = first_item(plan)
    url = f"/plans/items/{item.pk}/edit/"
    drawn = form_data(io.get(url).content.decode())
    services.item_move(item=item, direction="down", actor=None)

    response = io.post(url, {**drawn, "activity": "আমার কাজ"})
    assert response.status_code == 302
    assert PlanItem.objects.get(pk=item.pk).activity == "আমার কাজ"


def test_it_refuses_a_stale_team_form_and_saves_the_chosen_values(io):
    from conftest import post_of
    from udbhabon.offices.models import Office
    from udbhabon.plans.models import InnovationTeam

    dhaka = Office.objects.get(code="dc-dhaka")
    convener, secretary = post_of("dhaka.member"), post_of("dhaka.io")
    services.team_save(
        office=dhaka, year=2017, convener=convener, member_secretary=secretary, actor=None
    )
    url = "/plans/office/dc-dhaka/team/2017/"
    drawn = form_data(io.get(url).content.decode())
    services.team_save(
        office=dhaka,
        year=2017,
        convener=convener,
        member_secretary=secretary,
        order_memo_number="০৫.৪৪.২৬০০.০০১",
        actor=None,
    )
    typed = {**drawn, "order_memo_number": "আমার স্মারক", "others": "জনাব করিম"}

    refused = io.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html and conflict_fields(html) == ["others", "order_memo_number"]
    team = InnovationTeam.objects.get(office=dhaka, year=2017)
    assert (team.order_memo_number, team.members.count()) == ("০৫.৪৪.২৬০০.০০১", 2)

    again = {**form_data(html), "keep-order_memo_number": "theirs"}
    assert io.post(url, again).status_code == 302
    final = InnovationTeam.objects.get(pk=team.pk)
    assert final.order_memo_number == "০৫.৪৪.২৬০০.০০১"
    assert list(final.members.exclude(name="").values_list("name", flat=True)) == ["জনাব করিম"]
    assert final.version == team.version + 1


PAPER_BN = "অন্য কেউ এই কাগজটি বদলেছেন"


def test_it_refuses_a_review_of_a_plan_sent_again_since_the_page_was_opened(client):
    from udbhabon.plans.models import ActionPlan
    from udbhabon.plans.tests.factories import submit

    plan = make_plan(rows=1, state="submitted")
    client.force_login(User.objects.get(username="dhakadiv.io"))
    url = f"/plans/{plan.pk}/review/"
    drawn = form_data(client.get(url).content.decode())
    services.plan_return(plan=plan, actor=None, comment="লক্ষ্যমাত্রা লিখুন")
    submit(plan)  # sent again, perhaps changed: the open page no longer shows it

    refused = client.post(url, {**drawn, "decision": "accept"})

    assert refused.status_code == 409 and PAPER_BN in refused.content.decode()
    assert ActionPlan.objects.get(pk=plan.pk).status == "submitted"
    again = form_data(refused.content.decode())
    assert client.post(url, {**again, "decision": "accept"}).status_code == 302
    assert ActionPlan.objects.get(pk=plan.pk).status == "accepted"


def test_it_refuses_a_stale_report_rows_form_and_saves_the_chosen_values(io):
    from udbhabon.plans.models import ProgressReport
    from udbhabon.plans.tests.factories import make_report, with_progress

    report = make_report(with_progress(make_plan(rows=2, state="accepted")))
    first, second = report.items.order_by("serial")
    url = f"/plans/reports/{report.pk}/"
    drawn = form_data(io.get(url).content.decode())
    services.report_update_rows(
        report=report, rows={first.pk: {"remarks": "অন্যের মন্তব্য"}}, actor=None
    )
    typed = {**drawn, f"remarks_{first.pk}": "আমার মন্তব্য", f"progress_{second.pk}": "আমার কথা"}

    refused = io.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html
    assert conflict_fields(html) == [f"remarks_{first.pk}", f"progress_{second.pk}"]
    first.refresh_from_db()
    assert first.remarks == "অন্যের মন্তব্য"
    before = ProgressReport.objects.get(pk=report.pk).record_version

    again = {**form_data(html), f"keep-remarks_{first.pk}": "theirs"}
    assert io.post(url, again).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.remarks, second.progress) == ("অন্যের মন্তব্য", "আমার কথা")
    assert ProgressReport.objects.get(pk=report.pk).record_version == before + 1
