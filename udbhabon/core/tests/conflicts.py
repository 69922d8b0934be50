"""Shared steps of the concurrent-edit tests (core/concurrency.py): the values a
form was drawn with (as a browser would send them), and the parts of a refusal."""

from __future__ import annotations

import re
from html.parser import HTMLParser

STALE_BN = "অন্য কেউ এই রেকর্ডটি সংরক্ষণ করেছেন"


class _Forms(HTMLParser):
    """Every form's fields by form id (inputs tied with the form attribute included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, dict[str, list[str]]] = {}
        self.current: str | None = None
        self.open: tuple[str, str, str] | None = None  # (form, name, tag) of a textarea/select
        self.text = ""
        self.count = 0

    def _target(self, attrs: dict) -> str | None:
        return attrs.get("form") or self.current

    def _add(self, form: str | None, name: str | None, value: str) -> None:
        if form is not None and name:
            self.forms.setdefault(form, {}).setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs_list: list) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        if tag == "form":
            self.count += 1
            self.current = attrs.get("id") or f"form{self.count}"
            self.forms.setdefault(self.current, {})
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._add(self._target(attrs), attrs.get("name"), attrs.get("value", default))
        elif tag in ("textarea", "select"):
            self.open = (self._target(attrs), attrs.get("name", ""), tag)
            self.text = ""
        elif tag == "option" and self.open and "selected" in attrs:
            self._add(self.open[0], self.open[1], attrs.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self.open and self.open[2] == "textarea":
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag in ("textarea", "select") and self.open:
            if tag == "textarea":
                self._add(self.open[0], self.open[1], self.text.removeprefix("\n"))
            self.open = None


def form_data(html: str, *, field: str = "version") -> dict[str, list[str] | str]:
    """What the browser would send from the form holding `field` (first one found)."""
    parser = _Forms()
    parser.feed(html)
    for values in parser.forms.values():
        if any(name == field or name.endswith(f"-{field}") for name in values):
            return {k: v if len(v) > 1 else v[0] for k, v in values.items()}
    raise AssertionError(f"no form with a {field} field")


def drawn_version(html: str, prefix: str = "") -> int:
    name = f"{prefix}-version" if prefix else "version"
    found = re.search(rf'name="{re.escape(name)}" value="(\d+)"', html)
    assert found, f"no {name} field in the form"
    return int(found.group(1))


def conflict_fields(html: str) -> list[str]:
    """The fields the conflict table shows, in order."""
    return re.findall(r'<tr data-field="([^"]+)">', html)
