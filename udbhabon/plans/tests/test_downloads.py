"""The plan and the report come out as the paper (PDF, DOCX, XLSX) from their pages,
and a plan, report or meeting read in from an upload links back to that file."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse

from udbhabon.documents import exports
from udbhabon.documents.models import ExportJob, ImportJob
from udbhabon.documents.reader import read_document
from udbhabon.documents.services import import_save
from udbhabon.meetings.models import Meeting
from udbhabon.plans import queries
from udbhabon.plans.models import ActionPlan, ProgressReport
from udbhabon.plans.tests.factories import make_plan, make_report, with_progress

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "data" / "seeds"


def _activities(doc: dict) -> list[str]:
    return [item["activity"] for item in doc["sections"][0]["items"]]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_plan_downloads_as_the_paper_and_reads_back(login, fmt):
    plan = make_plan(rows=5, state="accepted")
    client = login("dhakadiv.io")  # the parent office reads it
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    url = reverse("plans:download", args=[plan.pk, fmt])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == exports.CONTENT_TYPES[fmt]
    assert f"action-plan-dc-dhaka-2017.{fmt}" in response["Content-Disposition"]
    read = read_document(response.content, f"plan.{fmt}")
    assert read["sections"][0]["kind"] == "action_plan"
    assert _activities(read) == _activities(queries.plan_document(plan.pk))


def test_the_report_downloads_and_reads_back(login):
    report = make_report(with_progress(make_plan(state="accepted")))
    client = login("dhaka.io")
    url = reverse("plans:report_download", args=[report.pk, "xlsx"])
    assert f'href="{url}"' in client.get(reverse("plans:report_detail", args=[report.pk])).text
    response = client.get(url)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    for row in report.items.all():
        assert row.activity in text
    read = read_document(client.get(url.replace(".xlsx", ".docx")).content, "r.docx")
    assert read["sections"][0]["kind"] == "progress_report"
    assert len(read["sections"][0]["items"]) == report.items.count()


def test_an_unknown_format_is_not_found(login):
    plan = make_plan()
    assert (
        login("dhaka.io").get(reverse("plans:download", args=[plan.pk, "odt"])).status_code == 404
    )


def test_a_big_plan_is_written_in_the_background(
    login, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(exports, "INLINE_ITEMS", 3)
    plan = make_plan(rows=5, state="accepted")
    client = login("dhaka.io")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("plans:download", args=[plan.pk, "docx"]))
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:export_status", args=[job.pk])
    job.refresh_from_db()  # the tests' task backend ran it once the request committed
    assert job.status == ExportJob.Status.DONE
    written = client.get(reverse("documents:export_file", args=[job.pk]))
    read = read_document(b"".join(written.streaming_content), "p.docx")
    assert _activities(read) == _activities(queries.plan_document(plan.pk))


def test_imported_records_link_to_their_original_file(login):
    plan_file = next(SEEDS.glob("001_*.txt"))
    job = import_save(office_code="dc-thakurgaon", path=plan_file)
    plan = ActionPlan.objects.get(office__code="dc-thakurgaon")
    assert plan.source_job == job and plan.source == plan_file.name
    client = login("thakurgaon.io")
    link = reverse("documents:import_source", args=[job.pk])
    assert f'href="{link}"' in client.get(reverse("plans:detail", args=[plan.pk])).text
    original = client.get(link)
    assert b"".join(original.streaming_content) == plan_file.read_bytes()

    minutes_file = next(SEEDS.glob("003_*.txt"))
    job = import_save(office_code="dc-natore", path=minutes_file)
    meeting = Meeting.objects.get(office__code="dc-natore", source_job=job)
    link = reverse("documents:import_source", args=[job.pk])
    assert f'href="{link}"' in login("natore.io").get(f"/meetings/{meeting.pk}/").text


def test_an_imported_report_links_to_its_file_and_a_plan_made_by_hand_does_not(login):
    report_file = next(SEEDS.glob("002_*.txt"))  # Jessore: a plan and its report
    job = import_save(office_code="dc-jashore", path=report_file)
    report = ProgressReport.objects.get(office__code="dc-jashore")
    assert report.source_job == job
    client = login("jashore.io")
    link = reverse("documents:import_source", args=[job.pk])
    assert f'href="{link}"' in client.get(reverse("plans:report_detail", args=[report.pk])).text
    assert ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CONFIRMED).exists()

    by_hand = make_plan()
    page = login("dhaka.io").get(reverse("plans:detail", args=[by_hand.pk])).text
    assert "source-link" not in page
