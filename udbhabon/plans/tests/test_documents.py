"""The importer's and the writers' edge: a contract section in, the same section out.

Each seed's expected JSON (data/seeds/expected/) is imported with plan_import /
report_import and written back with plan_as_document / report_as_document: the
items must come back exactly, in the contract's shape.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bangla.calendar import to_bangla
from udbhabon.documents.contract import ITEM_KEYS, SECTION_KEYS
from udbhabon.documents.writers import contract_document, progress_sheet, read_progress_sheet
from udbhabon.offices.models import User
from udbhabon.plans import queries, services
from udbhabon.plans.models import ActionPlan, ProgressReport
from udbhabon.plans.tests.factories import make_plan, office, submit

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"


def seed(name: str) -> dict:
    path = next(EXPECTED.glob(f"{name}_*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


PLANS = [
    ("000", "dc-dhaka"),
    ("001", "dc-thakurgaon"),
    ("002", "dc-jashore"),
    ("004", "div-khulna"),
]


@pytest.mark.parametrize(("name", "code"), PLANS)
def test_an_imported_plan_writes_back_as_it_was_read(name, code):
    doc = seed(name)
    section = doc["sections"][0]
    plan = services.plan_import(
        office=office(code), section=section, actor=None, source=f"{name}.txt"
    )
    assert plan.status == "draft" and plan.source == f"{name}.txt"
    out = queries.plan_as_document(plan)
    # Exactly the contract's keys, plus the letterhead extra the writers print.
    assert tuple(out) == ("sections", "warnings")
    assert tuple(out["sections"][0]) == (*SECTION_KEYS, "header")
    assert all(tuple(i) == ITEM_KEYS["action_plan"] for i in out["sections"][0]["items"])
    written = contract_document(out)["sections"][0]
    assert written["items"] == section["items"]
    assert written["period"] == section["period"]
    # the paper's own forwarding letter and signatories, as read (issue 16, item 1); the
    # Bangla date computed where the paper wrote none (both calendars always)
    letter = dict(section["letter"]) if section["letter"] else None
    if letter and letter["date"] and not letter["bangla_date"]:
        letter["bangla_date"] = to_bangla(dt.date.fromisoformat(letter["date"])).as_dict()
    assert written["kind"] == "action_plan" and written["letter"] == letter
    assert written["signatories"] == section["signatories"]
    expected_warnings = [
        (w["item"], w["code"])
        for w in doc["warnings"]
        if w["section"] == 0 and w["code"] in ("end_before_start", "outside_period")
    ]
    assert [(w["item"], w["code"]) for w in out["warnings"]] == expected_warnings
    assert plan.source_meta["letter"] == section["letter"]


def _imported_with_letter(bangla_day: int) -> ActionPlan:
    section = seed("001")["sections"][0]
    letter = dict(section["letter"])  # 23 August 2017 is ০৮ ভাদ্র ১৪২৪
    letter["bangla_date"] = {"day": bangla_day, "month": "ভাদ্র", "year": 1424}
    letter["body"] = "উপর্যুক্ত বিষয়ে এ কার্যালয়ের নিজস্ব ভাষায় লেখা পত্রের মূল অংশ।"
    letter["attachments"] = "০৬ (ছয়) পাতা"
    section = {**section, "letter": letter}
    return services.plan_import(office=office("dc-thakurgaon"), section=section, actor=None)


def _printed(plan: ActionPlan) -> str:
    """The plan's DOCX as text, paragraph by paragraph (tabs as spaces)."""
    import io

    import docx

    from udbhabon.documents.writers import write_document

    data = write_document(queries.plan_as_document(plan), "docx")
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    return "\n".join(p.text.replace("\t", " ") for p in paragraphs)


def test_an_imported_plan_prints_its_own_letter_body_and_attachment_line():
    text = _printed(_imported_with_letter(8))
    assert "উপর্যুক্ত বিষয়ে এ কার্যালয়ের নিজস্ব ভাষায় লেখা পত্রের মূল অংশ।" in text
    assert "সংযুক্তি: ০৬ (ছয়) পাতা" in text
    assert "তারিখ: ০৮ ভাদ্র ১৪২৪ বঙ্গাব্দ" in text


