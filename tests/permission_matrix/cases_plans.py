"""Every URL of the plans app × the seven personas.

The Dhaka DC office's plan is the object: dhaka.io (its innovation officer)
edits and sends it up; dhaka.member (a team member) sees it and records progress
only on rows naming their post; dhakadiv.io (the parent office) reviews it;
cabinet.io and admin (above) only see it; khulna.io (another district) sees
nothing. The kwargs/data callables build what each case needs through the
services (udbhabon/plans/tests/factories.py).
"""

from __future__ import annotations

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, OK, Case

VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
VIEW_REDIRECT = {"anonymous": LOGIN, "khulna.io": DENIED, "*": FOUND}
EDITOR_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
EDITOR_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
REVIEWER_GET = {"anonymous": LOGIN, "dhakadiv.io": OK, "*": DENIED}
REVIEWER_POST = {"anonymous": LOGIN, "dhakadiv.io": FOUND, "*": DENIED}
DHAKA = {"code": "dc-dhaka"}


def _f():  # the builders, imported late (the matrix module loads before the database)
    from udbhabon.plans.tests import factories

    return factories


def draft(world):
    return {"pk": _f().make_plan().pk}


def submitted(world):
    return {"pk": _f().make_plan(state="submitted").pk}


def accepted(world):
    return {"pk": _f().make_plan(state="accepted").pk}


def draft_item(world):
    return {"pk": _f().first_item(_f().make_plan()).pk}


def removed_item(world):
    from udbhabon.plans import services

    item = _f().first_item(_f().make_plan())
    services.item_remove(item=item, actor=None)
    return {"pk": item.pk}


def _first_version(item) -> dict:
    return {"pk": item.pk, "entry": item.history.order_by("history_id").first().history_id}


def draft_item_version(world):
    return _first_version(_f().first_item(_f().make_plan()))


def accepted_item_version(world):
    return _first_version(_f().first_item(_f().make_plan(state="accepted")))


def accepted_item(world):
    return {"pk": _f().first_item(_f().make_plan(state="accepted")).pk}


def shared_item(world):
    """An accepted Dhaka row that names Savar's UNO (an office below) in support."""
    from udbhabon.plans.models import ItemResponsibility

    item = _f().first_item(_f().make_plan(state="accepted"))
    ItemResponsibility.objects.create(
        item=item, share=ItemResponsibility.Share.SUPPORTING, post=world.post("savar.uno")
    )
    return {"pk": item.pk}


PART = {"status": "ongoing", "percent": "50", "achieved": "2", "done_text": "দুটি সেমিনার"}


def occurrence(world):
    item = _f().occurrence_item(_f().make_plan(state="accepted"))
    return {"pk": item.occurrences.first().pk}


def evidence(world):
    plan = _f().with_progress(_f().make_plan(state="accepted"), files=True)
    return {"pk": _f().first_item(plan).evidence.first().pk}


def progress_half(world):
    return {"pk": _f().make_plan(state="accepted").pk, "half": 1}


def report(world):
    plan = _f().with_progress(_f().make_plan(state="accepted"))
    return {"pk": _f().make_report(plan).pk}


def submitted_report(world):
    plan = _f().with_progress(_f().make_plan(state="accepted"))
    return {"pk": _f().make_report(plan, state="submitted").pk}


def accepted_docx(world):
    return {**accepted(world), "fmt": "docx"}


def report_xlsx(world):
    return {**report(world), "fmt": "xlsx"}


def approval(world):
    from udbhabon.plans import services

    proposal = services.approval_propose(
        office=world.office("dc-dhaka"), step="priority_services", subject="২টি সেবা", actor=None
    )
    return {"pk": proposal.pk}


def team_year(world):
    return {"code": "dc-dhaka", "year": 2017}


def letter_data(world):
    return {
        "subject": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৭-১৮",
        "date": "2017-08-23",
        "signatory_post": world.post("dhaka.io").pk,
        "body": "প্রেরণ করা হলো।",
        "acknowledge": "on",
    }


def progress_data(world):
    from udbhabon.plans.models import ActionPlan

    plan = ActionPlan.objects.get(office__code="dc-dhaka", year=2017)
    item = _f().first_item(plan)
    return {f"i{item.pk}-status": "ongoing", f"i{item.pk}-percent": "৫০"}


