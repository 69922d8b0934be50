"""The supervision page: table, level filter, sort, drill-down, breadcrumb, summary,
league, charts, export — and a fixed number of queries whatever the size."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from udbhabon.monitoring import services
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db
D = dt.date
AS_OF = D(2018, 8, 15)


@pytest.fixture
def khulna(fake):
    """Jashore sent its plan on time and most minutes; Khulna district late; the rest nothing."""
    fake.FACTS["dc-jashore"] = {
        "plan_state": "accepted",
        "items_total": 20,
        "items_done": 15,
        "items_overdue": 2,
        "meetings_mask": 0b111111111111,
        "ideas_received": 12,
        "ideas_vetted": 8,
        "ideas_approved": 3,
        "received": {"plan:2017": D(2017, 7, 20)}
        | {f"minutes:{y}-{m:02d}": D(y, m, 28) for y, m in [(2017, 7), (2017, 8), (2017, 9)]},
    }
    fake.FACTS["dc-khulna"] = {
        "plan_state": "submitted",
        "items_total": 10,
        "items_overdue": 7,
        "received": {"plan:2017": D(2017, 9, 1)},
    }
    fake.FACTS["uno-jashore-sharsha"] = {
        "meetings_mask": 0b11,
        "received": {"minutes:2017-07": D(2017, 8, 5), "minutes:2017-08": D(2017, 9, 20)},
    }
    services.stats_refresh(year=2017, as_of=AS_OF)
    return fake


def _html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_division_sees_its_ten_districts_with_plans_and_minutes(khulna, login):
    html = _html(login("khulnadiv.io").get("/supervision/div-khulna/?year=2017"))
    assert "১০টি দপ্তর" in html or "১০ দপ্তর" in html
    assert "জেলা প্রশাসকের কার্যালয়, যশোর" in html
    assert "গৃহীত" in html  # Jashore's plan: accepted
    assert "সময়মতো" in html and "বিলম্বে" in html  # Jashore on time, Khulna late
    # Drill-down: every office name links to its own supervision page, same year.
    assert 'href="/supervision/dc-jashore/?year=2017"' in html
    # The summary line per level: of 10 districts, 2 sent the plan (1 on time).
    assert "১০টি দপ্তরের মধ্যে ২টি কর্মপরিকল্পনা পাঠিয়েছে (১টি সময়মতো" in html
    # Charts as server-rendered SVG.
    assert html.count("<svg") == 2


def test_it_drills_down_and_the_breadcrumb_leads_back_up(khulna, login):
    client = login("khulnadiv.io")
    html = _html(client.get("/supervision/dc-jashore/?year=2017"))
    assert "উপজেলা নির্বাহী অফিসারের কার্যালয়, শার্শা" in html
    crumbs = html.split('<nav class="crumbs"')[1].split("</nav>")[0]
    assert 'href="/supervision/div-khulna/?year=2017"' in crumbs
    assert "/supervision/cabinet/" not in crumbs  # only from the viewer's own office down
    # Sharsha's August minutes came late: a late cell in its strip.
    row = html.split("শার্শা</a>")[1].split("</tr>")[0]
    assert "strip__cell--ok" in row and "strip__cell--late" in row
    assert "strip__cell--missing" in row


def test_it_filters_by_level_and_sorts_by_any_column(khulna, login):
    client = login("khulnadiv.io")
    html = _html(client.get("/supervision/div-khulna/?year=2017&level=upazila"))
    assert "শার্শা" in html and 'title="জেলা প্রশাসকের কার্যালয়, যশোর"' not in html
    by_overdue = _html(
        client.get("/supervision/div-khulna/?year=2017&sort=overdue&dir=desc")
    ).split("<tbody>")[1]
    assert by_overdue.index("খুলনা") < by_overdue.index("যশোর")  # 7 overdue before 2
    by_name = _html(client.get("/supervision/div-khulna/?year=2017&sort=name")).split("<tbody>")[1]
    names = [Office.objects.get(code=c).name_bn for c in ("dc-jashore", "dc-khulna")]
    assert (by_name.index(names[0]) < by_name.index(names[1])) == (names[0] < names[1])
    # The htmx request gets just the table.
    part = client.get(
        "/supervision/div-khulna/?year=2017&sort=overdue", headers={"HX-Request": "true"}
    )
    assert part.content.decode().lstrip().startswith('<section id="supervision-table"')


def test_the_cabinet_sees_divisions_with_roll_ups_and_pages_deep_levels(khulna, login):
    client = login("cabinet.io")
    html = _html(client.get("/supervision/cabinet/?year=2017"))
    assert html.count("<tr>") == 8 + 1  # eight divisions and the header
    khulna_row = html.split("খুলনা</a>")[1].split("</tr>")[0]
    assert "কর্মপরিকল্পনা ২/" in khulna_row  # two plans sent below Khulna division
    page = _html(client.get("/supervision/cabinet/?year=2017&level=upazila&page=2"))
    assert "পৃষ্ঠা ২" in page  # 495 upazilas: ten pages of 50


def test_it_exports_the_table_as_xlsx_and_csv(khulna, login):
    client = login("khulnadiv.io")
    response = client.get("/supervision/div-khulna/export.xlsx?year=2017")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 11 and rows[0][0] == "দপ্তর"
    jashore = next(r for r in rows if r[0] == "জেলা প্রশাসকের কার্যালয়, যশোর")
    assert "গৃহীত" in jashore and "সময়মতো" in jashore
    text = b"".join(client.get("/supervision/div-khulna/export.csv?year=2017").streaming_content)
    lines = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert len(lines) == 11 and lines[0][:2] == ["দপ্তর", "স্তর"]
    assert client.get("/supervision/div-khulna/export.pdf?year=2017").status_code == 404


def _add_departments(parent_code: str, n: int) -> None:
    parent = Office.objects.get(code=parent_code)
    start = Office.objects.filter(parent=parent, level="department").count()
    for i in range(start, start + n):
        office_services.office_create(
            code=f"test-dept-{parent_code}-{i}",
            level="department",
            name_bn=f"পরীক্ষামূলক দপ্তর {i}",
            parent=parent,
        )


@pytest.mark.parametrize(
    ("persona", "url"),
    [
        ("cabinet.io", "/supervision/cabinet/?year=2017"),
        ("khulnadiv.io", "/supervision/div-khulna/?year=2017"),
        ("khulnadiv.io", "/supervision/dc-jashore/?year=2017&level=department&sort=overdue"),
        ("jashore.io", "/supervision/dc-jashore/?year=2017"),
    ],
)
def test_the_page_costs_the_same_number_of_queries_at_two_sizes(khulna, login, persona, url):
    """Session, user, posts; the table's count and rows; deadlines; the roll-ups
    below the rows; the office's own row and its deadlines (below the root);
    the summary; best and worst of the league; the years; the digest flag;
    the unread notifications — whatever the number of offices and rows."""
    client = login(persona)
    counts = []
    for extra in (3, 60):
        _add_departments("dc-jashore", extra)
        _add_departments("uno-jashore-sharsha", extra)
        services.stats_refresh(year=2017, as_of=AS_OF)
        client.get(url)  # warm caches that are not per request
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 17, [q["sql"][:80] for q in ctx.captured_queries]


def test_a_member_sees_supervision_but_has_no_remind_buttons(khulna, login):
    html = _html(login("dhaka.member").get("/supervision/dc-dhaka/?year=2017"))
    assert (
        'action="/supervision/'
        not in html.split('<section id="supervision-table"')[1].split("</section>")[0]
    )
    io = _html(login("dhaka.io").get("/supervision/dc-dhaka/?year=2017"))
    assert "/remind/" in io


def test_the_page_stays_light_even_at_a_deep_level(khulna, login):
    """A page of 50 departmental offices (the most rows a page shows) stays a
    few kB compressed, so it loads on a slow link, and under 100 KB of HTML before
    compression (issue 24 item 4: the phone still has to parse it)."""
    import gzip

    _add_departments("dc-jashore", 60)
    services.stats_refresh(year=2017, as_of=AS_OF)
    html = login("khulnadiv.io").get("/supervision/div-khulna/?year=2017&level=department")
    assert html.content.decode().count('<th scope="row">') == 50
    assert len(gzip.compress(html.content)) < 40 * 1024
    assert len(html.content) < 100 * 1024, len(html.content)


def test_the_home_page_shows_supervisors_this_year_below_them(login, fake):
    from django.utils import timezone

    today = timezone.localdate()
    year = today.year if today.month >= 7 else today.year - 1
    services.stats_refresh(year=year)
    html = _html(login("khulnadiv.io").get("/"))
    assert "আপনার অধঃস্তন দপ্তর" in html and f"/supervision/div-khulna/?year={year}" in html
    # A team member gets no supervision panel; nor does an office with nothing below.
    assert "আপনার অধঃস্তন দপ্তর" not in _html(login("dhaka.member").get("/"))


def test_the_league_never_names_an_office_both_best_and_needing_attention(khulna, login):
    """Issue 18: with few offices below (Jashore's 8 upazilas) both lists held them all."""
    from udbhabon.monitoring import queries

    jashore = Office.objects.get(code="dc-jashore")
    table = queries.supervision_table(jashore, 2017, level="upazila", as_of=AS_OF)
    best = [r.office.code for r in table.best]
    worst = [r.office.code for r in table.worst]
    assert best and worst and not set(best) & set(worst), (best, worst)
    upazilas = Office.objects.filter(parent=jashore, level="upazila", is_active=True).count()
    assert len(best) + len(worst) == min(upazilas, 2 * queries.LEAGUE_SIZE)
    html = _html(login("jashore.io").get("/supervision/dc-jashore/?year=2017"))
    best_html, worst_html = html.split('<ol class="league">')[1:3]
    assert not {c for c in best if c in best_html} & {
        c for c in worst if c in worst_html.split("</ol>")[0]
    }
