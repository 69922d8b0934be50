"""Light on slow links: a first visit stays well under 150 KB compressed.

Counts what a browser fetches for the sign-in page and the home page — the
HTML, every stylesheet, script and preloaded font it links — compressed as the
server sends them (gzip for text; fonts are woff2, already compressed).
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
    refs = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    return {r.split("?")[0] for r in refs}


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
