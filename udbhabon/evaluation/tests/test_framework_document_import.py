"""A framework imported from a DOCX or XLSX through the document reader (the import
contract's kind "evaluation_framework"): the project's own APA examples become a draft
edition with their objectives, indicators, weights and targets; a file whose rows are
wrong, a broken file and a paper that holds no framework are refused with clear
Bengali messages and nothing is created."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from udbhabon.evaluation.models import Framework, Indicator, Objective
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "documents/tests/reader_fixtures/framework"
IMPORT = "/evaluation/frameworks/import/"
HEADER = {
    "year": "২০১৮",
    "level": "district",
    "effective_from": "০১/০৭/২০১৮",
    "division_share": "০",
}
PLAN_ROW = ["পরিকল্পনা", "৭", "প্রণয়ন", "কর্মপরিকল্পনা প্রণীত", "তারিখ", "৭"]
FIRST_TARGETS = ["2018-07-31", "2018-08-07", "2018-08-14", "2018-08-21", "2018-08-31"]


@pytest.fixture
def cabinet_client(client):
    client.force_login(User.objects.get(username="cabinet.io"))
    return client


def _post(client, name: str, data: bytes, **header: str):
    return client.post(IMPORT, {**HEADER, **header, "sheet": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("name", ["district_2018_19.docx", "district_2018_19.xlsx"])
def test_the_apa_example_becomes_a_draft_edition_with_its_rows(cabinet_client, name):
    data = (SAMPLES / name).read_bytes()
    response = _post(cabinet_client, name, data)
    made = Framework.objects.get(year=2018, level="district")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (made.status, made.edition) == ("draft", 1)
    assert made.title == "জেলা প্রশাসকের কার্যালয়ের উদ্ভাবন কার্যক্রম মূল্যায়ন কাঠামো, ২০১৮-১৯"
    objectives = Objective.objects.filter(framework=made).order_by("position", "pk")
    assert [(o.title, int(o.weight)) for o in objectives] == [
        ("উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন", 7),
        ("উদ্ভাবন কার্যক্রম পরিবীক্ষণ", 18),
        ("সেবা সহজীকরণ ও উদ্ভাবনী উদ্যোগ বাস্তবায়ন", 45),
        ("উদ্ভাবন সক্ষমতা বৃদ্ধি", 30),
    ]
    indicators = list(Indicator.objects.filter(activity__objective__framework=made).order_by("pk"))
    assert len(indicators) == 11
    first = indicators[0]
    assert (first.title, first.unit, first.direction, int(first.weight)) == (
        "কর্মপরিকল্পনা প্রণীত",
        "date",
        "lower",
        4,
    )
    assert first.targets == FIRST_TARGETS
    assert first.activity.title == "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন ও মন্ত্রিপরিষদ বিভাগে প্রেরণ"
    meetings = indicators[2]
    assert (meetings.title, meetings.unit, meetings.direction) == ("সভা অনুষ্ঠিত", "number", "higher")
    assert [float(t) for t in meetings.targets] == [12, 11, 10, 9, 8]
    # The merged activity cell: two indicators of one activity.
    assert indicators[3].activity_id == meetings.activity_id
    assert indicators[3].unit == "percent"
    # A second import of the same year and level is the next edition, a draft too.
    again = _post(cabinet_client, name, data)
    assert again.status_code == 302
    editions = Framework.objects.filter(year=2018, level="district").values_list(
        "edition", flat=True
    )
    assert sorted(editions) == [1, 2]


def _framework_docx(rows: list[list[str]]) -> bytes:
    document = Document()
    document.add_paragraph("উপজেলা উদ্ভাবন মূল্যায়ন কাঠামো, ২০১৮-১৯")
    header = [
        "কৌশলগত উদ্দেশ্য",
        "কৌশলগত উদ্দেশ্যের মান",
        "কার্যক্রম",
        "কর্মসম্পাদন সূচক",
        "একক",
        "কর্মসম্পাদন সূচকের মান",
        "অসাধারণ",
        "অতি উত্তম",
        "উত্তম",
        "চলতি মান",
        "চলতি মানের নিম্নে",
    ]
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for n, row in enumerate([header, *rows]):
        for column, text in enumerate(row):
            table.cell(n, column).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_with_wrong_rows_is_refused_row_by_row_and_nothing_is_saved(cabinet_client):
    data = _framework_docx(
        [
            # dates out of order for an earlier-is-better date target
            [*PLAN_ROW, "৩১-৭-২০১৮", "৩১-৮-২০১৮", "১৪-৮-২০১৮", "২১-৮-২০১৮", "৩১-৮-২০১৮"],
            # a unit no framework has
            ["সভা", "৯০", "সভা আয়োজন", "সভা অনুষ্ঠিত", "ঘণ্টা", "৯০", "১২", "১১", "১০", "৯", "৮"],
        ]
    )
    response = _post(cabinet_client, "bad.docx", data)
    page = response.content.decode()
    assert response.status_code == 400 and Framework.objects.count() == 0
    assert "কিছুই সংরক্ষিত হয়নি" in page
    assert "সারি ১:" in page and "সারি ২:" in page
    totals = _framework_docx(
        [
            [*PLAN_ROW, "৩১-৭-২০১৮", "৭-৮-২০১৮", "১৪-৮-২০১৮", "২১-৮-২০১৮", "৩১-৮-২০১৮"],
            ["সভা", "৯০", "সভা আয়োজন", "সভা অনুষ্ঠিত", "সংখ্যা", "৮০", "১২", "১১", "১০", "৯", "৮"],
        ]
    )
    page = _post(cabinet_client, "totals.docx", totals).content.decode()
    assert "৯৭" in page and "৮০" in page and Framework.objects.count() == 0


def test_a_broken_file_and_a_paper_without_a_framework_are_refused_clearly(cabinet_client):
    whole = (SAMPLES / "district_2018_19.docx").read_bytes()
    broken = _post(cabinet_client, "framework.docx", whole[: len(whole) // 3])
    assert broken.status_code == 400 and "ফাইলটি খোলা গেল না" in broken.content.decode()
    plan = Document()
    plan.add_paragraph("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৮-১৯")
    table = plan.add_table(rows=2, cols=4)
    for column, text in enumerate(["ক্রমিক", "কার্যক্রম", "বাস্তবায়নকাল", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["১", "সভা", "জুলাই ২০১৮", "এডিসি"]):
        table.cell(1, column).text = text
    out = io.BytesIO()
    plan.save(out)
    none = _post(cabinet_client, "plan.docx", out.getvalue())
    assert none.status_code == 400
    assert "কোনো মূল্যায়ন কাঠামো পাওয়া যায়নি" in none.content.decode()
    picture = _post(cabinet_client, "framework.gif", b"GIF89a" + b"0" * 64)
    assert picture.status_code == 400 and "এই ধরনের ফাইল পড়া যায় না" in picture.content.decode()
    assert Framework.objects.count() == 0


def test_the_framework_pdf_this_app_prints_imports_back_through_the_reader(cabinet_client):
    from udbhabon.evaluation.tests.factories import issued_framework

    issued = issued_framework()
    pdf = cabinet_client.get(f"/evaluation/frameworks/{issued.pk}/apa.pdf").content
    response = _post(cabinet_client, "apa.pdf", pdf, year="২০১৯")
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Framework.objects.get(year=2019)

    def table(framework):
        return [
            (i.activity.objective.title, i.title, i.unit, i.weight, i.targets)
            for i in Indicator.objects.filter(activity__objective__framework=framework)
            .select_related("activity__objective")
            .order_by("activity__objective__position", "activity__position", "position", "pk")
        ]

    assert len(table(issued)) >= 2 and table(made) == table(issued)
