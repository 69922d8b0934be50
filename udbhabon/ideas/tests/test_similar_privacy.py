"""Who reads a similar idea's title: an office its own subtree in full; from
elsewhere, and a citizen anywhere, only ideas approved or later, with a count
of the similar unvetted ones (issue: "Idea titles leak")."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import post_of
from udbhabon.ideas import queries
from udbhabon.ideas.models import Idea, Stage
from udbhabon.ideas.tests.conftest import citizen_idea

pytestmark = pytest.mark.django_db

LAND = ("খতিয়ানের সার্টিফাইড কপি ঘরে বসে", "খতিয়ানের নকল পেতে তিন মাস সময় লাগে")
TYPED = {"title": "খতিয়ানের সার্টিফাইড কপি", "problem": LAND[1]}


def _idea(office: str, title: str, stage: str = Stage.SUBMITTED) -> Idea:
    idea = citizen_idea(office, title, LAND[1])
    # The stage is set directly: this file tests who reads titles, not the funnel.
    Idea.objects.filter(pk=idea.pk).update(stage=stage)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def ideas():
    return {
        "own": _idea("dc-dhaka", LAND[0] + " ঢাকা"),
        "below": _idea("uno-dhaka-savar", LAND[0] + " সাভার"),
        "unvetted": _idea("dc-khulna", LAND[0] + " খুলনা গোপন", Stage.AWAITING_VETTING),
        "rejected": _idea("dc-khulna", LAND[0] + " খুলনা বাতিল", Stage.REJECTED),
        "approved": _idea("dc-jashore", LAND[0] + " যশোর অনুমোদিত", Stage.APPROVED),
    }


def test_it_shows_the_subtree_in_full_and_elsewhere_only_approved(ideas):
    box = queries.similar_for(" ".join(LAND), viewer=post_of("dhaka.io"), office=None, limit=10)
    shown = {hit.idea.pk for hit in box.shown}
    assert ideas["own"].pk in shown and ideas["below"].pk in shown
    assert ideas["approved"].pk in shown
    assert ideas["unvetted"].pk not in shown and ideas["rejected"].pk not in shown
    assert box.unvetted_elsewhere == 1  # the rejected one is neither shown nor counted
    viewable = {hit.idea.pk: hit.idea.viewable for hit in box.shown}
    assert viewable[ideas["below"].pk] and not viewable[ideas["approved"].pk]


def test_the_office_of_an_unvetted_idea_still_sees_it(ideas):
    box = queries.similar_for(" ".join(LAND), viewer=post_of("khulna.io"), office=None, limit=10)
    assert ideas["unvetted"].pk in {hit.idea.pk for hit in box.shown}
    assert ideas["own"].pk not in {hit.idea.pk for hit in box.shown}  # Dhaka's, unvetted
    assert box.unvetted_elsewhere == 2  # Dhaka's and Savar's


def test_the_intake_box_hides_other_offices_unvetted_titles(ideas, login):
    html = login("dhaka.member").post(reverse("ideas:similar"), TYPED).content.decode()
    assert ideas["own"].title in html and ideas["below"].title in html
    assert ideas["approved"].title in html and ideas["approved"].display_code not in html
    assert ideas["unvetted"].title not in html and ideas["rejected"].title not in html
    assert "১টি অনুরূপ আইডিয়া অন্য দপ্তরে যাচাইয়ের অপেক্ষায়" in html


def test_the_idea_page_hides_other_offices_unvetted_titles(ideas, login):
    html = login("dhaka.io").get(reverse("ideas:detail", args=[ideas["own"].pk])).content.decode()
    assert ideas["below"].title in html and ideas["approved"].title in html
    assert ideas["unvetted"].title not in html
    assert "অন্য দপ্তরে যাচাইয়ের অপেক্ষায়" in html


def test_a_citizen_never_reads_another_citizens_unvetted_title(ideas):
    # Even an idea of the very office the citizen writes to stays hidden until approved.
    response = Client().post(reverse("portal:similar"), {**TYPED, "office": "dc-dhaka"})
    html = response.content.decode()
    for hidden in ("own", "below", "unvetted", "rejected"):
        assert ideas[hidden].title not in html, hidden
    assert ideas["approved"].title in html and ideas["approved"].display_code not in html
    assert "যাচাইয়ের অপেক্ষায়" in html


def test_the_portal_without_javascript_hides_them_too(ideas):
    data = {**TYPED, "office": "dc-dhaka", "check": "1", "name": "রহিম", "phone": "01711111111"}
    html = Client().post(reverse("portal:submit"), data).content.decode()
    assert ideas["own"].title not in html and ideas["unvetted"].title not in html
    assert ideas["approved"].title in html


def test_the_vetting_queue_counts_but_does_not_name_unvetted_ideas_elsewhere(ideas, login):
    queue = queries.vetting_queue(ideas["own"].office, viewer=post_of("dhaka.io"))
    listed = [i for _stage, group in queue["groups"] for i in group]
    mine = next(i for i in listed if i.pk == ideas["own"].pk)
    names = {p.other.pk for p in mine.similar}
    assert ideas["unvetted"].pk not in names and ideas["below"].pk in names
    assert mine.similar_hidden == 1
    html = login("dhaka.io").get(reverse("ideas:vetting")).content.decode()
    assert ideas["unvetted"].title not in html
