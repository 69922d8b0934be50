"""The award list of a decided scheme as PDF (the documents PDF stack) or DOCX (the
table writer): the office, the award and year, the office order's memo number, then
one row per winner with place, nominee, office, total score and crest. Texts are
escaped here; the PDF writer takes trusted HTML."""

from __future__ import annotations

from html import escape

from django.utils import translation
from django.utils.translation import gettext as _

from bangla.calendar import format_date
from bangla.digits import format_number, localize_digits
from udbhabon.awards import queries
from udbhabon.awards.models import Scheme
from udbhabon.documents.writers import write_html_pdf, write_table_docx

FORMATS = ("pdf", "docx")
CSS = """
@page { size: A4 portrait; margin: 14mm; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
p.line { text-align: center; margin: 0 0 2mm; }
table.list { width: 100%; border-collapse: collapse; margin-top: 4mm; }
table.list th, table.list td { border: 1px solid #000; padding: 2mm; vertical-align: top; }
"""


def _table(scheme: Scheme, lang: str) -> tuple[str, list[str], list[str], list[list[str]]]:
    title = _("Award list: %(award)s, %(year)s") % {
        "award": scheme.title,
        "year": localize_digits(str(scheme.year), lang),
    }
    lines = [scheme.office.name, str(scheme.get_category_display())]
    if scheme.order_letter is not None:
        lines.append(
            _("Office order memo no. %(memo)s, %(day)s")
            % {
                "memo": scheme.order_letter.memo_number,
                "day": format_date(scheme.order_letter.date, lang),
            }
        )
    headers = [_("Place"), _("nominee"), _("office"), _("total score"), _("crest")]
    rows = [
        [
            format_number(a.place or 0, lang=lang),
            a.recipient,
            a.nomination.nominee_office.name if a.nomination else a.office.name,
            format_number(a.nomination.total or 0, lang=lang) if a.nomination else "—",
            _("yes") if a.crest else _("no"),
        ]
        for a in queries.winners(scheme)
    ]
    return title, lines, headers, rows


def award_list(scheme: Scheme, fmt: str, *, lang: str = "bn") -> bytes:
    with translation.override(lang):
        title, lines, headers, rows = _table(scheme, lang)
        if fmt == "docx":
            return write_table_docx(
                title=title,
                headers=headers,
                rows=rows,
                lines=lines,
                lang=lang,
                orientation="portrait",
            )
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        html = (
            f"<h1>{escape(title)}</h1>"
            + "".join(f'<p class="line">{escape(x)}</p>' for x in lines)
            + f'<table class="list"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )
        return write_html_pdf(html, title=title, lang=lang, css=CSS)
