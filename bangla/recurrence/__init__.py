"""Recurring schedules: Bengali phrases to RFC 5545 rules, and rules to dates.

Plans schedule regular work in words: "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"
(FREQ=MONTHLY;BYDAY=+2MO), "প্রতিমাসের ১৫ তারিখ" (BYMONTHDAY=15), "প্রতি তিন মাস
অন্তর" (FREQ=MONTHLY;INTERVAL=3), "বছরে একবার" (FREQ=YEARLY), or a bare count
"বছরে তিনবার" (three times a year, no dates). :func:`parse_recurrence` reads the
*meaning* from the words — every/next, a unit, an interval, a count, ordinals,
weekdays, days of the month — rather than matching whole phrases, so other
phrasings of the same meaning read the same. What has no exact RFC 5545 meaning
("the last week of the month", a working day that depends on holidays, "as
needed", "at least once") is reported as inexact, never approximated.

:func:`expand_rrule` implements the part of RFC 5545 these rules use (FREQ
DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, BYDAY with ±n, BYMONTHDAY, BYMONTH,
COUNT, UNTIL) without dateutil.
"""

from bangla.recurrence.parsing import (
    parse_recurrence,
)
from bangla.recurrence.rules import (
    expand_rrule,
    parse_rrule,
)
from bangla.recurrence.types import (
    WEEKDAY_CODES,
    Recurrence,
    Unit,
)
from bangla.recurrence.words import (
    mentions_frequency,
)

__all__ = [
    "WEEKDAY_CODES",
    "Recurrence",
    "Unit",
    "expand_rrule",
    "mentions_frequency",
    "parse_recurrence",
    "parse_rrule",
]
