"""Forms of the plans pages: labels, hints and errors in the user's language.

Numbers and dates may be typed in Bengali digits (৫০০, ২৩/০৮/২০১৭); the Bn*
fields read them. Nothing here writes: views pass cleaned data to services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bangla.digits import localize_digits, to_ascii_digits
from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import AmountField, DayField, WholeNumberField
from udbhabon.core.lang import current_lang
from udbhabon.offices.models import Post
from udbhabon.plans import periods
from udbhabon.plans.models import ItemPart, ItemStatus, YearKind

# Phrases officers write in the responsible cell when no single post is meant.
RESPONSIBLE_PHRASES = (
    "জেলা ইনোভেশন টিম",
    "উপজেলা ইনোভেশন টিম",
    "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার",
    "সংশ্লিষ্ট শাখা",
    "সকল শাখা",
)


# The one date field of every form (udbhabon.core.forms.DayField): dd/mm/yyyy in
# Bengali or ASCII digits.
BnDateField = DayField


def year_choices() -> list[tuple[int, str]]:
    now = periods.current_fiscal_year(timezone.localdate())
    return [(y, periods.year_label(y, "fiscal")) for y in range(now + 1, 2014, -1)]


class PlanCreateForm(forms.Form):
    START_CHOICES = [
        ("last_year", _("From last year's plan (dates moved forward)")),
        ("skeleton", _("From the standard categories (one row each)")),
        ("empty", _("An empty plan")),
    ]
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=year_choices)
    year_kind = forms.ChoiceField(
        label=_("Kind of year"),
        choices=YearKind.choices,
        initial=YearKind.FISCAL,
        help_text=_("Plans run by fiscal year (July to June); older plans by calendar year."),
    )
    start_from = forms.ChoiceField(
        label=_("Start"), choices=START_CHOICES, widget=forms.RadioSelect, initial="last_year"
    )

    def __init__(self, *args: Any, latest: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Calendar years are labelled plainly ("২০১৬"): relabel when chosen.
        cast(forms.ChoiceField, self.fields["year"]).choices = year_choices()
        # Say what the copy will do: which plan it copies and where its dates go
        # (a 2017-18 plan copied into 2026-27 moves its dates nine years, not one).
        choices: list[tuple[str, str | Promise]] = list(self.START_CHOICES)
        if latest is None:
            choices = [c for c in choices if c[0] != "last_year"]
            self.fields["start_from"].initial = "skeleton"
        else:
            label = periods.year_label(latest.year, latest.year_kind)
            choices[0] = (
                "last_year",
                _("From the %(year)s plan (its rows, with dates moved into the year chosen)")
                % {"year": label},
            )
        cast(forms.ChoiceField, self.fields["start_from"]).choices = choices


class ItemForm(VersionedForm, forms.Form):
    """One row of the eight columns. Only the target's number can be wrong here;
    everything else a draft may leave unfinished (warnings.py says what)."""

    label = forms.CharField(
        label=_("Sub-label"),
        required=False,
        max_length=8,
        help_text=_("ক, খ, গ … for items of one group."),
    )
    category = forms.CharField(
        label=_("Category"),
        required=False,
        max_length=500,
        help_text=_("Pick from the list or write your own."),
    )
    activity = forms.CharField(
        label=_("Proposed activity"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    start_text = forms.CharField(
        label=_("Start"),
        required=False,
        max_length=1000,
        help_text=_("As you would write it: ০১ জুলাই ২০১৭, জুলাই/২০১৭, প্রতিমাসের দ্বিতীয় সোমবার …"),
    )
    end_text = forms.CharField(label=_("End"), required=False, max_length=1000)
    responsible_posts = forms.ModelMultipleChoiceField(
        label=_("Responsible posts"),
        queryset=Post.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    responsible_text = forms.CharField(
        label=_("Others responsible"),
        required=False,
        max_length=500,
        help_text=_("For example: জেলা ইনোভেশন টিম"),
    )
    expected_outcome = forms.CharField(
        label=_("Expected outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    indicator = forms.CharField(
        label=_("Measurement indicator"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target_value = AmountField(
        label=_("Target"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={"invalid": _("Write the target as a number, for example ২০.")},
    )
    target_unit = forms.CharField(
        label=_("Unit"), required=False, max_length=64, help_text=_("For example: টি প্রকল্প")
    )

    def __init__(self, *args: Any, posts: list[Post] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelMultipleChoiceField[Post]", self.fields["responsible_posts"])
        field.queryset = Post.objects.filter(pk__in=[p.pk for p in posts or []])
        # The choices come from the list already loaded (no query when rendering).
        field.choices = [(p.pk, p.title) for p in posts or []]

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["target_value"] = data.get("target_value")
        return data


class LetterForm(VersionedForm, forms.Form):
    """The forwarding letter that carries a plan or a report up (documents.Letter)."""

    subject = forms.CharField(label=_("Subject"), max_length=500)
    reference = forms.CharField(
        label=_("Reference"),
        required=False,
        max_length=500,
        help_text=_("The earlier letter this answers, if any."),
    )
    reference_memo = forms.CharField(
        label=_("Reference: memo number"),
        required=False,
        max_length=96,
        help_text=_("The memo number of the earlier letter; printed with its date."),
    )
    reference_date = BnDateField(label=_("Reference: date"), required=False)
    date = BnDateField(label=_("Date"))
    signatory_post = forms.ModelChoiceField(
        label=_("Signed by"), queryset=Post.objects.none(), empty_label=None
    )
    addressee = forms.CharField(
        label=_("To"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(label=_("Letter"), widget=forms.Textarea(attrs={"rows": 4}))
    attachments = forms.CharField(
        label=_("Attachments"),
        required=False,
        max_length=128,
        help_text=_("For example: ০৫ (পাঁচ) পাতা"),
    )
    distribution = forms.CharField(
        label=_("Copy to"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One recipient on each line."),
    )
    acknowledge = forms.BooleanField(
        label=_("I have checked the warnings above; send the plan as it is."),
        required=False,
    )

    def __init__(
        self, *args: Any, posts: list[Post] | None = None, needs_ack: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.needs_ack = needs_ack
        field = cast("forms.ModelChoiceField[Post]", self.fields["signatory_post"])
        field.queryset = Post.objects.filter(pk__in=[p.pk for p in posts or []])
        if not needs_ack:
            del self.fields["acknowledge"]

    def clean_acknowledge(self) -> bool:
        value = self.cleaned_data.get("acknowledge", False)
        if self.needs_ack and not value:
            raise ValidationError(_("Tick this box after checking the warnings."))
        return value

    def distribution_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["distribution"].splitlines()]

    def reference_line(self) -> str:
        """The reference as printed after "সূত্র: ": the text typed, then the earlier
        letter's memo number and its date in both calendars ("স্মারক নং-…, তারিখ: …")."""
        from bangla.calendar import to_bangla
        from udbhabon.documents.writers.text import format_bangla_date, format_date

        data = self.cleaned_data
        parts = [data.get("reference") or ""]
        if memo := (data.get("reference_memo") or "").strip():
            parts.append(f"স্মারক নং-{memo}")
        if day := data.get("reference_date"):
            bangla = format_bangla_date(to_bangla(day).as_dict(), "bn")  # type: ignore[arg-type]
            gregorian = format_date(day.isoformat(), "bn")
            parts.append(f"তারিখ: {bangla} বঙ্গাব্দ/{gregorian} খ্রিস্টাব্দ")
        return ", ".join(part.strip() for part in parts if part.strip())

    def letter(self) -> dict[str, Any]:
        """The letter's fields as plan_submit and report_submit take them."""
        data = self.cleaned_data
        names = ("subject", "date", "signatory_post", "addressee", "body")
        return {
            **{name: data[name] for name in names},
            "reference": self.reference_line(),
            "distribution": self.distribution_list(),
            "attachments": data["attachments"],
        }