def sheet_data(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from udbhabon.documents.writers import progress_sheet
    from udbhabon.plans.models import ActionPlan
    from udbhabon.plans.queries import plan_as_document

    plan = ActionPlan.objects.get(office__code="dc-dhaka", year=2017)
    data = progress_sheet(plan_as_document(plan, with_progress=True))
    return {"sheet": SimpleUploadedFile("progress.xlsx", data)}


def report_rows_data(world):
    from udbhabon.plans.models import ProgressReport

    report = ProgressReport.objects.get(office__code="dc-dhaka")
    row = report.items.first()
    return {f"progress_{row.pk}": "চলমান", f"remarks_{row.pk}": ""}


def team_data(world):
    post = world.post("dhaka.io").pk
    return {"convener": post, "member_secretary": post, "others": "জেলা প্রশাসক"}


ITEM_DATA = {"activity": "নতুন কার্যক্রম", "start_text": "জুলাই ২০১৭", "end_text": "জুন ২০১৮"}

CASES = [
    Case("plans:index", {"anonymous": LOGIN, "*": FOUND}),
    Case(
        "plans:queue",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": OK},
        note="reviewing roles only",
    ),
    Case("plans:my_items", {"anonymous": LOGIN, "*": OK}),
    Case("plans:office", VIEW, kwargs=DHAKA),
    Case(
        "plans:create",
        EDITOR_POST,
        kwargs=DHAKA,
        method="POST",
        data={"year": "2017", "year_kind": "fiscal", "start_from": "skeleton"},
    ),
    Case("plans:calendar", VIEW, kwargs=DHAKA, data={"month": "2017-09"}),
    # Files, not pages: marked HEAD so tests/test_translations.py (which reads every GET
    # case as a Bengali HTML page) passes them by; the matrix still fetches them.
    Case("plans:ics", VIEW, kwargs=DHAKA, method="HEAD", note="signed in, no key"),
    Case("plans:team", VIEW, kwargs=team_year),
    Case("plans:approval_rules", VIEW, kwargs=DHAKA),
    Case(
        "plans:approval_rules",
        EDITOR_POST,
        kwargs=DHAKA,
        method="POST",
        data={"steps": ["approve_idea"]},
        note="save",
    ),
    Case("plans:approval", VIEW, kwargs=approval),
    Case(
        "plans:approval_decide",
        {"anonymous": LOGIN, "dhaka.dc": FOUND, "*": DENIED},
        kwargs=approval,
        method="POST",
        data={"action": "approve"},
        note="the head's alone",
    ),
    Case("plans:team", EDITOR_POST, kwargs=team_year, method="POST", data=team_data, note="save"),
    Case("plans:detail", VIEW, kwargs=draft, note="draft"),
    Case("plans:detail", VIEW, kwargs=accepted, note="accepted"),
    Case("plans:download", VIEW, kwargs=accepted_docx, note="the plan as DOCX"),
    Case("plans:item_add", EDITOR_GET, kwargs=draft),
    Case("plans:item_add", EDITOR_POST, kwargs=draft, method="POST", data=ITEM_DATA, note="save"),
    Case(
        "plans:item_add",
        {"anonymous": LOGIN, "*": DENIED},
        kwargs=accepted,
        note="not once accepted",
    ),
    Case(
        "plans:schedule_preview",
        VIEW,
        kwargs=draft,
        data={"start_text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"},
    ),
    Case("plans:submit", EDITOR_GET, kwargs=draft),
    Case("plans:submit", EDITOR_POST, kwargs=draft, method="POST", data=letter_data, note="send"),
    Case("plans:review", REVIEWER_GET, kwargs=submitted),
    Case(
        "plans:review",
        REVIEWER_POST,
        kwargs=submitted,
        method="POST",
        data={"decision": "return", "comment": "লক্ষ্যমাত্রা সংখ্যায় লিখুন"},
        note="return",
    ),
    Case("plans:reopen", EDITOR_POST, kwargs=accepted, method="POST"),
    Case("plans:accept_bangla_date", EDITOR_POST, kwargs=accepted, method="POST"),
    Case("plans:compare", VIEW, kwargs=accepted),
    Case("plans:progress", VIEW, kwargs=progress_half),
    Case(
        "plans:progress",
        EDITOR_POST,
        kwargs=progress_half,
        method="POST",
        data=progress_data,
        note="save",
    ),
    Case("plans:progress_sheet", VIEW, kwargs=progress_half, method="HEAD", note="a file"),
    Case(
        "plans:progress_upload",
        {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED},
        kwargs=progress_half,
        method="POST",
        data=sheet_data,
        note="check before saving",
    ),
    Case("plans:report_prepare", EDITOR_POST, kwargs=progress_half, method="POST"),
    Case("plans:item_detail", VIEW, kwargs=accepted_item),
    # A row's parts: those who see the plan, and every post the row names (any office).
    Case("plans:item_parts", VIEW, kwargs=accepted_item),
    Case("plans:item_parts", EDITOR_POST, kwargs=accepted_item, method="POST", data=PART),
    Case("plans:item_responsibility", EDITOR_GET, kwargs=draft_item),
    Case(
        "plans:item_responsibility",
        EDITOR_POST,
        kwargs=draft_item,
        method="POST",
        data={"every_below": ["upazila"]},
    ),
    Case(
        "plans:item_parts",
        {**VIEW, "savar.uno": OK},
        kwargs=shared_item,
        note="a supporting office below sees the row",
    ),
    Case(
        "plans:item_parts",
        {**EDITOR_POST, "savar.uno": FOUND},
        kwargs=shared_item,
        method="POST",
        data=PART,
        note="the supporting office records its part",
    ),
    Case(
        "plans:item_metric",
        EDITOR_POST,
        kwargs=accepted_item,
        method="POST",
        data={"action": "link", "key": "events.held", "events.held:kind": "training"},
        note="link an accepted plan's row to trainings held",
    ),
    Case(
        "plans:item_metric",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        kwargs=accepted_item,
        method="POST",
        data={"action": "nonsense"},
        note="an unknown action",
    ),
    Case("plans:item_row", VIEW_REDIRECT, kwargs=draft_item, note="without htmx"),
    Case("plans:item_edit", EDITOR_GET, kwargs=draft_item),
    Case(
        "plans:item_edit",
        EDITOR_POST,
        kwargs=draft_item,
        method="POST",
        data=ITEM_DATA,
        note="save",
    ),
    Case("plans:item_version", VIEW, kwargs=draft_item_version),
    Case("plans:item_version", EDITOR_POST, kwargs=draft_item_version, method="POST"),
    Case(
        "plans:item_version",
        {"anonymous": LOGIN, "*": DENIED},
        kwargs=accepted_item_version,
        method="POST",
        note="locked: the plan was accepted",
    ),
    Case("plans:item_remove", EDITOR_POST, kwargs=draft_item, method="POST"),
    Case("plans:item_restore", EDITOR_POST, kwargs=removed_item, method="POST"),
    Case(
        "plans:item_move", EDITOR_POST, kwargs=draft_item, method="POST", data={"direction": "down"}
    ),
    Case("plans:item_acknowledge", EDITOR_POST, kwargs=draft_item, method="POST"),
    Case("plans:occurrence_toggle", EDITOR_POST, kwargs=occurrence, method="POST"),
    Case("plans:evidence_file", VIEW, kwargs=evidence, method="HEAD", note="a file"),
    Case("plans:report_detail", VIEW, kwargs=report),
    Case("plans:report_download", VIEW, kwargs=report_xlsx, note="the report as XLSX"),
    Case(
        "plans:report_detail",
        EDITOR_POST,
        kwargs=report,
        method="POST",
        data=report_rows_data,
        note="save rows",
    ),
    Case("plans:report_submit", EDITOR_GET, kwargs=report),
    Case("plans:accept_report_bangla_date", EDITOR_POST, kwargs=report, method="POST"),
    Case(
        "plans:report_submit",
        EDITOR_POST,
        kwargs=report,
        method="POST",
        data=letter_data,
        note="send",
    ),
    Case("plans:report_review", REVIEWER_GET, kwargs=submitted_report),
    Case(
        "plans:report_review",
        REVIEWER_POST,
        kwargs=submitted_report,
        method="POST",
        data={"decision": "accept"},
        note="accept",
    ),
]
