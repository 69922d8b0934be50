"""Reporting rates as DHIS2 defines them: expected, actual, on time."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from udbhabon.monitoring import rates
from udbhabon.monitoring.deadlines import built_in

D = dt.date
DATES = built_in(2017)


def test_it_gives_each_paper_its_periods_and_due_dates():
    (plan,) = rates.periods("plan", 2017, DATES)
    assert (plan.key, plan.due) == ("plan:2017", D(2017, 7, 31))
    first, second = rates.periods("report", 2017, DATES)
    assert (first.key, first.due) == ("report:2017-1", D(2018, 1, 31))
    assert (second.start, second.end, second.due) == (D(2018, 1, 1), D(2018, 6, 30), D(2018, 7, 31))
    months = rates.periods("minutes", 2017, DATES)
    assert [m.period for m in months[:2]] == ["2017-07", "2017-08"]
    assert months[-1].period == "2018-06"
    # Minutes fall due N days after the end of the meeting's month (15 by default).
    assert months[1].due == D(2017, 9, 15)
    assert months[7].due == D(2018, 3, 15)  # February 2018 has 28 days


def test_it_counts_expected_actual_and_on_time_like_dhis2():
    months = rates.periods("minutes", 2017, DATES)
    received = {
        "minutes:2017-07": D(2017, 8, 10),  # on time
        "minutes:2017-08": D(2017, 9, 20),  # late (due 15 September)
        "minutes:2017-10": D(2017, 11, 15),  # on the due date: on time
    }
    r = rates.rate(months, received, as_of=D(2018, 8, 1))
    assert (r.expected, r.actual, r.timely) == (12, 3, 2)
    assert r.reporting_rate == 25 and r.timely_rate == 17


def test_it_does_not_expect_a_paper_before_it_is_due():
    months = rates.periods("minutes", 2017, DATES)
    # On 1 October only July's and August's minutes were due (15 Aug, 15 Sep).
    r = rates.rate(months, {}, as_of=D(2017, 10, 1))
    assert (r.expected, r.actual) == (2, 0)
    # A paper sent early is expected and counted.
    early = rates.rate(months, {"minutes:2017-09": D(2017, 9, 30)}, as_of=D(2017, 10, 1))
    assert (early.expected, early.actual, early.timely) == (3, 1, 1)
    assert rates.timeliness(months[2], None, D(2017, 10, 1)) == "due"
    assert rates.timeliness(months[1], None, D(2017, 10, 1)) == "missing"
    assert rates.timeliness(months[1], D(2017, 9, 16), D(2017, 10, 1)) == "late"


def test_it_numbers_the_months_of_the_fiscal_year_from_july():
    assert rates.month_index(2017, D(2017, 7, 31)) == 0
    assert rates.month_index(2017, D(2018, 6, 1)) == 11
    assert rates.month_index(2017, D(2018, 7, 1)) is None
    assert rates.month_index(2017, D(2017, 6, 30)) is None
    assert [rates.month_of(2017, i) for i in (0, 5, 6, 11)] == [
        (2017, 7),
        (2017, 12),
        (2018, 1),
        (2018, 6),
    ]


@given(
    sent=st.dictionaries(
        st.integers(min_value=0, max_value=11),
        st.dates(min_value=D(2017, 7, 1), max_value=D(2018, 12, 31)),
    ),
    as_of=st.dates(min_value=D(2017, 6, 1), max_value=D(2019, 1, 1)),
)
def test_on_time_never_exceeds_actual_nor_actual_expected(sent, as_of):
    months = rates.periods("minutes", 2017, DATES)
    received = {months[i].key: d for i, d in sent.items()}
    r = rates.rate(months, received, as_of)
    assert 0 <= r.timely <= r.actual <= r.expected <= 12
    assert r.actual == len(received)
