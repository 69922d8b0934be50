"""Input validation for the meetings pages; messages in the user's language."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangla.fiscal import fiscal_year_of
from udbhabon.core.forms import DayField
from udbhabon.meetings.models import MeetingKind
from udbhabon.offices.models import Post

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PostChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Post) -> str:
        holding = next(iter(getattr(obj, "current_holdings", [])), None)
        return f"{obj.title} — {holding.user.display_name}" if holding else obj.title


def _chair_field(office_posts: list[Post]) -> PostChoiceField:
    field = PostChoiceField(
        label=_("Chair"),
        queryset=Post.objects.filter(pk__in=[p.pk for p in office_posts]),
        required=False,
        empty_label=_("— choose —"),
    )
    # Reuse the posts already loaded (with holders) instead of a second query.
    field.choices = [("", field.empty_label)] + [
        (p.pk, field.label_from_instance(p)) for p in office_posts
    ]
    return field


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of meeting"), choices=MeetingKind.choices, initial=MeetingKind.TEAM_MONTHLY
    )
    date = DayField(label=_("Date"))
    time = forms.TimeField(label=_("Time"), required=False, widget=TIME)
    place = forms.CharField(
        label=_("Place"),
        max_length=255,
        required=False,
        help_text=_("e.g. জেলা প্রশাসকের সম্মেলন কক্ষ"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Leave empty to use the usual title with the month."),
    )

    def __init__(self, *args: Any, office_posts: list[Post], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair_post"] = _chair_field(office_posts)


class ScheduleForm(forms.Form):
    text = forms.CharField(
        label=_("When the meeting takes place"),
        max_length=255,
        help_text=_("Write it as in the plan, e.g. প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    starts_on = DayField(label=_("From"))
    ends_on = DayField(label=_("Until"))
    kind = forms.ChoiceField(
        label=_("Kind of meeting"), choices=MeetingKind.choices, initial=MeetingKind.TEAM_MONTHLY
    )
    time = forms.TimeField(label=_("Time"), required=False, widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)

    def __init__(self, *args: Any, office_posts: list[Post], **kwargs: Any) -> None:
        fy = fiscal_year_of(timezone.localdate())
        kwargs.setdefault("initial", {"starts_on": fy.start, "ends_on": fy.end})
        super().__init__(*args, **kwargs)
        self.fields["chair_post"] = _chair_field(office_posts)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        if start and end and (end - start).days > 3 * 366:
            self.add_error("ends_on", _("Plan at most three years ahead."))
        return data


class AgendaAddForm(forms.Form):
    topic = forms.CharField(label=_("New agenda item"), max_length=2000)


class ItemForm(forms.Form):
    """One agenda item in the minutes editor (prefix "i<pk>")."""

    topic = forms.CharField(label=_("Agenda item"), widget=forms.Textarea(attrs={"rows": 2}))
    discussion = forms.CharField(
        label=_("Discussion"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    decision = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    implementer_text = forms.CharField(
        label=_("Implementer"),
        required=False,
        help_text=_("Posts or offices; separate several with “;”."),
        widget=forms.TextInput(attrs={"list": "implementers", "autocomplete": "off"}),
    )
    due_date = DayField(label=_("Due date"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class HeaderForm(forms.Form):
    """The minutes' header block (prefix "m")."""

    title = forms.CharField(label=_("Title"), max_length=500)
    date = DayField(label=_("Date"))
    time = forms.TimeField(label=_("Time"), required=False, widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    chair_text = forms.CharField(label=_("Chair (as written)"), max_length=500, required=False)
    attendance_reference = forms.CharField(
        label=_("Members present"),
        max_length=255,
        required=False,
        help_text=_(
            "Leave empty for “পরিশিষ্ট “ক” দ্রষ্টব্য।”: the attendance is then printed as annex ক."
        ),
    )
    opening = forms.CharField(
        label=_("Opening paragraph"),
        required=False,
        help_text=_(
            "Printed as written here; nothing is printed while it is empty. The usual "
            "sentence is shown greyed as an example."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closing = forms.CharField(
        label=_("Closing paragraph"),
        required=False,
        help_text=_(
            "Printed as written here; nothing is printed while it is empty. The office's "
            "usual closing is shown greyed as an example."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def offer(self, usual: dict[str, str]) -> None:
        """The usual sentences as the boxes' placeholders, never as values."""
        for name in ("opening", "closing"):
            self.fields[name].widget.attrs["placeholder"] = usual[name]


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Team members present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    guests = forms.CharField(
        label=_("Guests"),
        required=False,
        help_text=_("One guest a line: name, designation, office."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    remove_guests = forms.TypedMultipleChoiceField(
        label=_("Remove guests"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, team: list[Post], guest_choices: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["present"]).choices = [(p.pk, p.title) for p in team]
        cast(forms.ChoiceField, self.fields["remove_guests"]).choices = guest_choices


class SendForm(forms.Form):
    date = DayField(label=_("Date of the memo"))
    distribution = forms.CharField(
        label=_("Copy to (distribution list)"),
        help_text=_("One recipient a line. The parent office receives the minutes in any case."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    copies_action = forms.CharField(
        label=_("Copy for information/action (one line per member)"),
        help_text=_(
            "Printed after the memo's signature under অনুলিপি জ্ঞাতার্থে/কার্যার্থে; one recipient a line."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    memo_number = forms.CharField(
        label=_("Memo number already given"),
        max_length=96,
        required=False,
        help_text=_(
            "Only for minutes already sent on paper; leave empty to take the next memo number."
        ),
    )
    body = forms.CharField(
        label=_("Forwarding sentence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_distribution(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["distribution"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("Write at least one recipient."))
        return lines

    def clean_copies_action(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["copies_action"].splitlines()]
        return [line for line in lines if line]

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The memo cannot be dated in the future."))
        return date


class CorrectForm(forms.Form):
    reason = forms.CharField(
        label=_("What is being corrected"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("How it was done"),
        help_text=_("Closing needs a note: what was done, with a reference if there is one."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Follow-up"), widget=forms.Textarea(attrs={"rows": 2}))
    in_progress = forms.BooleanField(label=_("Work has started"), required=False)


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Which decisions"),
        required=False,
        choices=[
            ("open", _("Open")),
            ("overdue", _("Overdue")),
            ("closed", _("Done")),
            ("all", _("All")),
        ],
    )
    q = forms.CharField(label=_("Words in the decision"), max_length=100, required=False)


class MonthFilterForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
