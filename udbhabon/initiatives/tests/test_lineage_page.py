"""The lineage page: origin → adopters across the tree, each member's office, stage,
verification and saving, and the lineage's total; seen by offices with a member."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from udbhabon.initiatives import services
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of, launched, with_figures
from udbhabon.initiatives.tests.test_replication import adopt, running
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def _verify(initiative, username: str) -> None:
    user, post = actor_of(username)
    services.initiative_move(initiative=initiative, action="verify", actor=user, post=post)


def _lineage(idea):
    source = running(idea)
    _verify(source, "khulnadiv.io")
    khulna = adopt(source, "khulna.io")
    launched(khulna, on=timezone.localdate() - dt.timedelta(days=100), username="khulna.io")
    _verify(khulna, "khulnadiv.io")
    dhaka = adopt(khulna, "dhaka.io")
    return source, khulna, dhaka


def test_the_lineage_shows_origin_and_adopters_with_the_total(login, idea):
    source, khulna, dhaka = _lineage(idea)
    page = login("khulnadiv.io").get(f"/initiatives/{dhaka.pk}/lineage/")
    assert page.status_code == 200
    html = page.content.decode()
    for member in (source, khulna, dhaka):
        assert member.office.name_bn in html
    rows = html.split('id="lineage-members"')[1]
    # The origin first, then Khulna, then Dhaka that adopted Khulna's.
    at = [rows.index(m.office.name_bn) for m in (source, khulna, dhaka)]
    assert at == sorted(at)
    assert "→ → " in rows  # Dhaka adopted from an adopter
    found = page.context["lineage"]
    year = page.context["lineage"].members[0]
    assert year.initiative == source
    assert found.verified == found.members[0].saved + found.members[1].saved
    assert found.verified.hours > 0 and found.members[2].saved.hours == 0


def test_an_office_sees_a_lineage_only_with_a_member_below_it(login, idea):
    source, _khulna, dhaka = _lineage(idea)
    html = login("dhaka.io").get(f"/initiatives/{source.pk}/lineage/").content.decode()
    # Its own member's page opens from here; another district's does not.
    assert f'href="/initiatives/{dhaka.pk}/"' in html
    assert f'href="/initiatives/{source.pk}/"' not in html
    assert login("savar.uno").get(f"/initiatives/{source.pk}/lineage/").status_code == 403
    assert login("thakurgaon.io").get(f"/initiatives/{source.pk}/lineage/").status_code == 403


def test_the_initiative_page_links_its_lineage_and_names_its_source(login, idea):
    source, khulna, _dhaka = _lineage(idea)
    html = login("khulna.io").get(f"/initiatives/{khulna.pk}/").content.decode()
    assert f'href="/initiatives/{khulna.pk}/lineage/"' in html
    assert source.office.name_bn in html
    pilot = login("jashore.io").get(f"/initiatives/{initiative_of(_another()).pk}/")
    assert "lineage-link" not in pilot.content.decode()


def _another():
    from udbhabon.initiatives.tests.conftest import approved_idea

    return approved_idea()


def test_the_lineage_page_costs_the_same_queries_at_two_sizes(
    login, idea, django_assert_max_num_queries
):
    source, _khulna, _dhaka = _lineage(idea)
    client = login("khulnadiv.io")
    with django_assert_max_num_queries(20) as few:
        assert client.get(f"/initiatives/{source.pk}/lineage/").status_code == 200
    user, post = actor_of("khulnadiv.io")
    districts = Office.objects.filter(parent=post.office).exclude(
        code__in=["dc-khulna", "dc-jashore"]
    )
    services.scale_up(source=source, offices=list(districts)[:8], actor=user, post=post)
    with_figures(source)  # its figures again (they wait for verification)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(f"/initiatives/{source.pk}/lineage/")
    assert len(page.context["lineage"].members) == 11


def test_a_long_lineage_is_shown_a_page_at_a_time_with_the_total_over_all(login, idea, monkeypatch):
    """A lineage scaled up across the country has hundreds of members: the table is
    paged, the total still counts every member."""
    from udbhabon.initiatives import views

    monkeypatch.setattr(views, "LINEAGE_PAGE", 2)
    source, khulna, dhaka = _lineage(idea)
    client = login("khulnadiv.io")
    first = client.get(f"/initiatives/{dhaka.pk}/lineage/")
    second = client.get(f"/initiatives/{dhaka.pk}/lineage/?page=2")
    one, two = (p.content.decode().split('id="lineage-members"')[1] for p in (first, second))
    one, two = (t.split("</table>")[0] for t in (one, two))
    assert source.office.name_bn in one and khulna.office.name_bn in one
    assert dhaka.office.name_bn not in one and dhaka.office.name_bn in two
    assert "২ পাতার ১ নম্বর" in first.content.decode()
    for page in (first, second):
        assert page.context["lineage"].verified == first.context["lineage"].verified
        assert len(page.context["lineage"].members) == 3
