"""The innovation directory (ইনোভেশন ডিরেক্টরি) as PDF and DOCX.

A cover (the office's letterhead, the title, the office, the period and the day it was
made, in the paper's digits), a contents list (in the PDF with each section's page),
then the three sections, each from a new page: the ideas received, those found
implementable, and the initiatives implemented with their time, cost and visits before
and after and the offices that adopted them. Written through the documents' stack (the
PDF writer shapes Bengali with HarfBuzz; the DOCX has the papers' fonts); made by the
documents' background export job (`PAPER`, registered in apps.py). Texts are escaped
here: the PDF writer takes trusted HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bangla.calendar import format_date
from bangla.digits import format_number, localize_digits
from udbhabon.directory import queries
from udbhabon.directory.periods import parse
from udbhabon.documents.writers import write_book_docx, write_html_pdf
from udbhabon.initiatives.models import Initiative
from udbhabon.initiatives.templatetags.initiatives import days_hours
from udbhabon.offices.models import Office
from udbhabon.offices.queries import form_settings_for

PAPER = "udbhabon.directory.paper.write_directory"
FORMATS = ("pdf", "docx")
CSS = """
@page { size: A4; margin: 14mm 12mm 16mm; }
@page cover { @bottom-center { content: none; } }
section.cover { page: cover; text-align: center; }
section.cover p.head { margin: 0; font-size: 11pt; }
section.cover h1 { font-size: 28pt; margin: 55mm 0 8mm; }
section.cover p.office { font-size: 16pt; margin: 0 0 4mm; }
section.cover p.line { font-size: 12pt; margin: 0 0 3mm; }
section.contents, section.part { break-before: page; }
h2 { font-size: 15pt; margin: 0 0 4mm; }
ol.contents { font-size: 12pt; padding-left: 0; list-style: none; }
ol.contents li { margin-bottom: 3mm; }
ol.contents a { color: #000; text-decoration: none; }
ol.contents a::after { content: leader(".") target-counter(attr(href), page, %(style)s); }
p.note { font-size: 10pt; }
table.dir { width: 100%%; border-collapse: collapse; font-size: 9pt; table-layout: fixed; }
table.dir th, table.dir td { border: 1px solid #000; padding: 1.2mm; vertical-align: top; }
table.dir th { background: #eee; }
table.dir thead { display: table-header-group; }
table.dir tr { page-break-inside: avoid; }
"""


@dataclass
class Part:
    anchor: str
    title: str
    headers: list[str]
    rows: list[list[str]]
    # Column widths in per cent: a fixed table layout skips measuring every cell's
    # text twice for the automatic widths (a third of a 300-initiative PDF's time).
    widths: list[int]
    note: str = ""


@dataclass
class Paper:
    letterhead: list[str]
    title: str
    cover: list[str]
    contents_title: str
    parts: list[Part]


def _name(office: Office, lang: str) -> str:
    return office.name_en if lang == "en" and office.name_en else office.name_bn


def _tcv(initiative: Initiative, when: str, lang: str) -> str:
    hours = getattr(initiative, f"hours_{when}")
    taka = getattr(initiative, f"taka_{when}")
    visits = getattr(initiative, f"visits_{when}")
    if hours is None and taka is None and visits is None:
        return "—"
    none = "—"
    return "\n".join(
        [
            _("Time: %(time)s") % {"time": days_hours(hours)},
            _("Cost: %(taka)s taka")
            % {"taka": none if taka is None else format_number(taka, lang=lang)},
            _("Visits: %(n)s")
            % {"n": none if visits is None else localize_digits(str(visits), lang)},
        ]
    )


def _serial(n: int, lang: str) -> str:
    return localize_digits(str(n), lang)


def _idea_part(anchor: str, title: str, day: str, rows: list[queries.IdeaRow], lang: str) -> Part:
    return Part(
        anchor=anchor,
        title=title,
        headers=[_("Serial no."), _("Title of the idea"), _("Office"), day],
        rows=[
            [_serial(n, lang), r.title, _name(r.office, lang), format_date(r.day, lang)]
            for n, r in enumerate(rows, start=1)
        ],
        widths=[8, 52, 25, 15],
    )


def _initiatives_part(rows: list[queries.InitiativeRow], lang: str) -> Part:
    return Part(
        anchor="implemented",
        title=_("Initiatives implemented"),
        headers=[
            _("Serial no."),
            _("Initiative"),
            _("Office"),
            _("Launched on"),
            _("Before (time, cost, visits)"),
            _("After (time, cost, visits)"),
            _("Adopted by"),
        ],
        rows=[
            [
                _serial(n, lang),
                r.initiative.title,
                _name(r.initiative.office, lang),
                format_date(r.initiative.implemented_on, lang)
                if r.initiative.implemented_on
                else "—",
                _tcv(r.initiative, "before", lang),
                _tcv(r.initiative, "after", lang),
                "\n".join(_name(o, lang) for o in r.adopters) or "—",
            ]
            for n, r in enumerate(rows, start=1)
        ],
        widths=[6, 20, 16, 11, 15, 15, 17],
    )


def paper_of(directory: queries.Directory, lang: str) -> Paper:
    """The directory's texts in `lang` (call inside translation.override(lang))."""
    d = directory
    cover = [_name(d.office, lang), d.span.label(lang)]
    if d.curated:
        cover.append(_("A selection of the initiatives nominated from the offices below"))
    cover.append(_("Made on %(day)s") % {"day": format_date(timezone.localdate(), lang)})
    parts = [
        _idea_part("received", _("Ideas received"), _("Received on"), d.received, lang),
        _idea_part(
            "implementable",
            _("Ideas found implementable"),
            _("Found implementable on"),
            d.implementable,
            lang,
        ),
        _initiatives_part(d.implemented, lang),
    ]
    for part in parts:
        left_out = d.more.get(part.anchor)
        if left_out:
            part.note = _("%(n)s more are not printed here.") % {
                "n": localize_digits(str(left_out), lang)
            }
        elif not part.rows:
            part.note = _("None in this period.")
    return Paper(
        letterhead=form_settings_for(d.office).letterhead,
        title=_("Innovation directory"),
        cover=cover,
        contents_title=_("Contents"),
        parts=parts,
    )


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _html(paper: Paper, lang: str) -> str:
    head = "".join(f'<p class="head">{escape(line)}</p>' for line in paper.letterhead)
    office, *lines = paper.cover
    cover = (
        f'<section class="cover">{head}<h1>{escape(paper.title)}</h1>'
        f'<p class="office">{escape(office)}</p>'
        + "".join(f'<p class="line">{escape(line)}</p>' for line in lines)
        + "</section>"
    )
    items = "".join(
        f'<li><a href="#{p.anchor}">{_serial(n, lang)}. {escape(p.title)} </a></li>'
        for n, p in enumerate(paper.parts, start=1)
    )
    contents = (
        f'<section class="contents"><h2>{escape(paper.contents_title)}</h2>'
        f'<ol class="contents">{items}</ol></section>'
    )
    parts = []
    for n, p in enumerate(paper.parts, start=1):
        ths = "".join(f"<th>{escape(h)}</th>" for h in p.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in p.rows
        )
        cols = "".join(f'<col style="width: {w}%">' for w in p.widths)
        table = (
            f'<table class="dir"><colgroup>{cols}</colgroup><thead><tr>{ths}</tr></thead>'
            f"<tbody>{body}</tbody></table>"
            if p.rows
            else ""
        )
        note = f'<p class="note">{escape(p.note)}</p>' if p.note else ""
        parts.append(
            f'<section class="part" id="{p.anchor}">'
            f"<h2>{_serial(n, lang)}. {escape(p.title)}</h2>{table}{note}</section>"
        )
    return cover + contents + "".join(parts)


def _blocks(paper: Paper, lang: str) -> list[dict]:
    blocks: list[dict] = [{"kind": "centre", "text": line} for line in paper.letterhead]
    blocks.append({"kind": "title", "text": paper.title})
    blocks += [{"kind": "centre", "text": line} for line in paper.cover]
    blocks += [{"kind": "break"}, {"kind": "heading", "text": paper.contents_title}]
    blocks += [
        {"kind": "para", "text": f"{_serial(n, lang)}. {p.title}"}
        for n, p in enumerate(paper.parts, start=1)
    ]
    for n, p in enumerate(paper.parts, start=1):
        blocks += [{"kind": "break"}, {"kind": "heading", "text": f"{_serial(n, lang)}. {p.title}"}]
        if p.rows:
            blocks.append({"kind": "table", "headers": p.headers, "rows": p.rows})
        if p.note:
            blocks.append({"kind": "para", "text": p.note})
    return blocks


def write_directory(*, fmt: str, office_id: int, period: str, lang: str = "bn") -> bytes:
    """The directory of the office for the period (a periods key) as PDF or DOCX."""
    span = parse(period)
    if fmt not in FORMATS or span is None:
        raise ValueError(f"no directory as {fmt!r} for {period!r}")
    office = Office.objects.get(pk=office_id)
    with translation.override(lang):
        paper = paper_of(queries.directory(office, span), lang)
        if fmt == "docx":
            return write_book_docx(blocks=_blocks(paper, lang), lang=lang)
        style = "bengali" if lang == "bn" else "decimal"
        return write_html_pdf(
            _html(paper, lang), title=paper.title, lang=lang, css=CSS % {"style": style}
        )
