"""Plan items that measure themselves: "৪টি প্রশিক্ষণ" linked to trainings held counts
the held trainings over its period (1/4 after one), shows the evidence, can be given by
hand with a reason; the link is suggested from the words; unknown stored keys fail the
system check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import post_of
from udbhabon.events import services as events
from udbhabon.plans import measuring, services
from udbhabon.plans.models import PlanItem
from udbhabon.plans.tests.factories import make_plan, office

pytestmark = pytest.mark.django_db


def training_row():
    plan = make_plan(rows=0)
    item = services.item_add(
        plan=plan,
        actor=None,
        category="প্রশিক্ষণ প্রদান",
        activity="৪টি প্রশিক্ষণ আয়োজন",
        start_text="০১ আগস্ট ২০১৭",
        end_text="৩০ জুন ২০১৮",
    )
    return plan, item


def hold_training(day=dt.date(2017, 9, 10), code="dc-dhaka"):
    event = events.event_create(
        office=office(code), kind="training", title="ইনোভেশন প্রশিক্ষণ", starts_on=day, actor=None
    )
    events.event_mark_held(event=event, held_on=day, actor=None)
    return event


def test_it_suggests_the_link_from_the_rows_words():
    _plan, item = training_row()
    suggestion = measuring.suggest(item)
    assert suggestion is not None
    assert (suggestion.key, dict(suggestion.params), suggestion.target) == (
        "events.held",
        {"kind": "training"},
        4,
    )
    item.activity = "ইনোভেশন টিমের মাসিক সভা"
    assert measuring.suggest(item).key == "meetings.held"
    item.activity = "প্রাপ্ত আইডিয়া যাচাই"
    assert measuring.suggest(item).key == "ideas.vetted"
    item.activity, item.category_text = "সিটিজেন চার্টার হালনাগাদ", ""
    assert measuring.suggest(item) is None


def test_it_counts_held_trainings_over_the_rows_period_with_evidence():
    plan, item = training_row()
    services.item_link_metric(item=item, key="events.held", params={"kind": "training"}, actor=None)
    event = hold_training()
    hold_training(day=dt.date(2017, 7, 1))  # before the row's period
    measured = measuring.measure_items(plan, [item], today=dt.date(2017, 10, 1))[item.pk]
    assert (measured.value, measured.target, measured.percent) == (1, 4, 25)
    assert measured.status == "ongoing" and not measured.manual
    [evidence] = measuring.evidence_for(plan, item)
    assert evidence.url == event.get_absolute_url()
    late = measuring.measure_items(plan, [item], today=dt.date(2018, 7, 1))[item.pk]
    assert late.status == "delayed"


def test_it_counts_the_subtree_only_when_asked():
    plan, item = training_row()
    hold_training(code=post_of("savar.uno").office.code)
    services.item_link_metric(item=item, key="events.held", actor=None)
    assert measuring.measure_items(plan, [item])[item.pk].value == 0
    services.item_link_metric(item=item, key="events.held", subtree=True, actor=None)
    assert measuring.measure_items(plan, [item])[item.pk].value == 1


def test_a_figure_given_by_hand_needs_a_reason_and_is_marked():
    plan, item = training_row()
    services.item_link_metric(item=item, key="events.held", actor=None)
    with pytest.raises(ValidationError):
        services.item_set_manual_figure(item=item, value=Decimal(3), reason=" ", actor=None)
    with pytest.raises(ValidationError):
        services.item_set_manual_figure(item=item, value=Decimal(-1), reason="x", actor=None)
    services.item_set_manual_figure(
        item=item, value=Decimal(4), reason="আগের দুটি কাগজে লেখা", actor=None
    )
    measured = measuring.measure_items(plan, [item])[item.pk]
    assert measured.manual and measured.value == 4 and measured.status == "done"
    services.item_set_manual_figure(item=item, value=None, reason="", actor=None)
    assert not measuring.measure_items(plan, [item])[item.pk].manual


def test_it_refuses_an_unknown_metric_a_strange_parameter_and_a_stranger():
    _plan, item = training_row()
    with pytest.raises(ValidationError):
        services.item_link_metric(item=item, key="events.nothing", actor=None)
    with pytest.raises(ValidationError):
        services.item_link_metric(item=item, key="ideas.vetted", params={"kind": "x"}, actor=None)
    with pytest.raises(PermissionDenied):
        services.item_link_metric(
            item=item, key="events.held", actor=None, post=post_of("khulna.io")
        )
    item.refresh_from_db()
    assert item.metric_key == ""


def test_the_system_check_names_a_stored_key_no_app_registers():
    plan, item = training_row()
    assert measuring.check_stored_keys() == []
    PlanItem.objects.filter(pk=item.pk).update(metric_key="events.renamed")
    [error] = measuring.check_stored_keys()
    assert error.id == "plans.metrics.unknown_keys" and "events.renamed" in error.msg
    # a row with an unknown key is left out of the figures, not counted as zero
    item.refresh_from_db()
    assert measuring.measure_items(plan, [item]) == {}


def test_the_plan_and_item_pages_show_the_count_and_the_link(login):
    plan, item = training_row()
    client = login("dhaka.io")
    page = client.get(f"/plans/items/{item.pk}/").content.decode()
    assert 'name="key" value="events.held"' in page  # the suggestion, to confirm
    response = client.post(
        f"/plans/items/{item.pk}/measure/",
        {"action": "link", "key": "events.held", "events.held:kind": "training"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.metric_params == {"kind": "training"}
    event = hold_training()
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "১/৪" in page
    page = client.get(f"/plans/items/{item.pk}/").content.decode()
    assert event.get_absolute_url() in page
    bad = client.post(f"/plans/items/{item.pk}/measure/", {"action": "figure", "value": "x"})
    assert bad.status_code == 302
    item.refresh_from_db()
    assert item.manual_value is None


def test_the_half_yearly_report_says_what_the_records_count():
    plan, item = training_row()
    services.item_link_metric(item=item, key="events.held", params={"kind": "training"}, actor=None)
    hold_training(day=dt.date(2017, 9, 10))
    hold_training(day=dt.date(2018, 2, 10))  # in the second half
    report = services.report_prepare(plan=plan, half_number=1, actor=None)
    row = report.items.get(plan_item=item)
    assert "১/৪" in row.progress and "নথি থেকে গণনাকৃত" in row.progress


def test_the_progress_screen_shows_the_counted_figure():
    from udbhabon.plans import periods, queries

    plan, item = training_row()
    services.item_link_metric(item=item, key="events.held", actor=None)
    hold_training()
    half = periods.halves(plan.year, plan.year_kind)[0]
    [row] = queries.progress_page(plan, half, editable_for=lambda i: False)
    assert row.measured is not None and row.measured.value == 1


def test_the_progress_sheet_carries_the_counted_figure():
    from udbhabon.plans import periods, queries

    plan, item = training_row()
    services.item_link_metric(item=item, key="events.held", actor=None)
    hold_training()
    half = periods.halves(plan.year, plan.year_kind)[0]
    doc = queries.plan_as_document(plan, with_progress=True, half=half)
    [row] = doc["sections"][0]["items"]
    assert row["status"]["percent"] == 25 and "১/৪" in row["status"]["done"]
