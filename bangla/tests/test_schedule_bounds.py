"""A rule in one cell and a date in the other (issue 18, point 3).

"প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার" used to be understood only when the end
cell was empty; with an end date it was "বোঝা যায়নি". The rule now runs up to
the end date (or from the start date), within the section's period.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bangla.digits import to_bengali_digits
from bangla.schedules import expand, parse_schedule

FY17 = (date(2017, 7, 1), date(2018, 6, 30))
MONTHS = ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট",
          "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"]  # fmt: skip
RULES = {
    "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার": "FREQ=MONTHLY;BYDAY=+2MO",
    "প্রতি মাসের শেষ বৃহস্পতিবার": "FREQ=MONTHLY;BYDAY=-1TH",
    "প্রতিমাসে একবার": "FREQ=MONTHLY",
    "প্রতিমাসের ১৫ তারিখ": "FREQ=MONTHLY;BYMONTHDAY=15",
}


def _written(day: date, style: int) -> str:
    if style == 0:
        return f"{to_bengali_digits(str(day.day))} {MONTHS[day.month - 1]} {to_bengali_digits(str(day.year))}"  # noqa: E501
    if style == 1:
        return to_bengali_digits(day.strftime("%d/%m/%Y"))
    return day.strftime("%d-%m-%Y")


def test_the_rule_with_an_end_date_runs_until_it() -> None:
    reading = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "৩১ ডিসেম্বর ২০১৭", FY17)
    assert reading.schedule == {
        "kind": "recurring",
        "text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার | ৩১ ডিসেম্বর ২০১৭",
        "start": "2017-07-01",
        "end": "2017-12-31",
        "rrule": "FREQ=MONTHLY;BYDAY=+2MO",
        "until_rrule": None,
    }
    assert reading.warnings == []
    assert expand(reading.schedule, *FY17)[-1] == date(2017, 12, 11)


def test_a_month_as_the_end_ends_on_its_last_day_and_a_start_date_starts_the_rule() -> None:
    to_month = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "মার্চ ২০১৮", FY17)
    assert to_month.schedule["end"] == "2018-03-31"
    from_day = parse_schedule("০১ অক্টোবর ২০১৭", "প্রতি মাসের শেষ বৃহস্পতিবার", FY17)
    assert (from_day.schedule["kind"], from_day.schedule["start"]) == ("recurring", "2017-10-01")
    assert expand(from_day.schedule, *FY17)[0] == date(2017, 10, 26)


def test_ongoing_in_the_end_cell_is_the_whole_period() -> None:
    reading = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "চলমান", FY17)
    assert (reading.schedule["kind"], reading.schedule["end"]) == ("recurring", "2018-06-30")


def test_an_end_date_outside_the_period_is_kept_with_a_warning() -> None:
    reading = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "৩০/০৬/২০১৯", FY17)
    assert reading.schedule["end"] == "2019-06-30"
    assert [w.code for w in reading.warnings] == ["outside_period"]


def test_words_that_are_not_one_date_stay_unparsed() -> None:
    for other in ("শীঘ্রই", "জুলাই ও আগস্ট", "১০ জুলাই যশোর"):
        reading = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", other, FY17)
        assert reading.schedule["kind"] == "unparsed", other
    assert parse_schedule("বছরে তিনবার", "জুন ২০১৮", FY17).schedule["kind"] == "unparsed"


@given(
    rule=st.sampled_from(sorted(RULES)),
    offset=st.integers(min_value=0, max_value=(FY17[1] - FY17[0]).days),
    style=st.integers(min_value=0, max_value=2),
)
def test_any_rule_with_any_end_date_in_the_year(rule: str, offset: int, style: int) -> None:
    end = FY17[0] + timedelta(days=offset)
    reading = parse_schedule(rule, _written(end, style), FY17)
    assert reading.schedule["kind"] == "recurring"
    assert reading.schedule["rrule"] == RULES[rule]
    assert reading.schedule["end"] == end.isoformat()
    assert reading.warnings == []
    assert all(FY17[0] <= d <= end for d in expand(reading.schedule, *FY17))
