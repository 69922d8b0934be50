"""The import review shows whom each responsible cell was matched to; the officer
changes or clears it there, and confirming saves the row with those posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from conftest import post_of
from udbhabon.documents.models import ImportJob
from udbhabon.plans import queries
from udbhabon.plans.models import ActionPlan

pytestmark = pytest.mark.django_db
DHAKA = Path(__file__).resolve().parents[3] / "data" / "seeds" / "000_8aa6ba074c4abe5e.txt"


@pytest.fixture
def job(login, django_capture_on_commit_callbacks):
    client = login("dhaka.io")
    with django_capture_on_commit_callbacks(execute=True), DHAKA.open("rb") as fh:
        client.post(reverse("documents:import_upload"), {"file": fh})
    return client, ImportJob.objects.get()


def test_it_shows_the_match_and_saves_it_on_confirming(job):
    client, job = job
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert "শরীফ রায়হান কবির" in html and "cell__match" in html
    assert reverse("plans:import_responsible", args=[job.pk, 0, 3]) in html
    client.post(reverse("documents:import_confirm", args=[job.pk]))
    plan = ActionPlan.objects.get(office__code="dc-dhaka")
    member_rows = queries.my_items(post_of("dhaka.member"))
    assert sorted(i.serial for i in member_rows) == [4, 9, 20]
    assert len(queries.my_items(post_of("dhaka.io"))) == plan.items.count() - 3


def test_the_officer_changes_and_clears_a_match_before_confirming(job):
    client, job = job
    member, io = post_of("dhaka.member"), post_of("dhaka.io")
    url = reverse("plans:import_responsible", args=[job.pk, 0, 0])
    page = client.get(url)
    assert page.status_code == 200 and "সানজিদা পারভীন" in page.content.decode()
    response = client.post(url, {"action": "save", "lead": [member.pk], "supporting": [io.pk]})
    assert response.status_code == 302
    client.post(reverse("plans:import_responsible", args=[job.pk, 0, 1]), {"action": "clear"})
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert "বাছাই করা হয়েছে" in html  # "Chosen": the officer's, not the match
    client.post(reverse("documents:import_confirm", args=[job.pk]))
    first, second = ActionPlan.objects.get().items.order_by("position")[:2]
    assert list(first.responsible_posts.all()) == [member]
    assert first in queries.my_items(io)  # in support
    assert not second.responsible_posts.exists() and second.responsible_text


def test_another_offices_post_cannot_be_chosen(job):
    client, job = job
    url = reverse("plans:import_responsible", args=[job.pk, 0, 0])
    response = client.post(url, {"action": "save", "lead": [post_of("khulna.io").pk]})
    assert response.status_code == 400
    assert "responsible_match" not in str(ImportJob.objects.get().corrections)
