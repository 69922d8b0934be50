"""Reading an old paper in: upload, background read, review, correct, confirm/discard."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from udbhabon.documents import importing, services
from udbhabon.documents.models import ImportJob
from udbhabon.documents.reader import read_path
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "data" / "seeds"
THAKURGAON = SEEDS / "001_3627afb098a031ac.txt"


def upload(client, path: Path):
    with path.open("rb") as fh:
        return client.post(reverse("documents:import_upload"), {"file": fh})


def test_it_reads_an_upload_and_shows_the_review(login, django_capture_on_commit_callbacks):
    client = login("thakurgaon.io")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, THAKURGAON)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/import/{job.pk}/")
    assert job.status == ImportJob.Status.READ
    assert job.result["sections"][0]["kind"] == "action_plan"
    assert len(job.result["sections"][0]["items"]) == 20
    page = client.get(reverse("documents:import_detail", args=[job.pk]))
    html = page.content.decode()
    assert "ইনোভেশন সার্কেল" in html  # a category as read
    assert "row--warning" in html  # item 4's end-before-start warning is highlighted


def test_the_same_file_twice_is_recognised(login, django_capture_on_commit_callbacks):
    client = login("thakurgaon.io")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, THAKURGAON)
    response = upload(client, THAKURGAON)
    assert response.status_code == 400
    assert "আগে" in response.content.decode()  # "uploaded before, on ..."
    assert ImportJob.objects.count() == 1


def test_an_empty_or_wrong_file_gets_a_clear_bengali_message(
    login, tmp_path, django_capture_on_commit_callbacks
):
    client = login("thakurgaon.io")
    empty = tmp_path / "plan.docx"
    empty.write_bytes(b"")
    response = upload(client, empty)
    assert response.status_code == 400
    assert ImportJob.objects.count() == 0
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"this is not a word file at all")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, fake)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.error_code
    page = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert "কিছুই সংরক্ষণ করা হয়নি" in page


def test_a_correction_re_reads_the_schedule_and_clears_its_warning(thakurgaon_job):
    job = thakurgaon_job
    before = importing.apply_corrections(job.result, job.corrections)
    assert {w["code"] for w in before["warnings"] if w["item"] == 3} == {
        "end_before_start",
        "outside_period",
    }
    job = services.import_correct(
        job=job, section=0, item=3, field="end", value="মে/২০১৮", actor=job.uploaded_by
    )
    after = importing.apply_corrections(job.result, job.corrections)
    item = after["sections"][0]["items"][3]
    assert item["schedule"]["end"] == "2018-05-31"
    assert not [w for w in after["warnings"] if w["item"] == 3]
    # The reading itself is kept as read; corrections are kept beside it.
    assert job.result["sections"][0]["items"][3]["schedule"]["end"] == "2017-05-31"


def test_only_known_cells_can_be_corrected(thakurgaon_job):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.import_correct(
            job=thakurgaon_job, section=0, item=99, field="activity", value="x", actor=None
        )
    with pytest.raises(ValidationError):
        services.import_correct(
            job=thakurgaon_job, section=0, item=0, field="serial", value="9", actor=None
        )


def test_a_correction_is_kept_in_the_history_and_never_lost_to_a_stale_copy(thakurgaon_job):
    user = thakurgaon_job.uploaded_by
    # Two officers opened the same review: each holds the job as it was then.
    first, second = ImportJob.objects.get(pk=thakurgaon_job.pk), thakurgaon_job
    services.import_correct(job=first, section=0, item=0, field="activity", value="ক", actor=user)
    saved = services.import_correct(
        job=second, section=0, item=1, field="activity", value="খ", actor=user
    )
    assert saved.corrections == {"0.0.activity": "ক", "0.1.activity": "খ"}
    assert ImportJob.objects.get(pk=saved.pk).corrections == saved.corrections
    latest = saved.history.order_by("-history_date", "-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (user, "corrected")


def test_a_confirmed_document_takes_no_more_corrections(thakurgaon_job):
    from django.core.exceptions import ValidationError

    user = thakurgaon_job.uploaded_by
    ImportJob.objects.filter(pk=thakurgaon_job.pk).update(status=ImportJob.Status.CONFIRMED)
    # The caller's copy still says "read"; the locked row decides.
    with pytest.raises(ValidationError):
        services.import_correct(
            job=thakurgaon_job, section=0, item=0, field="activity", value="ক", actor=user
        )


def test_discarding_leaves_nothing(thakurgaon_job, login):
    name = thakurgaon_job.file.name
    storage = thakurgaon_job.file.storage
    client = login("thakurgaon.io")
    response = client.post(reverse("documents:import_discard", args=[thakurgaon_job.pk]))
    assert response.status_code == 302
    assert not ImportJob.objects.exists()
    assert storage.exists(name)  # the file goes when the transaction commits


def test_another_office_cannot_touch_the_upload(thakurgaon_job, login):
    client = login("dhaka.io")
    assert (
        client.get(reverse("documents:import_detail", args=[thakurgaon_job.pk])).status_code == 403
    )
    assert (
        client.post(reverse("documents:import_confirm", args=[thakurgaon_job.pk])).status_code
        == 403
    )
    assert ImportJob.objects.get().status == ImportJob.Status.READ


@pytest.fixture
def thakurgaon_job():
    user = User.objects.get(username="thakurgaon.io")
    job = services.import_upload(
        office=Office.objects.get(code="dc-thakurgaon"),
        actor=user,
        name=THAKURGAON.name,
        data=THAKURGAON.read_bytes(),
    )
    return services.import_read(job_id=job.pk)


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_reads_queued_uploads(tmp_path, settings):
    """The real background path: the job waits in the database queue until a
    worker (`manage.py db_worker`) picks it up."""
    from conftest import ensure_world
    from udbhabon.documents.tasks import read_import_job

    ensure_world()
    settings.MEDIA_ROOT = tmp_path
    job = ImportJob.objects.create(
        office=Office.objects.get(code="dc-thakurgaon"),
        uploaded_by=User.objects.get(username="thakurgaon.io"),
        original_name=THAKURGAON.name,
        size=THAKURGAON.stat().st_size,
        sha256="0" * 64,
        file=ContentFile(THAKURGAON.read_bytes(), name=THAKURGAON.name),
    )
    read_import_job.using(backend="database").enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.QUEUED
    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", verbosity=0)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READ
    assert len(job.result["sections"][0]["items"]) == 20


def test_the_command_saves_through_the_same_services(capsys):
    """`import_document PATH --office CODE` uploads, reads and confirms through the
    plans services: the office's plan has every row of the paper."""
    from udbhabon.plans.models import ActionPlan

    call_command("import_document", str(THAKURGAON), "--office", "dc-thakurgaon")
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CONFIRMED
    plan = ActionPlan.objects.get(office__code="dc-thakurgaon")
    assert job.created_records == [
        {
            "kind": "action_plan",
            "model": "plans.ActionPlan",
            "id": plan.pk,
            "url": plan.get_absolute_url(),
        }
    ]
    expected = read_path(THAKURGAON)["sections"][0]["items"]
    assert [i.activity for i in plan.items.order_by("position")] == [
        e["activity"] for e in expected
    ]
    assert plan.source_job == job


