"""Bengali first: every catalogue complete, and pages show no untranslated English.

The page check visits every GET case of the permission matrix that a persona
may open (status 200) in Bengali and looks at the visible text: any word in
Latin letters that is not in ALLOWED (brand names, the language switch,
addresses) means a string was left untranslated.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.permission_matrix import OK
from tests.test_permission_matrix import CASES, World, _resolve
from udbhabon.offices.models import User

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {
    "English",
    "ICT",
    "PDF",
    "DOCX",
    "XLSX",
    "CSV",
    "JSON",
    "iCalendar",
    "ICS",
    "Facebook",
    "a2i",
    "SIF",
    "TCV",
    "Excel",
    "Word",
    "e",
    "Nothi",
    "UDC",
    "AM",
    "PM",
    # file extensions
    "pdf",
    "docx",
    "xlsx",
    "txt",
    "csv",
    "ics",
}


def _catalogues() -> list[Path]:
    return sorted(
        p for p in ROOT.glob("**/locale/bn/LC_MESSAGES/django.po") if ".venv" not in p.parts
    )


def _entries(po: Path) -> list[tuple[str, list[str], bool]]:
    text = po.read_text(encoding="utf-8")
    out = []
    for block in text.split("\n\n"):
        ids = re.findall(r'^msgid "(.*)"$((?:\n".*")*)', block, re.M)
        if not ids:
            continue
        head, rest = ids[0]
        msgid = head + "".join(re.findall(r'"(.*)"', rest))
        strs = []
        for m in re.finditer(r'^msgstr(?:\[\d\])? "(.*)"$((?:\n".*")*)', block, re.M):
            strs.append(m.group(1) + "".join(re.findall(r'"(.*)"', m.group(2))))
        out.append((msgid, strs, "#, fuzzy" in block))
    return out


def test_there_are_bengali_catalogues():
    assert len(_catalogues()) >= 2


@pytest.mark.parametrize("po", _catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bengali_msgid_is_translated(po: Path):
    untranslated = [
        msgid for msgid, strs, fuzzy in _entries(po) if msgid and (fuzzy or not all(strs))
    ]
    assert not untranslated, f"{len(untranslated)} untranslated in {po}: {untranslated[:10]}"


def _translations(po: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(msgctxt, msgid) -> msgstr(s) of one catalogue."""
    out = {}
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        ctx = re.search(r'^msgctxt "(.*)"$', block, re.M)
        ids = re.findall(r'^msgid "(.*)"$((?:\n".*")*)', block, re.M)
        if not ids:
            continue
        msgid = ids[0][0] + "".join(re.findall(r'"(.*)"', ids[0][1]))
        strs = tuple(
            m.group(1) + "".join(re.findall(r'"(.*)"', m.group(2)))
            for m in re.finditer(r'^msgstr(?:\[\d\])? "(.*)"$((?:\n".*")*)', block, re.M)
        )
        if msgid:
            out[(ctx.group(1) if ctx else "", msgid)] = strs
    return out


def test_a_msgid_means_one_thing_across_the_catalogues():
    """Django merges the apps' catalogues and the first app listed wins, so one
    msgid translated two ways shows the other app the first app's words. Give a
    different meaning its own msgctxt (pgettext / {% translate ... context %})."""
    seen: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    for po in _catalogues():
        for key, strs in _translations(po).items():
            seen.setdefault(key, {})[str(po.relative_to(ROOT))] = strs
    clashes = {key: by for key, by in seen.items() if len(set(by.values())) > 1}
    assert not clashes, "\n".join(f"{key}: {by}" for key, by in clashes.items())


class _Visible(HTMLParser):
    SKIP = {"script", "style", "noscript", "code", "pre", "option"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "hr", "col", "source"}:
            return
        # lang="en" marks English on purpose; translate="no" marks what people
        # wrote (document text, names, file names), which is not ours to translate.
        a = dict(attrs)
        english = a.get("lang") == "en" or a.get("translate") == "no"
        english = english or any(s[1] for s in self.stack[-1:])
        self.stack.append((tag, english or tag in self.SKIP))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1]:
            return
        text = re.sub(
            r"\S+@\S+|https?://\S+|www\.\S+|\S+\.gov\.bd\S*|\S+\.(?:txt|pdf|docx|xlsx|csv)\b",
            " ",
            data,
        )
        self.words += re.findall(r"[A-Za-z]{2,}", text)


def _get_cases():
    seen = set()
    for case in CASES:
        if case.method != "GET":
            continue
        for persona in ("dhaka.io", "cabinet.io", "admin", "anonymous"):
            if case.expected_for(persona) == OK and (case.id, persona) not in seen:
                seen.add((case.id, persona))
                yield pytest.param(case, persona, id=f"{case.id}-{persona}")
                break


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "persona"), list(_get_cases()))
def test_pages_in_bengali_show_no_untranslated_english(case, persona):
    if case.url.startswith("admin:"):
        pytest.skip("Django admin's own translations are Django's")
    client = Client()
    if persona != "anonymous":
        client.force_login(User.objects.get(username=persona))
    url = reverse(case.url, kwargs=_resolve(case.kwargs, World()))
    response = client.get(url, _resolve(case.data, World()), headers={"accept-language": "bn"})
    assert response.status_code == 200
    if not response.get("Content-Type", "").startswith("text/html"):
        return  # a download, not a page
    parser = _Visible()
    parser.feed(response.content.decode())
    stray = sorted({w for w in parser.words if w not in ALLOWED})
    assert not stray, f"{url}: English words on a Bengali page: {stray}"
