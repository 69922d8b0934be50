from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangla.digits import format_number
from bangla.fiscal import format_fiscal_year
from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import DayField, WholeNumberField
from udbhabon.ideas import codes
from udbhabon.ideas.models import Category, Channel, Criterion, Idea, Kind, Stage
from udbhabon.offices.models import Office, Post

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TEXTAREA = {"rows": 4}


def tcv_fields() -> dict[str, forms.Field]:
    def number(label: StrOrPromise) -> WholeNumberField:
        return WholeNumberField(label=label, required=False, min_value=0, max_value=10_000_000)

    return {
        "days_before": number(_("Days it takes now")),
        "days_after": number(_("Days it will take")),
        "cost_before": number(_("Cost now (taka)")),
        "cost_after": number(_("Cost after (taka)")),
        "visits_before": number(_("Visits to the office now")),
        "visits_after": number(_("Visits after")),
    }


class IdeaTextMixin(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=Kind.choices,
        initial=Kind.IDEA,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("In a few words, e.g. “খতিয়ানের নকল ঘরে বসে পাওয়া”."),
    )
    problem = forms.CharField(
        label=_("The problem (চিহ্নিত সমস্যা)"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("What goes wrong for citizens today: how long it takes, what it costs."),
    )
    solution = forms.CharField(
        label=_("The proposed solution (প্রস্তাবিত সমাধান)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    service = forms.CharField(label=_("Service concerned"), max_length=200, required=False)
    beneficiaries = forms.CharField(label=_("Who benefits"), max_length=200, required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=Category.choices, initial=Category.OTHER, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Kind.IDEA and not (data.get("solution") or "").strip():
            self.add_error("solution", _("Describe your idea: how would you solve the problem?"))
        if not data.get("category"):
            data["category"] = Category.OTHER
        return data


class IntakeForm(IdeaTextMixin):
    """An idea typed in at an office, on any channel (staff)."""

    channel = forms.ChoiceField(
        label=_("Received through"),
        choices=[c for c in Channel.choices if c[0] != Channel.CITIZEN_ONLINE],
        initial=Channel.STAFF_ONLINE,
        help_text=_("“Staff, online” is your own idea; for the others, give the submitter below."),
    )
    received_on = DayField(label=_("Received on"), required=False)
    source_link = forms.URLField(label=_("Link to the original"), required=False, max_length=500)
    source_photo = forms.FileField(label=_("Photo or scan of the original"), required=False)
    submitter_name = forms.CharField(label=_("Submitter's name"), max_length=255, required=False)
    submitter_phone = forms.CharField(
        label=_("Submitter's mobile number"), max_length=32, required=False
    )
    submitter_email = forms.EmailField(label=_("Submitter's e-mail"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(tcv_fields())

    def clean_received_on(self) -> dt.date:
        value = self.cleaned_data.get("received_on") or timezone.localdate()
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("channel") and data["channel"] != Channel.STAFF_ONLINE:
            if not (data.get("submitter_name") or "").strip():
                self.add_error(
                    "submitter_name", _("Write the name of the person who gave the idea.")
                )
            if not (data.get("submitter_phone") or data.get("submitter_email")):
                self.add_error(
                    "submitter_phone",
                    _(
                        "Give a mobile number or an e-mail address, so that the answer "
                        "reaches them."
                    ),
                )
        return data


class IdeaEditForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Idea
        fields = [
            "kind",
            "category",
            "title",
            "problem",
            "solution",
            "service",
            "beneficiaries",
            "source_link",
        ]
        widgets = {
            "problem": forms.Textarea(attrs=TEXTAREA),
            "solution": forms.Textarea(attrs=TEXTAREA),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in tcv_fields().items():
            field.initial = getattr(self.instance, name)
            self.fields[name] = field


class MoveForm(forms.Form):
    """One move of the funnel (services.idea_transition)."""

    to = forms.ChoiceField(label=_("Decision"), choices=Stage.choices)
    answer = forms.CharField(
        label=_("Answer to the submitter"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required for a rejection (the reason) and for a question. The submitter sees it."
        ),
    )
    note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only officers see it."),
    )
    meeting_ref = forms.CharField(
        label=_("Meeting"),
        required=False,
        max_length=200,
        help_text=_("E.g. “মাসিক ইনোভেশন সভা, অক্টোবর ২০১৭”."),
    )
    meeting_date = DayField(label=_("Meeting date"), required=False)
    merged_into = forms.CharField(
        label=_("Tracking code of the idea it duplicates"), required=False, max_length=20
    )

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["to"]).choices = [(s, Stage(s).label) for s in allowed]

    def clean_merged_into(self) -> Idea | None:
        text = self.cleaned_data.get("merged_into") or ""
        if not text.strip():
            return None
        code = codes.parse_code(text)
        idea = Idea.objects.select_related("office").filter(code=code).first() if code else None
        if idea is None:
            raise forms.ValidationError(_("No idea has this tracking code."))
        return idea


class ReviewerForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=Post.objects.none(), empty_label=_("Choose a post")
    )

    def __init__(self, *args: Any, posts: list[Post], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Post]", self.fields["reviewer"])
        field.queryset = Post.objects.filter(pk__in=[p.pk for p in posts])
        field.label_from_instance = lambda p: f"{p.title} — {p.get_role_display()}"  # type: ignore[method-assign, assignment]


class ScoreForm(VersionedForm, forms.Form):
    notes = forms.CharField(
        label=_("Private notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Seen only by you and the office's head and innovation officer."),
    )

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.help,
                coerce=int,
                choices=[(n, format_number(n)) for n in range(1, criterion.max_score + 1)],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
            )

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class BankFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    channel = forms.ChoiceField(label=_("Received through"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    year = forms.TypedChoiceField(
        label=_("Fiscal year"), required=False, coerce=int, empty_value=None
    )
    office = forms.ChoiceField(label=_("Office"), required=False)

    def __init__(
        self, *args: Any, years: list[int], offices: list[Office], lang: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        cast(forms.ChoiceField, self.fields["stage"]).choices = every + list(Stage.choices)
        cast(forms.ChoiceField, self.fields["channel"]).choices = every + list(Channel.choices)
        cast(forms.ChoiceField, self.fields["category"]).choices = every + list(Category.choices)
        cast(forms.ChoiceField, self.fields["year"]).choices = every + [
            (y, format_fiscal_year(y, lang)) for y in years
        ]
        self.offices = {o.code: o for o in offices}
        cast(forms.ChoiceField, self.fields["office"]).choices = every + [
            (o.code, o.name) for o in offices
        ]

    def clean_office(self) -> Office | None:
        return self.offices.get(self.cleaned_data.get("office") or "")


class SimilarForm(forms.Form):
    """What a submitter has typed so far (for the similar-ideas suggestions)."""

    title = forms.CharField(required=False, max_length=200)
    problem = forms.CharField(required=False, max_length=5000)

    def text(self) -> str:
        if not self.is_valid():
            return ""
        # The start of the problem says what it is about; the rest would only
        # make the query longer.
        return f"{self.cleaned_data['title']} {self.cleaned_data['problem'][:600]}"


class FunnelDeadlineForm(forms.Form):
    """How long the steps after vetting may take (services.funnel_deadline_set)."""

    approval_day = WholeNumberField(
        label=_("Approve by this day of the month after the vetting meeting"),
        min_value=1,
        max_value=28,
    )
    pilot_days = WholeNumberField(
        label=_("Start the pilot within this many days of approval"), min_value=1, max_value=365
    )
