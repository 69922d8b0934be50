"""The citizen portal: no account, Bengali first, light, spam-resistant."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from udbhabon.ideas.models import Idea, Stage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.portal.forms import new_stamp

pytestmark = pytest.mark.django_db
S = Stage


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def stamp(seconds_ago: int) -> str:
    """The hidden field of a form shown `seconds_ago` seconds ago."""
    return new_stamp(shown_at=timezone.now().timestamp() - seconds_ago)


def form(**overrides) -> dict[str, str]:
    data = {
        "office": "dc-jashore",
        "kind": "idea",
        "title": "খতিয়ানের সার্টিফাইড কপি ডাকযোগে",
        "problem": "খতিয়ানের সার্টিফাইড কপি পেতে তিন মাস লাগে আর পাঁচবার অফিসে যেতে হয়।",
        "solution": "অনলাইনে আবেদন নিয়ে কপি ডাকযোগে বাড়িতে পাঠানো।",
        "name": "রহিমা খাতুন",
        "phone": "০১৭১২৩৪৫৬৭৮",
        "email": "",
        "website": "",
        "started": stamp(60),
        "send": "1",
    }
    data.update(overrides)
    return data


def test_a_citizen_sends_an_idea_without_an_account_and_gets_a_code():
    client = Client()
    page = client.get(reverse("portal:submit"), {"office": "dc-jashore"})
    assert page.status_code == 200
    assert "জেলা প্রশাসকের কার্যালয়, যশোর" in page.content.decode()
    response = client.post(reverse("portal:submit"), form())
    assert response.status_code == 302 and response["Location"] == reverse("portal:done")
    idea = Idea.objects.get()
    assert (idea.office.code, idea.channel, idea.submitter.phone) == (
        "dc-jashore",
        "citizen_online",
        "01712345678",
    )
    done = client.get(reverse("portal:done")).content.decode()
    assert idea.display_code in done
    # A refresh of the done page sends nothing again.
    client.get(reverse("portal:done"))
    assert Idea.objects.count() == 1


def test_the_form_says_what_is_missing_and_keeps_what_was_typed():
    response = Client().post(reverse("portal:submit"), form(phone="", email="", office=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "খতিয়ানের সার্টিফাইড কপি ডাকযোগে" in html and "রহিমা খাতুন" in html
    assert "দপ্তরটি বেছে নিন" in html  # choose the office
    assert "মোবাইল নম্বর বা ই-মেইল" in html
    assert not Idea.objects.exists()


def test_a_filled_honeypot_sends_nothing():
    response = Client().post(reverse("portal:submit"), form(website="http://spam.example"))
    assert response.status_code == 400 and not Idea.objects.exists()


def test_a_form_sent_too_fast_or_forged_sends_nothing_and_keeps_the_text():
    fast = Client().post(reverse("portal:submit"), form(started=stamp(1)))
    assert fast.status_code == 400 and "রহিমা খাতুন" in fast.content.decode()
    forged = Client().post(reverse("portal:submit"), form(started="123:abc"))
    assert forged.status_code == 400
    old = Client().post(reverse("portal:submit"), form(started=stamp(60 * 60 * 24)))
    assert old.status_code == 400
    assert not Idea.objects.exists()
    # The form shown again carries a fresh stamp: sent a little later, it goes through.
    fresh = re.search(r'name="started" value="([^"]+)"', fast.content.decode()).group(1)
    assert fresh != form()["started"]


def test_too_many_ideas_from_one_address_are_refused_in_bengali(settings):
    settings.UDBHABON_PORTAL_LIMITS = {"submit_ip": (2, 3600)}
    client = Client()
    for n in range(2):
        assert client.post(reverse("portal:submit"), form(title=f"আইডিয়া {n}")).status_code == 302
    third = client.post(reverse("portal:submit"), form(title="তৃতীয় আইডিয়া"))
    html = third.content.decode()
    assert third.status_code == 429
    assert "অল্প সময়ে এখান থেকে অনেক আইডিয়া" in html and "তৃতীয় আইডিয়া" in html
    assert Idea.objects.count() == 2
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(reverse("portal:submit"), form(title="অন্য ঠিকানা")).status_code == 302


def test_one_office_cannot_be_flooded_from_many_addresses(settings):
    settings.UDBHABON_PORTAL_LIMITS = {"submit_office": (3, 3600)}
    for n in range(3):
        client = Client(REMOTE_ADDR=f"10.0.1.{n}")
        assert client.post(reverse("portal:submit"), form(title=f"আইডিয়া {n}")).status_code == 302
    flood = Client(REMOTE_ADDR="10.0.1.99").post(reverse("portal:submit"), form())
    assert flood.status_code == 429
    elsewhere = Client(REMOTE_ADDR="10.0.1.98").post(
        reverse("portal:submit"), form(office="dc-khulna")
    )
    assert elsewhere.status_code == 302


def test_the_office_is_found_and_chosen_without_javascript():
    client = Client()
    typed = form(office="", office_q="Jessore", find_office="1")
    found = client.post(reverse("portal:submit"), typed)
    html = found.content.decode()
    assert found.status_code == 200 and 'value="dc-jashore"' in html and "রহিমা খাতুন" in html
    chosen = client.post(reverse("portal:submit"), form(office="", choose="dc-jashore"))
    html = chosen.content.decode()
    assert 'id="chosen-office"' in html and "যশোর" in html and "রহিমা খাতুন" in html
    assert not Idea.objects.exists()
    fragment = client.get(
        reverse("portal:offices"), {"office_q": "যশোর"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in fragment.content.decode() and "dc-jashore" in fragment.content.decode()
    assert client.get(reverse("portal:offices"), {"office_q": "যশোর"}).status_code == 200


def test_similar_ideas_are_suggested_without_codes_or_links():
    existing = citizen_idea(
        "dc-khulna", "খতিয়ানের সার্টিফাইড কপি অনলাইনে", "খতিয়ানের নকল পেতে তিন মাস লাগে"
    )
    # Citizens see approved ideas only (test_similar_privacy.py has the rest).
    Idea.objects.filter(pk=existing.pk).update(stage="approved")
    response = Client().post(
        reverse("portal:similar"),
        {"title": "খতিয়ান কপি", "problem": "খতিয়ানের নকল পেতে মাস লাগে", "office": "dc-jashore"},
    )
    html = response.content.decode()
    assert existing.title in html and existing.display_code not in html and "href" not in html
    # Without JavaScript the "check" button shows them on the form itself.
    checked = Client().post(reverse("portal:submit"), form(check="1", send=""))
    assert (
        existing.title in checked.content.decode()
        and not Idea.objects.filter(office__code="dc-jashore").exists()
    )


def test_the_status_page_shows_each_step_and_the_answers_but_not_internal_notes():
    idea = citizen_idea("dc-jashore", "খতিয়ান ডাকযোগে", "খতিয়ান পেতে দেরি")
    move(idea, S.AWAITING_VETTING, username="jashore.io")
    move(
        idea,
        S.SHORTLISTED,
        username="jashore.io",
        meeting_ref="অক্টোবর ২০১৭ মাসের সভা",
        meeting_date=timezone.localdate(),
        note="ভেতরের কথা: বাজেট কম",
    )
    move(idea, S.APPROVED, username="jashore.io", answer="রেকর্ড রুমে পাইলটিং হবে।")
    html = Client().get(reverse("portal:status", args=[idea.code])).content.decode()
    for label in ("জমা হয়েছে", "যাচাই-বাছাইয়ের অপেক্ষায়", "প্রাথমিকভাবে বাছাইকৃত", "অনুমোদিত"):
        assert label in html
    assert "অক্টোবর ২০১৭ মাসের সভা" in html and "রেকর্ড রুমে পাইলটিং হবে।" in html
    assert "ভেতরের কথা" not in html and "রহিমা" not in html


def test_the_code_is_found_however_it_is_typed():
    idea = citizen_idea("dc-jashore", "খতিয়ান ডাকযোগে", "খতিয়ান পেতে দেরি")
    client = Client()
    typed = idea.display_code.lower()
    response = client.get(reverse("portal:track"), {"code": typed})
    assert response["Location"] == reverse("portal:status", args=[idea.code])
    assert client.get(reverse("portal:status", args=[typed])).status_code == 302
    assert client.get(reverse("portal:track"), {"code": "0000-OOOO"}).status_code == 400
    assert client.get(reverse("portal:status", args=["ZZZZZZZZ"])).status_code == 404


def test_looking_up_many_codes_is_slowed_down(settings):
    settings.UDBHABON_PORTAL_LIMITS = {"track_ip": (3, 600)}
    client = Client()
    statuses = [
        client.get(reverse("portal:status", args=["ZZZZZZZZ"])).status_code for _ in range(4)
    ]
    assert statuses == [404, 404, 404, 429]


def test_the_citizen_answers_a_question_on_the_status_page(django_capture_on_commit_callbacks):
    idea = citizen_idea("dc-jashore", "খতিয়ান ডাকযোগে", "খতিয়ান পেতে দেরি")
    move(idea, S.AWAITING_VETTING, username="jashore.io")
    move(idea, S.CLARIFICATION, username="jashore.io", answer="কোন উপজেলার রেকর্ড রুম?")
    client = Client()
    page = client.get(reverse("portal:status", args=[idea.code])).content.decode()
    assert "কোন উপজেলার রেকর্ড রুম?" in page and 'name="text"' in page
    empty = client.post(reverse("portal:answer", args=[idea.code]), {"text": ""})
    assert empty.status_code == 400
    response = client.post(reverse("portal:answer", args=[idea.code]), {"text": "শার্শা উপজেলা"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.stage == S.AWAITING_VETTING
    assert idea.transitions.last().note == "শার্শা উপজেলা"
    # Nothing to answer any more.
    again = client.post(reverse("portal:answer", args=[idea.code]), {"text": "আবার"})
    assert again.status_code == 400
    idea.refresh_from_db()
    assert idea.stage == S.AWAITING_VETTING


def test_the_showcase_lists_implemented_and_scaled_up_ideas_only():
    shown = []
    for n, last in enumerate([S.IMPLEMENTED, S.SCALED_UP, S.PILOTING, S.REJECTED]):
        idea = citizen_idea("dc-jashore", f"ডিজিটাল হাজিরা {n}", "শিক্ষক অনুপস্থিত থাকেন")
        Idea.objects.filter(pk=idea.pk).update(days_before=30, days_after=1)
        path = [
            S.AWAITING_VETTING,
            S.SHORTLISTED,
            S.APPROVED,
            S.PILOTING,
            S.IMPLEMENTED,
            S.SCALED_UP,
        ]
        if last == S.REJECTED:
            path = [S.REJECTED]
        for stage in path[: path.index(last) + 1]:
            move(idea, stage, username="jashore.io", answer="কারণ" if stage == S.REJECTED else "")
        if last in (S.IMPLEMENTED, S.SCALED_UP):
            shown.append(idea)
    client = Client()
    page = client.get(reverse("portal:showcase"))
    assert {i.pk for i in page.context["page"].object_list} == {i.pk for i in shown}
    detail = client.get(reverse("portal:showcase_detail", args=[shown[0].pk]))
    assert detail.status_code == 200 and "৩০ → ১ দিন" in detail.content.decode()
    hidden = Idea.objects.exclude(pk__in=[i.pk for i in shown]).first()
    assert client.get(reverse("portal:showcase_detail", args=[hidden.pk])).status_code == 404


def _showcase_queries(n: int) -> int:
    for i in range(n):
        idea = citizen_idea("dc-jashore", f"সেবা {i}", "সমস্যা")
        for stage in (S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING, S.IMPLEMENTED):
            move(idea, stage, username="jashore.io")
    with CaptureQueriesContext(connection) as ctx:
        assert Client().get(reverse("portal:showcase")).status_code == 200
    return len(ctx.captured_queries)


def test_the_showcase_costs_the_same_queries_for_few_ideas_and_many():
    # count (1), the page with its offices (1) and the award winners (1); no session.
    assert _showcase_queries(2) == _showcase_queries(8) == 3


def test_an_anonymous_visitor_switches_to_english_and_back():
    client = Client()
    page = client.get(reverse("portal:submit"))
    assert '<html lang="bn" ' in page.content.decode()
    client.post(reverse("core:set_language"), {"language": "en", "next": reverse("portal:submit")})
    english = client.get(reverse("portal:submit")).content.decode()
    assert '<html lang="en" ' in english and "Send an idea" in english
    client.post(reverse("core:set_language"), {"language": "bn", "next": reverse("portal:submit")})
    assert '<html lang="bn" ' in client.get(reverse("portal:submit")).content.decode()


def test_the_first_visit_to_the_form_is_well_under_200_kb_compressed():
    """The page and everything it loads (CSS, JS, fonts), gzip-compressed as served."""
    response = Client().get(reverse("portal:submit"))
    html = response.content
    total = len(gzip.compress(html))
    static_root = Path(settings.BASE_DIR) / "udbhabon" / "static"
    assets = set(re.findall(r'(?:href|src)="/static/([^"]+)"', html.decode()))
    assert assets, "the page loads its CSS and scripts"
    for css in [a for a in assets if a.endswith(".css")]:
        # The Bengali faces the stylesheet names (regular and bold: headings use it).
        body = (static_root / css).read_text()
        assets |= {"fonts/" + f for f in re.findall(r'url\("\.\./fonts/([^"]+)"\)', body)}
    sizes = {}
    for asset in assets:
        body = (static_root / asset).read_bytes()
        # woff2 is compressed already; text files travel gzip'd (WhiteNoise, GZip).
        sizes[asset] = len(body) if asset.endswith(".woff2") else len(gzip.compress(body))
    total += sum(sizes.values())
    assert total < 200 * 1024, f"{total / 1024:.0f} KB: {sizes}"


def test_one_form_stamp_sends_one_idea():
    data = form()
    assert Client().post(reverse("portal:submit"), data).status_code == 302
    again = Client().post(reverse("portal:submit"), {**data, "title": "আরেকটি আইডিয়া"})
    assert again.status_code == 400
    assert "এই ফরমটি একবার পাঠানো হয়েছে" in again.content.decode()
    assert Idea.objects.count() == 1


def test_the_counters_live_in_the_database_cache_shared_by_all_server_processes():
    from udbhabon.portal import throttle

    assert settings.CACHES["default"]["BACKEND"].endswith("db.DatabaseCache")
    throttle.hit("track_ip", "203.0.113.9")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM udbhabon_cache")
        assert cursor.fetchone()[0] >= 1
