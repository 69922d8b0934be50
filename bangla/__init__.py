"""Bengali for Udbhabon: digits, the Bangladesh calendar, dates, schedules, text.

A pure-Python package (standard library only, no Django) that every other part
of Udbhabon reads and writes Bengali through. One module per topic:

* :mod:`bangla.text` — normalisation, loose matching keys, labels, legacy fonts
  (:mod:`bangla.legacy` holds the Bijoy/SutonnyMJ detector and converter);
* :mod:`bangla.names` — names and designations matched spelling-tolerantly;
* :mod:`bangla.digits` — Bengali/ASCII digits, South-Asian grouping, words, ordinals;
* :mod:`bangla.months` — month names of both calendars as letters spell them;
* :mod:`bangla.calendar` — the Bangladesh calendar (বঙ্গাব্দ), both revisions;
* :mod:`bangla.dates` — dates and times as offices write them, year inference;
* :mod:`bangla.fiscal` — fiscal years, halves, quarters, period phrases;
* :mod:`bangla.recurrence` — recurring phrases to RFC 5545 rules, and rule expansion;
* :mod:`bangla.schedules` — plan schedule cells into the import contract's SCHEDULE;
* :mod:`bangla.cli` — ``python -m bangla``.

The names below are the ones callers use most; see ``bangla/README.md``.
"""

from bangla.calendar import (
    MONTHS,
    WEEKDAYS_BN,
    BanglaDate,
    dual_date_agrees,
    format_bangla,
    format_date,
    format_gregorian,
    parse_bangla_date,
    to_bangla,
    to_gregorian,
)
from bangla.dates import DateReading, parse_date, parse_date_line, parse_dual_date, parse_time
from bangla.digits import (
    format_number,
    number_in_words,
    ordinal,
    parse_decimal,
    parse_int,
    to_ascii_digits,
    to_bengali_digits,
)
from bangla.fiscal import Period, fiscal_year_of, parse_period
from bangla.legacy import is_legacy_font_text
from bangla.schedules import (
    ScheduleReading,
    ScheduleWarning,
    describe,
    expand,
    occurrences_schedule,
    parse_schedule,
)
from bangla.text import loose_key, normalize, strip_label

__all__ = [
    "MONTHS",
    "WEEKDAYS_BN",
    "BanglaDate",
    "DateReading",
    "Period",
    "ScheduleReading",
    "ScheduleWarning",
    "describe",
    "dual_date_agrees",
    "expand",
    "fiscal_year_of",
    "format_bangla",
    "format_date",
    "format_gregorian",
    "format_number",
    "is_legacy_font_text",
    "loose_key",
    "normalize",
    "number_in_words",
    "occurrences_schedule",
    "ordinal",
    "parse_bangla_date",
    "parse_date",
    "parse_date_line",
    "parse_decimal",
    "parse_dual_date",
    "parse_int",
    "parse_period",
    "parse_schedule",
    "parse_time",
    "strip_label",
    "to_ascii_digits",
    "to_bangla",
    "to_bengali_digits",
    "to_gregorian",
]
