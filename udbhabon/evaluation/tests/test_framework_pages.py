"""The framework's pages: typed as rows and edited as a draft (a stale save refused),
bad rows named one by one in Bengali with nothing saved, imported from the XLSX the
app writes (a bad sheet refused whole), the framework, a scorecard and a league as
PDF and DOCX in Bengali, an office's plan rows linked to indicators; each page's
queries the same at two sizes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from udbhabon.evaluation.models import Framework, Indicator, IndicatorLink
from udbhabon.evaluation.tests.factories import issued_framework
from udbhabon.offices.models import User
from udbhabon.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db

ROWS = [
    {
        "objective": "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
        "objective_weight": "৭",
        "activity": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
        "indicator": "কর্মপরিকল্পনা প্রণীত",
        "unit": "date",
        "weight": "৪",
        "t100": "৩১-০৭-২০১৭",
        "t90": "১৪-০৮-২০১৭",
        "t80": "২৮-০৮-২০১৭",
        "t70": "১১-০৯-২০১৭",
        "t60": "২৫-০৯-২০১৭",
        "metric": "plans.plan_accepted_on",
        "mandatory": "on",
    },
    {
        "indicator": "কর্মপরিকল্পনার কাজ সম্পন্ন",
        "unit": "percent",
        "weight": "৩",
        "t100": "১০০",
        "t90": "৯০",
        "t80": "৮০",
        "t70": "৭০",
        "t60": "৬০",
    },
    {
        "objective": "উদ্ভাবনী উদ্যোগ বাস্তবায়ন",
        "objective_weight": "৯৩",
        "activity": "সেবা সহজীকরণ",
        "indicator": "সহজীকৃত সেবা",
        "unit": "number",
        "weight": "৯৩",
        "t100": "৫",
        "t90": "৪",
        "t80": "৩",
        "t70": "২",
        "t60": "১",
    },
]


def form_data(rows, **header) -> dict:
    data = {
        "year": "২০১৮",
        "level": "district",
        "effective_from": "০১/০৭/২০১৮",
        "title": "",
        "division_share": "০",
        "r-TOTAL_FORMS": str(len(rows)),
        "r-INITIAL_FORMS": "0",
        "r-MIN_NUM_FORMS": "0",
        "r-MAX_NUM_FORMS": "300",
        **header,
    }
    for n, row in enumerate(rows):
        data.update({f"r-{n}-{k}": v for k, v in row.items()})
    return data


@pytest.fixture
def cabinet_client(client):
    client.force_login(User.objects.get(username="cabinet.io"))
    return client


def test_the_cabinet_types_a_framework_as_rows_and_a_stale_edit_is_refused(cabinet_client):
    response = cabinet_client.post("/evaluation/frameworks/new/", form_data(ROWS))
    framework = Framework.objects.get(year=2018)
    assert response.status_code == 302 and framework.status == "draft"
    assert Indicator.objects.filter(activity__objective__framework=framework).count() == 3
    edit = f"/evaluation/frameworks/{framework.pk}/edit/"
    page = cabinet_client.get(edit).content.decode()
    assert 'value="কর্মপরিকল্পনা প্রণীত"' in page and 'name="version"' in page
    drawn = framework.version
    renamed = [dict(ROWS[0], indicator="কর্মপরিকল্পনা অনুমোদিত"), *ROWS[1:]]
    data = form_data(renamed, version=str(drawn))
    data.pop("year"), data.pop("level")
    assert cabinet_client.post(edit, data).status_code == 302
    stale = form_data([dict(ROWS[0], indicator="পুরোনো পাতার নাম"), *ROWS[1:]], version=str(drawn))
    refused = cabinet_client.post(edit, stale)
    assert refused.status_code == 400
    assert "আপনি পাতাটি খোলার পর অন্য কেউ" in refused.content.decode()
    titles = set(
        Indicator.objects.filter(activity__objective__framework=framework).values_list(
            "title", flat=True
        )
    )
    assert "কর্মপরিকল্পনা অনুমোদিত" in titles and "পুরোনো পাতার নাম" not in titles


def test_bad_rows_are_named_one_by_one_in_bengali_and_nothing_is_saved(cabinet_client):
    bad = [
        dict(ROWS[0], t90="২৫-০৯-২০১৭", t60="১৪-০৮-২০১৭"),  # dates out of order
        dict(ROWS[1], unit="date"),  # percent metric... and "১০০" is not a date
        dict(ROWS[2], objective_weight="৯০", weight="৯০"),  # the objectives total 97
    ]
    response = cabinet_client.post("/evaluation/frameworks/new/", form_data(bad))
    page = response.content.decode()
    assert response.status_code == 400 and Framework.objects.count() == 0
    assert "কিছুই সংরক্ষিত হয়নি" in page
    assert "সারি ১:" in page and "সারি ২:" in page
    mismatched = [dict(ROWS[0]), dict(ROWS[1], metric="plans.plan_accepted_on"), ROWS[2]]
    page = cabinet_client.post(
        "/evaluation/frameworks/new/", form_data(mismatched)
    ).content.decode()
    assert "সারি ২:" in page and "একক" in page and Framework.objects.count() == 0
    sums = [ROWS[0], ROWS[1], dict(ROWS[2], objective_weight="৯০", weight="৯০")]
    page = cabinet_client.post("/evaluation/frameworks/new/", form_data(sums)).content.decode()
    assert "৯৭" in page and Framework.objects.count() == 0


def test_it_imports_the_sheet_it_writes_and_refuses_a_bad_sheet_whole(cabinet_client):
    issued = issued_framework()
    sheet = cabinet_client.get(f"/evaluation/frameworks/{issued.pk}/apa.xlsx").content
    header = {
        "year": "২০১৮",
        "level": "district",
        "effective_from": "০১/০৭/২০১৮",
        "division_share": "০",
    }
    ok = cabinet_client.post(
        "/evaluation/frameworks/import/",
        {**header, "sheet": SimpleUploadedFile("apa.xlsx", sheet)},
    )
    made = Framework.objects.get(year=2018)
    assert ok.status_code == 302 and made.status == "draft"
    copied = Indicator.objects.filter(activity__objective__framework=made).order_by("pk")
    assert [(i.title, i.unit, i.metric_key, i.targets, i.mandatory) for i in copied] == [
        (i.title, i.unit, i.metric_key, i.targets, i.mandatory)
        for i in Indicator.objects.filter(activity__objective__framework=issued).order_by("pk")
    ]
    book = load_workbook(io.BytesIO(sheet))
    ws = book.active
    ws.cell(row=3, column=5, value="ঘণ্টা")  # row 3: an unknown unit
    ws.cell(row=4, column=6, value="নব্বই")  # row 4: a weight that is no number
    out = io.BytesIO()
    book.save(out)
    bad = cabinet_client.post(
        "/evaluation/frameworks/import/",
        {**header, "year": "২০১৯", "sheet": SimpleUploadedFile("apa.xlsx", out.getvalue())},
    )
    page = bad.content.decode()
    assert bad.status_code == 400 and not Framework.objects.filter(year=2019).exists()
    assert "সারি ৩:" in page and "সারি ৪:" in page and "নব্বই" in page
    junk = cabinet_client.post(
        "/evaluation/frameworks/import/",
        {**header, "year": "২০১৯", "sheet": SimpleUploadedFile("apa.xlsx", b"not a workbook")},
    )
    assert junk.status_code == 400 and "XLSX" in junk.content.decode()


def test_the_framework_scorecard_and_league_download_as_pdf_and_docx_in_bengali(client):
    from docx import Document

    from udbhabon.documents.writers.extraction import extract_pdftotext

    framework = issued_framework()
    client.force_login(User.objects.get(username="khulnadiv.io"))
    pdf = client.get(f"/evaluation/frameworks/{framework.pk}/apa.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = " ".join(extract_pdftotext(pdf.content).split())  # a cell's lines joined
    assert "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন" in text and "৩১ জুলাই ২০১৭" in text
    docx = client.get(f"/evaluation/frameworks/{framework.pk}/apa.docx")
    table = Document(io.BytesIO(docx.content)).tables[0]
    assert table.rows[0].cells[7].text == "অসাধারণ (১০০%)"
    assert table.rows[1].cells[1].text == "৭" and table.rows[1].cells[7].text == "৩১ জুলাই ২০১৭"
    card = client.get("/evaluation/dc-jashore/2017/scorecard.docx")
    rows = Document(io.BytesIO(card.content)).tables[0].rows
    assert rows[-1].cells[0].text == "মোট" and rows[1].cells[0].text == "কর্মপরিকল্পনা প্রণীত"
    league = client.get("/evaluation/div-khulna/2017/league.pdf")
    assert "যশোর" in extract_pdftotext(league.content)
    assert client.get(f"/evaluation/frameworks/{framework.pk}/apa.odt").status_code == 404


def test_the_office_links_its_plan_rows_to_indicators(client):
    issued_framework()
    plan = make_plan("dc-dhaka", rows=3)
    item = plan.items.order_by("position").first()
    mandatory = Indicator.objects.get(mandatory=True)
    client.force_login(User.objects.get(username="dhaka.io"))
    url = "/evaluation/dc-dhaka/2017/links/"
    assert f'name="row-{item.pk}"' in client.get(url).content.decode()
    assert client.post(url, {f"row-{item.pk}": [str(mandatory.pk)]}).status_code == 302
    assert IndicatorLink.objects.filter(item=item, indicator=mandatory).exists()
    client.post(url, {f"row-{item.pk}": ["999999"]})  # not of this framework: nothing changes
    assert IndicatorLink.objects.filter(item=item, indicator=mandatory).exists()
    client.post(url, {})  # everything unticked
    assert not IndicatorLink.objects.exists()
    client.force_login(User.objects.get(username="dhakadiv.io"))  # the superior sees, no more
    assert client.get(url).status_code == 200
    assert client.post(url, {f"row-{item.pk}": [str(mandatory.pk)]}).status_code == 403


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_new_pages_read_the_same_number_of_queries_at_two_sizes(client):
    from udbhabon.plans import services as plan_services
    from udbhabon.plans.tests.factories import ROWS as PLAN_ROWS

    framework = issued_framework()
    plan = make_plan("dc-dhaka", rows=2)
    client.force_login(User.objects.get(username="dhaka.io"))
    pages = [
        "/evaluation/dc-dhaka/2017/links/",
        f"/evaluation/frameworks/{framework.pk}/",
        "/evaluation/dc-dhaka/2017/",
    ]
    for url in pages:  # the first view of the day stores the league's totals
        client.get(url)
    small = [_count(client, url) for url in pages]
    for n in range(20):
        plan_services.item_add(plan=plan, actor=None, **dict(PLAN_ROWS[n % len(PLAN_ROWS)]))
    activity = Indicator.objects.filter(activity__objective__framework=framework).first().activity
    for n in range(12):
        Indicator.objects.create(
            activity=activity,
            title=f"নির্দেশক {n}",
            unit="number",
            weight=0,
            targets=["5", "4", "3", "2", "1"],
        )
    assert [_count(client, url) for url in pages] == small


def test_the_league_and_the_draft_form_read_the_same_number_of_queries_at_two_sizes(client):
    from udbhabon.evaluation import services
    from udbhabon.evaluation.tests.factories import YEAR, cabinet, spec

    issued_framework()
    client.force_login(User.objects.get(username="cabinet.io"))
    client.get("/evaluation/cabinet/2017/league/")  # the day's totals stored
    ten = _count(client, "/evaluation/div-khulna/2017/league/")  # Khulna's 10 districts
    assert _count(client, "/evaluation/cabinet/2017/league/") == ten  # the country's 64
    import datetime as dt

    small = services.framework_create(
        issued_by=cabinet(),
        year=YEAR + 1,
        level="district",
        effective_from=dt.date(2018, 7, 1),
        spec=spec(),
        actor=None,
    )
    big_spec = spec()
    indicators = big_spec["objectives"][1]["activities"][0]["indicators"]
    indicators[0]["weight"] = "63"
    indicators += [dict(indicators[0], title=f"সেবা {n}", weight="3") for n in range(10)]
    big = services.framework_create(
        issued_by=cabinet(),
        year=YEAR + 2,
        level="district",
        effective_from=dt.date(2019, 7, 1),
        spec=big_spec,
        actor=None,
    )
    assert _count(client, f"/evaluation/frameworks/{small.pk}/edit/") == _count(
        client, f"/evaluation/frameworks/{big.pk}/edit/"
    )


def test_a_revision_starts_from_the_cabinets_rows_without_a_divisions_own(cabinet_client):
    from udbhabon.evaluation import services
    from udbhabon.evaluation.tests.test_frameworks import division_objective
    from udbhabon.offices.models import Office

    issued = issued_framework(share=10)
    services.framework_add_division_objective(
        framework=issued,
        division=Office.objects.get(code="div-khulna"),
        objective=division_objective("১০"),
        actor=None,
    )
    own = issued.objectives.get(added_by__isnull=False).activities.first().indicators.first()
    page = cabinet_client.get(f"/evaluation/frameworks/new/?from={issued.pk}").content.decode()
    assert 'value="কর্মপরিকল্পনা প্রণীত"' in page and f'value="{own.title}"' not in page


def test_a_division_adds_its_own_objective_as_rows_inside_its_share(client):
    framework = issued_framework(share=10)
    client.force_login(User.objects.get(username="khulnadiv.io"))
    url = f"/evaluation/frameworks/{framework.pk}/division/"
    assert client.get(f"/evaluation/frameworks/{framework.pk}/").content.decode().count(url) == 1
    row = {
        "objective": "বিভাগীয় উদ্ভাবন মেলা",
        "objective_weight": "১২",
        "activity": "মেলা আয়োজন",
        "indicator": "মেলায় প্রদর্শিত উদ্যোগ",
        "unit": "number",
        "weight": "১২",
        **dict(zip(("t100", "t90", "t80", "t70", "t60"), "৫৪৩২১", strict=True)),
    }
    too_much = client.post(url, form_data([row]))
    assert too_much.status_code == 400 and "১০" in too_much.content.decode()
    assert not framework.objectives.filter(added_by__isnull=False).exists()
    ok = client.post(url, form_data([dict(row, objective_weight="১০", weight="১০")]))
    assert ok.status_code == 302
    own = framework.objectives.get(added_by__code="div-khulna")
    assert own.weight == 10 and "মেলায় প্রদর্শিত উদ্যোগ" in client.get(url).content.decode()
