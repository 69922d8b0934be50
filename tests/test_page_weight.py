"""Light on slow links: a first visit stays well under 150 KB compressed.

Counts what a browser fetches for the sign-in page and the home page — the
HTML, every stylesheet, script and preloaded font it links, and every font a
stylesheet loads (a browser fetches a face as soon as text uses it: the bold
Bengali face once weighed 70 KB here uncounted) — compressed as the server
sends them (gzip for text; fonts are woff2, already compressed).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

LIMIT = 150 * 1024


def _assets(html: str) -> set[str]:
    refs = {r.split("?")[0] for r in re.findall(r'(?:href|src)="(/static/[^"]+)"', html)}
    for css in [r for r in refs if r.endswith(".css")]:
        refs |= _css_urls(css)
    return refs


def _css_urls(ref: str) -> set[str]:
    """Files a stylesheet loads (fonts, images), as /static/ paths."""
    path = finders.find(ref.removeprefix("/static/"))
    assert path, ref
    base = ref.rsplit("/", 1)[0]
    found = set()
    for url in re.findall(r"url\(\s*[\"']?([^\"')]+)", Path(path).read_text()):
        if url.startswith("data:"):
            continue
        parts = (base + "/" + url).split("/")
        out: list[str] = []
        for part in parts:
            if part == "..":
                out.pop()
            elif part not in ("", "."):
                out.append(part)
        found.add("/" + "/".join(out))
    return found


def _weight(client: Client, url: str) -> tuple[int, dict[str, int]]:
    html = client.get(url).content
    sizes = {url: len(gzip.compress(html))}
    for ref in _assets(html.decode()):
        path = finders.find(ref.removeprefix("/static/"))
        assert path, ref
        with Path(path).open("rb") as fh:
            data = fh.read()
        sizes[ref] = len(data) if ref.endswith(".woff2") else len(gzip.compress(data))
    return sum(sizes.values()), sizes


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/login/", "/"])
def test_a_first_visit_is_under_150_kb(url, login):
    client = login("dhaka.io") if url == "/" else Client()
    total, sizes = _weight(client, url)
    assert total < LIMIT, f"{url}: {total} bytes: {sizes}"


@pytest.mark.django_db
def test_a_later_page_costs_a_few_kb(login):
    """Static files are cached, so a later page costs only its own HTML."""
    html = login("dhaka.io").get("/offices/dc-dhaka/").content
    assert len(gzip.compress(html)) < 8 * 1024


def test_it_counts_the_fonts_a_stylesheet_loads():
    """A stylesheet's fonts are part of a first visit, preloaded or not."""
    fonts = _css_urls("/static/css/app.css")
    assert "/static/fonts/NotoSansBengali-Regular.woff2" in fonts
    # One Bengali face only: headings use synthetic bold (docs/PERFORMANCE.md).
    assert not any("Bold" in f for f in fonts), fonts


@pytest.mark.django_db
def test_it_links_a_favicon_that_exists():
    html = Client().get("/login/").content.decode()
    icons = re.findall(r'<link rel="icon" href="(/static/[^"]+)"', html)
    assert icons and finders.find(icons[0].removeprefix("/static/"))
