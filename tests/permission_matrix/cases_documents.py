import datetime as dt
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Case

SEED = Path(__file__).resolve().parents[2] / "data" / "seeds" / "000_8aa6ba074c4abe5e.txt"


def dhaka_letter(world):
    from udbhabon.documents.services import letter_issue

    letter = letter_issue(
        office=world.office("dc-dhaka"),
        kind="plan",
        subject="পরীক্ষা",
        date=dt.date(2017, 8, 23),
        actor=None,
    )
    return {"pk": letter.pk}


def dhaka_job(world):
    """An uploaded and read plan of the Dhaka DC office."""
    from udbhabon.documents import services

    job = services.import_upload(
        office=world.office("dc-dhaka"),
        actor=world.post("dhaka.io").holdings.get(ended_on__isnull=True).user,
        name=SEED.name,
        data=SEED.read_bytes(),
    )
    services.import_read(job_id=job.pk)
    return {"pk": job.pk}


def dhaka_cell(world):
    return {**dhaka_job(world), "section": 0, "item": 0, "field": "activity"}


def seed_file(world):
    return {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())}


# Reading papers in is the work of an office's editors (head, innovation
# officer) for their own office; everyone who may see the office may look.
EDITORS_OF_DHAKA = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
VIEW_DHAKA = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}

CASES = [
    Case("documents:letter_detail", VIEW_DHAKA, kwargs=dhaka_letter),
    Case(
        "documents:import_upload",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": OK},
    ),
    Case(
        "documents:import_upload",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": FOUND},
        method="POST",
        data=seed_file,
        note="upload",
    ),
    Case("documents:import_detail", VIEW_DHAKA, kwargs=dhaka_job),
    Case("documents:import_source", VIEW_DHAKA, kwargs=dhaka_job),
    Case("documents:import_cell", EDITORS_OF_DHAKA, kwargs=dhaka_cell),
    Case(
        "documents:import_cell",
        {**EDITORS_OF_DHAKA, "dhaka.io": FOUND},
        kwargs=dhaka_cell,
        method="POST",
        data={"value": "সংশোধিত"},
        note="correct",
    ),
    Case(
        "documents:import_confirm",
        {**EDITORS_OF_DHAKA, "dhaka.io": FOUND},
        kwargs=dhaka_job,
        method="POST",
    ),
    Case(
        "documents:import_discard",
        {**EDITORS_OF_DHAKA, "dhaka.io": FOUND},
        kwargs=dhaka_job,
        method="POST",
    ),
]


def dhaka_letter_pdf(world):
    return {**dhaka_letter(world), "fmt": "pdf"}


def dhaka_io_export(world):
    """A finished export requested by dhaka.io: only the requester may fetch it."""
    from django.core.files.base import ContentFile

    from udbhabon.documents.models import ExportJob

    job = ExportJob.objects.create(
        office=world.office("dc-dhaka"),
        requested_by=world.post("dhaka.io").holdings.get(ended_on__isnull=True).user,
        builder="x",
        fmt="xlsx",
        filename="plan",
        status=ExportJob.Status.DONE,
    )
    job.file.save("plan.xlsx", ContentFile(b"PK-test"))
    return {"pk": job.pk}


REQUESTER_ONLY = {"anonymous": LOGIN, "dhaka.io": OK, "dhaka.dc": MISSING, "*": MISSING}
CASES += [
    Case("documents:letter_download", VIEW_DHAKA, kwargs=dhaka_letter_pdf),
    Case("documents:export_status", REQUESTER_ONLY, kwargs=dhaka_io_export),
    Case("documents:export_file", REQUESTER_ONLY, kwargs=dhaka_io_export),
]


def dhaka_row(world):
    return {**dhaka_job(world), "section": 0, "item": 0}


CASES += [
    Case("plans:import_responsible", EDITORS_OF_DHAKA, kwargs=dhaka_row),
    Case(
        "plans:import_responsible",
        {**EDITORS_OF_DHAKA, "dhaka.io": FOUND},
        kwargs=dhaka_row,
        method="POST",
        data={"action": "clear"},
        note="clear",
    ),
]


def dhaka_scan_cell(world):
    """A scanned upload of the Dhaka DC office, read, with one doubtful field: its image
    is drawn again from the file (no OCR cache here)."""
    import io

    from PIL import Image

    from udbhabon.documents import services
    from udbhabon.documents.models import ImportJob

    buffer = io.BytesIO()
    Image.new("L", (200, 280), 255).save(buffer, "PDF", resolution=72.0)
    job = services.import_upload(
        office=world.office("dc-dhaka"),
        actor=world.post("dhaka.io").holdings.get(ended_on__isnull=True).user,
        name="scan.pdf",
        data=buffer.getvalue(),
    )
    field = {"section": 0, "item": 0, "field": "activity", "page": 1, "box": [10, 10, 90, 60]}
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.READ,
        trace={"ocr": {"pages": [{"number": 1, "angle": 0.0}], "fields": [field]}},
    )
    return {"pk": job.pk, "section": 0, "item": 0, "field": "activity"}


CASES += [
    # The same check as the job itself: whoever may see the office's uploads.
    Case("documents:import_cell_image", VIEW_DHAKA, kwargs=dhaka_scan_cell),
]