class ReviewForm(VersionedForm, forms.Form):
    decision = forms.ChoiceField(
        choices=[("return", _("Return with comments")), ("accept", _("Accept"))]
    )
    comment = forms.CharField(
        label=_("Comment on the whole"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, item_ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item_ids = item_ids or []
        for pk in self.item_ids:
            self.fields[f"item_{pk}"] = forms.CharField(
                label=_("Comment on this item"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_comments(self) -> dict[int, str]:
        return {pk: self.cleaned_data.get(f"item_{pk}", "") for pk in self.item_ids}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (
            (data.get("comment") or "").strip()
            or any(v.strip() for v in self.item_comments().values())
        ):
            raise ValidationError(
                _("Write what should change: a comment on the whole or on an item.")
            )
        return data

    def item_field(self, pk: int) -> forms.BoundField:
        return self[f"item_{pk}"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ProgressForm(forms.Form):
    """One item's progress for a half-year (one form per row, prefixed by the item)."""

    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    percent = WholeNumberField(label=_("Percent done"), required=False, min_value=0, max_value=100)
    achieved = AmountField(
        label=_("Achieved"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    done_text = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(
        label=_("Reason (if delayed or dropped)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    date = BnDateField(label=_("Date of the update"), required=False)
    files = MultipleFileField(  # type: ignore[assignment]  # a field; the form's own .files is set per instance
        label=_("Evidence files"),
        required=False,
        help_text=_("PDF, photo (JPG, PNG), Word or Excel."),
    )
    link = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == ItemStatus.DROPPED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Write why the item was dropped."))
        return data


# The sheet's columns (documents/writers read_progress_sheet) that fill a ProgressForm field.
SHEET_FIELDS = (
    ("status", "status"),
    ("percent", "percent"),
    ("achieved", "achieved"),
    ("done_text", "done"),
    ("reason", "reason"),
    ("date", "date"),
)


def progress_initial(item: Any, latest: Any) -> dict[str, Any]:
    """A row's form as last recorded (the item's own figures before any update)."""
    return {
        "status": latest.status if latest else item.status,
        "percent": latest.percent if latest else item.percent,
        "achieved": latest.achieved if latest else None,
        "done_text": latest.done_text if latest else "",
        "reason": latest.reason if latest else "",
        "date": latest.date if latest else None,
    }


def merge_sheet_row(initial: dict[str, Any], from_sheet: Any) -> dict[str, Any]:
    """The row's values with the uploaded sheet's filled cells over them."""
    merged = dict(initial)
    for ours, theirs in SHEET_FIELDS:
        value = getattr(from_sheet, theirs, None)  # a sheet of an older form lacks some
        if value is not None:
            merged[ours] = value
    return merged


class ProgressFormSet:
    """One ProgressForm per editable row of the progress screen, keyed by item id.

    Each form's inputs are named ``i<item id>-<field>`` (ids ``p<item id>_i<item id>-<field>``),
    so a row is bound only when its fields were sent: a row left out (another filter,
    another page) is left alone.
    """

    def __init__(
        self,
        initial_by_item: dict[int, dict[str, Any]],
        data: Any = None,
        files: Any = None,
    ) -> None:
        sent = [*data, *(files or [])] if data is not None else []
        self.forms: dict[int, ProgressForm] = {}
        for pk, initial in initial_by_item.items():
            bound = any(key.startswith(f"i{pk}-") for key in sent)
            self.forms[pk] = ProgressForm(
                data if bound else None,
                files if bound else None,
                prefix=f"i{pk}",
                initial=initial,
                auto_id=f"p{pk}_%s",
            )

    def get(self, pk: int) -> ProgressForm | None:
        return self.forms.get(pk)

    @property
    def bound(self) -> dict[int, ProgressForm]:
        return {pk: f for pk, f in self.forms.items() if f.is_bound}

    def is_valid(self) -> bool:
        """Some row was sent, and every row sent is valid."""
        bound = self.bound
        return bool(bound) and all(f.is_valid() for f in bound.values())


class ReportRowsForm(VersionedForm, forms.Form):
    def __init__(self, *args: Any, rows: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows or []
        for row in self.rows:
            self.fields[f"progress_{row.pk}"] = forms.CharField(
                label=_("Implementation progress"),
                required=False,
                initial=row.progress,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"remarks_{row.pk}"] = forms.CharField(
                label=_("Remarks"),
                required=False,
                initial=row.remarks,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def conflict_label(self, name: str) -> str:
        row = next((r for r in self.rows if name.endswith(f"_{r.pk}")), None)
        label = str(self.fields[name].label)
        return f"{label} ({localize_digits(str(row.serial), current_lang())})" if row else label

    def values(self) -> dict[int, dict[str, str]]:
        return {
            row.pk: {
                "progress": self.cleaned_data[f"progress_{row.pk}"],
                "remarks": self.cleaned_data[f"remarks_{row.pk}"],
            }
            for row in self.rows
        }


class TeamForm(VersionedForm, forms.Form):
    convener = forms.ModelChoiceField(label=_("Convener"), queryset=Post.objects.none())
    member_secretary = forms.ModelChoiceField(
        label=_("Member secretary"), queryset=Post.objects.none()
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=Post.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("Other members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Members who do not hold a post of this office: one on each line."),
    )
    order_memo_number = forms.CharField(
        label=_("Office order memo number"), required=False, max_length=96
    )
    order_date = BnDateField(label=_("Office order date"), required=False)

    def __init__(self, *args: Any, posts: list[Post] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Post.objects.filter(pk__in=[p.pk for p in posts or []])
        for name in ("convener", "member_secretary", "members"):
            cast("forms.ModelChoiceField[Post]", self.fields[name]).queryset = qs

    def others_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["others"].splitlines() if line.strip()]


def parse_month(value: str | None, default: dt.date) -> dt.date:
    """ "2017-09" (or Bengali digits) → 1 September 2017; anything else → default's month."""
    try:
        year, month = (int(p) for p in to_ascii_digits(value or "").split("-")[:2])
        return dt.date(year, month, 1)
    except (ValueError, TypeError):
        return default.replace(day=1)


class ItemPartForm(forms.ModelForm):
    """An office's part of a shared row for a half-year (services.item_part_record)."""

    percent = WholeNumberField(label=_("Percent done"), required=False, min_value=0, max_value=100)
    achieved = AmountField(
        label=_("Achieved"), required=False, min_value=0, max_digits=14, decimal_places=2
    )

    class Meta:
        model = ItemPart
        fields = ["status", "percent", "achieved", "done_text"]
        widgets = {"done_text": forms.Textarea(attrs={"rows": 3})}


class PostChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title}, {obj.office.name}"


class ItemResponsibilityForm(forms.Form):
    """Who answers for a row beyond the plan's own posts (services.item_set_responsibility):
    posts of offices below as lead or in support, every office below of a kind, the team."""

    every_below = forms.MultipleChoiceField(
        label=_("Every office below of a kind"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead = PostChoice(
        label=_("Lead officers of other offices"),
        queryset=Post.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supporting = PostChoice(
        label=_("In support"),
        queryset=Post.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    team = forms.BooleanField(label=_("The innovation team"), required=False)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], posts: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["every_below"]).choices = choices
        for name in ("lead", "supporting"):
            cast(forms.ModelMultipleChoiceField, self.fields[name]).queryset = posts


class ResponsibleChoiceForm(forms.Form):
    """Whom an imported row's responsible cell names, as the officer confirms it on the
    import review: posts (lead or in support), every office of a kind below, the team."""

    lead = forms.TypedMultipleChoiceField(
        label=_("Responsible posts"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    supporting = forms.TypedMultipleChoiceField(
        label=_("Posts in support"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    every_below = forms.MultipleChoiceField(
        label=_("Every office below of a kind"), required=False, widget=forms.CheckboxSelectMultiple
    )
    team = forms.BooleanField(label=_("The innovation team"), required=False)

    def __init__(
        self,
        *args: Any,
        posts: list[tuple[int, str]],
        specs: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead", "supporting"):
            cast("forms.TypedMultipleChoiceField", self.fields[name]).choices = posts
        cast("forms.MultipleChoiceField", self.fields["every_below"]).choices = specs
        if not specs:
            del self.fields["every_below"]
