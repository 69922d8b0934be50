"""The directory's choices: which period, which format; which initiative to nominate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.directory.periods import Span

FORMAT_CHOICES = [("pdf", "PDF"), ("docx", "DOCX (Word)")]


class MakeForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        error_messages={"invalid_choice": _("Choose one of the periods offered.")},
    )
    fmt = forms.ChoiceField(
        label=_("Format"),
        choices=FORMAT_CHOICES,
        initial="pdf",
        error_messages={"invalid_choice": _("Choose PDF or DOCX.")},
    )

    def __init__(self, *args, spans: list[Span], lang: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spans = {s.key: s for s in spans}
        field = self.fields["period"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(s.key, s.label(lang)) for s in spans]


class NominateForm(forms.Form):
    initiative = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Choose an initiative from the list.")},
    )
