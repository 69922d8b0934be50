from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import DayField, WholeNumberField


class TableForm(forms.Form):
    """The table's filters, all in the URL so they survive a reload."""

    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    level = forms.CharField(required=False, max_length=16)
    sort = forms.CharField(required=False, max_length=16)
    dir = forms.ChoiceField(required=False, choices=[("asc", "asc"), ("desc", "desc")])
    page = forms.IntegerField(required=False, min_value=1)


class RemindForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)
    period = forms.RegexField(regex=r"^(plan|report|minutes):[0-9-]{4,7}$", max_length=32)


class DeadlineForm(VersionedForm, forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    plan_due = DayField(label=_("Action plan due by"))
    report1_due = DayField(label=_("First half-yearly report (July–December) due by"))
    report2_due = DayField(label=_("Second half-yearly report (January–June) due by"))
    minutes_days = WholeNumberField(
        label=_("Minutes due, days after the end of the meeting's month"),
        min_value=0,
        max_value=120,
    )
    remind_before_days = WholeNumberField(
        label=_("Remind the office this many days before a due date"), min_value=0, max_value=60
    )
    escalate_after_days = WholeNumberField(
        label=_("Tell the office above this many days after a missed due date"),
        min_value=1,
        max_value=120,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        plan, r1, r2 = data.get("plan_due"), data.get("report1_due"), data.get("report2_due")
        if plan and r1 and r1 <= plan:
            self.add_error(
                "report1_due", _("The first report must fall due after the action plan.")
            )
        if r1 and r2 and r2 <= r1:
            self.add_error("report2_due", _("The second report must fall due after the first one."))
        return data