def test_the_command_refuses_an_unknown_office():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_document", str(THAKURGAON), "--office", "no-such-office")
    assert not ImportJob.objects.exists()


@pytest.mark.slow
def test_the_review_says_when_a_pdfs_embedded_data_was_set_aside(
    login, tmp_path, django_capture_on_commit_callbacks
):
    """What is printed wins, and the officer is told (a tampered Udbhabon PDF)."""
    import copy

    from udbhabon.documents.tests.reader_fixtures import compare
    from udbhabon.documents.tests.test_reader_pdf import _with_attachment
    from udbhabon.documents.writers import write_document

    want = compare.expected("003_3399e0873caf543a")
    tampered = copy.deepcopy(want)
    tampered["sections"][0]["items"][0]["decision"] = "সব দপ্তর এক মাস বন্ধ থাকবে।"
    path = tmp_path / "minutes.pdf"
    path.write_bytes(_with_attachment(write_document(want, "pdf"), tampered))
    client = login("natore.io")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, path)
    job = ImportJob.objects.get()
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert "ছাপা লেখার সাথে মেলেনি" in html
    assert "সব দপ্তর এক মাস বন্ধ থাকবে" not in html


def test_another_offices_paper_is_not_saved_as_mine_without_a_word(
    login, django_capture_on_commit_callbacks
):
    """Issue 18: Khulna's officer uploaded Dhaka's plan and it was saved as Khulna's."""
    from udbhabon.plans.models import ActionPlan

    client = login("khulna.io")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SEEDS / "000_8aa6ba074c4abe5e.txt")  # Dhaka DC office's plan
    job = ImportJob.objects.get()
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert "আপনার দপ্তরের" in html and 'name="other_office_ok"' in html
    client.post(reverse("documents:import_confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READ and not ActionPlan.objects.exists()
    # Said so explicitly, it is saved as Khulna's.
    client.post(reverse("documents:import_confirm", args=[job.pk]), {"other_office_ok": "1"})
    assert ActionPlan.objects.get().office.code == "dc-khulna"


def test_an_offices_own_paper_asks_nothing(login, django_capture_on_commit_callbacks):
    client = login("thakurgaon.io")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, THAKURGAON)
    job = ImportJob.objects.get()
    assert services.import_other_offices(job) == []
    html = client.get(reverse("documents:import_detail", args=[job.pk])).content.decode()
    assert 'name="other_office_ok"' not in html


def test_a_framework_uploaded_here_is_read_shown_and_never_saved(
    login, django_capture_on_commit_callbacks
):
    """The contract's kind "evaluation_framework" (version 2) has no saver here: the
    review shows it can be read but not saved, and confirming saves nothing."""
    framework = Path(__file__).parent / "reader_fixtures/framework/district_2018_19.docx"
    client = login("thakurgaon.io")
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, framework)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.READ
    assert job.result["sections"][0]["kind"] == "evaluation_framework"
    page = client.get(reverse("documents:import_detail", args=[job.pk]))
    assert page.status_code == 200
    assert "এ ধরনের কাগজ পড়া গেলেও এখনো এখানে সংরক্ষণ করা যায় না।" in page.content.decode()
    user = User.objects.get(username="thakurgaon.io")
    with pytest.raises(ValidationError):
        services.import_confirm(job=job, actor=user, other_office_ok=True)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READ and not job.created_records
