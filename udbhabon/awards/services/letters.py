"""The papers of a decision, numbered by documents.letter_issue and written as
PDF/DOCX by the documents' letter writer: the office order that names the winners
and a letter of thanks (ধন্যবাদপত্র) to each. In Bengali, the language offices file in."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _

from bangla.digits import to_bengali_digits
from udbhabon.awards.models import Award, Scheme
from udbhabon.documents.models import Letter
from udbhabon.documents.services import letter_issue
from udbhabon.offices.models import Post, User


def _head(scheme: Scheme) -> Post:
    head = Post.objects.filter(office=scheme.office, role=Post.Role.HEAD, is_active=True).first()
    return head or scheme.chair


def winner_line(award: Award) -> str:
    place = to_bengali_digits(award.place or 0)
    return f"{place}. {award.recipient}"


def order_issue(scheme: Scheme, awards: list[Award], day: dt.date, actor: User | None) -> Letter:
    with translation.override("bn"):
        subject = _("Office order: the winners of “%(award)s”, %(year)s") % {
            "award": scheme.title,
            "year": to_bengali_digits(scheme.year),
        }
        opening = _("On the jury's scores, the following are given “%(award)s” for %(year)s:") % {
            "award": scheme.title,
            "year": to_bengali_digits(scheme.year),
        }
        closing = (
            _("Each will receive a crest and a letter of thanks.")
            if scheme.crest
            else _("Each will receive a letter of thanks.")
        )
        body = "\n\n".join([opening, *(winner_line(a) for a in awards), closing])
    return letter_issue(
        office=scheme.office,
        kind=Letter.Kind.ORDER,
        subject=subject,
        date=day,
        actor=actor,
        signatory_post=_head(scheme),
        body=body,
        distribution=[a.recipient for a in awards],
    )


def thanks_issue(scheme: Scheme, award: Award, day: dt.date, actor: User | None) -> Letter:
    with translation.override("bn"):
        subject = _("Letter of thanks: “%(award)s”, %(year)s") % {
            "award": scheme.title,
            "year": to_bengali_digits(scheme.year),
        }
        body = _(
            "Thank you: %(name)s is given “%(award)s” for %(year)s (place %(place)s) for "
            "innovation in public service. We hope the work continues and spreads."
        ) % {
            "name": award.recipient,
            "award": scheme.title,
            "year": to_bengali_digits(scheme.year),
            "place": to_bengali_digits(award.place or 0),
        }
    return letter_issue(
        office=scheme.office,
        kind=Letter.Kind.OTHER,
        subject=subject,
        date=day,
        actor=actor,
        signatory_post=_head(scheme),
        body=body,
        addressee=award.recipient,
    )
