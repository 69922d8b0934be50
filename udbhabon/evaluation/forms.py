"""The framework's forms: its header (versioned: a stale save is refused), its rows in
the APA layout (sheet.py turns them into the spec and names each row's problems), the
sheet to import, and the scorecard's small forms (figure, moderation, answer)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import DayField, WholeNumberField
from udbhabon.evaluation import sheet
from udbhabon.evaluation.models import DirectionChoice, Level
from udbhabon.plans.metrics import Unit

YEARS_FROM, YEARS_TO = 2000, 2100


class HeaderForm(VersionedForm, forms.Form):
    """What a framework is for; year and level only when it is created."""

    year = WholeNumberField(
        label=_("fiscal year (its first calendar year)"), min_value=YEARS_FROM, max_value=YEARS_TO
    )
    level = forms.ChoiceField(label=_("office level"), choices=Level.choices)
    effective_from = DayField(label=_("in force from"))
    title = forms.CharField(label=_("title"), max_length=255, required=False)
    division_share = WholeNumberField(
        label=_("share a division may add"), min_value=0, max_value=100, initial=0
    )

    def __init__(self, *args: Any, creating: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["year"], self.fields["level"]


class RowForm(forms.Form):
    """One indicator's row; every check is sheet.rows_to_spec's, naming the row."""

    objective = forms.CharField(label=_("Strategic objective"), max_length=500, required=False)
    objective_weight = forms.CharField(
        label=_("Weight of the objective"), max_length=16, required=False
    )
    activity = forms.CharField(label=_("Activity"), max_length=500, required=False)
    indicator = forms.CharField(label=_("Performance indicator"), max_length=500, required=False)
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", "—"), *Unit.choices], required=False)
    weight = forms.CharField(label=_("Weight of the indicator"), max_length=16, required=False)
    previous = forms.CharField(
        label=_("Previous year's achievement"), max_length=64, required=False
    )
    t100 = forms.CharField(label=_("Outstanding (100%)"), max_length=32, required=False)
    t90 = forms.CharField(label=_("Very good (90%)"), max_length=32, required=False)
    t80 = forms.CharField(label=_("Good (80%)"), max_length=32, required=False)
    t70 = forms.CharField(label=_("Fair (70%)"), max_length=32, required=False)
    t60 = forms.CharField(label=_("Below fair (60%)"), max_length=32, required=False)
    projection = forms.CharField(label=_("Next year's projection"), max_length=64, required=False)
    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("", "—"), *DirectionChoice.choices], required=False
    )
    metric = forms.CharField(label=_("Measured by"), max_length=64, required=False)
    due_on = forms.CharField(label=_("Due on"), max_length=16, required=False)
    mandatory = forms.BooleanField(label=_("Mandatory in every plan"), required=False)


RowFormSet = forms.formset_factory(
    RowForm, extra=0, max_num=sheet.MAX_ROWS, absolute_max=sheet.MAX_ROWS, validate_max=True
)


class ImportForm(forms.Form):
    sheet = forms.FileField(label=_("The framework as a DOCX, XLSX or PDF file"))
    year = WholeNumberField(
        label=_("fiscal year (its first calendar year)"), min_value=YEARS_FROM, max_value=YEARS_TO
    )
    level = forms.ChoiceField(label=_("office level"), choices=Level.choices)
    effective_from = DayField(label=_("in force from"))
    title = forms.CharField(label=_("title"), max_length=255, required=False)
    division_share = WholeNumberField(
        label=_("share a division may add"), min_value=0, max_value=100, initial=0
    )


class FigureForm(VersionedForm, forms.Form):
    value = forms.CharField(label=_("Achievement"), max_length=64)
    evidence_note = forms.CharField(label=_("Evidence"), max_length=500, required=False)
    evidence = forms.FileField(label=_("Evidence file"), required=False)


class ModerationForm(VersionedForm, forms.Form):
    score = forms.CharField(label=_("Score"), max_length=8, required=False)
    reason = forms.CharField(label=_("Reason"), required=False)
    answer = forms.CharField(label=_("Your answer"), required=False)
