"""PDF through WeasyPrint: Pango/HarfBuzz shape Bengali; PDF/A-3b with the data attached.

The layout blocks (layout.py) become HTML + print.css. The vendored fonts are loaded by
absolute file:// URLs; page numbers ("পৃষ্ঠা ১ / ৩") come from CSS counters with the
predefined `bengali` counter style. The contract JSON of the document is embedded as
contract.ATTACHMENT_NAME (PDF/A-3 "Data" attachment, as electronic invoices do), so the
reader takes Udbhabon's own PDFs back exactly instead of guessing from shaped text.
"""

from __future__ import annotations

import atexit
import contextvars
import functools
import re
import threading
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.writers import layout
from udbhabon.documents.writers.canonical import contract_json
from udbhabon.documents.writers.fonts import font_face_css
from udbhabon.documents.writers.model import Document, PlanItem

CSS_PATH = Path(__file__).with_name("print.css")

# Options used for every PDF. `full_fonts` embeds the whole TTF instead of a subset: it
# recovers *fewer* words by text extraction (bench/bench_writers.py --extraction) and makes
# files larger, so subsets it is. `pdf_tags` changes nothing for extraction.
PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": "pdf/a-3b",
    "full_fonts": False,
    "hinting": False,
}

# ---------------------------------------------------------------------------------------
# ActualText: copy-paste that works.
#
# A PDF maps each *glyph* to text (ToUnicode). Shaped Bengali breaks that: one glyph (ক)
# is drawn in many clusters (কি, কে, ক্ষ ...), and WeasyPrint keeps the text of the first
# cluster it saw, so most words come out wrong (about a quarter are recovered). The PDF
# standard's answer is a marked-content span with /ActualText around the glyphs, giving the
# real text of the line; poppler (pdftotext, Evince, Okular), PDFium (Chrome) and Acrobat
# use it. It changes nothing on the page. WeasyPrint has no option for it, so its text
# drawing function is wrapped, only while Udbhabon writes (a context variable), only for
# text boxes with Bengali. test_writer_pdf checks that it still takes effect after upgrades.

_ACTUAL_TEXT: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "udbhabon_actual_text", default=False
)
_BENGALI = re.compile("[\u0980-\u09ff]")


def _install_actual_text() -> bool:
    """Wrap weasyprint.draw.draw_text once; return whether the hook is in place."""
    import pydyf
    import weasyprint.draw as draw

    with _lock:
        return _wrap_draw_text(draw, pydyf)


