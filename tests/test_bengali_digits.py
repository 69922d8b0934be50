"""One date and digit rule: a Bengali page shows Bengali digits and dates in words.

Every page of the permission matrix that a persona may open (status 200) is
visited in Bengali as that persona; its visible text must hold no Latin digit
and no ISO date. Left out, as they are not ours to localise: code and
preformatted text, anything marked lang="en" (tracking codes, English names)
or translate="no", addresses (URLs, e-mail), file names, tracking codes, and text a person
typed (every text field of the records that holds a digit, typed_text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import Client
from django.urls import reverse

from tests.permission_matrix import OK, PERSONAS
from tests.test_permission_matrix import CASES, World, _resolve, persona_user
from udbhabon.offices.models import User

LATIN = re.compile(r"[0-9]")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
TRACKING_CODE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")
ADDRESSES = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\S+\.gov\.bd\S*|/\S*"
    r"|\S+\.(?:txt|pdf|docx|xlsx|xls|csv|ics|json|png|jpe?g)\b"
)


class Visible(HTMLParser):
    """The text a person reads, without what is not ours to localise."""

    SKIP = {"script", "style", "code", "pre", "kbd", "samp", "textarea"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "col", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = dict(attrs)
        skip = a.get("lang") == "en" or a.get("translate") == "no" or tag in self.SKIP
        skip = skip or any(s[1] for s in self.stack[-1:])
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1]:
            return
        text = TRACKING_CODE.sub(" ", ADDRESSES.sub(" ", data))
        if LATIN.search(text) or ISO_DATE.search(text):
            self.found.append(" ".join(text.split()))


def latin_on(html: str, typed: Iterable[str] = ()) -> list[str]:
    parser = Visible()
    parser.feed(html)
    found = parser.found
    for text in sorted(typed, key=len, reverse=True):
        found = [f.replace(text, " ") for f in found]
    return [f for f in found if LATIN.search(f) or ISO_DATE.search(f)]


def typed_text() -> set[str]:
    """What people typed that holds a digit: the text fields of the project's records
    (titles, names, notes, cells of imported papers), stripped before checking."""
    found: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("udbhabon.") or "Historical" in model.__name__:
            continue
        for f in model._meta.concrete_fields:
            if isinstance(f, models.CharField | models.TextField) and not f.choices:
                rows = model.objects.filter(**{f"{f.name}__regex": "[0-9]"})
                for value in rows.values_list(f.name, flat=True)[:200]:
                    found |= {" ".join(line.split()) for line in value.splitlines()} - {""}
    return found


def _pages_for(persona: str) -> list:
    seen: set[str] = set()
    out = []
    for case in CASES:
        if case.method != "GET" or case.url.startswith("admin:") or case.id in seen:
            continue
        if case.expected_for(persona) == OK:
            seen.add(case.id)
            out.append(case)
    return out


def test_it_finds_latin_digits_and_iso_dates_but_not_in_code_or_typed_text():
    html = (
        '<p>সংস্করণ 1</p><p>২০২৬-12-06</p><p lang="en">K7Q4-M9TZ</p><p translate="no">'
        'রুম 204</p><code>2026</code><a href="/plans/12/">file_2026.pdf</a>'
        "<p>যেমন K7Q4-M9T2</p><p>(২০১৭-০৭-০১ – ২০১৮-০৬-৩০)</p><p>সারি ১: প্রশিক্ষণ 1</p>"
    )
    found = latin_on(html, typed={"প্রশিক্ষণ 1"})
    assert found == ["সংস্করণ 1", "২০২৬-12-06", "(২০১৭-০৭-০১ – ২০১৮-০৬-৩০)"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_in_bengali_show_bengali_digits_only(persona: str):
    world = World()
    client = Client()
    if persona != "anonymous":
        client.force_login(persona_user(persona))  # "citizen" is made by the matrix
    problems = []
    for case in _pages_for(persona):
        # Each case makes its own records (an upload, an idea): undone after its page.
        with transaction.atomic():
            url = reverse(case.url, kwargs=_resolve(case.kwargs, world))
            data = _resolve(case.data, world)
            response = client.get(url, data, headers={"accept-language": "bn"})
            typed = typed_text()
            transaction.set_rollback(True)
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        found = latin_on(response.content.decode(), typed)
        if found:
            problems.append(f"{case.id} {url}: {[f[:120] for f in found[:5]]}")
    assert not problems, "Latin digits on Bengali pages:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_the_demos_main_pages_in_bengali_show_bengali_digits_only():
    """The demo `make run` starts (the five seed papers, ideas, supervision): its
    plans, reports, meetings, ideas and supervision pages, as the offices' officers."""
    from udbhabon.ideas.models import Idea
    from udbhabon.meetings.models import Meeting
    from udbhabon.offices.demo import create_personas
    from udbhabon.plans.models import ActionPlan, ProgressReport
    from udbhabon.shell.demo import SEED_OFFICES, load_demo_content

    create_personas()
    list(load_demo_content())
    users = dict(SEED_OFFICES.values())
    pages: list[tuple[str, str]] = []
    for model, name in (
        (ActionPlan, "plans:detail"),
        (ProgressReport, "plans:report_detail"),
        (Meeting, "meetings:detail"),
        (Idea, "ideas:detail"),
    ):
        for obj in model.objects.select_related("office").order_by("id")[:8]:
            # The office's own officer, else the Cabinet Division, which sees every office.
            username = users.get(obj.office.code, "cabinet.io")
            pages.append((username, reverse(name, args=[obj.pk])))
    pages += [
        ("khulnadiv.io", reverse("monitoring:office", args=["div-khulna"])),
        ("dhaka.io", reverse("monitoring:office", args=["dc-dhaka"])),
    ]
    typed = typed_text()
    problems = []
    for username, url in pages:
        client = Client()
        client.force_login(User.objects.get(username=username))
        response = client.get(url, headers={"accept-language": "bn"})
        assert response.status_code == 200, (username, url)
        found = latin_on(response.content.decode(), typed)
        if found:
            problems.append(f"{username} {url}: {[f[:120] for f in found[:5]]}")
    assert len(pages) >= 6
    assert not problems, "Latin digits on Bengali pages:\n" + "\n".join(problems)
