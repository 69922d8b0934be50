"""Dates and times as offices write them, with the year inferred from a period.

Plans write a date in a dozen ways: "০১ জুলাই ২০১৭", "২১ সেপ্টম্বর, ২০১৭",
"জুলাই/২০১৭", "১৭ সেপ্টেম্বর" (no year: it comes from the plan's fiscal year),
"২৫/০৯/২০১৭", "১১-১০-২০১৮", "৮.৪.২০১৩", "২০/০৬/২০১৪খ্রিঃ", "১৭মার্চ ২০২০খ্রিঃ",
"জুলাই-সেপ্টেম্বর-১৭", "১৩-১৪ জানুয়ারি, ২০১৬", "অক্টোবর ২২-২৩", "সেপ্টে:",
"সেপ্টেম্বরের মধ্যে", English names, Bangla-calendar dates ("১লা বৈশাখ ১৪২৪").

How it works: the text is cut into tokens (numbers, words, separators);
words are classified once (month, era, filler, connector, …; cached); a small
grammar finds date expressions ("spans") among the tokens and keeps the rest as
free text (a place or a label beside a date). A span is a *partial* date: the
year may be missing. :func:`resolve_span` ties it to a year using the period
(the import contract's rule); :func:`parse_date` does both for one date.
Anything the grammar does not recognise stays text, so the caller can say
"not understood" instead of guessing.
"""

from bangla.dates.resolving import (
    parse_date,
    parse_date_line,
    parse_dual_date,
    resolve_span,
)
from bangla.dates.scanning import (
    scan_dates,
)
from bangla.dates.times import (
    parse_time,
)
from bangla.dates.types import (
    CalendarName,
    DateReading,
    DateSpan,
    PartialDate,
    Precision,
    Scan,
)

__all__ = [
    "CalendarName",
    "DateReading",
    "DateSpan",
    "PartialDate",
    "Precision",
    "Scan",
    "parse_date",
    "parse_date_line",
    "parse_dual_date",
    "parse_time",
    "resolve_span",
    "scan_dates",
]