def _wrap_draw_text(draw: Any, pydyf: Any) -> bool:
    original = getattr(draw, "draw_text", None)
    if original is None:
        return False
    if getattr(original, "_udbhabon_actual_text", False):
        return True

    @functools.wraps(original)
    def draw_text(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        text = getattr(textbox, "text", "")
        if not (_ACTUAL_TEXT.get() and text.strip() and _BENGALI.search(text)):
            return original(stream, textbox, *args, **kwargs)
        span = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        stream.begin_marked_content("Span", span)
        try:
            return original(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    draw_text._udbhabon_actual_text = True  # type: ignore[attr-defined]
    draw.draw_text = draw_text
    return True


_lock = threading.Lock()
# Parsed stylesheets and font configurations, per thread: WeasyPrint's FontConfiguration
# wraps a Pango/fontconfig font map, which is not safe to share between threads.
_local = threading.local()
_tls: dict[str, Any] = {}


def _thread_cache() -> dict[str, Any]:
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
        with _lock:
            _caches.append(cache)
    return cache


_caches: list[dict[str, Any]] = []


def _clear_caches() -> None:
    # Drop the FontConfigurations while their C libraries are still loaded (their
    # __del__ fails noisily during interpreter shutdown otherwise).
    for cache in _caches:
        cache.clear()


atexit.register(_clear_caches)


# ---------------------------------------------------------------------------------------
def _stylesheet(lang: str) -> Any:
    """The print stylesheet, parsed once per language and thread (parsing and loading the
    fonts costs ~50 ms)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    cache = _thread_cache()
    if "fonts" not in cache:
        cache["fonts"] = FontConfiguration()
    key = f"css-{lang}"
    if key not in cache:
        page = layout.labels(lang)["page"]
        style = "bengali" if lang == "bn" else "decimal"
        page_rule = (
            "@page { @bottom-center { content: "
            f'"{page} " counter(page, {style}) " / " counter(pages, {style}); }} }}'
        )
        text = "\n".join([font_face_css(), CSS_PATH.read_text("utf-8"), page_rule])
        cache[key] = CSS(string=text, font_config=cache["fonts"], url_fetcher=_url_fetcher())
    return cache[key], cache["fonts"]


def _url_fetcher() -> Any:
    """A fetcher for local files only: the papers load nothing but the vendored fonts.

    WeasyPrint's default fetcher builds a fresh TLS context (loading the system's CA
    store, ~20 ms) for every HTML and attachment; ours never opens https at all.
    """
    import ssl

    from weasyprint import URLFetcher

    with _lock:
        if "context" not in _tls:
            _tls["context"] = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # never used
    return URLFetcher(allowed_protocols=("file", "data"), ssl_context=_tls["context"])


def warm_up(lang: str = "bn") -> None:
    """Import WeasyPrint, parse the stylesheet, load and shape the fonts now, by writing a
    small paper in this thread (about a second), so that the first paper a task worker
    writes does not pay for it (documents.apps: `manage.py db_worker` calls this at start;
    the caches are per thread, and the worker runs its tasks in its main thread)."""
    _stylesheet(lang)
    row: PlanItem = {
        "serial": 1,
        "label": None,
        "category": "সেবা সহজীকরণ",
        "activity": "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন (Innovation) ১২৩",
        "schedule": None,
        "responsible": "সহকারী কমিশনার",
        "expected_outcome": "ক্ষ ন্দ্র স্ত্র র্ক",
        "indicator": "",
    }
    sample: Document = {
        "sections": [
            {
                "kind": "action_plan",
                "office": "জেলা প্রশাসকের কার্যালয়",
                "period": None,
                "letter": None,
                "signatories": [],
                "items": [row],
                "meeting": None,
            }
        ],
        "warnings": [],
    }
    write_pdf(sample, lang)


# ---------------------------------------------------------------------------------------
# HTML


def _p(text: str, classes: str = "") -> str:
    cls = f' class="{classes}"' if classes else ""
    return f"<p{cls}>{escape(text)}</p>"


def _heading(block: layout.Heading) -> str:
    lines = []
    for line in block.lines:
        classes = " ".join(c for c in (line.size, "bold" if line.bold else "") if c)
        lines.append(_p(line.text, classes))
    role = " letterhead" if block.role == "letterhead" else ""
    return f'<div class="heading{role}">{"".join(lines)}</div>'


def _para(block: layout.Para) -> str:
    classes = [block.role]
    if block.align in ("justify", "center", "right"):
        classes.append(block.align)
    if block.bold:
        classes.append("bold")
    if block.indent:
        classes.append("indent")
    style = f' style="text-align: {block.align}"' if block.align in ("center", "right") else ""
    return f'<p class="{" ".join(classes)}"{style}>{escape(block.text)}</p>'


def _memo(block: layout.MemoLine) -> str:
    dates = "".join(_p(d) for d in block.dates)
    return (
        f'<table class="memo"><tr><td class="memo-number">{escape(block.memo)}</td>'
        f'<td class="date">{dates}</td></tr></table>'
    )


def _key_values(block: layout.KeyValues) -> str:
    rows = "".join(
        f'<tr><td class="key">{escape(k)}</td><td class="colon">:</td>'
        f'<td class="value">{escape(v)}</td></tr>'
        for k, v in block.rows
    )
    return f'<table class="kv">{rows}</table>'


def _table(block: layout.Table, key: str = "t", tall: frozenset[str] = frozenset()) -> str:
    """The table as HTML. Each body row carries data-row (`key`-index) and the serial it
    belongs to, so the pages a row spans can be found after layout (`_split_rows`); rows
    in `tall` may break across pages (a row taller than a page cannot be kept whole, and
    only a row that breaks normally gets the header repeated on the pages it spans)."""
    total = sum(block.widths)
    cols = "".join(f'<col style="width: {w * 100 / total:.2f}%">' for w in block.widths)
    head = []
    for index, row in enumerate(block.header):
        number = block.number_row and index == len(block.header) - 1
        cells = []
        for cell in row:
            attrs = ""
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            cls = ' class="number"' if number else ""
            cells.append(f"<th{attrs}{cls}>{escape(cell.text)}</th>")
        head.append(f"<tr>{''.join(cells)}</tr>")
    body = []
    serial = ""
    for index, body_row in enumerate(block.rows):
        first = body_row[0] if body_row else None
        if first is not None and first.kind == "serial" and not first.merged:
            serial = first.text
        row_id = f"{key}-{index}"
        row_attrs = f' data-row="{row_id}" data-serial="{escape(serial)}"'
        if row_id in tall:
            row_attrs += ' class="tall"'
        cells = []
        for td in body_row:
            if td.merged:
                continue
            attrs = f' rowspan="{td.rowspan}"' if td.rowspan > 1 else ""
            classes = [c for c in (td.align if td.align != "left" else "", td.kind) if c]
            cls = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attrs}{cls}>{escape(td.text)}</td>")
        body.append(f"<tr{row_attrs}>{''.join(cells)}</tr>")
    return (
        f'<table class="grid"><colgroup>{cols}</colgroup>'
        f"<thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>"
    )


def _signature(block: layout.Signature) -> str:
    return f'<div class="signature">{"".join(_p(line) for line in block.lines)}</div>'


def _lines(block: layout.LinesBlock) -> str:
    return f'<div class="lines {block.role}">{"".join(_p(line) for line in block.lines)}</div>'


def _numbered(block: layout.NumberedList) -> str:
    entries = "".join(_p(entry) for entry in block.entries)
    return f'<div class="numbered">{_p(block.heading, "list-heading")}{entries}</div>'


_RENDER: dict[type[Any], Callable[[Any], str]] = {
    layout.Heading: _heading,
    layout.Para: _para,
    layout.MemoLine: _memo,
    layout.KeyValues: _key_values,
    layout.Table: _table,
    layout.Signature: _signature,
    layout.LinesBlock: _lines,
    layout.NumberedList: _numbered,
}


def document_html(doc: Document, lang: str = "bn", tall: frozenset[str] = frozenset()) -> str:
    """The HTML body WeasyPrint renders (without the stylesheet); useful for previews.
    Rows whose data-row is in `tall` may break across pages (see `_table`)."""
    parts = layout.document_parts(doc, lang)
    html = []
    tables = 0
    for part in parts:
        rendered = []
        for block in part.blocks:
            if isinstance(block, layout.Table):
                tables += 1
                rendered.append(_table(block, f"t{tables}", tall))
            else:
                rendered.append(_RENDER[type(block)](block))
        blocks = "".join(rendered)
        html.append(
            f'<section class="part {part.orientation} {part.name}" '
            f'data-section="{part.section}">{blocks}</section>'
        )
    title = _document_title(doc, lang)
    return (
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{''.join(html)}</body></html>"
    )


def _document_title(doc: Document, lang: str) -> str:
    words = layout.labels(lang)
    for section in doc.get("sections") or []:
        kind = section.get("kind")
        if kind == "meeting_minutes":
            meeting = section.get("meeting")
            title = (meeting.get("title") if meeting else None) or words["minutes_title"]
            if section.get("notice"):
                title = f"{words['notice_title']}: {title}"
        else:
            title = (
                section.get("title")
                or words["report_title" if kind == "progress_report" else "plan_title"]
            )
        office = section.get("office")
        if section.get("draft"):
            title = f"{title} ({words['draft']})"
        return f"{title} — {office}" if office else title
    return words["plan_title"]


def write_pdf(
    doc: Document,
    lang: str = "bn",
    *,
    embed_data: bool = True,
    actual_text: bool = True,
    **options: Any,
) -> bytes:
    """The document as PDF/A-3b bytes, with its contract JSON attached (unless embed_data
    is False) and ActualText spans on Bengali lines (unless actual_text is False). Extra
    keyword options go to WeasyPrint's write_pdf (e.g. pdf_tags=True)."""
    from weasyprint import CSS, DEFAULT_OPTIONS, HTML

    if actual_text:
        _install_actual_text()

    stylesheet, font_config = _stylesheet(lang)
    fetcher = _url_fetcher()
    attachments = [_data_attachment(doc, fetcher)] if embed_data else []
    settings = {**DEFAULT_OPTIONS, **PDF_OPTIONS, **options, "attachments": attachments}

    def render(tall: frozenset[str], extra_css: str = "") -> Any:
        html = HTML(
            string=document_html(doc, lang, tall),
            base_url=str(CSS_PATH.parent),
            url_fetcher=fetcher,
        )
        sheets = [stylesheet]
        if extra_css:
            sheets.append(CSS(string=extra_css, font_config=font_config, url_fetcher=fetcher))
        return html.render(font_config=font_config, **{**settings, "stylesheets": sheets})

    token = _ACTUAL_TEXT.set(actual_text)
    try:
        tall: frozenset[str] = frozenset()
        document = render(tall)
        if split := _split_rows(document):
            # Rows taller than a page: let them break (the header then repeats on every
            # page they span) ...
            tall = frozenset(split)
            document = render(tall)
        # ... and mark where each one continues, and a draft on every page that lacks
        # its boxed mark: margin boxes, which move nothing, so this pagination stays
        marks = _continuation_css(_split_rows(document), lang) + _draft_css(doc, document, lang)
        if marks:
            document = render(tall, marks)
        known = {key: settings[key] for key in DEFAULT_OPTIONS if key in settings}
        pdf: bytes = document.write_pdf(**known)
        return pdf
    finally:
        _ACTUAL_TEXT.reset(token)


def _data_attachment(doc: Document, fetcher: Any) -> Any:
    """The contract JSON as the PDF/A-3 "Data" attachment the reader takes back."""
    from weasyprint import Attachment

    return Attachment(
        string=contract_json(doc),
        base_url=str(CSS_PATH.parent),
        url_fetcher=fetcher,
        name=ATTACHMENT_NAME,
        description="Udbhabon document data (import contract JSON)",
        relationship="Data",
    )


def _draft_css(doc: Document, document: Any, lang: str) -> str:
    """A paper nobody has signed (section["draft"]) says so on every page: where a page
    lacks the boxed mark (above the letterhead, above the annex), in its top margin."""
    if not any(section.get("draft") for section in doc.get("sections") or []):
        return ""
    mark = _css_string(layout.labels(lang)["draft"])
    style = 'color: #b00; font-weight: 700; font-family: "UB Bengali", "UB Latin"; font-size: 9pt;'
    rules = []
    for number, page in enumerate(document.pages):
        boxed = any(
            getattr(box, "element_tag", None) == "p"
            and getattr(box, "element", None) is not None
            and "draft" in (box.element.get("class") or "").split()
            for box in page._page_box.descendants()
        )
        if not boxed:
            rules.append(
                f"@page :nth({number + 1}) {{ @top-right {{ content: {mark}; {style} }} }}"
            )
    return "\n" + "\n".join(rules) if rules else ""


def _split_rows(document: Any) -> dict[str, tuple[str, list[int]]]:
    """Body rows laid out on more than one page: data-row -> (serial, page indexes)."""
    rows: dict[str, tuple[str, list[int]]] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if getattr(box, "element_tag", None) != "tr" or element is None:
                continue
            key = element.get("data-row")
            if not key:
                continue
            pages = rows.setdefault(key, (element.get("data-serial") or "", []))[1]
            if number not in pages:
                pages.append(number)
    return {key: value for key, value in rows.items() if len(value[1]) > 1}


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _continuation_css(split: dict[str, tuple[str, list[int]]], lang: str) -> str:
    """Page rules marking a row that goes on: at the foot of each page it leaves and the
    head of each page it continues on ("ক্রম ২-এর বাকি অংশ (আগের পৃষ্ঠার পর)")."""
    words = layout.labels(lang)
    head: dict[int, str] = {}
    foot: set[int] = set()
    for serial, pages in split.values():
        text = (
            words["row_continued"].format(serial=serial) if serial else words["row_continued_plain"]
        )
        for page in pages[1:]:
            head.setdefault(page, text)
        foot.update(pages[:-1])
    margin = 'font-family: "UB Bengali", "UB Latin"; font-size: 8.5pt; color: #333;'
    rules = [
        f"@page :nth({page + 1}) {{ @top-left {{ content: {_css_string(text)}; {margin} }} }}"
        for page, text in sorted(head.items())
    ]
    rules += [
        f"@page :nth({page + 1}) {{ @bottom-right {{ "
        f"content: {_css_string(words['row_continues'])}; {margin} }} }}"
        for page in sorted(foot)
    ]
    return "\n".join(rules)


def write_html_pdf(body: str, *, title: str, lang: str = "bn", css: str = "") -> bytes:
    """A short paper that is not an import-contract document (a certificate, an
    attendance sheet) through the same stack: the vendored fonts shaped by
    Pango/HarfBuzz, print.css (plus `css`), ActualText on Bengali lines, PDF/A-3b.
    `body` is trusted HTML: escape what people typed before putting it in."""
    from weasyprint import CSS, HTML

    _install_actual_text()
    stylesheet, font_config = _stylesheet(lang)
    fetcher = _url_fetcher()
    page = (
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{body}</body></html>"
    )
    html = HTML(string=page, base_url=str(CSS_PATH.parent), url_fetcher=fetcher)
    sheets = [stylesheet]
    if css:
        sheets.append(CSS(string=css, font_config=font_config, url_fetcher=fetcher))
    token = _ACTUAL_TEXT.set(True)
    try:
        pdf: bytes = html.write_pdf(stylesheets=sheets, font_config=font_config, **PDF_OPTIONS)
        return pdf
    finally:
        _ACTUAL_TEXT.reset(token)
