"""One cell's text, cleaned: HTML and Markdown inside cells, and nested tables.

Papers that passed through web editors carry markup inside cells. Inline tags
(``<b>``) and Markdown emphasis or links lose their markup and keep their text; a
nested ``<table>`` is taken out of the text and its rows kept (they become the
item's occurrences); a bulleted list becomes its lead-in and its bullets joined
by "; ". The result is normalised per the contract's Text rule.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from udbhabon.documents.reader import _bangla

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_TABLE = re.compile(r"<table\b[^<>]*>(.*?)(?:</table\s*>|$)", re.I | re.S)
_ROW = re.compile(r"<tr\b[^<>]*>(.*?)(?=<tr\b|</table|$)", re.I | re.S)
_CELL = re.compile(r"<t[dh]\b[^<>]*>(.*?)(?=<t[dh]\b|</tr|<tr\b|$)", re.I | re.S)
_LIST = re.compile(r"<(ul|ol)\b[^<>]*>(.*?)(?:</\1\s*>|$)", re.I | re.S)
_ITEM_SPLIT = re.compile(r"<li\b[^<>]*>|</li\s*>|[•●▪◦]", re.I)
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.I)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)\s]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|mailto:|www\.|/)[^)\s]*\)")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


@dataclass(slots=True)
class Cell:
    """A cleaned cell: ``text`` (normalised), ``nested`` rows of a nested table
    (each a list of cleaned cell texts) and the original ``raw`` text."""

    text: str
    raw: str
    nested: list[list[str]] = field(default_factory=list)
    column: int = -1  # where the cell was in its row (-1: a blank put in by a repair)

    @property
    def flat_nested(self) -> list[str]:
        return [cell for row in self.nested for cell in row]


def clean(raw: str) -> Cell:
    if not raw or not raw.strip():
        return Cell("", raw or "")
    text = raw
    nested: list[list[str]] = []
    if "<" in text and _TAG.search(text):
        text, nested = _take_tables(text)
        text = _lists_to_lines(text)
        text = _BREAK.sub("\n", text)
        text = _TAG.sub(" ", text)
        text = html.unescape(text)
    text = strip_markdown(text)
    return Cell(_bangla.normalize(text), raw, nested)


def strip_markdown(text: str) -> str:
    if "[" in text:
        text = _MD_IMAGE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _MD_BOLD.sub(r"\2", text)
        text = _MD_EM.sub(r"\1", text)
    return text


def _take_tables(text: str) -> tuple[str, list[list[str]]]:
    rows: list[list[str]] = []

    def collect(match: re.Match[str]) -> str:
        for row in _ROW.findall(match.group(1)):
            cells = [_plain(cell) for cell in _CELL.findall(row)]
            if any(cells):
                rows.append(cells)
        return " "

    return _TABLE.sub(collect, text), rows


def _lists_to_lines(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        bullets = [_plain(part) for part in _ITEM_SPLIT.split(match.group(2))]
        return "\x1f" + "\x1f".join(bullet for bullet in bullets if bullet) + "\x1f"

    text = _LIST.sub(join, text)
    if "\x1f" not in text:
        return text
    parts = [_bangla.normalize(_TAG.sub(" ", part)) for part in text.split("\x1f")]
    return "; ".join(part for part in parts if part)


def _plain(fragment: str) -> str:
    return _bangla.normalize(html.unescape(_TAG.sub(" ", fragment)))