def test_a_wrong_bangla_date_is_flagged_and_printed_corrected_only_once_accepted():
    plan = _imported_with_letter(9)  # the paper wrote ০৯ ভাদ্র for 23 August 2017
    written, computed, _day = queries.source_letter_bangla_disagreement(plan)
    assert (written["day"], computed["day"]) == (9, 8)
    assert "তারিখ: ০৯ ভাদ্র ১৪২৪ বঙ্গাব্দ" in _printed(plan)

    editor = User.objects.get(username="thakurgaon.io")
    with pytest.raises(PermissionDenied):
        services.paper_accept_letter_bangla_date(
            paper=plan, actor=User.objects.get(username="khulna.io")
        )
    plan = services.paper_accept_letter_bangla_date(paper=plan, actor=editor)
    assert queries.source_letter_bangla_disagreement(plan) is None
    assert "তারিখ: ০৮ ভাদ্র ১৪২৪ বঙ্গাব্দ" in _printed(plan)
    assert plan.history.first().history_change_reason == "computed Bangla date accepted"


def test_imported_categories_map_to_the_standard_list_and_keep_their_spelling():
    plan = services.plan_import(
        office=office("dc-jashore"), section=seed("002")["sections"][0], actor=None
    )
    item = plan.items.get(serial=7)
    assert (item.category.code, item.category_text, item.label) == ("training", "ট্রেনিং", "ক")
    assert plan.items.filter(category__isnull=True).count() == 0


def test_a_calendar_year_plan_imports_as_one():
    plan = services.plan_import(
        office=office("div-khulna"), section=seed("004")["sections"][0], actor=None
    )
    assert (plan.year, plan.year_kind, plan.period_label) == (2016, "calendar", "বিবেচ্য সাল-২০১৬")


@pytest.mark.parametrize(("name", "code"), [("000", "dc-dhaka"), ("002", "dc-jashore")])
def test_an_imported_report_writes_back_as_it_was_read(name, code):
    doc = seed(name)
    plan = services.plan_import(office=office(code), section=doc["sections"][0], actor=None)
    section = doc["sections"][1]
    report = services.report_import(office=office(code), section=section, actor=None)
    written = contract_document(queries.report_as_document(report))["sections"][0]
    assert written["items"] == section["items"]
    assert written["period"] == section["period"]
    assert report.plan is None and plan.reports.count() == 0


def test_report_rows_link_to_the_plan_items_they_report_on():
    plan = make_plan(state="accepted")
    section = {
        "kind": "progress_report",
        "office": "জেলা প্রশাসকের কার্যালয়, ঢাকা",
        "period": {"label": "জুলাই-ডিসেম্বর ২০১৭", "start": "2017-07-01", "end": "2017-12-31"},
        "items": [
            {
                "serial": 1,
                "label": None,
                "category": "প্রশিক্ষণ",
                "activity": "ইনোভেশন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ ১",
                "schedule": None,
                "progress": "সম্পন্ন",
                "remarks": None,
            },
            {
                "serial": 9,
                "label": None,
                "category": "x",
                "activity": "অজানা",
                "schedule": None,
                "progress": "",
                "remarks": "নেই",
            },
        ],
    }
    report = services.report_import(office=plan.office, section=section, plan=plan, actor=None)
    first, second = report.items.order_by("position")
    assert first.plan_item == plan.items.get(position=1)
    assert second.plan_item is None and second.remarks == "নেই"


