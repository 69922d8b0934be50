"""The office's Citizen Charter: its service catalogue in the usual table as PDF and
DOCX, and the entry an implemented initiative revises (with history and its date)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from django.utils import timezone

from udbhabon.initiatives import services
from udbhabon.initiatives.charter import write_charter
from udbhabon.initiatives.models import Service
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of, launched
from udbhabon.offices.models import FormSettings, Office

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text in reading order, white space folded (a cell's wrapped lines join)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return " ".join(text.split())


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.replace("\n", " / ") for cell in row.cells))
    return "\n".join(lines)


def mutation() -> Service:
    return Service.objects.get(office=None, code="mutation")


def simplified(idea):
    """Jashore's initiative for the mutation service, with its steps after, launched."""
    initiative = initiative_of(idea)
    initiative.service = mutation()
    initiative.save(update_fields=["service"])
    user, post = actor_of("jashore.io")
    services.initiative_set_tcv(
        initiative=initiative,
        actor=user,
        post=post,
        hours_before=28 * 24,
        taka_before=3000,
        visits_before=4,
        recipients=5000,
        steps_after=[
            services.StepInput("অনলাইনে আবেদন ও ফি পরিশোধ", hours=24, taka=1170, visits=0),
            services.StepInput("শুনানি", hours=5 * 24, taka=0, visits=1),
        ],
    )
    return launched(initiative, on=timezone.localdate() - dt.timedelta(days=10))


@needs_poppler
def test_the_charter_is_the_catalogue_in_the_usual_table_as_pdf(db):
    office = Office.objects.get(code="dc-jashore")
    text = pdf_text(write_charter(office, "pdf"))
    for words in (
        "সিটিজেন চার্টার",
        "ক্রমিক",
        "সেবার নাম",
        "প্রয়োজনীয় কাগজপত্র",
        "সেবামূল্য",
        "সময়সীমা",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "নামজারি ও জমাভাগ",
        "সহকারী কমিশনার (ভূমি)",
        "২৮ দিন",
        office.name_bn,
    ):
        assert words in text, words


def test_the_charter_as_docx_carries_the_office_letterhead(db):
    office = Office.objects.get(code="dc-jashore")
    FormSettings.objects.create(office=office, letterhead="জেলা প্রশাসকের কার্যালয়, যশোর\nফ্রন্ট ডেস্ক")
    text = docx_text(write_charter(office, "docx"))
    assert "ফ্রন্ট ডেস্ক" in text and "সিটিজেন চার্টার" in text
    row = next(line for line in text.splitlines() if "নামজারি ও জমাভাগ" in line)
    assert "১১৭০ টাকা" in row and "সহকারী কমিশনার (ভূমি)" in row
    # The common catalogue comes with its steps and documents (migration 0007).
    assert "৩. সহকারী কমিশনার (ভূমি)-এর শুনানি ও আদেশ" in row and "রেজিস্ট্রিকৃত দলিল" in row
    english = docx_text(write_charter(office, "docx", lang="en"))
    assert "Citizen Charter" in english and "Mutation (namjari) of land records" in english


def test_an_implemented_initiative_revises_the_offices_entry_with_history(idea):
    initiative = simplified(idea)
    own = Service.objects.get(office__code="dc-jashore", code="mutation")
    assert own.time_limit_days == 6 and own.visits == 1 and own.cost_taka == 1170
    assert "১. অনলাইনে আবেদন ও ফি পরিশোধ" in own.steps and "২. শুনানি" in own.steps
    assert own.revised_on == initiative.implemented_on and own.revised_by == initiative
    record = own.history.latest("history_date")
    assert record.history_change_reason == "Citizen Charter revised by an initiative"
    assert record.history_user == actor_of("jashore.io")[0]
    # The common catalogue is every office's: untouched, and another office's charter too.
    assert mutation().time_limit_days == 28 and mutation().revised_on is None
    text = docx_text(write_charter(Office.objects.get(code="dc-dhaka"), "docx"))
    assert "(হালনাগাদ" not in text and "সর্বশেষ হালনাগাদ" not in text


def test_the_charter_shows_the_revised_entry_once_and_its_date(idea):
    initiative = simplified(idea)
    office = Office.objects.get(code="dc-jashore")
    text = docx_text(write_charter(office, "docx"))
    rows = [line for line in text.splitlines() if "নামজারি ও জমাভাগ" in line]
    assert len(rows) == 1
    assert "৬ দিন" in rows[0] and "অফিসে আসতে হয়: ১" in rows[0] and "১,১৭০ টাকা" in rows[0]
    from bangla.calendar import format_date

    assert f"সর্বশেষ হালনাগাদ: {format_date(initiative.implemented_on, 'bn')}" in text


def test_a_second_revision_revises_the_same_entry(idea):
    initiative = simplified(idea)
    services.charter_revise(initiative=initiative, actor=None)
    assert Service.objects.filter(office__code="dc-jashore", code="mutation").count() == 1
    own = Service.objects.get(office__code="dc-jashore", code="mutation")
    assert own.history.count() == 2


def test_the_charter_page_downloads_pdf_and_docx(login):
    client = login("jashore.io")
    page = client.get("/initiatives/services/")
    assert "/initiatives/services/charter.pdf" in page.content.decode()
    answer = client.get("/initiatives/services/charter.docx")
    assert answer.status_code == 200
    assert "attachment" in answer["Content-Disposition"]
    assert "সিটিজেন চার্টার" in docx_text(answer.content)
    assert client.get("/initiatives/services/charter.pdf").content.startswith(b"%PDF")
    assert client.get("/initiatives/services/charter.xlsx").status_code == 404


def test_new_figures_of_a_running_initiative_revise_the_charter_again(idea):
    initiative = simplified(idea)
    user, post = actor_of("jashore.io")
    services.initiative_set_tcv(
        initiative=initiative,
        actor=user,
        post=post,
        hours_before=28 * 24,
        hours_after=3 * 24,
        taka_before=3000,
        taka_after=1170,
        visits_before=4,
        visits_after=0,
        recipients=5000,
    )
    own = Service.objects.get(office__code="dc-jashore", code="mutation")
    assert (own.time_limit_days, own.visits) == (3, 0)
