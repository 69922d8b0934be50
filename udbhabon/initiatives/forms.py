"""Input of the initiatives' pages; the bounds' messages come from the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import DayField, WholeNumberField
from udbhabon.initiatives.models import GrantSource, Initiative, Origin, Service, TeamRole
from udbhabon.plans.models import PlanItem


class MoveForm(forms.Form):
    action = forms.CharField(max_length=20)
    comment = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)
    launched_on = DayField(label=_("Launched on"), required=False)


class TcvFields(forms.Form):
    """Days and hours are typed apart and stored as hours."""

    days_before = WholeNumberField(label=_("Time before: days"), min_value=0, required=False)
    hours_before = WholeNumberField(label=_("and hours"), min_value=0, required=False)
    days_after = WholeNumberField(label=_("Time after: days"), min_value=0, required=False)
    hours_after = WholeNumberField(label=_("and hours"), min_value=0, required=False)
    taka_before = WholeNumberField(label=_("Cost before (taka)"), min_value=0, required=False)
    taka_after = WholeNumberField(label=_("Cost after (taka)"), min_value=0, required=False)
    visits_before = WholeNumberField(label=_("Visits before"), min_value=0, required=False)
    visits_after = WholeNumberField(label=_("Visits after"), min_value=0, required=False)
    recipients = WholeNumberField(
        label=_("Recipients a year"), min_value=0, required=False, help_text=_("after the change")
    )

    def figures(self) -> dict[str, Any]:
        data = self.cleaned_data
        out: dict[str, Any] = {}
        for side in ("before", "after"):
            days, hours = data.get(f"days_{side}"), data.get(f"hours_{side}")
            out[f"hours_{side}"] = (
                None if days is None and hours is None else (days or 0) * 24 + (hours or 0)
            )
            out[f"taka_{side}"] = data.get(f"taka_{side}")
            out[f"visits_{side}"] = data.get(f"visits_{side}")
        out["recipients"] = data.get("recipients")
        return out


class TcvForm(VersionedForm, TcvFields):
    """The initiative's own figures, drawn from its version."""


class AdoptForm(TcvFields):
    """The adopting office's own pilot date and figures; the figures before may be left
    empty (its own Citizen Charter entry for the service gives them)."""

    pilot_started_on = DayField(label=_("Pilot started on"), required=False)


