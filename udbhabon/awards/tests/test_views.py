"""The awards pages: an award run end to end through the pages (its list read back
from the PDF and DOCX, its winners on the public showcase), bad input answered in
Bengali with nothing saved, and list pages at a bounded number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from udbhabon.awards.models import Award, Nomination, Scheme, Score
from udbhabon.awards.tests.helpers import decided, nominate, post_of, scheme, scoring
from udbhabon.initiatives.tests.test_charter import docx_text, needs_poppler, pdf_text

pytestmark = pytest.mark.django_db


def _sheet(item: Scheme, values: list[int]) -> dict[str, str]:
    """Every nomination × criterion box, filled in order from `values` (cycled)."""
    cells = [
        f"s_{n.pk}_{c.pk}" for n in item.nominations.order_by("id") for c in item.criteria.all()
    ]
    return {name: str(values[i % len(values)]) for i, name in enumerate(cells)}


@needs_poppler
def test_an_award_is_run_through_the_pages_and_its_winners_are_public(login):
    io, head = login("dhaka.io"), login("dhaka.dc")
    made = io.post(
        reverse("awards:new", args=["dc-dhaka"]),
        {
            "title": "শ্রেষ্ঠ ইনোভেশন টিম",
            "year": "২০২৬",
            "category": "team",
            "nominee_kind": "team",
            "places": "১",
            "crest": "on",
            "criteria": "নাগরিকের সময় সাশ্রয়, ৫০\nটেকসই, ৩০",
            "jurors": [post_of("dhaka.io").pk, post_of("dhaka.dc").pk],
            "chair": post_of("dhaka.dc").pk,
        },
    )
    assert made.status_code == 302, made.content.decode()[:2000]
    item = Scheme.objects.get()
    for code, name in (("dc-dhaka", "ই-নামজারি দল"), ("uno-dhaka-savar", "সাভার ডিজিটাল দল")):
        answer = io.post(reverse("awards:nominate", args=[item.pk]), {"office": code, "name": name})
        assert answer.status_code == 302
    assert io.post(reverse("awards:close", args=[item.pk])).status_code == 302
    for client in (io, head):
        sheet = client.get(reverse("awards:scores", args=[item.pk]))
        assert sheet.status_code == 200 and "সাভার ডিজিটাল দল" in sheet.content.decode()
        saved = client.post(
            reverse("awards:scores", args=[item.pk]), _sheet(item, [10, 20, 45, 28])
        )
        assert saved.status_code == 302
    decided_ = head.post(reverse("awards:decide", args=[item.pk]), {"decided_on": "১০/০৩/২০২৬"})
    assert decided_.status_code == 302
    item.refresh_from_db()
    winner = Award.objects.get(scheme=item)
    assert winner.recipient == "সাভার ডিজিটাল দল" and item.status == Scheme.Status.DECIDED
    page = io.get(reverse("awards:scheme", args=[item.pk])).content.decode()
    assert item.order_letter.memo_number in page and "ধন্যবাদপত্র" in page
    text = pdf_text(io.get(reverse("awards:list", args=[item.pk, "pdf"])).content)
    assert "শ্রেষ্ঠ ইনোভেশন টিম" in text and "সাভার ডিজিটাল দল" in text
    assert item.order_letter.memo_number in text and "১৪৬" in text
    words = docx_text(io.get(reverse("awards:list", args=[item.pk, "docx"])).content)
    assert "সাভার ডিজিটাল দল" in words and "ই-নামজারি দল" not in words
    public = Client().get(reverse("portal:ledger")).content.decode()
    assert "সাভার ডিজিটাল দল" not in public  # decided, not yet published
    assert io.post(reverse("awards:publish", args=[item.pk])).status_code == 302
    public = Client().get(reverse("portal:ledger")).content.decode()
    assert "পুরস্কারপ্রাপ্তরা" in public and "সাভার ডিজিটাল দল" in public


def test_nominating_twice_through_the_page_is_refused_in_bengali(login):
    item = scheme()
    nominate(item, "ই-নামজারি দল")
    answer = login("dhaka.io").post(
        reverse("awards:nominate", args=[item.pk]), {"office": "dc-dhaka", "name": "ই-নামজারি দল"}
    )
    assert answer.status_code == 400
    assert "এটি এই পুরস্কারের জন্য আগেই মনোনীত হয়েছে।" in answer.content.decode()
    assert Nomination.objects.count() == 1


def test_a_score_out_of_range_is_refused_in_bengali_and_nothing_saved(login):
    item, _rows = scoring()
    answer = login("dhaka.io").post(reverse("awards:scores", args=[item.pk]), _sheet(item, [51]))
    assert answer.status_code == 400
    assert "০ থেকে ৫০-এর মধ্যে নম্বর দিন" in answer.content.decode()
    assert not Score.objects.exists()


def test_deciding_before_the_jury_scored_is_refused_in_bengali(login):
    item, _rows = scoring()
    answer = login("dhaka.dc").post(
        reverse("awards:decide", args=[item.pk]), {"decided_on": "10/03/2026"}
    )
    assert answer.status_code == 400
    assert "সব জুরি সদস্য এখনো নম্বর দেননি" in answer.content.decode()
    item.refresh_from_db()
    assert item.status == Scheme.Status.SCORING and not Award.objects.exists()


def test_an_award_recorded_for_an_innovator_shows_on_the_profile(login):
    from udbhabon.ideas.models import Innovator

    decided()  # a scheme's award is not the innovator's
    innovator = Innovator.objects.create(
        name="রোকেয়া খাতুন", phone="01711000009", office=post_of("dhaka.io").office
    )
    io = login("dhaka.io")
    answer = io.post(
        reverse("awards:give", args=[innovator.pk]),
        {"title": "শ্রেষ্ঠ আইডিয়া প্রদানকারী", "given_on": "15/01/2018", "crest": "on"},
    )
    assert answer.status_code == 302
    profile = io.get(reverse("ideas:innovator", args=[innovator.pk])).content.decode()
    assert "শ্রেষ্ঠ আইডিয়া প্রদানকারী" in profile and "ক্রেস্ট" in profile
    refused = io.post(reverse("awards:give", args=[innovator.pk]), {"title": " ", "given_on": ""})
    assert refused.status_code == 400 and innovator.awards.count() == 1


def _count(client: Client, url: str) -> int:
    client.get(url)  # warm: the session's acting post is cached after one request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_office_list_and_a_scheme_page_cost_the_same_at_two_sizes(login):
    client = login("dhakadiv.io")
    office_url = reverse("awards:office", args=["div-dhaka"])
    first = scheme(title="প্রথম")
    for n in range(2):
        nominate(first, f"দল {n}")
    small = (_count(client, office_url), _count(client, first.get_absolute_url()))
    for n in range(6):
        item = scheme(title=f"পুরস্কার {n}")
        nominate(item, f"দল {n}")
    for n in range(2, 9):
        nominate(first, f"দল {n}", "uno-dhaka-savar")
    large = (_count(client, office_url), _count(client, first.get_absolute_url()))
    assert small == large
    assert large[0] <= 12 and large[1] <= 20


@needs_poppler
def test_the_office_order_and_the_letter_of_thanks_are_papers_with_memo_numbers(login):
    item = decided()
    winner = item.awards.get()
    client = login("dhaka.io")
    order = pdf_text(client.get(f"/documents/letters/{item.order_letter.pk}/pdf/").content)
    assert winner.recipient == "ই-নামজারি দল"  # 120 against Savar's 110
    assert "অফিস আদেশ" in order and order.count("ই-নামজারি দল") == 2, order  # body, copy
    thanks = docx_text(client.get(f"/documents/letters/{winner.thanks_letter.pk}/docx/").content)
    assert winner.thanks_letter.memo_number in thanks and "ধন্যবাদপত্র" in thanks
    assert item.order_letter.memo_number != winner.thanks_letter.memo_number
    assert (
        login("khulna.io").get(f"/documents/letters/{winner.thanks_letter.pk}/pdf/").status_code
        == 403
    )


def test_a_decision_on_totals_a_juror_changed_since_is_refused_and_nothing_decided(login):
    """The chair decides on the totals on the page: a juror's later save makes the
    page stale (409, in Bengali), nothing is ranked or given; decided again from the
    page as it is now, it goes through."""
    item, (_first, second) = scoring()
    io, head = login("dhaka.io"), login("dhaka.dc")
    for client in (io, head):
        assert (
            client.post(
                reverse("awards:scores", args=[item.pk]), _sheet(item, [40, 20, 30, 25])
            ).status_code
            == 302
        )
    page = head.get(reverse("awards:scheme", args=[item.pk])).content.decode()
    item.refresh_from_db()
    drawn = item.version
    assert f'name="version" value="{drawn}"' in page
    # The innovation officer changes his mind: the second team now leads.
    assert (
        io.post(reverse("awards:scores", args=[item.pk]), _sheet(item, [10, 5, 50, 30])).status_code
        == 302
    )
    url = reverse("awards:decide", args=[item.pk])
    refused = head.post(url, {"decided_on": "১০/০৩/২০২৬", "version": str(drawn)})
    assert refused.status_code == 409
    assert "নম্বর" in refused.content.decode() and "কিছুই সিদ্ধান্ত" in refused.content.decode()
    item.refresh_from_db()
    assert item.status == Scheme.Status.SCORING and not Award.objects.exists()
    assert not Nomination.objects.filter(rank__isnull=False).exists()
    assert f'name="version" value="{item.version}"' in refused.content.decode()
    again = head.post(url, {"decided_on": "১০/০৩/২০২৬", "version": str(item.version)})
    assert again.status_code == 302
    assert Award.objects.get(scheme=item).recipient == second.name
