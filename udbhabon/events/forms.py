"""Event forms: errors in the user's language, the services' rules behind them."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.core.forms import AmountField
from udbhabon.events.models import Event, EventKind, Gender, TrainedList


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of event"), choices=EventKind.choices)
    title = forms.CharField(label=_("title"), max_length=500)
    subject = forms.CharField(label=_("subject"), max_length=255, required=False)
    starts_on = forms.DateField(
        label=_("starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=_("start time"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    venue = forms.CharField(label=_("venue"), max_length=255, required=False)
    resource_persons = forms.CharField(
        label=_("resource persons"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    agenda = forms.CharField(
        label=_("agenda or syllabus"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    budget = AmountField(label=_("budget (taka)"), required=False, min_value=0)
    follows = forms.ModelChoiceField(
        label=_("cascades from"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("For a cascading workshop: the training whose participants it draws on."),
    )

    def __init__(self, *args: Any, trainings: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if trainings is not None:
            cast(forms.ModelChoiceField, self.fields["follows"]).queryset = trainings

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The event cannot end before it starts."))
        return data


class HeldForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=forms.DateInput(attrs={"type": "date"}))


class ReportForm(forms.Form):
    report = forms.CharField(label=_("report"), widget=forms.Textarea(attrs={"rows": 6}))


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for cancelling"), widget=forms.Textarea(attrs={"rows": 2})
    )


class GuestForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=255)
    designation = forms.CharField(label=_("designation"), max_length=255, required=False)
    office_text = forms.CharField(label=_("office"), max_length=255, required=False)
    phone = forms.CharField(label=_("mobile number"), max_length=32, required=False)
    gender = forms.ChoiceField(
        label=_("gender"), choices=[("", "—"), *Gender.choices], required=False
    )


class InviteForm(forms.Form):
    office = forms.CharField(label=_("office code"), max_length=64)
    untrained_only = forms.BooleanField(
        label=_("Only those not trained before in this subject"), required=False
    )


class FileForm(forms.Form):
    file = forms.FileField(label=_("Photo or document (JPG, PNG, PDF, DOCX, XLSX)"))
    caption = forms.CharField(label=_("caption"), max_length=200, required=False)


class TrainedListForm(forms.Form):
    to = forms.ChoiceField(label=_("sent to"), choices=TrainedList.To.choices)
    period_start = forms.DateField(label=_("from"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("until"), widget=forms.DateInput(attrs={"type": "date"}))


def status_choices() -> list[tuple[str, str]]:
    return [(v, str(label)) for v, label in Event.Status.choices]
