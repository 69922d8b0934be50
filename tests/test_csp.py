"""The Content-Security-Policy: strict on every response, nothing in the pages that needs
more, and a route may carry its own. The browser side (no violation reported while
walking the journeys) is tests/e2e/test_e2e_csp.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.test import RequestFactory

from udbhabon.core.csp import CSP, own_policy

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(
    [*ROOT.glob("udbhabon/templates/**/*.html"), *ROOT.glob("udbhabon/*/templates/**/*.html")]
)
SCRIPTS = sorted(p for p in ROOT.glob("udbhabon/static/js/*.js"))

# What a strict policy refuses: inline handlers, style attributes and elements, inline
# scripts, and htmx attribute values evaluated as JavaScript.
INLINE = {
    "an inline handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "a style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "a style element": re.compile(r"<style\b", re.IGNORECASE),
    "an inline script": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "an htmx handler (hx-on)": re.compile(r"\shx-on\b|\shx-on[:-]", re.IGNORECASE),
    "a JavaScript value (js:/javascript:)": re.compile(r"""=\s*['"]\s*(js|javascript):"""),
}
EVAL = {
    "eval": re.compile(r"\beval\s*\("),
    "new Function": re.compile(r"\bnew\s+Function\b"),
    "an inline handler or style set by script": re.compile(
        r"""setAttribute\(\s*['"](on[a-z]+|style)['"]"""
    ),
    "a string timer": re.compile(r"""set(Timeout|Interval)\(\s*['"]"""),
}


def _strict(policy: str) -> dict[str, str]:
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    for name in ("script-src", "style-src", "default-src"):
        assert "unsafe" not in directives.get(name, ""), (name, policy)
    return directives


def test_it_finds_no_inline_script_style_or_handler_in_any_template():
    assert len(TEMPLATES) > 50
    found = [
        f"{path.relative_to(ROOT)}:{text[: m.start()].count(chr(10)) + 1}: {what}"
        for path in TEMPLATES
        for text in [path.read_text()]
        for what, pattern in INLINE.items()
        for m in pattern.finditer(text)
    ]
    assert found == []


def test_it_finds_no_eval_in_our_scripts():
    assert SCRIPTS
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in SCRIPTS
        for what, pattern in EVAL.items()
        if pattern.search(path.read_text())
    ]
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/login/", "/portal/", "/no-such-page/"])
def test_it_sends_a_strict_policy_on_every_page(client, url):
    response = client.get(url)
    directives = _strict(response.headers["Content-Security-Policy"])
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["form-action"] == "'self'"


@pytest.mark.django_db
def test_it_runs_htmx_without_eval_and_without_injected_styles(login):
    page = login("dhaka.io").get("/").content.decode()
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'', page)
    assert config, "no htmx-config meta"
    assert '"allowEval": false' in config.group(1)
    assert '"includeIndicatorStyles": false' in config.group(1)
    assert '"attributesToSettle": ["class", "width", "height"]' in config.group(1)  # no style
    css = (ROOT / "udbhabon/static/css/app.css").read_text()
    assert ".htmx-request .htmx-indicator" in css  # the styles htmx would have injected


def test_a_route_can_carry_its_own_policy():
    @own_policy(script_src=[CSP.SELF, CSP.NONCE], img_src=[CSP.SELF, "data:"])
    def api_docs(request):
        return HttpResponse(f'<script nonce="{get_nonce(request)}"></script>')

    def plain(request):
        return HttpResponse("plain")

    factory = RequestFactory()
    docs = ContentSecurityPolicyMiddleware(api_docs)(factory.get("/api/docs/"))
    other = ContentSecurityPolicyMiddleware(plain)(factory.get("/"))
    own = _strict(docs.headers["Content-Security-Policy"])
    site = _strict(other.headers["Content-Security-Policy"])
    assert re.fullmatch(r"'self' 'nonce-[\w-]+'", own["script-src"])
    assert own["img-src"] == "'self' data:"
    assert own["style-src"] == site["style-src"] == "'self'"  # the rest stays the site's
    assert site["script-src"] == "'self'" and site["img-src"] == "'self'"