def test_an_import_saves_all_or_nothing_and_checks_the_rules():
    section = seed("001")["sections"][0]
    broken = {**section, "items": [*section["items"][:3], {**section["items"][3], "serial": "x"}]}
    with pytest.raises(ValueError):
        services.plan_import(office=office("dc-thakurgaon"), section=broken, actor=None)
    assert not ActionPlan.objects.filter(office__code="dc-thakurgaon").exists()
    with pytest.raises(PermissionDenied):
        services.plan_import(
            office=office("dc-thakurgaon"),
            section=section,
            actor=User.objects.get(username="khulna.io"),
        )
    services.plan_import(
        office=office("dc-thakurgaon"),
        section=section,
        actor=User.objects.get(username="thakurgaon.io"),
    )
    with pytest.raises(ValidationError) as info:
        services.plan_import(office=office("dc-thakurgaon"), section=section, actor=None)
    assert info.value.code == "plan_exists"
    with pytest.raises(ValidationError):
        services.report_import(office=office("dc-thakurgaon"), section=section, actor=None)
    assert ProgressReport.objects.count() == 0


def test_a_submitted_plan_carries_its_letter_both_calendars_and_signatory():
    plan = make_plan()
    submit(plan)
    section = queries.plan_as_document(plan)["sections"][0]
    letter = section["letter"]
    assert letter["date"] == "2017-08-23"
    assert letter["bangla_date"] == {"day": 8, "month": "ভাদ্র", "year": 1424}
    assert letter["memo_number"].endswith(".১৭.১")
    assert section["header"]["office"] == "জেলা প্রশাসকের কার্যালয়, ঢাকা"


def test_the_writers_take_the_plan_and_the_progress_sheet_round_trips():
    from udbhabon.documents.writers import write_document

    plan = make_plan(state="accepted")
    doc = queries.plan_as_document(plan, with_progress=True)
    assert write_document(doc, "docx")[:2] == b"PK"
    sheet = progress_sheet(doc)
    rows = read_progress_sheet(sheet)
    assert sorted(r.item_id for r in rows) == sorted(str(i.pk) for i in plan.items.all())


def test_a_sent_plan_is_signed_at_the_end_of_its_table():
    import datetime as dt

    from conftest import post_of
    from udbhabon.documents.writers import layout

    plan = make_plan()
    head = post_of("dhaka.io")
    services.plan_submit(
        plan=plan,
        actor=None,
        subject="বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        date=dt.date(2017, 8, 23),
        signatory_post=head,
        acknowledge_warnings=True,
    )
    doc = queries.plan_as_document(plan)
    section = doc["sections"][0]
    assert section["sign_table"] and section["signatories"]
    parts = layout.document_parts(doc, "bn")
    table_part = next(p for p in parts if p.name == "plan")
    assert isinstance(table_part.blocks[-1], layout.Signature)
    assert isinstance(table_part.blocks[-2], layout.Table)
    name = section["signatories"][0]["name"]
    assert f"({name})" in table_part.blocks[-1].lines


def test_a_reports_wrong_bangla_date_is_flagged_on_its_page_and_corrected_on_request(client):
    """Issue 16, item 3: the notice was on the plan's page only; a report's own letter
    was reprinted with its wrong Bangla date and nothing said so."""
    section = dict(seed("000")["sections"][1])
    letter = dict(section.get("letter") or {})
    letter.update(date="2017-08-23", bangla_date={"day": 9, "month": "ভাদ্র", "year": 1424})
    section["letter"] = letter
    report = services.report_import(office=office("dc-dhaka"), section=section, actor=None)
    client.force_login(User.objects.get(username="dhaka.io"))
    page = client.get(f"/plans/reports/{report.pk}/", headers={"accept-language": "bn"})
    html = page.content.decode()
    assert "০৮ ভাদ্র ১৪২৪" in html and f"/plans/reports/{report.pk}/bangla-date/" in html
    outsider = User.objects.get(username="khulna.io")
    client.force_login(outsider)
    assert client.post(f"/plans/reports/{report.pk}/bangla-date/").status_code in (403, 404)
    client.force_login(User.objects.get(username="dhaka.io"))
    done = client.post(f"/plans/reports/{report.pk}/bangla-date/")
    assert done.status_code == 302
    report.refresh_from_db()
    assert queries.source_letter_bangla_disagreement(report) is None
    after = client.get(f"/plans/reports/{report.pk}/").content.decode()
    assert f"/plans/reports/{report.pk}/bangla-date/" not in after
