"""Readiness forms: numbers and dates typed in Bengali or ASCII digits, errors in the
user's language; the services' rules (0–100%, no month ahead, closing after receipt,
partners' links within the office) stand behind them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import AmountField, DayField, WholeNumberField
from udbhabon.core.templatetags.bn import date_bn
from udbhabon.events.models import Event
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, Post
from udbhabon.readiness import queries
from udbhabon.readiness.models import (
    CHAIN,
    BranchStep,
    Channel,
    Complaint,
    DigitalCentre,
    Inspection,
    PartnerContact,
    PartnerKind,
)

TEXTAREA = forms.Textarea(attrs={"rows": 2})


class BranchForm(forms.Form):
    name = forms.CharField(label=_("branch"), max_length=255)


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("step"), choices=[(s, BranchStep(s).label) for s in CHAIN])
    done_on = DayField(label=_("done on"))
    evidence = forms.CharField(label=_("evidence"), max_length=500, required=False)
    event = forms.ModelChoiceField(
        label=_("training"), queryset=Event.objects.all(), required=False
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = [(e.pk, f"{e.title} ({date_bn(e.starts_on)})") for e in queries.trainings_of(office)]
        self.fields["event"].widget.choices = [("", "—"), *own]


class ShareForm(forms.Form):
    month = DayField(label=_("month (any day of it)"))
    share = AmountField(label=_("share settled electronically (%)"))
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class ShareEditForm(VersionedForm, forms.Form):
    share = AmountField(label=_("share settled electronically (%)"))
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class ChecklistForm(VersionedForm, forms.Form):
    front_desk = forms.BooleanField(label=_("front desk"), required=False)
    front_desk_since = DayField(label=_("front desk since"), required=False)
    portal_updated_on = DayField(label=_("web portal last updated"), required=False)
    eforms = WholeNumberField(label=_("e-forms published"), required=False)
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def clean_eforms(self) -> int:
        return self.cleaned_data.get("eforms") or 0


class CentreForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of centre"), choices=DigitalCentre.Kind.choices)
    name = forms.CharField(label=_("name"), max_length=255)
    services = forms.CharField(label=_("services offered"), required=False, widget=TEXTAREA)
    entrepreneurs = forms.CharField(label=_("entrepreneurs"), max_length=255, required=False)


class ChannelForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of channel"), choices=Channel.Kind.choices)
    name = forms.CharField(label=_("name"), max_length=255)
    url = forms.CharField(label=_("address (URL)"), max_length=500)
    monitored_by = forms.ModelChoiceField(
        label=_("monitored by"), queryset=Post.objects.none(), required=False
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["monitored_by"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queries.monitors_of(office)


class ComplaintForm(forms.Form):
    channel = forms.ModelChoiceField(label=_("channel"), queryset=Channel.objects.none())
    kind = forms.ChoiceField(label=_("complaint or application"), choices=Complaint.Kind.choices)
    subject = forms.CharField(label=_("subject"), max_length=500)
    sender = forms.CharField(label=_("sent by"), max_length=255, required=False)
    received_on = DayField(label=_("received on"))

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["channel"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queries.channels_of(office)


class ActForm(VersionedForm, forms.Form):
    acted_on = DayField(label=_("acted on"))
    action = forms.CharField(label=_("action taken"), max_length=500)


class CloseForm(VersionedForm, forms.Form):
    closed_on = DayField(label=_("closed on"))


class PartnerForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=255)
    kind = forms.ChoiceField(label=_("kind of partner"), choices=PartnerKind.choices)
    contact = forms.CharField(label=_("contact"), max_length=255, required=False)
    areas = forms.CharField(label=_("areas of cooperation"), required=False, widget=TEXTAREA)


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of entry"), choices=PartnerContact.Kind.choices)
    on = DayField(label=_("date"))
    note = forms.CharField(label=_("what was agreed or discussed"), max_length=500)


class LinkForm(forms.Form):
    """Any initiative or event is accepted here; the service refuses another office's
    with its own message. The lists offer the office's own."""

    initiative = forms.ModelChoiceField(
        label=_("initiative"), queryset=Initiative.objects.all(), required=False
    )
    event = forms.ModelChoiceField(label=_("event"), queryset=Event.objects.all(), required=False)

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        initiatives = [(i.pk, i.title) for i in queries.initiatives_of(office)]
        self.fields["initiative"].widget.choices = [("", "—"), *initiatives]
        events = [(e.pk, e.title) for e in queries.events_of(office)]
        self.fields["event"].widget.choices = [("", "—"), *events]


class PublicationForm(LinkForm):
    channel = forms.ModelChoiceField(label=_("channel"), queryset=Channel.objects.all())
    url = forms.CharField(label=_("link"), max_length=500)
    published_on = DayField(label=_("published on"))

    field_order = ["initiative", "event", "channel", "url", "published_on"]

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, office=office, **kwargs)
        channels = [(c.pk, c.name) for c in queries.channels_of(office)]
        self.fields["channel"].widget.choices = [("", "—"), *channels]


class PartnerEditForm(VersionedForm, PartnerForm):
    pass


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of inspection"), choices=Inspection.Kind.choices)
    inspected = forms.ModelChoiceField(label=_("inspected office"), queryset=Office.objects.all())
    centre = forms.ModelChoiceField(
        label=_("digital centre"), queryset=DigitalCentre.objects.all(), required=False
    )
    inspected_on = DayField(label=_("inspected on"))
    findings = forms.CharField(label=_("findings"), max_length=5000, widget=TEXTAREA)
    action = forms.CharField(label=_("follow-up action"), max_length=500, required=False)
    due_on = DayField(label=_("due on"), required=False)

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        below = [(o.pk, o.name) for o in queries.inspectable_offices(office)]
        self.fields["inspected"].widget.choices = [("", "—"), *below]
        centres = [(c.pk, c.name) for c in queries.centres_within(office)]
        self.fields["centre"].widget.choices = [("", "—"), *centres]


class DoneForm(VersionedForm, forms.Form):
    done_on = DayField(label=_("done on"))


class SharesSheetForm(forms.Form):
    sheet = forms.FileField(label=_("The months' shares as an XLSX sheet (month, share)"))
