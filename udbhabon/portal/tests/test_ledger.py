"""The public impact ledger: only verified savings of running services, summed up the
office tree, the most-replicated lineages, the downloads, the public initiative pages."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from udbhabon.offices.models import Office
from udbhabon.portal import ledger, opendata
from udbhabon.portal.tests.ledger_data import made, saved

pytestmark = pytest.mark.django_db
H, T, V = saved()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def upazila_of(code: str) -> Office:
    return Office.objects.filter(parent__code=code, level="upazila").order_by("path").first()


def test_only_verified_figures_of_running_services_count():
    made("dc-jashore")
    made("dc-jashore", verification="unverified")
    made("dc-jashore", verification="returned")
    made("dc-jashore", stage="pilot")
    made("dc-jashore", stage="dropped")
    made("dc-jashore", recipients=None)
    made("dc-jashore", stage="scaled_up", recipients=10)
    total = ledger.ledger_of(ledger.national_office()).total
    assert total.initiatives == 2
    assert (total.hours, total.taka, total.visits) == (H + H // 100, T + T // 100, V + V // 100)


def test_a_verification_shows_on_the_next_page_whatever_was_cached():
    """The cache is exact (issue 24 item 3): a write through the model's save, as every
    service makes it, changes what the next request shows; a bulk update says so."""
    from udbhabon.initiatives.models import Initiative

    client = Client()
    one = made("dc-jashore", verification="unverified")
    url = reverse("portal:ledger")
    assert ledger.ledger_of(ledger.national_office()).total.initiatives == 0
    client.get(url)  # cached
    one.verification = "verified"
    one.save()
    assert ledger.ledger_of(ledger.national_office()).total.initiatives == 1
    Office.objects.filter(code="dc-jashore").update(name_bn="যশোর জেলা")  # no signal
    Initiative.objects.filter(pk=one.pk).update(verification="returned")
    assert ledger.ledger_of(ledger.national_office()).total.initiatives == 1  # cached
    ledger.bump()
    assert ledger.ledger_of(ledger.national_office()).total.initiatives == 0


def test_the_ledger_sums_up_the_office_tree():
    jashore = Office.objects.get(code="dc-jashore")
    below = upazila_of("dc-jashore")
    made(jashore)
    made(below, hours_after=10)  # saves 20 hours each, not 24
    made("dc-dhaka")
    national = ledger.ledger_of(ledger.national_office())
    assert national.total.initiatives == 3
    rows = {r.office.code: r.figures for r in national.children}
    assert rows["div-khulna"].initiatives == 2
    assert rows["div-khulna"].hours == H + 20 * 1000
    assert rows["div-dhaka"].hours == H
    district = ledger.ledger_of(jashore)
    assert district.own.hours == H
    assert district.total.hours == H + 20 * 1000
    assert {r.office.code: r.figures.hours for r in district.children}[below.code] == 20 * 1000
    # The busiest office below comes first.
    assert national.children[0].office.code == "div-khulna"


def _sums_sql(office: Office) -> list[str]:
    """The SQL of the sums run while the office's ledger is read."""
    with CaptureQueriesContext(connection) as ctx:
        ledger.ledger_of(office)
    return [q["sql"] for q in ctx.captured_queries if "SUBSTRING" in q["sql"]]


def test_a_write_in_one_division_sums_that_division_again_not_the_country():
    jashore = Office.objects.get(code="dc-jashore")
    made(jashore)
    made("dc-dhaka")
    national = ledger.national_office()
    khulna, dhaka = Office.objects.get(code="div-khulna"), Office.objects.get(code="div-dhaka")
    assert _sums_sql(national)  # summed once, every division kept
    assert not _sums_sql(national)  # then read from the cache
    made(upazila_of("dc-jashore"), hours_after=10)  # a write in Khulna
    sums = _sums_sql(national)
    assert any(khulna.path in sql for sql in sums)
    assert not any(dhaka.path in sql for sql in sums)
    fresh = ledger.ledger_of(national)
    rows = {r.office.code: r.figures for r in fresh.children}
    assert (rows["div-khulna"].initiatives, rows["div-dhaka"].initiatives) == (2, 1)
    assert rows["div-khulna"].hours == H + 20 * 1000
    assert fresh.total.initiatives == 3
    # The district's own figures stay its own when only an office below it was written.
    ledger.ledger_of(jashore)
    made(upazila_of("dc-jashore"))
    district = ledger.ledger_of(jashore)
    assert (district.own.initiatives, district.total.initiatives) == (1, 3)


