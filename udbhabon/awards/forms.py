"""Awards forms: errors in the user's language, the services' rules behind them."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from bangla.digits import to_ascii_digits
from udbhabon.awards.models import Category, Criterion, Nomination, NomineeKind
from udbhabon.core.forms import DayField, WholeNumberField
from udbhabon.ideas.models import Idea
from udbhabon.offices.models import Office, Post


def _post_label(post: Post) -> str:
    return f"{post.title_bn}, {post.office.name}"


class SchemeForm(forms.Form):
    title = forms.CharField(
        label=_("title"), max_length=255, help_text=_("E.g. “শ্রেষ্ঠ উদ্ভাবন পুরস্কার”.")
    )
    year = WholeNumberField(label=_("year"), min_value=2000, max_value=2100)
    category = forms.ChoiceField(label=_("category"), choices=Category.choices)
    nominee_kind = forms.ChoiceField(label=_("what is nominated"), choices=NomineeKind.choices)
    places = WholeNumberField(label=_("number of awards"), min_value=1, max_value=10, initial=1)
    crest = forms.BooleanField(label=_("a crest is given"), required=False, initial=True)
    criteria = forms.CharField(
        label=_("criteria"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: “name, highest score” (e.g. “নাগরিকের সময় সাশ্রয়, ৩০”)."),
    )
    jurors = forms.ModelMultipleChoiceField(label=_("jury"), queryset=Post.objects.none())
    chair = forms.ModelChoiceField(label=_("chair of the jury"), queryset=Post.objects.none())

    def __init__(self, *args: Any, posts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("jurors", "chair"):
            field = cast("forms.ModelChoiceField[Post]", self.fields[name])
            field.queryset = posts
            field.label_from_instance = _post_label  # type: ignore[method-assign, assignment]


class NominationForm(forms.Form):
    nominee = forms.TypedChoiceField(label=_("nominee"), coerce=int, required=False)
    office = forms.ChoiceField(label=_("office"), required=False)
    name = forms.CharField(label=_("name of the team"), max_length=255, required=False)
    statement = forms.CharField(
        label=_("why"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args: Any,
        kind: str,
        records: list[tuple[int, str]],
        offices: list[Office],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.offices = {o.code: o for o in offices}
        if kind in (NomineeKind.OFFICE, NomineeKind.TEAM):
            del self.fields["nominee"]
            cast(forms.ChoiceField, self.fields["office"]).choices = [
                (o.code, o.name) for o in offices
            ]
            if kind == NomineeKind.OFFICE:
                del self.fields["name"]
        else:
            del self.fields["office"], self.fields["name"]
            cast(forms.ChoiceField, self.fields["nominee"]).choices = [("", "—"), *records]

    def clean_office(self) -> Office | None:
        return self.offices.get(self.cleaned_data.get("office") or "")


class ScoreSheetForm(forms.Form):
    """One box per nomination × criterion; the range is the service's to check (so
    one clear message names the cell)."""

    def __init__(
        self, *args: Any, nominations: list[Nomination], criteria: list[Criterion], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.cells: list[tuple[Nomination, list[str]]] = []
        for n in nominations:
            names = []
            for c in criteria:
                name = f"s_{n.pk}_{c.pk}"
                self.fields[name] = WholeNumberField(label=f"{n.name}: {c.name}")
                names.append(name)
            self.cells.append((n, names))

    def scores(self) -> dict[tuple[int, int], int | None]:
        out: dict[tuple[int, int], int | None] = {}
        for name, value in self.cleaned_data.items():
            _s, n, c = name.split("_")
            out[(int(n), int(c))] = value
        return out

    def rows(self) -> list[tuple[Nomination, list[Any]]]:
        return [(n, [self[name] for name in names]) for n, names in self.cells]


class DecideForm(forms.Form):
    decided_on = DayField(label=_("decided on"))
    # The scheme's version when the page was drawn: every juror's save raises it, so
    # the chair never decides on totals other than the ones on the page.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    tie_order = forms.CharField(
        label=_("the chair's order for equal totals"),
        required=False,
        max_length=200,
        help_text=_("The nominations' numbers on this page, best first (e.g. “৩, ১”)."),
    )

    def clean_tie_order(self) -> list[int]:
        text = to_ascii_digits(self.cleaned_data.get("tie_order") or "")
        parts = [p.strip() for p in text.replace("،", ",").split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError(_("Write the numbers separated by commas."))
        return [int(p) for p in parts]


class AwardGiveForm(forms.Form):
    title = forms.CharField(
        label=_("award"), max_length=200, help_text=_("E.g. “শ্রেষ্ঠ আইডিয়া প্রদানকারী, ২০১৭”.")
    )
    given_on = DayField(label=_("date"))
    idea = forms.ModelChoiceField(
        label=_("for the idea"),
        queryset=Idea.objects.none(),
        required=False,
        empty_label=_("No particular idea"),
    )
    crest = forms.BooleanField(label=_("crest"), required=False)

    def __init__(self, *args: Any, ideas: list[Idea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Idea]", self.fields["idea"])
        field.queryset = Idea.objects.filter(pk__in=[i.pk for i in ideas])
        field.label_from_instance = lambda i: f"{i.display_code} {i.title}"  # type: ignore[method-assign, assignment]
