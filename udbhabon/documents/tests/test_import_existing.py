"""A second paper of a year that has a plan is not a dead end (issue 18, points 2 and 5).

The review names the plan that exists with a link, and offers to replace it:
a draft's rows are replaced (the old ones stay in history), an accepted plan
is reopened as its next version first, a plan with the reviewer waits.
Confirming goes on to the saved plan, and the review starts with a summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from udbhabon.core.history import history_rows
from udbhabon.documents import services
from udbhabon.documents.models import ImportJob
from udbhabon.offices.models import Office, User
from udbhabon.plans.models import ActionPlan, PlanItem
from udbhabon.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db
THAKURGAON = Path(__file__).resolve().parents[3] / "data" / "seeds" / "001_3627afb098a031ac.txt"


def read_job(extra: bytes = b"") -> ImportJob:
    """The Thakurgaon plan uploaded and read (``extra`` makes a second, different file)."""
    job = services.import_upload(
        office=Office.objects.get(code="dc-thakurgaon"),
        actor=User.objects.get(username="thakurgaon.io"),
        name=THAKURGAON.name,
        data=THAKURGAON.read_bytes() + extra,
    )
    return services.import_read(job_id=job.pk)


def review(client, job: ImportJob) -> str:
    return client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()


def test_confirming_goes_on_to_the_saved_plan_and_the_review_starts_with_a_summary(login):
    client = login("thakurgaon.io")
    job = read_job()
    html = review(client, job)
    summary = html[html.index('class="card import-summary"') : html.index('id="s0"')]
    assert "২০টি সারি পড়া হয়েছে" in summary
    assert "শুরুর আগে শেষ" in summary and 'href="#s0i' in summary  # a warning kind, linked
    assert "actions--sticky" in html
    response = client.post(reverse("documents:import_confirm", args=[job.pk]))
    plan = ActionPlan.objects.get(office__code="dc-thakurgaon")
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    after = review(client, job)
    assert "Nothing is saved until you confirm" not in after
    assert "যা পড়া হলো" not in after and plan.get_absolute_url() in after


def test_a_second_paper_of_the_year_names_the_plan_and_replaces_a_draft_only_when_asked(login):
    client = login("thakurgaon.io")
    services.import_confirm(job=read_job(), actor=User.objects.get(username="thakurgaon.io"))
    plan = ActionPlan.objects.get(office__code="dc-thakurgaon")
    first_rows = set(plan.items.values_list("pk", flat=True))
    job = read_job(b"\n")
    html = review(client, job)
    assert "এ দপ্তরের ২০১৭-১৮ সালের উদ্ভাবন কর্মপরিকল্পনা আগেই আছে" in html
    assert plan.get_absolute_url() in html and 'name="replace"' in html
    # Without "replace": refused, nothing changed.
    client.post(reverse("documents:import_confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READ
    assert set(plan.items.filter(deleted_at__isnull=True).values_list("pk", flat=True)) == (
        first_rows
    )
    # With it: the same plan, the paper's rows live, the old ones out but in history.
    response = client.post(reverse("documents:import_confirm", args=[job.pk]), {"replace": "1"})
    assert response["Location"] == plan.get_absolute_url()
    assert ActionPlan.objects.filter(office__code="dc-thakurgaon").count() == 1
    live = PlanItem.objects.filter(plan=plan, deleted_at__isnull=True)
    assert live.count() == 20 and not first_rows & set(live.values_list("pk", flat=True))
    old = PlanItem.objects.get(pk=min(first_rows))
    assert old.deleted_at is not None
    assert history_rows(old)[0].history_change_reason == "replaced by a paper read in"


def test_an_accepted_plan_is_reopened_and_one_with_the_reviewer_is_not_replaced(login):
    client = login("thakurgaon.io")
    plan = make_plan("dc-thakurgaon", year=2017, state="accepted")
    edition = plan.version
    job = read_job()
    html = review(client, job)
    assert "পরবর্তী সংস্করণ হিসেবে খুলে" in html
    client.post(reverse("documents:import_confirm", args=[job.pk]), {"replace": "1"})
    plan.refresh_from_db()
    assert plan.status == "draft" and plan.version == edition + 1
    assert plan.items.filter(deleted_at__isnull=True).count() == 20

    submitted = make_plan("dc-thakurgaon", year=2018, state="submitted")
    job2 = read_job(b"\n")
    job2.result["sections"][0]["period"] = {"label": "২০১৮-১৯", "start": "2018-07-01",
                                            "end": "2019-06-30"}  # fmt: skip
    job2.save()
    html = review(client, job2)
    assert "পর্যালোচকের কাছে" in html and 'name="replace"' not in html
    client.post(reverse("documents:import_confirm", args=[job2.pk]), {"replace": "1"})
    job2.refresh_from_db()
    submitted.refresh_from_db()
    assert job2.status == ImportJob.Status.READ and submitted.status == "submitted"
    assert submitted.items.filter(deleted_at__isnull=True).count() == 4