def test_an_adoption_anywhere_changes_the_ledger_of_its_origins_office():
    jashore = Office.objects.get(code="dc-jashore")
    origin = made(jashore, "ই-নামজারি")
    assert ledger.ledger_of(jashore).replicated == []  # cached, no adoption yet
    adoption = made("dc-gazipur", source=origin)  # in Dhaka division: nothing of Jashore's
    top = ledger.ledger_of(jashore).replicated
    assert [(lin.origin.pk, lin.replications) for lin in top] == [(origin.pk, 1)]
    assert top[0].figures.initiatives == 2
    adoption.delete()
    assert ledger.ledger_of(jashore).replicated == []


def _counted_adoptions(office: Office) -> bool:
    """Whether reading the office's ledger counted the adoptions (no cached ranking)."""
    with CaptureQueriesContext(connection) as ctx:
        ledger.ledger_of(office)
    return any('AS "lineage_root"' in q["sql"] for q in ctx.captured_queries)


def test_the_ranking_is_counted_again_only_when_a_lineage_changes():
    national = ledger.national_office()
    origin = made("dc-jashore", "ই-নামজারি")
    made("dc-khulna", source=origin)
    made("dc-satkhira", source=origin)
    assert _counted_adoptions(national)
    assert [lin.replications for lin in ledger.ledger_of(national).replicated] == [2]
    made("dc-dhaka")  # in no lineage: the figures are summed again, the ranking kept
    assert not _counted_adoptions(national)
    assert ledger.ledger_of(national).total.initiatives == 4
    origin.stage, origin.drop_reason = "dropped", "সেবা বন্ধ"  # the origin written
    origin.save()
    assert _counted_adoptions(national)
    assert ledger.ledger_of(national).replicated == []


def test_an_office_renamed_changes_the_ledgers_above_it_and_a_moved_one_every_ledger():
    from udbhabon.offices import services as office_services

    made("dc-jashore")
    made("dc-dhaka")
    khulna, dhaka = Office.objects.get(code="div-khulna"), Office.objects.get(code="div-dhaka")
    for office in (khulna, dhaka):
        assert _sums_sql(office)  # computed and kept
    office_services.office_update(office=Office.objects.get(code="dc-jashore"), name_bn="যশোহর")
    rows = {r.office.code: r.office.name_bn for r in ledger.ledger_of(khulna).children}
    assert rows["dc-jashore"] == "যশোহর"  # Khulna's ledger made anew with the new name
    assert not _sums_sql(dhaka)  # Dhaka's kept
    # A move changes the paths of a whole subtree: every ledger is made anew, the old
    # place's too (Khulna lost the upazila).
    assert not _sums_sql(khulna)
    upazila = upazila_of("dc-jashore")
    upazila.parent = Office.objects.get(code="dc-dhaka")
    upazila.path = office_services.next_child_path(upazila.parent)
    upazila.save()
    assert _sums_sql(khulna)


DISTRICTS = ("dc-khulna", "dc-satkhira", "dc-narail", "dc-magura", "dc-bagerhat", "dc-gazipur")


@pytest.mark.parametrize("pilots", [1, ledger.CANDIDATES + 1])
def test_the_national_ranking_skips_origins_no_longer_running(pilots):
    """The nation counts adoptions without joining origins, then keeps the running ones:
    right when the first candidates hold enough of them, and when they do not (more
    origins back in a pilot lead the count than the candidates read)."""
    national = ledger.national_office()
    for i in range(pilots):  # adopted by three offices each, then back to a pilot
        origin = made("dc-dhaka", f"পাইলট {i}")
        for code in DISTRICTS[:3]:
            made(code, f"পাইলট {i}", source=origin)
        origin.stage = "pilot"
        origin.save()
    running = made("dc-jashore", "ই-নামজারি")
    for code in DISTRICTS[:2]:
        made(code, "ই-নামজারি", source=running)
    top = ledger.most_replicated(national, limit=1)
    assert [(lin.origin.pk, lin.replications) for lin in top] == [(running.pk, 2)]
    assert [lin.origin.pk for lin in ledger.most_replicated(national)] == [running.pk]


