"""The event's papers through the documents PDF stack: a certificate per participant
(Bengali shaped, an unguessable serial, where to verify it) and the attendance sheet
with its signature column. Texts are escaped here; the writer takes trusted HTML."""

from __future__ import annotations

import datetime as dt
from html import escape

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bangla.calendar import format_date
from bangla.digits import to_bengali_digits
from udbhabon.documents.writers import write_html_pdf
from udbhabon.events.models import Event, Participant, TrainedList
from udbhabon.offices.models import Post

CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 18mm; }
.certificate { border: 3px double #1a5; padding: 14mm; text-align: center; }
.certificate h1 { font-size: 28pt; margin: 0 0 8mm; }
.certificate .name { font-size: 20pt; font-weight: bold; margin: 6mm 0; }
.certificate .body { font-size: 13pt; line-height: 1.7; }
.certificate .sign { margin-top: 22mm; text-align: right; }
.certificate .serial { margin-top: 10mm; font-size: 9pt; text-align: left; }
"""

SHEET_CSS = """
@page { size: A4 portrait; margin: 14mm; }
table.sheet { width: 100%; border-collapse: collapse; }
table.sheet th, table.sheet td { border: 1px solid #000; padding: 2mm; vertical-align: top; }
table.sheet td.sign { width: 35mm; height: 10mm; }
"""


def days_text(event: Event, lang: str) -> str:
    first = format_date(event.starts_on, lang)
    if event.ends_on == event.starts_on:
        return first
    return f"{first} – {format_date(event.ends_on, lang)}"


def verify_url(serial: str) -> str:
    return reverse("events:verify", args=[serial])


def _head(event: Event) -> Post | None:
    return Post.objects.filter(office=event.office, role=Post.Role.HEAD, is_active=True).first()


def certificate_pdf(participant: Participant, *, lang: str = "bn") -> bytes:
    event = participant.event
    with translation.override(lang):
        who = ", ".join(
            escape(x)
            for x in (participant.name, participant.designation, participant.office_text)
            if x
        )
        body_text = _(
            "took part in “%(title)s” (%(kind)s) organised by %(office)s on %(days)s."
        ) % {
            "title": escape(event.title),
            "kind": escape(str(event.get_kind_display())),
            "office": escape(event.office.name),
            "days": escape(days_text(event, lang)),
        }
        head = _head(event)
        signer = escape(f"{head.title}, {event.office.name}") if head else escape(event.office.name)
        body = (
            '<div class="certificate">'
            f"<h1>{escape(_('Certificate'))}</h1>"
            f"<p>{escape(_('This is to certify that'))}</p>"
            f'<p class="name">{who}</p>'
            f'<p class="body">{body_text}</p>'
            f'<p class="sign">____________________<br>{signer}</p>'
            f'<p class="serial">{escape(_("Serial"))}: {escape(participant.certificate_serial)} · '
            f"{escape(_('Verify at'))} {escape(verify_url(participant.certificate_serial))}</p>"
            "</div>"
        )
        return write_html_pdf(body, title=_("Certificate"), lang=lang, css=CERTIFICATE_CSS)


def attendance_sheet_pdf(event: Event, rows: list[Participant], *, lang: str = "bn") -> bytes:
    with translation.override(lang):
        number = to_bengali_digits if lang == "bn" else str
        lines = "".join(
            f"<tr><td>{number(n)}</td><td>{escape(r.name)}</td><td>{escape(r.designation)}</td>"
            f"<td>{escape(r.office_text)}</td><td>{escape(r.phone)}</td><td class='sign'></td></tr>"
            for n, r in enumerate(rows, start=1)
        )
        head = "".join(
            f"<th>{escape(h)}</th>"
            for h in (
                _("No."),
                _("name"),
                _("designation"),
                _("office"),
                _("mobile number"),
                _("Signature"),
            )
        )
        where = ", ".join(x for x in (event.office.name, days_text(event, lang), event.venue) if x)
        body = (
            f"<h1>{escape(_('Attendance sheet'))}</h1>"
            f"<p>{escape(event.title)} — {escape(where)}</p>"
            f'<table class="sheet"><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>'
        )
        return write_html_pdf(body, title=_("Attendance sheet"), lang=lang, css=SHEET_CSS)


def trained_list_pdf(paper: TrainedList, *, lang: str = "bn") -> bytes:
    """The list sent up: its memo number and date, then one line per officer."""
    with translation.override(lang):
        number = to_bengali_digits if lang == "bn" else str
        lines = "".join(
            f"<tr><td>{number(n)}</td><td>{escape(r['name'])}</td>"
            f"<td>{escape(r['designation'])}</td><td>{escape(r['office'])}</td>"
            f"<td>{escape(r['event'])}</td>"
            f"<td>{escape(format_date(dt.date.fromisoformat(r['held_on']), lang))}</td></tr>"
            for n, r in enumerate(paper.rows, start=1)
            if r.get("held_on")
        )
        head = "".join(
            f"<th>{escape(h)}</th>"
            for h in (_("No."), _("name"), _("designation"), _("office"), _("event"), _("held on"))
        )
        memo = paper.letter.memo_number if paper.letter else ""
        day = format_date(paper.letter.date, lang) if paper.letter else ""
        body = (
            f"<h1>{escape(_('List of trained officers'))}</h1>"
            f"<p>{escape(paper.office.name)} · {escape(_('Memo no. %(memo)s') % {'memo': memo})}"
            f" · {escape(day)}</p>"
            f'<table class="sheet"><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>'
        )
        return write_html_pdf(body, title=_("List of trained officers"), lang=lang, css=SHEET_CSS)
