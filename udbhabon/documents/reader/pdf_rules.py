"""A PDF page's ruling lines and the table grids they draw.

Word and LibreOffice draw a table's borders as stroked lines (``m … l S``) or
thin filled rectangles (``re f``). Only those path operators matter here, so the
page's content stream is scanned with one regular expression (numbers,
operators, and the strings and names to skip) instead of being interpreted in
full, as pdfminer does for every glyph: a page of 000.pdf takes about 10 ms
here against 2.5 s through pdfplumber's ``find_tables``. The transformation
matrix (``q``/``Q``/``cm``) is followed, and Form XObjects are entered (a few
levels deep), so rules drawn inside a form still count.

The grid is pdfplumber's own table algorithm (snap and join the edges, find
their intersections, cells from intersections, tables from touching cells), fed
with these edges: pdfplumber stays for that pure geometry, not for parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pypdf import PageObject

MAX_TOKENS = 3_000_000  # per page, forms included; a real page has well under 200 000
MAX_FORM_DEPTH = 3
MIN_EDGE = 3.0
THIN = 2.0  # a filled rectangle thinner than this is a rule

_TOKEN = re.compile(
    rb"""
    (?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<op>[A-Za-z'"*]+)
    |(?P<name>/[^\s/\[\]()<>{}%]*)
    |(?P<str>\((?:\\.|[^\\()])*\))
    |<<|>>|\[|\]|\{|\}
    |<[0-9A-Fa-f\s]*>
    |%[^\r\n]*
    |\(
    """,
    re.VERBOSE | re.DOTALL,
)


_END_TEXT = re.compile(rb"(?<![A-Za-z])ET(?![A-Za-z'\"*])")


@dataclass(slots=True)
class Edge:
    orientation: str  # "h" or "v"
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Grid:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[tuple[float, float, float, float] | None]]


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_TOKENS


def page_edges(page: PageObject) -> list[Edge]:
    """The horizontal and vertical rules on a pypdf page, top-left origin."""
    try:
        box = page.cropbox
        left, top = float(box.left), float(box.top)
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        resources = _resolve(page.get("/Resources"))
    except Exception:  # a damaged box, stream or resource draws nothing we can use
        return []
    edges: list[Edge] = []
    _scan(data, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), resources, edges, 0, _Budget())
    out = []
    for edge in edges:
        x0, x1 = sorted((edge.x0 - left, edge.x1 - left))
        y0, y1 = sorted((top - edge.top, top - edge.bottom))
        out.append(Edge(edge.orientation, x0, y0, x1, y1))
    return out


def _resolve(value: object) -> Any:  # a pypdf object, duck-typed: a broken file may hold anything
    try:
        return value.get_object() if hasattr(value, "get_object") else value
    except Exception:
        return None


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


class _Path:
    """The path being built between painting operators (only straight pieces count)."""

    PAINT = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"})
    STROKE = frozenset({b"S", b"s", b"B", b"B*", b"b", b"b*"})

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.segments: list[tuple[float, float, float, float]] = []
        self.rects: list[tuple[float, float, float, float]] = []
        self.point: tuple[float, float] | None = None
        self.start: tuple[float, float] | None = None

    def apply(self, op: bytes, n: list[float], ctm: tuple[float, ...], edges: list[Edge]) -> None:
        if op == b"m" and len(n) >= 2:
            self.point = self.start = _apply(ctm, n[-2], n[-1])
        elif op == b"l" and len(n) >= 2 and self.point is not None:
            end = _apply(ctm, n[-2], n[-1])
            self.segments.append((*self.point, *end))
            self.point = end
        elif op in {b"c", b"v", b"y"} and len(n) >= 2:
            self.point = _apply(ctm, n[-2], n[-1])  # curves draw no rules
        elif op == b"h" and self.point is not None and self.start is not None:
            self.segments.append((*self.point, *self.start))
            self.point = self.start
        elif op == b"re" and len(n) >= 4:
            x, y, w, h = n[-4:]
            corners = [_apply(ctm, x, y), _apply(ctm, x + w, y + h)]
            self.rects.append((corners[0][0], corners[0][1], corners[1][0], corners[1][1]))
        elif op in self.PAINT:
            if op != b"n":
                _paint(self.segments, self.rects, stroked=op in self.STROKE, edges=edges)
            self.reset()


def _scan(
    data: bytes,
    ctm: tuple[float, ...],
    resources: Any,  # a pypdf resource dictionary, or None
    edges: list[Edge],
    depth: int,
    budget: _Budget,
) -> None:
    stack: list[tuple[float, ...]] = []
    numbers: list[float] = []
    last_name = b""
    path = _Path()
    position = 0
    while (match := _TOKEN.search(data, position)) is not None:
        position = match.end()
        budget.left -= 1
        if budget.left <= 0:
            return
        kind = match.lastgroup
        if kind == "num":
            try:
                numbers.append(float(match.group()))
            except ValueError:
                numbers.clear()
            continue
        if kind == "name":
            last_name = match.group()[1:]
            numbers.clear()
            continue
        if kind != "op":
            if kind == "str":
                numbers.clear()
            continue
        op = match.group()
        if op == b"BT":  # text draws no rules: jump to the end of the text object
            end = _END_TEXT.search(data, position)
            position = end.end() if end else len(data)
        elif op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm" and len(numbers) >= 6:
            ctm = _multiply(tuple(numbers[-6:]), ctm)
        elif op == b"Do" and depth < MAX_FORM_DEPTH:
            _form(last_name, ctm, resources, edges, depth, budget)
        elif op == b"ID":  # inline image data: skip to its end
            end_image = data.find(b"EI", position)
            position = end_image + 2 if end_image >= 0 else len(data)
        else:
            path.apply(op, numbers, ctm, edges)
        numbers.clear()


def _paint(
    segments: list[tuple[float, float, float, float]],
    rects: list[tuple[float, float, float, float]],
    *,
    stroked: bool,
    edges: list[Edge],
) -> None:
    for x0, y0, x1, y1 in segments:
        if abs(y0 - y1) < 0.5 and abs(x1 - x0) >= MIN_EDGE:
            edges.append(Edge("h", min(x0, x1), y0, max(x0, x1), y0))
        elif abs(x0 - x1) < 0.5 and abs(y1 - y0) >= MIN_EDGE:
            edges.append(Edge("v", x0, min(y0, y1), x0, max(y0, y1)))
    for x0, y0, x1, y1 in rects:
        left, right = sorted((x0, x1))
        low, high = sorted((y0, y1))
        width, height = right - left, high - low
        if not stroked and height < THIN and width >= MIN_EDGE:
            middle = (low + high) / 2
            edges.append(Edge("h", left, middle, right, middle))
        elif not stroked and width < THIN and height >= MIN_EDGE:
            middle = (left + right) / 2
            edges.append(Edge("v", middle, low, middle, high))
        elif width >= MIN_EDGE and height >= MIN_EDGE:
            edges.append(Edge("h", left, low, right, low))
            edges.append(Edge("h", left, high, right, high))
            edges.append(Edge("v", left, low, left, high))
            edges.append(Edge("v", right, low, right, high))


def _form(
    name: bytes,
    ctm: tuple[float, ...],
    resources: Any,  # a pypdf resource dictionary, or None
    edges: list[Edge],
    depth: int,
    budget: _Budget,
) -> None:
    try:
        xobjects = _resolve(resources.get("/XObject")) if resources is not None else None
        form = _resolve(xobjects.get("/" + name.decode("latin-1"))) if xobjects else None
        if form is None or form.get("/Subtype") != "/Form":
            return
        matrix = tuple(float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0]))
        data = form.get_data()
        inner = _resolve(form.get("/Resources")) or resources
    except Exception:  # a broken form draws nothing we can use
        return
    _scan(data, _multiply(matrix, ctm), inner, edges, depth + 1, budget)


def grids(edges: list[Edge], *, tolerance: float = 3.0) -> list[Grid]:
    """Tables drawn by ``edges``: each a bounding box and rows of cell boxes (None
    where a merged cell covers the position), top to bottom."""
    from pdfplumber.table import (
        Table,
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    objects = [
        {
            "orientation": edge.orientation,
            "x0": edge.x0,
            "x1": edge.x1,
            "top": edge.top,
            "bottom": edge.bottom,
            "width": edge.x1 - edge.x0,
            "height": edge.bottom - edge.top,
            "object_type": "line",
        }
        for edge in edges
    ]
    if len(objects) < 4:
        return []
    merged = merge_edges(objects, tolerance, tolerance, tolerance, tolerance)
    merged += _open_ends(merged, tolerance)
    merged = [
        edge
        for edge in merged
        if (edge["width"] if edge["orientation"] == "h" else edge["height"]) >= MIN_EDGE
    ]
    intersections = edges_to_intersections(merged, tolerance, tolerance)
    cells = intersections_to_cells(intersections)
    found = [Table(None, group) for group in cells_to_tables(cells)]  # type: ignore[arg-type]
    found.sort(key=lambda table: (table.bbox[1], table.bbox[0]))
    return [
        Grid(tuple(table.bbox), [list(row.cells) for row in table.rows])  # type: ignore[arg-type]
        for table in found
    ]


def _open_ends(edges: list[dict[str, Any]], tolerance: float) -> list[dict[str, Any]]:
    """Rules that close a row a page break cut open.

    A browser (and Word, with "allow row to break across pages") splits a tall row
    at the page's end and draws the two parts without the border between them: the
    part's vertical rules stop at the same height with no horizontal rule there, so
    no cell would be found and the row would read as loose lines. Where two or more
    vertical rules end together with no horizontal rule across them, one is drawn.
    """
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    added: list[dict[str, Any]] = []
    for end in ("top", "bottom"):
        by_height: dict[int, list[dict[str, Any]]] = {}
        for edge in verticals:
            by_height.setdefault(round(edge[end] / tolerance), []).append(edge)
        for group in by_height.values():
            if len(group) < 2:
                continue
            y = sum(e[end] for e in group) / len(group)
            x0 = min(e["x0"] for e in group)
            x1 = max(e["x0"] for e in group)
            covered = any(
                abs(h["top"] - y) <= tolerance
                and h["x0"] <= x0 + tolerance
                and h["x1"] >= x1 - tolerance
                for h in horizontals
            )
            if covered or x1 - x0 < MIN_EDGE:
                continue
            added.append(
                {
                    "orientation": "h",
                    "x0": x0,
                    "x1": x1,
                    "top": y,
                    "bottom": y,
                    "width": x1 - x0,
                    "height": 0.0,
                    "object_type": "line",
                }
            )
    return added
