"""A PDF page's words as lines and text blocks: the shapes the PDF reader and its
table recovery (`pdf_tables`) share, and the line-level steps both take (grouping
words into lines, joining a line's words, wrapped paragraphs, bullets in a cell)."""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Block:
    """A page element in reading order: a text line, or a table's rows."""

    top: float
    line: str | None = None
    rows: list[list[str]] | None = None
    bottom: float = 0.0
    height: float = 10.0
    left: float = 0.0
    right: float = 0.0
    words: int = 0  # words on the block's last line
    # A ruled table's cell boxes, parallel to ``rows`` (None under a merged cell).
    boxes: list[list[tuple[float, float, float, float] | None]] | None = None


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words into lines (by vertical position), each line left to right."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[list[Word]] = []
    for word in ordered:
        if lines:
            last = lines[-1]
            height = max(last[0].bottom - last[0].top, 1.0)
            if abs(word.cy - last[0].cy) <= height * 0.45:
                last.append(word)
                continue
        lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def join_words(line: list[Word]) -> str:
    """A line's words with spaces, but not between pieces of one word that a
    tiny backward step (kerning, a font change) made look like two."""
    out = ""
    previous: Word | None = None
    for word in line:
        if previous is not None:
            touching = word.x0 - previous.x1 < (previous.bottom - previous.top) * 0.08
            out += "" if touching else " "
        out += word.text
        previous = word
    return out


FAR_APART = 3.0  # a white gap of this many line heights parts two texts on one line


def split_far_apart(line: list[Word]) -> list[list[Word]]:
    """A line that holds two texts set far apart (a memo number on the left and its
    date on the right, as letters print them) as two lines, left first. A label and
    its value set apart at a tab ("স্থান      : …") stay one line."""
    parts = [[line[0]]]
    for left, word in itertools.pairwise(line):
        height = max(left.bottom - left.top, 1.0)
        labelled = left.text.endswith((":", "ঃ")) or word.text.startswith((":", "ঃ"))
        if word.x0 - left.x1 > height * FAR_APART and not labelled:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def line_blocks(lines: list[list[Word]], right: float) -> list[Block]:
    """Text lines as blocks; a wrapped paragraph's lines are joined back into one.

    ``right`` is the page's right text edge: a line that reaches it was wrapped.
    A line that starts a numbered entry is never a continuation.
    """
    blocks: list[Block] = []
    # Lines of running text reach the right margin; without any, trust the page's edge.
    long = [line[-1].x1 for line in lines if len(line) >= 6]
    right = max(long) if long else right
    for line in (part for whole in lines for part in split_far_apart(whole)):
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        height = max(bottom - top, 1.0)
        text = join_words(line)
        if blocks and _continues(blocks[-1], line, top, right) and not _numbered(text):
            last = blocks[-1]
            last.line = f"{last.line} {text}"
            last.bottom = bottom
            last.right = line[-1].x1
            last.words = len(line)
            continue
        blocks.append(
            Block(
                top,
                line=text,
                bottom=bottom,
                height=height,
                left=line[0].x0,
                right=line[-1].x1,
                words=len(line),
            )
        )
    return blocks


def _continues(previous: Block, line: list[Word], top: float, right: float) -> bool:
    """The line goes on the paragraph above: its first word would not have fitted there."""
    if previous.rows is not None or top - previous.bottom > previous.height * 0.6:
        return False
    if previous.words < 6:  # only running text wraps, not short lines
        return False
    first = line[0].x1 - line[0].x0
    full = previous.right + previous.height * 0.3 + first >= right - 1
    same_left = abs(previous.left - line[0].x0) <= previous.height * 0.5
    return full and same_left


def _numbered(text: str) -> bool:
    from udbhabon.documents.reader.lines import has_list_number

    return has_list_number(text)


def bullets_as_list(text: str) -> str:
    """Cell lines where some start with "•": the lead-in and the bullets as a list."""
    lines = text.split("\n")
    if not any(line.startswith("•") for line in lines):
        return text
    lead: list[str] = []
    bullets: list[str] = []
    for line in lines:
        if line.startswith("•"):
            bullets.append(line.lstrip("• ").strip())
        elif bullets:
            bullets[-1] = f"{bullets[-1]} {line}"
        else:
            lead.append(line)
    items = "".join(f"<li>{html.escape(bullet)}</li>" for bullet in bullets)
    return f"{html.escape(' '.join(lead))}<ul>{items}</ul>"
