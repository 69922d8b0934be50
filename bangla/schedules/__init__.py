"""A plan item's schedule: its start and end cells read into the import contract's SCHEDULE.

The contract (``docs/IMPORT-CONTRACT.md``) fixes one shape per kind:

* ``range`` — a start and an end ("০১ জুলাই ২০১৭ | সেপ্টেম্বর ২০১৭"); a month
  alone starts on its first day and ends on its last; ``precision`` is the
  coarser end ("day" or "month");
* ``occurrences`` — dated events with the place or label the cell pairs with
  each date ("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর …"), or several
  dates with no place; a single dated event with a place is one occurrence;
* ``recurring`` — an RFC 5545 rule ("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার" is
  FREQ=MONTHLY;BYDAY=+2MO) over the section's period, with ``until_rrule`` when
  the end cell gives a different rule (১৫ তারিখ to ২৫ তারিখ);
* ``count`` — a number of times in a period without dates ("বছরে তিনবার");
* ``unparsed`` — anything else. Never a guess.

Dates without a year take the period's year (see :func:`bangla.dates.resolve_span`);
impossible schedules stay as read and carry warnings (``end_before_start``,
``outside_period``). Decisions the contract leaves open are listed in
``bangla/README.md``.
"""

from bangla.schedules.describing import (
    describe,
)
from bangla.schedules.expanding import (
    expand,
    schedule_to_rrule,
)
from bangla.schedules.labels import (
    classify_label_or_place,
)
from bangla.schedules.parsing import (
    occurrences_schedule,
    parse_schedule,
)
from bangla.schedules.types import (
    OCCURRENCE_KEYS,
    SCHEDULE_KEYS,
    Period,
    ScheduleReading,
    ScheduleWarning,
)

__all__ = [
    "OCCURRENCE_KEYS",
    "SCHEDULE_KEYS",
    "Period",
    "ScheduleReading",
    "ScheduleWarning",
    "classify_label_or_place",
    "describe",
    "expand",
    "occurrences_schedule",
    "parse_schedule",
    "schedule_to_rrule",
]
