"""The progress screen's forms: the sheet merge and binding only the rows sent."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.http import QueryDict

from udbhabon.plans.forms import PlanCreateForm, ProgressFormSet, merge_sheet_row


def _sheet_row(**values: object) -> SimpleNamespace:
    cells = {"status": None, "percent": None, "done": None, "reason": None, "date": None}
    return SimpleNamespace(**{**cells, **values})


def test_it_puts_the_sheets_filled_cells_over_the_recorded_values():
    initial = {"status": "ongoing", "percent": 40, "done_text": "আগের কাজ", "reason": ""}
    merged = merge_sheet_row(initial, _sheet_row(percent=70, done="নতুন কাজ"))
    assert merged == {"status": "ongoing", "percent": 70, "done_text": "নতুন কাজ", "reason": ""}
    assert initial["percent"] == 40  # the recorded values are left as they were


def test_it_keeps_a_recorded_value_where_the_sheet_cell_is_empty():
    day = dt.date(2017, 9, 1)
    merged = merge_sheet_row({"status": "done", "date": day}, _sheet_row(status=None))
    assert merged == {"status": "done", "date": day}


def test_it_binds_only_the_rows_whose_fields_were_sent():
    data = QueryDict(mutable=True)
    data.update({"i7-status": "ongoing", "i7-percent": "৫০"})
    formset = ProgressFormSet({7: {"status": "not_started"}, 8: {"status": "ongoing"}}, data)
    assert set(formset.bound) == {7}
    assert formset.is_valid()
    assert formset.forms[7].cleaned_data["percent"] == 50
    assert not formset.get(8).is_bound


def test_it_is_not_valid_when_no_row_was_sent():
    formset = ProgressFormSet({7: {"status": "ongoing"}}, QueryDict(mutable=True))
    assert formset.bound == {}
    assert not formset.is_valid()


def test_it_names_inputs_by_item_so_each_row_posts_its_own_fields():
    form = ProgressFormSet({12: {"status": "ongoing"}}).get(12)
    assert form is not None
    assert form["status"].html_name == "i12-status"
    assert form["status"].auto_id == "p12_i12-status"


@pytest.mark.django_db
def test_the_start_choice_names_the_plan_it_copies(office):
    """A 2017-18 plan copied into 2026-27 moves nine years: the label says which plan."""
    from udbhabon.plans import services

    old = services.plan_create(office=office("dc-dhaka"), year=2017, actor=None)
    labels = dict(PlanCreateForm(latest=old).fields["start_from"].choices)
    assert "২০১৭-১৮" in str(labels["last_year"]) and "এক বছর" not in str(labels["last_year"])
    # Without an earlier plan there is nothing to copy, so the choice is not offered.
    assert "last_year" not in dict(PlanCreateForm(latest=None).fields["start_from"].choices)


@pytest.mark.django_db
def test_the_letter_prints_the_earlier_letters_memo_number_and_date_in_its_reference():
    from udbhabon.offices.models import Post
    from udbhabon.plans.forms import LetterForm

    post = Post.objects.filter(office__code="dc-dhaka").first()
    form = LetterForm(
        {
            "subject": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রেরণ",
            "reference": "মন্ত্রিপরিষদ বিভাগের পত্র",
            "reference_memo": "০৪.০০.০০০০.৮১১.০৬.০০১.১৭.৭৭",
            "reference_date": "2017-08-05",
            "date": "2017-08-23",
            "signatory_post": post.pk,
            "body": "প্রেরণ করা হলো।",
            "attachments": "০৫ (পাঁচ) পাতা",
        },
        posts=[post],
    )
    assert form.is_valid(), form.errors
    assert form.letter()["reference"] == (
        "মন্ত্রিপরিষদ বিভাগের পত্র, স্মারক নং-০৪.০০.০০০০.৮১১.০৬.০০১.১৭.৭৭, "
        "তারিখ: ২১ শ্রাবণ ১৪২৪ বঙ্গাব্দ/০৫ আগস্ট ২০১৭ খ্রিস্টাব্দ"
    )
    assert form.letter()["attachments"] == "০৫ (পাঁচ) পাতা"