def test_a_crore_of_recipients_does_not_overflow():
    made("dc-jashore", hours_before=8760, hours_after=0, recipients=1_00_00_000)
    assert ledger.ledger_of(ledger.national_office()).total.hours == 8760 * 1_00_00_000


def test_the_most_replicated_lineages_and_what_they_save():
    big = made("dc-jashore", "ই-নামজারি")
    small = made("dc-dhaka", "অনলাইন শুনানি")
    for code in ("dc-khulna", "dc-satkhira", "dc-narail"):
        made(code, source=big)
    made("dc-magura", source=big, stage="dropped")  # a dropped adoption is no replication
    made("dc-bagerhat", source=big, verification="unverified")  # replicated, not counted
    made("dc-gazipur", source=small)
    top = ledger.ledger_of(ledger.national_office()).replicated
    assert [(lin.origin.pk, lin.replications) for lin in top] == [(big.pk, 4), (small.pk, 1)]
    assert top[0].figures.initiatives == 4  # the origin and its three verified adopters
    assert top[0].figures.hours == 4 * H
    # A division sees the origins of its own subtree.
    khulna = ledger.ledger_of(Office.objects.get(code="div-khulna")).replicated
    assert [lin.origin.pk for lin in khulna] == [big.pk]


def _pages(n: int) -> list[int]:
    for i in range(n):
        origin = made("dc-jashore", f"উদ্যোগ {i}")
        made(upazila_of("dc-jashore"), f"উদ্যোগ {i}", source=origin)
    counts = []
    for name, kwargs in (
        ("portal:ledger", {}),
        ("portal:ledger_office", {"code": "div-khulna"}),
        ("portal:ledger_office", {"code": "dc-jashore"}),
    ):
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(reverse(name, kwargs=kwargs)).status_code == 200
        counts.append(len(ctx.captured_queries))
    return counts


def test_the_ledger_pages_cost_the_same_queries_for_few_initiatives_and_many(
    django_assert_max_num_queries,
):
    few = _pages(2)
    many = _pages(20)
    assert few == many
    cache.clear()
    # Cold: the generations, the children's kept totals, the sums, the ranking of the
    # lineages (is the office the only root?) and their sums, and writing the three
    # cache entries back (the database cache: a few statements each).
    with django_assert_max_num_queries(30):
        Client().get(reverse("portal:ledger"))
    # Warm: the ledger comes from the cache (no sums computed).
    with django_assert_max_num_queries(6):
        Client().get(reverse("portal:ledger"))


def test_the_pages_show_bengali_digits_and_drill_down():
    made("dc-jashore", hours_before=1234 + 6)  # 1234 × 1000 hours
    page = Client().get(reverse("portal:ledger")).content.decode()
    assert "১২,৩৪,০০০" in page
    assert reverse("portal:ledger_office", args=["div-khulna"]) in page
    district = Client().get(reverse("portal:ledger_office", args=["dc-jashore"]))
    assert district.status_code == 200
    assert reverse("portal:ledger_office", args=["div-khulna"]) in district.content.decode()
    english = Client()
    english.cookies["udbhabon_language"] = "en"
    assert "12,34,000" in english.get(reverse("portal:ledger")).content.decode()


def test_an_unknown_office_or_format_is_not_found():
    assert Client().get(reverse("portal:ledger_office", args=["nowhere"])).status_code == 404
    url = reverse("portal:ledger_download", args=["dc-jashore", "xml"])
    assert Client().get(url).status_code == 404
    # The root's own page is the national ledger.
    root = reverse("portal:ledger_office", args=["cabinet"])
    assert Client().get(root)["Location"] == reverse("portal:ledger")


