"""The office's Citizen Charter (সিটিজেন চার্টার) and its other papers as PDF/DOCX.

The charter is the office's service catalogue in its usual table: serial, the
service, how to get it, the documents needed, the fee and how it is paid, the time
limit, the responsible officer with phone and e-mail. The office's letterhead comes
from its form settings (offices.queries.form_settings_for); an entry an initiative
revised says when, and the charter says when it was last revised. Written through
the documents' stack (Bengali shaped by HarfBuzz in the PDF, a real Word table in
the DOCX). Texts are escaped here: the PDF writer takes trusted HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from django.utils import translation
from django.utils.translation import gettext as _

from bangla.calendar import format_date
from bangla.digits import format_number, localize_digits
from udbhabon.documents.writers import write_html_pdf, write_table_docx
from udbhabon.initiatives import queries
from udbhabon.initiatives.models import Service
from udbhabon.offices.models import Office
from udbhabon.offices.queries import form_settings_for

FORMATS = ("pdf", "docx")
CSS = """
@page { size: A4 landscape; margin: 12mm; }
p.head { text-align: center; margin: 0; font-size: 11pt; }
h1 { font-size: 16pt; text-align: center; margin: 3mm 0 1mm; }
p.line { text-align: center; margin: 0 0 2mm; font-size: 10.5pt; }
table.charter { width: 100%; border-collapse: collapse; font-size: 9pt; margin-top: 3mm; }
table.charter th, table.charter td { border: 1px solid #000; padding: 1.2mm; vertical-align: top; }
table.charter th { background: #eee; }
table.charter thead { display: table-header-group; }
table.charter tr { page-break-inside: avoid; }
"""


@dataclass
class Charter:
    office: Office
    letterhead: list[str]
    title: str
    lines: list[str]
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


def _n(value: int, lang: str) -> str:
    return format_number(value, lang=lang)


def _fee(service: Service, lang: str) -> str:
    parts = [service.fee or _("Free of charge")]
    if service.cost_taka is not None:
        parts.append(
            _("Citizen's whole cost: %(taka)s taka") % {"taka": _n(service.cost_taka, lang)}
        )
    return "\n".join(parts)


def _time(service: Service, lang: str) -> str:
    parts = []
    if service.time_limit_days:
        parts.append(_("%(days)s days") % {"days": _n(service.time_limit_days, lang)})
    if service.visits is not None:
        parts.append(_("Visits to the office: %(n)s") % {"n": _n(service.visits, lang)})
    return "\n".join(parts) or "—"


def _name(service: Service, lang: str) -> str:
    name = service.name_en if lang == "en" and service.name_en else service.name_bn
    if service.revised_on is not None:
        name += "\n" + _("(revised %(day)s)") % {"day": format_date(service.revised_on, lang)}
    return name


def charter_of(office: Office, lang: str) -> Charter:
    """The charter's content in `lang` (two queries: the settings and the services)."""
    services = queries.charter_rows(office)
    revised = max((s.revised_on for s in services if s.revised_on), default=None)
    letterhead = form_settings_for(office).letterhead
    name = office.name_bn if lang == "bn" else (office.name_en or office.name_bn)
    lines = [] if name in letterhead else [name]
    if revised is not None:
        lines.append(_("Last revised on %(day)s") % {"day": format_date(revised, lang)})
    charter = Charter(
        office=office,
        letterhead=letterhead,
        title=_("Citizen Charter"),
        lines=lines,
        headers=[
            _("Serial no."),
            _("Name of the service"),
            _("How to get it"),
            _("Documents needed"),
            _("Service fee and how it is paid"),
            _("Time limit"),
            _("Responsible officer (post, phone, e-mail)"),
        ],
    )
    for n, s in enumerate(services, start=1):
        officer = "\n".join(x for x in (s.responsible_post, s.contact) if x) or "—"
        charter.rows.append(
            [
                localize_digits(str(n), lang),
                _name(s, lang),
                s.steps or "—",
                s.documents_needed or "—",
                _fee(s, lang),
                _time(s, lang),
                officer,
            ]
        )
    return charter


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def write_charter(office: Office, fmt: str, *, lang: str = "bn") -> bytes:
    """The Citizen Charter of `office` as PDF or DOCX."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    with translation.override(lang):
        c = charter_of(office, lang)
        if fmt == "docx":
            return write_table_docx(
                title=c.title,
                headers=c.headers,
                rows=c.rows,
                lines=[*c.letterhead, *c.lines],
                lang=lang,
            )
        head = "".join(f'<p class="head">{escape(line)}</p>' for line in c.letterhead)
        lines = "".join(f'<p class="line">{escape(line)}</p>' for line in c.lines)
        ths = "".join(f"<th>{escape(h)}</th>" for h in c.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(cell)}</td>" for cell in row) + "</tr>" for row in c.rows
        )
        html = (
            f"{head}<h1>{escape(c.title)}</h1>{lines}"
            f'<table class="charter"><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>'
        )
        return write_html_pdf(html, title=c.title, lang=lang, css=CSS)