def tcv_initial(initiative: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {"recipients": initiative.recipients}
    for side in ("before", "after"):
        hours = getattr(initiative, f"hours_{side}")
        if hours is not None:
            initial[f"days_{side}"], initial[f"hours_{side}"] = divmod(hours, 24)
        initial[f"taka_{side}"] = getattr(initiative, f"taka_{side}")
        initial[f"visits_{side}"] = getattr(initiative, f"visits_{side}")
    return initial


class FromIdeaForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service it simplifies"), queryset=Service.objects.none(), required=False
    )

    def __init__(self, *args: Any, services: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if services is not None:
            self.fields["service"].queryset = services  # type: ignore[attr-defined]


class NewForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    origin = forms.ChoiceField(
        label=_("Comes from"), choices=[c for c in Origin.choices if c[0] != Origin.IDEA]
    )
    summary = forms.CharField(label=_("What changes"), required=False, widget=forms.Textarea)
    service = forms.ModelChoiceField(
        label=_("Service it simplifies"), queryset=Service.objects.none(), required=False
    )
    instruction = forms.CharField(
        label=_("Instruction (memo number and date)"), max_length=255, required=False
    )
    plan_item = forms.ModelChoiceField(
        label=_("Row of the action plan"), queryset=PlanItem.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, services: Any = None, plan_items: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if services is not None:
            self.fields["service"].queryset = services  # type: ignore[attr-defined]
        if plan_items is not None:
            field = self.fields["plan_item"]
            field.queryset = plan_items  # type: ignore[attr-defined]
            field.label_from_instance = _plan_row  # type: ignore[attr-defined]


def _plan_row(item: Any) -> str:
    """A plan row as the officer knows it: its serial and activity."""
    from udbhabon.core.lang import digits

    label = f"{digits(item.serial)}{item.label}" if item.label else digits(item.serial)
    return f"{label}. {item.activity[:80]}"


class SelectForm(forms.Form):
    """The year's priority services: up to three, each with its recipients a year."""

    ROWS = 3

    def __init__(self, *args: Any, services: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, self.ROWS + 1):
            self.fields[f"service_{n}"] = forms.ModelChoiceField(
                label=_("Service"), queryset=services, required=n == 1
            )
            self.fields[f"recipients_{n}"] = WholeNumberField(
                label=_("Recipients a year"), min_value=1, required=n == 1
            )

    def chosen(self) -> list[tuple[Any, int]]:
        data = self.cleaned_data
        return [
            (data[f"service_{n}"], data[f"recipients_{n}"])
            for n in range(1, self.ROWS + 1)
            if data.get(f"service_{n}") and data.get(f"recipients_{n}")
        ]


class ChainStepForm(forms.Form):
    step = forms.CharField(max_length=16, widget=forms.HiddenInput)
    done_on = DayField(label=_("Date"))
    evidence = forms.CharField(label=_("Evidence"), required=False, max_length=2000)
    recommendation = forms.CharField(
        label=_("Recommended amendment"), required=False, widget=forms.Textarea
    )
    addressee = forms.CharField(label=_("Addressed to"), required=False, max_length=255)
    recommendation_status = forms.CharField(
        label=_("Status of the recommendation"), required=False, max_length=255
    )
    initiative = forms.ModelChoiceField(
        label=_("Its initiative"), queryset=Initiative.objects.none(), required=False
    )
    members = forms.CharField(
        label=_("Members of the committee"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: name, designation. The office order is issued with them."),
    )

    def __init__(self, *args: Any, initiatives: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if initiatives is not None:
            self.fields["initiative"].queryset = initiatives  # type: ignore[attr-defined]


class VisitForm(forms.Form):
    visited_on = DayField(label=_("Visited on"))
    findings = forms.CharField(label=_("What the visit found"), widget=forms.Textarea)
    follow_up = forms.CharField(label=_("Follow-up actions"), required=False, widget=forms.Textarea)
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )


class GrantForm(forms.Form):
    """A grant from any source; a SIF grant is recorded as the application to a2i."""

    source = forms.ChoiceField(label=_("Source"), choices=GrantSource.choices)
    requested = WholeNumberField(label=_("Requested (taka)"), min_value=0, required=False)
    approved = WholeNumberField(label=_("Approved (taka)"), min_value=0, required=False)
    order = forms.CharField(label=_("Order (memo number and date)"), max_length=255, required=False)
    # A SIF application: sent to a2i as a letter with these.
    duration_months = WholeNumberField(
        label=_("Duration (months)"),
        min_value=0,
        required=False,
        help_text=_("for a SIF application"),
    )
    problem = forms.CharField(
        label=_("The problem identified"),
        required=False,
        widget=forms.Textarea,
        help_text=_("for a SIF application; empty: the idea's"),
    )
    solution = forms.CharField(
        label=_("The proposed solution"),
        required=False,
        widget=forms.Textarea,
        help_text=_("for a SIF application; empty: the idea's"),
    )


class GrantStepForm(forms.Form):
    """a2i's answer to a SIF application, a release or a utilisation report."""

    action = forms.ChoiceField(
        choices=[("answer", "answer"), ("release", "release"), ("utilise", "utilise")]
    )
    amount = WholeNumberField(label=_("Amount (taka)"), min_value=0)
    note = forms.CharField(label=_("Order or note"), max_length=255, required=False)


class MemberForm(forms.Form):
    """One member of the initiative's team; the service checks the photo's content."""

    name = forms.CharField(label=_("Name"), max_length=120)
    designation = forms.CharField(label=_("Designation"), max_length=120, required=False)
    office_name = forms.CharField(label=_("Office"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=_("Role in the team"), choices=TeamRole.choices, initial=TeamRole.MEMBER
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
        help_text=_("JPG, PNG or WebP."),
    )


class TeamPublicForm(forms.Form):
    public = forms.BooleanField(
        label=_("Show the team's names and photos on the public page"), required=False
    )