def test_the_csv_keeps_its_documented_columns():
    made("dc-jashore")
    response = Client().get(reverse("portal:ledger_download", args=["div-khulna", "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == opendata.COLUMNS
    total, own, *children = rows
    assert (total["row"], total["office_code"], total["parent_code"]) == (
        "total",
        "div-khulna",
        "cabinet",
    )
    assert total["schema_version"] == "1"
    assert int(total["hours_saved_per_year"]) == H
    assert int(own["verified_initiatives"]) == 0
    jashore = next(r for r in children if r["office_code"] == "dc-jashore")
    assert (jashore["row"], int(jashore["taka_saved_per_year"])) == ("child", T)
    # docs/OPEN-DATA.md names every column.
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "OPEN-DATA.md").read_text()
    assert all(f"`{c}`" in doc for c in opendata.COLUMNS)


def test_the_json_has_the_same_rows_and_the_lineages():
    origin = made("dc-jashore")
    made("dc-khulna", source=origin)
    body = Client().get(reverse("portal:ledger_download", args=["cabinet", "json"])).json()
    assert body["schema_version"] == "1"
    assert body["columns"] == list(opendata.COLUMNS)
    assert body["rows"][0]["hours_saved_per_year"] == 2 * H
    assert body["most_replicated"][0]["initiative_id"] == origin.pk
    assert body["most_replicated"][0]["replications"] == 1
    json.dumps(body)


def test_an_initiative_page_shows_verified_figures_and_no_citizen():
    from udbhabon.initiatives.tests.conftest import approved_idea, initiative_of, launched

    idea = approved_idea()
    item = launched(initiative_of(idea), on=idea.created_at.date())
    item.__class__.objects.filter(pk=item.pk).update(verification="verified", **_figs())
    page = Client().get(reverse("portal:initiative", args=[item.pk])).content.decode()
    assert item.title in page
    assert idea.submitter.name not in page and idea.submitter.phone not in page
    assert "২৪,০০০" in page  # (30 − 6) × 1000 hours a year
    item.__class__.objects.filter(pk=item.pk).update(verification="unverified")
    page = Client().get(reverse("portal:initiative", args=[item.pk])).content.decode()
    assert "২৪,০০০" not in page
    # The old showcase page of the idea is this page now.
    old = Client().get(reverse("portal:showcase_detail", args=[idea.pk]))
    assert (old.status_code, old["Location"]) == (301, reverse("portal:initiative", args=[item.pk]))


def _figs() -> dict[str, int]:
    from udbhabon.portal.tests.ledger_data import FIGURES

    return dict(FIGURES)


def test_a_pilot_has_no_public_page_and_the_old_showcase_redirects():
    pilot = made("dc-jashore", stage="pilot")
    assert Client().get(reverse("portal:initiative", args=[pilot.pk])).status_code == 404
    old = Client().get(reverse("portal:showcase"))
    assert (old.status_code, old["Location"]) == (301, reverse("portal:ledger"))
    gone = Client().get(reverse("portal:showcase_detail", args=[999999]))
    assert (gone.status_code, gone["Location"]) == (301, reverse("portal:ledger"))


def test_an_adoption_page_names_its_source_and_the_origin_lists_adopters():
    origin = made("dc-jashore", "ই-নামজারি")
    copy = made("dc-khulna", "ই-নামজারি", source=origin)
    page = Client().get(reverse("portal:initiative", args=[origin.pk])).content.decode()
    assert reverse("portal:initiative", args=[copy.pk]) in page
    page = Client().get(reverse("portal:initiative", args=[copy.pk])).content.decode()
    assert reverse("portal:initiative", args=[origin.pk]) in page


def _initiative_page_queries(adoptions: int, comments: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from udbhabon.portal.models import Feedback

    origin = made("dc-jashore", "ই-নামজারি")
    offices = Office.objects.filter(level="district").exclude(code="dc-jashore")
    for office in offices.order_by("path")[:adoptions]:
        made(office, "ই-নামজারি", source=origin)
    for i in range(comments):
        Feedback.objects.create(
            initiative=origin, office=origin.office, text=f"মন্তব্য {i}", status="approved"
        )
    with CaptureQueriesContext(connection) as ctx:
        page = Client().get(reverse("portal:initiative", args=[origin.pk]))
    assert page.status_code == 200 and f"মন্তব্য {comments - 1}" in page.content.decode()
    return len(ctx.captured_queries)


def test_an_initiative_page_costs_the_same_queries_for_few_adopters_and_many():
    # The adopters are counted apart only when there are more than the page lists.
    assert _initiative_page_queries(2, 1) == 3
    assert _initiative_page_queries(51, 1) == _initiative_page_queries(60, 12) == 4
