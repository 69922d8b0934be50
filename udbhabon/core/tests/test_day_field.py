"""The one date field: dd/mm/yyyy in Bengali or ASCII digits, shown in the page's digits."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import translation

from udbhabon.core.forms import DayField


class _Form(forms.Form):
    on = DayField()


def _read(text: str) -> dt.date | None:
    form = _Form({"on": text})
    return form.cleaned_data["on"] if form.is_valid() else None


def test_it_reads_dd_mm_yyyy_in_bengali_or_ascii_digits_and_iso():
    day = dt.date(2026, 12, 7)
    for text in ("০৭/১২/২০২৬", "7/12/2026", "07-12-2026", "০৭.১২.২০২৬", "2026-12-07"):
        assert _read(text) == day, text
    assert _read("12/31/2026") is None  # no month 31: mm/dd is not read


def test_it_shows_dd_mm_yyyy_in_the_pages_digits_as_a_text_box():
    form = _Form(initial={"on": dt.date(2026, 12, 7)})
    with translation.override("bn"):
        html = str(form["on"])
        assert 'value="০৭/১২/২০২৬"' in html and 'type="text"' in html
        assert 'placeholder="দদ/মম/বববব"' in html and 'inputmode="numeric"' in html
    with translation.override("en"):
        assert 'value="07/12/2026"' in str(form["on"])
    # What was typed comes back as typed, after an error elsewhere.
    with translation.override("bn"):
        assert 'value="০৭/১২/২০২৬"' in str(_Form({"on": "07/12/2026"})["on"])
