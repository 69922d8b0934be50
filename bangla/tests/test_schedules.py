"""Table-driven cases for schedules: every shape of the contract, in phrasings offices use."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bangla.schedules import (
    SCHEDULE_KEYS,
    classify_label_or_place,
    describe,
    expand,
    occurrences_schedule,
    parse_schedule,
    schedule_to_rrule,
)

D = date
FY17 = (D(2017, 7, 1), D(2018, 6, 30))
FY19 = (D(2019, 7, 1), D(2020, 6, 30))
H1_17 = (D(2017, 1, 1), D(2017, 6, 30))
CY16 = (D(2016, 1, 1), D(2016, 12, 31))


def _text(start: str, end: str) -> str:
    return f"{start} | {end}" if end else start


def R(start: str, end: str, s: str, e: str, precision: str) -> dict[str, Any]:
    return {
        "kind": "range",
        "text": _text(start, end),
        "start": s,
        "end": e,
        "precision": precision,
    }


def OCC(start: str, end: str, *occ: tuple[str, str, str | None, str | None]) -> dict[str, Any]:
    occurrences = [{"start": a, "end": b, "place": p, "label": lab} for a, b, p, lab in occ]
    return {
        "kind": "occurrences",
        "text": _text(start, end),
        "start": min(o["start"] for o in occurrences),
        "end": max(o["end"] for o in occurrences),
        "occurrences": occurrences,
    }


def REC(start: str, end: str, period: tuple[date, date], rrule: str, until: str | None = None):
    return {
        "kind": "recurring",
        "text": _text(start, end),
        "start": period[0].isoformat(),
        "end": period[1].isoformat(),
        "rrule": rrule,
        "until_rrule": until,
    }


def C(start: str, end: str, period: tuple[date, date], times: int, per: str) -> dict[str, Any]:
    return {
        "kind": "count",
        "text": _text(start, end),
        "start": period[0].isoformat(),
        "end": period[1].isoformat(),
        "times": times,
        "per": per,
    }


def U(start: str, end: str) -> dict[str, Any]:
    return {"kind": "unparsed", "text": _text(start, end), "start": None, "end": None}


def case(start: str, end: str, period, expected, warnings=()):
    return pytest.param(start, end, period, expected, list(warnings), id=_text(start, end)[:60])


CASES = [
    # -- ranges -------------------------------------------------------------
    case("০১ জুলাই ২০১৭", "সেপ্টেম্বর ২০১৭", FY17,
         R("০১ জুলাই ২০১৭", "সেপ্টেম্বর ২০১৭", "2017-07-01", "2017-09-30", "month")),
    case("জুলাই-সেপ্টেম্বর-১৭", "", FY17,
         R("জুলাই-সেপ্টেম্বর-১৭", "", "2017-07-01", "2017-09-30", "month")),
    case("জুলাই-সেপ্টেম্বর-১৭", "অক্টোবর-ডিসেম্বর-১৭", FY17,
         R("জুলাই-সেপ্টেম্বর-১৭", "অক্টোবর-ডিসেম্বর-১৭", "2017-07-01", "2017-12-31", "month")),
    case("১৩-১৪ জানুয়ারি, ২০১৬", "", CY16,
         R("১৩-১৪ জানুয়ারি, ২০১৬", "", "2016-01-13", "2016-01-14", "day")),
    case("১৩-১৪ জানুয়ারি, ২০১৬", "১৩-১৪ জানুয়ারি, ২০১৬", CY16,
         R("১৩-১৪ জানুয়ারি, ২০১৬", "১৩-১৪ জানুয়ারি, ২০১৬", "2016-01-13", "2016-01-14", "day")),
    case("অক্টোবর ২২-২৩", "", FY17, R("অক্টোবর ২২-২৩", "", "2017-10-22", "2017-10-23", "day")),
    case("১৫ জানুয়ারি", "", FY17, R("১৫ জানুয়ারি", "", "2018-01-15", "2018-01-15", "day")),
    case("২৫/০৯/২০১৭", "১২/০৬/২০১৮", FY17,
         R("২৫/০৯/২০১৭", "১২/০৬/২০১৮", "2017-09-25", "2018-06-12", "day")),
    case("১১-১০-২০১৮", "১১-১১-২০১৮", (D(2018, 7, 1), D(2019, 6, 30)),
         R("১১-১০-২০১৮", "১১-১১-২০১৮", "2018-10-11", "2018-11-11", "day")),
    case("৮.৪.২০১৩", "৩০.৬.২০১৩", (D(2012, 7, 1), D(2013, 6, 30)),
         R("৮.৪.২০১৩", "৩০.৬.২০১৩", "2013-04-08", "2013-06-30", "day")),
    case("২০/০৬/২০১৪খ্রিঃ", "৩০/০৬/২০১৪খ্রিঃ", (D(2013, 7, 1), D(2014, 6, 30)),
         R("২০/০৬/২০১৪খ্রিঃ", "৩০/০৬/২০১৪খ্রিঃ", "2014-06-20", "2014-06-30", "day")),
    case("২৩/০৫/২০১৯ খ্রি:", "৩০/০৬/২০১৯ খ্রি:", (D(2018, 7, 1), D(2019, 6, 30)),
         R("২৩/০৫/২০১৯ খ্রি:", "৩০/০৬/২০১৯ খ্রি:", "2019-05-23", "2019-06-30", "day")),
    case("১৭মার্চ ২০২০খ্রিঃ", "২৬মার্চ ২০২০খ্রিঃ", FY19,
         R("১৭মার্চ ২০২০খ্রিঃ", "২৬মার্চ ২০২০খ্রিঃ", "2020-03-17", "2020-03-26", "day")),
    case("১ জুলাই ২০১9", "৩০ জুন ২০২০", FY19,
         R("১ জুলাই ২০১9", "৩০ জুন ২০২০", "2019-07-01", "2020-06-30", "day")),
    case("সেপ্টেম্বর ২০১৭", "", FY17,
         R("সেপ্টেম্বর ২০১৭", "", "2017-09-01", "2017-09-30", "month")),
    case("জুলাই/২০১৭", "ডিসেম্বর/২০১৭", FY17,
         R("জুলাই/২০১৭", "ডিসেম্বর/২০১৭", "2017-07-01", "2017-12-31", "month")),
    case("১৭ সেপ্টেম্বর", "৩১ ডিসেম্বর", FY17,
         R("১৭ সেপ্টেম্বর", "৩১ ডিসেম্বর", "2017-09-17", "2017-12-31", "day")),
    case("১৫ ডিসেম্বর", "১৫ জানুয়ারি", FY17,
         R("১৫ ডিসেম্বর", "১৫ জানুয়ারি", "2017-12-15", "2018-01-15", "day")),
    case("নভেম্বর", "ফেব্রুয়ারি", FY17,
         R("নভেম্বর", "ফেব্রুয়ারি", "2017-11-01", "2018-02-28", "month")),
    case("১০ সেপ্টে:", "২৮ সেপ্টে:", FY17,
         R("১০ সেপ্টে:", "২৮ সেপ্টে:", "2017-09-10", "2017-09-28", "day")),
    case("অক্টো: ২০১৭", "ডিসে: ২০১৭", FY17,
         R("অক্টো: ২০১৭", "ডিসে: ২০১৭", "2017-10-01", "2017-12-31", "month")),
    case("০১ জুলাই ২০১৭", "জানুয়ারীর মধ্যে", FY17,
         R("০১ জুলাই ২০১৭", "জানুয়ারীর মধ্যে", "2017-07-01", "2018-01-31", "month")),
    case("আগস্ট ২০১৭", "সেপ্টেম্বরের মধ্যে", FY17,
         R("আগস্ট ২০১৭", "সেপ্টেম্বরের মধ্যে", "2017-08-01", "2017-09-30", "month")),
    case("১ বৈশাখ", "৩১ জ্যৈষ্ঠ", FY17,
         R("১ বৈশাখ", "৩১ জ্যৈষ্ঠ", "2018-04-14", "2018-06-14", "day")),
    case("১লা শ্রাবণ ১৪২৪", "৩০ আশ্বিন ১৪২৪", FY17,
         R("১লা শ্রাবণ ১৪২৪", "৩০ আশ্বিন ১৪২৪", "2017-07-16", "2017-10-15", "day")),
    case("July 1, 2017", "Sept 30, 2017", FY17,
         R("July 1, 2017", "Sept 30, 2017", "2017-07-01", "2017-09-30", "day")),
    case("২০১৭-১৮ অর্থবছর", "", FY17,
         R("২০১৭-১৮ অর্থবছর", "", "2017-07-01", "2018-06-30", "month")),
    case("১ জুলাই ২০১৭ হতে ৩০ সেপ্টেম্বর ২০১৭ পর্যন্ত", "", FY17,
         R("১ জুলাই ২০১৭ হতে ৩০ সেপ্টেম্বর ২০১৭ পর্যন্ত", "", "2017-07-01", "2017-09-30", "day")),
    case("২৩ অক্টোবর - ১৩ নভেম্বর", "", FY17,
         R("২৩ অক্টোবর - ১৩ নভেম্বর", "", "2017-10-23", "2017-11-13", "day")),
    case("২০১৬", "২০১৬", CY16, R("২০১৬", "২০১৬", "2016-01-01", "2016-12-31", "month")),
    case("০১ মার্চ", "২৯ জুন", H1_17, R("০১ মার্চ", "২৯ জুন", "2017-03-01", "2017-06-29", "day")),
    case("", "৩০ জুন ২০১৮", FY17, {**R("", "", "2018-06-30", "2018-06-30", "day"),
                                   "text": "| ৩০ জুন ২০১৮"}),
    # -- impossible schedules stay as read, with warnings ---------------------
    case("আগস্ট/২০১৭", "মে/২০১৭", FY17,
         R("আগস্ট/২০১৭", "মে/২০১৭", "2017-08-01", "2017-05-31", "month"),
         ["end_before_start", "outside_period"]),
    case("১২ জুন ২০১৭", "৩০ আগস্ট ২০১৭", FY17,
         R("১২ জুন ২০১৭", "৩০ আগস্ট ২০১৭", "2017-06-12", "2017-08-30", "day"),
         ["outside_period"]),
    case("২৭ মার্চ", "৩১ ডিসেম্বর", H1_17,
         R("২৭ মার্চ", "৩১ ডিসেম্বর", "2017-03-27", "2017-12-31", "day"), ["outside_period"]),
    case("১৫ মে ২০১৮", "১০ মে ২০১৮", FY17,
         R("১৫ মে ২০১৮", "১০ মে ২০১৮", "2018-05-15", "2018-05-10", "day"), ["end_before_start"]),
    case("১ জুন ২০১৭", "৩০ জুলাই ২০১৮", FY17,
         R("১ জুন ২০১৭", "৩০ জুলাই ২০১৮", "2017-06-01", "2018-07-30", "day"),
         ["outside_period", "outside_period"]),
    case("১লা বৈশাখ ১৪২৫", "৩০ চৈত্র ১৪২৫", FY17,
         R("১লা বৈশাখ ১৪২৫", "৩০ চৈত্র ১৪২৫", "2018-04-14", "2019-04-13", "day"),
         ["outside_period"]),
    case("১৫ জুন ২০১৮ - যশোর ১৫ জুলাই ২০১৮ - খুলনা", "", FY17,
         OCC("১৫ জুন ২০১৮ - যশোর ১৫ জুলাই ২০১৮ - খুলনা", "",
           ("2018-06-15", "2018-06-15", "যশোর", None), ("2018-07-15", "2018-07-15", "খুলনা", None)),
         ["outside_period"]),
    # -- occurrences ----------------------------------------------------------
    case("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর", "", FY17,
         OCC("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর", "",
           ("2017-10-22", "2017-10-23", "শার্শা", None),
           ("2017-11-12", "2017-11-13", "যশোর সদর", None))),
    case("শার্শা: ২২-২৩ অক্টোবর, যশোর সদর: ১২-১৩ নভেম্বর", "", FY17,
         OCC("শার্শা: ২২-২৩ অক্টোবর, যশোর সদর: ১২-১৩ নভেম্বর", "",
           ("2017-10-22", "2017-10-23", "শার্শা", None),
           ("2017-11-12", "2017-11-13", "যশোর সদর", None))),
    case("প্রথম সার্কেল ২৫/০৯/২০১৭ দ্বিতীয় সার্কেল ২০/১২/২০১৭", "", FY17,
         OCC("প্রথম সার্কেল ২৫/০৯/২০১৭ দ্বিতীয় সার্কেল ২০/১২/২০১৭", "",
           ("2017-09-25", "2017-09-25", None, "প্রথম সার্কেল"),
           ("2017-12-20", "2017-12-20", None, "দ্বিতীয় সার্কেল"))),
    case("২৫/০৯/২০১৭ (১ম সভা), ২০/১২/২০১৭ (২য় সভা)", "", FY17,
         OCC("২৫/০৯/২০১৭ (১ম সভা), ২০/১২/২০১৭ (২য় সভা)", "",
           ("2017-09-25", "2017-09-25", None, "১ম সভা"),
           ("2017-12-20", "2017-12-20", None, "২য় সভা"))),
    case("০১ জুন - বাঘারপাড়া", "", H1_17,
         OCC("০১ জুন - বাঘারপাড়া", "", ("2017-06-01", "2017-06-01", "বাঘারপাড়া", None))),
    case("১৫ মার্চ ২০১৬, খুলনা", "", CY16,
         OCC("১৫ মার্চ ২০১৬, খুলনা", "", ("2016-03-15", "2016-03-15", "খুলনা", None))),
    case("৫, ১২ ও ১৯ মার্চ ২০১৭", "", H1_17,
         OCC("৫, ১২ ও ১৯ মার্চ ২০১৭", "", ("2017-03-05", "2017-03-05", None, None),
           ("2017-03-12", "2017-03-12", None, None), ("2017-03-19", "2017-03-19", None, None))),
    case("২৩ অক্টোবর ১৩ নভেম্বর", "", FY17,
         OCC("২৩ অক্টোবর ১৩ নভেম্বর", "", ("2017-10-23", "2017-10-23", None, None),
           ("2017-11-13", "2017-11-13", None, None))),
    case("২৩ অক্টোবর, ১৩ নভেম্বর ও ১২ ডিসেম্বর", "", FY17,
         OCC("২৩ অক্টোবর, ১৩ নভেম্বর ও ১২ ডিসেম্বর", "", ("2017-10-23", "2017-10-23", None, None),
           ("2017-11-13", "2017-11-13", None, None), ("2017-12-12", "2017-12-12", None, None))),
    case("১০ সেপ্টেম্বর ২০১৭ (যশোর)", "১২ সেপ্টেম্বর ২০১৭", FY17,
         OCC("১০ সেপ্টেম্বর ২০১৭ (যশোর)", "১২ সেপ্টেম্বর ২০১৭",
           ("2017-09-10", "2017-09-12", "যশোর", None))),
    case("০২ ফেব্রুয়ারি ০৬ ফেব্রুয়ারি", "১৪ ফেব্রুয়ারি ২২ ফেব্রুয়ারি", FY17,
         OCC("০২ ফেব্রুয়ারি ০৬ ফেব্রুয়ারি", "১৪ ফেব্রুয়ারি ২২ ফেব্রুয়ারি",
           ("2018-02-02", "2018-02-02", None, None), ("2018-02-06", "2018-02-06", None, None),
           ("2018-02-14", "2018-02-14", None, None), ("2018-02-22", "2018-02-22", None, None))),
    case("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর", "নভেম্বর ১২-১৩-যশোর সদর", FY17,
         OCC("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর", "নভেম্বর ১২-১৩-যশোর সদর",
             ("2017-10-22", "2017-10-23", "শার্শা", None),
             ("2017-11-12", "2017-11-13", "যশোর সদর", None))),
    case("প্রথম সার্কেল ২৫/০৯/২০১৭", "চতুর্থ সার্কেল ১২/০৬/২০১৮", FY17,
         OCC("প্রথম সার্কেল ২৫/০৯/২০১৭", "চতুর্থ সার্কেল ১২/০৬/২০১৮",
             ("2017-09-25", "2017-09-25", None, "প্রথম সার্কেল"),
             ("2018-06-12", "2018-06-12", None, "চতুর্থ সার্কেল"))),
    case("১৮ জানুয়ারি ২০১৮ - জেলা প্রশাসকের সম্মেলন কক্ষ", "", FY17,
         OCC("১৮ জানুয়ারি ২০১৮ - জেলা প্রশাসকের সম্মেলন কক্ষ", "",
           ("2018-01-18", "2018-01-18", "জেলা প্রশাসকের সম্মেলন কক্ষ", None))),
    case("২১ ফেব্রুয়ারি (শহীদ দিবস), ১৬ ডিসেম্বর (বিজয় দিবস)", "", FY17,
         OCC("২১ ফেব্রুয়ারি (শহীদ দিবস), ১৬ ডিসেম্বর (বিজয় দিবস)", "",
             ("2018-02-21", "2018-02-21", None, "শহীদ দিবস"),
             ("2017-12-16", "2017-12-16", None, "বিজয় দিবস"))),
    case("১৫ জানুয়ারি ২০১৮ (বার্ষিক সভা)", "", FY17,
         OCC("১৫ জানুয়ারি ২০১৮ (বার্ষিক সভা)", "",
             ("2018-01-15", "2018-01-15", None, "বার্ষিক সভা"))),
    case("২০ মার্চ ২০১৮, জেলা প্রশাসকের অফিস", "", FY17,
         OCC("২০ মার্চ ২০১৮, জেলা প্রশাসকের অফিস", "",
             ("2018-03-20", "2018-03-20", "জেলা প্রশাসকের অফিস", None))),
    # -- recurring ------------------------------------------------------------
    case("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", FY17,
         REC("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", FY17,
             "FREQ=MONTHLY;BYDAY=+2MO")),
    case("প্রতি মাসের দ্বিতীয় সোমবার", "", FY17,
         REC("প্রতি মাসের দ্বিতীয় সোমবার", "", FY17, "FREQ=MONTHLY;BYDAY=+2MO")),
    case("প্রতি মাসের ৩য় বুধবার", "", FY17,
         REC("প্রতি মাসের ৩য় বুধবার", "", FY17, "FREQ=MONTHLY;BYDAY=+3WE")),
    case("প্রতি মাসের শেষ বৃহস্পতিবার", "", FY17,
         REC("প্রতি মাসের শেষ বৃহস্পতিবার", "", FY17, "FREQ=MONTHLY;BYDAY=-1TH")),
    case("প্রতি মাসের প্রথম রবিবার", "", FY17,
         REC("প্রতি মাসের প্রথম রবিবার", "", FY17, "FREQ=MONTHLY;BYDAY=+1SU")),
    case("প্রতি সপ্তাহের রবিবার", "", FY17,
         REC("প্রতি সপ্তাহের রবিবার", "", FY17, "FREQ=WEEKLY;BYDAY=SU")),
    case("প্রতি রবিবার", "", FY17, REC("প্রতি রবিবার", "", FY17, "FREQ=WEEKLY;BYDAY=SU")),
    case("প্রতি সপ্তাহের বৃহস্পতিবার", "প্রতি সপ্তাহের বৃহস্পতিবার", FY17,
         REC("প্রতি সপ্তাহের বৃহস্পতিবার", "প্রতি সপ্তাহের বৃহস্পতিবার", FY17, "FREQ=WEEKLY;BYDAY=TH")),
    case("প্রতি সোম ও বুধবার", "", FY17,
         REC("প্রতি সোম ও বুধবার", "", FY17, "FREQ=WEEKLY;BYDAY=MO,WE")),
    case("প্রতিমাসের ১৫ তারিখ", "প্রতিমাসের ২৫ তারিখ", CY16,
         REC("প্রতিমাসের ১৫ তারিখ", "প্রতিমাসের ২৫ তারিখ", CY16, "FREQ=MONTHLY;BYMONTHDAY=15",
             "FREQ=MONTHLY;BYMONTHDAY=25")),
    case("প্রতিমাসের ১৫ তারিখ", "২৫ তারিখ", CY16,
         REC("প্রতিমাসের ১৫ তারিখ", "২৫ তারিখ", CY16, "FREQ=MONTHLY;BYMONTHDAY=15",
             "FREQ=MONTHLY;BYMONTHDAY=25")),
    case("প্রতিমাসের ১৫ তারিখ", "", CY16,
         REC("প্রতিমাসের ১৫ তারিখ", "", CY16, "FREQ=MONTHLY;BYMONTHDAY=15")),
    case("প্রতি মাসের ১০ তারিখের মধ্যে", "", FY17,
         REC("প্রতি মাসের ১০ তারিখের মধ্যে", "", FY17, "FREQ=MONTHLY;BYMONTHDAY=10")),
    case("প্রতি মাসের ৫ ও ২০ তারিখ", "", FY17,
         REC("প্রতি মাসের ৫ ও ২০ তারিখ", "", FY17, "FREQ=MONTHLY;BYMONTHDAY=5,20")),
    case("পরবর্তী মাসের ৫তারিখ", "পরবর্তী মাসের ১৫ তারিখ", CY16,
         REC("পরবর্তী মাসের ৫তারিখ", "পরবর্তী মাসের ১৫ তারিখ", CY16,
             "FREQ=MONTHLY;BYMONTHDAY=5", "FREQ=MONTHLY;BYMONTHDAY=15")),
    case("পরের মাসের ৭ তারিখ", "", FY17,
         REC("পরের মাসের ৭ তারিখ", "", FY17, "FREQ=MONTHLY;BYMONTHDAY=7")),
    case("প্রতি মাসের শেষ দিন", "", FY17,
         REC("প্রতি মাসের শেষ দিন", "", FY17, "FREQ=MONTHLY;BYMONTHDAY=-1")),
    case("প্রতিমাসে একবার", "প্রতিমাসে একবার", FY17,
         REC("প্রতিমাসে একবার", "প্রতিমাসে একবার", FY17, "FREQ=MONTHLY")),
    case("মাসে একবার", "", FY17, REC("মাসে একবার", "", FY17, "FREQ=MONTHLY")),
    case("প্রতি মাসে ১ বার", "", FY17, REC("প্রতি মাসে ১ বার", "", FY17, "FREQ=MONTHLY")),
    case("মাসিক", "মাসিক", FY17, REC("মাসিক", "মাসিক", FY17, "FREQ=MONTHLY")),
    case("প্রতি মাসে", "", FY17, REC("প্রতি মাসে", "", FY17, "FREQ=MONTHLY")),
    case("প্রতি তিন মাস অন্তর", "", FY17,
         REC("প্রতি তিন মাস অন্তর", "", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("তিন মাস অন্তর অন্তর", "", FY17,
         REC("তিন মাস অন্তর অন্তর", "", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("৩ মাস পর পর", "", FY17, REC("৩ মাস পর পর", "", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("প্রতি ৩ মাসে একবার", "", FY17,
         REC("প্রতি ৩ মাসে একবার", "", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("ত্রৈমাসিক", "ত্রৈমাসিক", FY17, REC("ত্রৈমাসিক", "ত্রৈমাসিক", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("প্রতি কোয়ার্টারে একবার", "", FY17,
         REC("প্রতি কোয়ার্টারে একবার", "", FY17, "FREQ=MONTHLY;INTERVAL=3")),
    case("ষান্মাসিক", "", FY17, REC("ষান্মাসিক", "", FY17, "FREQ=MONTHLY;INTERVAL=6")),
    case("প্রতি ছয় মাস অন্তর", "", FY17,
         REC("প্রতি ছয় মাস অন্তর", "", FY17, "FREQ=MONTHLY;INTERVAL=6")),
    case("বছরে একবার", "বছরে একবার", FY17, REC("বছরে একবার", "বছরে একবার", FY17, "FREQ=YEARLY")),
    case("বার্ষিক", "", FY17, REC("বার্ষিক", "", FY17, "FREQ=YEARLY")),
    case("প্রতি বছর ১ জুলাই", "", FY17,
         REC("প্রতি বছর ১ জুলাই", "", FY17, "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1")),
    case("সাপ্তাহিক", "", FY17, REC("সাপ্তাহিক", "", FY17, "FREQ=WEEKLY")),
    case("প্রতি সপ্তাহে", "", FY17, REC("প্রতি সপ্তাহে", "", FY17, "FREQ=WEEKLY")),
    case("পাক্ষিক", "", FY17, REC("পাক্ষিক", "", FY17, "FREQ=WEEKLY;INTERVAL=2")),
    case("প্রতিদিন", "", FY17, REC("প্রতিদিন", "", FY17, "FREQ=DAILY")),
    case("প্রতি ১৫ দিন অন্তর", "", FY17,
         REC("প্রতি ১৫ দিন অন্তর", "", FY17, "FREQ=DAILY;INTERVAL=15")),
    case("প্রতি মাসের ১ম ও ৩য় বৃহস্পতিবার", "", FY17,
         REC("প্রতি মাসের ১ম ও ৩য় বৃহস্পতিবার", "", FY17, "FREQ=MONTHLY;BYDAY=+1TH,+3TH")),
    case("Every month on the second Monday", "", FY17,
         REC("Every month on the second Monday", "", FY17, "FREQ=MONTHLY;BYDAY=+2MO")),
    case("Monthly", "", FY17, REC("Monthly", "", FY17, "FREQ=MONTHLY")),
    # -- counts ---------------------------------------------------------------
    case("বছরে তিনবার", "বছরে তিনবার", FY17, C("বছরে তিনবার", "বছরে তিনবার", FY17, 3, "year")),
    case("বছরে দুইবার", "", FY17, C("বছরে দুইবার", "", FY17, 2, "year")),
    case("বছরে ২ বার", "", FY17, C("বছরে ২ বার", "", FY17, 2, "year")),
    case("বছরে দু'বার", "", FY17, C("বছরে দু'বার", "", FY17, 2, "year")),
    case("বছরে ৪ বার", "বছরে ৪ বার", FY17, C("বছরে ৪ বার", "বছরে ৪ বার", FY17, 4, "year")),
    case("বছরে চারবার", "", CY16, C("বছরে চারবার", "", CY16, 4, "year")),
    case("মাসে দুইবার", "", FY17, C("মাসে দুইবার", "", FY17, 2, "month")),
    case("সপ্তাহে দুইবার", "", FY17, C("সপ্তাহে দুইবার", "", FY17, 2, "week")),
    case("প্রতি ত্রৈমাসিকে দুইবার", "", FY17, C("প্রতি ত্রৈমাসিকে দুইবার", "", FY17, 2, "quarter")),
    case("twice a year", "", FY17, C("twice a year", "", FY17, 2, "year")),
    # -- unparsed: no exact meaning, never guessed -----------------------------
    case("সারা বছর", "", FY17, U("সারা বছর", "")),
    case("সারা বছর", "সারা বছর", FY17, U("সারা বছর", "সারা বছর")),
    case("চলমান", "চলমান", FY17, U("চলমান", "চলমান")),
    case("নিয়মিত", "", FY17, U("নিয়মিত", "")),
    case("প্রতি মাসের শেষ সপ্তাহে", "", FY17, U("প্রতি মাসের শেষ সপ্তাহে", "")),
    case("প্রতি মাসের প্রথম সপ্তাহ", "", FY17, U("প্রতি মাসের প্রথম সপ্তাহ", "")),
    case("প্রতি মাসের শেষ কর্মদিবস", "", FY17, U("প্রতি মাসের শেষ কর্মদিবস", "")),
    case("প্রতি মাসের প্রথম কর্ম দিবসে", "", FY17, U("প্রতি মাসের প্রথম কর্ম দিবসে", "")),
    case("প্রয়োজন অনুযায়ী", "", FY17, U("প্রয়োজন অনুযায়ী", "")),
    case("প্রতি মাসে প্রয়োজন অনুযায়ী", "", FY17, U("প্রতি মাসে প্রয়োজন অনুযায়ী", "")),
    case("কমপক্ষে বছরে দুইবার", "", FY17, U("কমপক্ষে বছরে দুইবার", "")),
    case("প্রতি বছর জুন মাসে", "", FY17, U("প্রতি বছর জুন মাসে", "")),
    # A rule with an end date runs until it (issue 18 point 3; was unparsed).
    case("প্রতিমাসে একবার", "৩০ জুন ২০১৮", FY17,
         REC("প্রতিমাসে একবার", "৩০ জুন ২০১৮", FY17, "FREQ=MONTHLY")),
    case("বছরে তিনবার", "বছরে চারবার", FY17, U("বছরে তিনবার", "বছরে চারবার")),
    case("৩১ জুন ২০১৭", "", FY17, U("৩১ জুন ২০১৭", "")),
    case("২৯ ফেব্রুয়ারি", "", FY17, U("২৯ ফেব্রুয়ারি", "")),
    case("", "", FY17, U("", "")),
    case("১৫ মার্চ ১৬ মার্চ যশোর", "", H1_17, U("১৫ মার্চ ১৬ মার্চ যশোর", "")),
    case("জেলা প্রশাসকের সম্মেলন কক্ষ", "", FY17, U("জেলা প্রশাসকের সম্মেলন কক্ষ", "")),
    case("যথাসময়ে", "", FY17, U("যথাসময়ে", "")),
    case("২০১৭-১৮ অর্থবছরে প্রতি মাসে", "", FY17, U("২০১৭-১৮ অর্থবছরে প্রতি মাসে", "")),
    case("জুলাই ২০১৭ থেকে চলমান", "", FY17, U("জুলাই ২০১৭ থেকে চলমান", "")),
    case("১ জুলাই ২০১৭ থেকে প্রতি মাসে", "", FY17, U("১ জুলাই ২০১৭ থেকে প্রতি মাসে", "")),
    case("১৫ তারিখ", "", FY17, U("১৫ তারিখ", "")),
    case("১৫ মার্চ থেকে কাজ শুরু হয়ে চলমান থাকবে এবং নিয়মিত তদারকি করা হবে", "", FY17,
         U("১৫ মার্চ থেকে কাজ শুরু হয়ে চলমান থাকবে এবং নিয়মিত তদারকি করা হবে", "")),
]  # fmt: skip


@pytest.mark.parametrize(("start", "end", "period", "expected", "warnings"), CASES)
def test_it_reads_the_schedule(start, end, period, expected, warnings) -> None:
    reading = parse_schedule(start, end, period)
    assert reading.schedule == expected
    assert tuple(reading.schedule) == SCHEDULE_KEYS[expected["kind"]]
    if expected["kind"] == "occurrences":
        for occ in reading.schedule["occurrences"]:
            assert tuple(occ) == ("start", "end", "place", "label")
    assert [w.code for w in reading.warnings] == warnings


def test_the_text_is_normalised_and_joined() -> None:
    reading = parse_schedule("  ০১ জুলাই\u00a0 ২০১৭ ", "সেপ্টেম্বর\n২০১৭", FY17)
    assert reading.schedule["text"] == "০১ জুলাই ২০১৭ | সেপ্টেম্বর ২০১৭"
    assert parse_schedule("১৫ জানুয়ারি", "   ", FY17).schedule["text"] == "১৫ জানুয়ারি"


def test_warnings_name_the_cell_and_the_dates() -> None:
    reading = parse_schedule("আগস্ট/২০১৭", "মে/২০১৭", FY17, period_label="২০১৭-১৮ অর্থবছরের")
    first, second = reading.warnings
    assert first.message == (
        "সমাপ্তির তারিখ মে/২০১৭ (2017-05-31) শুরুর তারিখ আগস্ট/২০১৭ (2017-08-01) এর আগে"
    )
    assert second.message == (
        "সমাপ্তির তারিখ মে/২০১৭ (2017-05-31) ২০১৭-১৮ অর্থবছরের (2017-07-01..2018-06-30) এর বাইরে"
    )
    assert (second.field, second.value) == ("end", "2017-05-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("প্রথম সার্কেল", "label"),
        ("চতুর্থ স্যোসাল মিডিয়া সংলাপ", "label"),
        ("২য় কর্মশালা", "label"),
        ("ইনোভেশন মেলা", "label"),
        ("গণশুনানী", "label"),
        ("First circle", "label"),
        ("ঠাকুরগাঁও সদর", "place"),
        ("পীরগঞ্জ", "place"),
        ("বালিয়াডাঙ্গী", "place"),
        ("জেলা সদর", "place"),
        ("জেলা প্রশাসকের সম্মেলন কক্ষ", "place"),
        ("Jessore", "place"),
    ],
)
def test_it_tells_labels_from_places(text, expected) -> None:
    assert classify_label_or_place(text) == expected


def test_occurrences_from_a_nested_sub_table() -> None:
    entries = [("ঠাকুরগাঁও সদর", "১৯/০৯/২০১৭"), ("পীরগঞ্জ", "১৮/১২/২০১৭"), ("হরিপুর", "২৩/০৫/২০১৮")]
    reading = occurrences_schedule("১৯/০৯/২০১৭ | ২৩/০৫/২০১৮", entries, FY17)
    assert reading.schedule == {
        "kind": "occurrences",
        "text": "১৯/০৯/২০১৭ | ২৩/০৫/২০১৮",
        "start": "2017-09-19",
        "end": "2018-05-23",
        "occurrences": [
            {"start": "2017-09-19", "end": "2017-09-19", "place": "ঠাকুরগাঁও সদর", "label": None},
            {"start": "2017-12-18", "end": "2017-12-18", "place": "পীরগঞ্জ", "label": None},
            {"start": "2018-05-23", "end": "2018-05-23", "place": "হরিপুর", "label": None},
        ],
    }
    assert reading.warnings == []


def test_a_nested_sub_table_with_an_unreadable_date_is_unparsed() -> None:
    reading = occurrences_schedule("x", [("প্রথম সার্কেল", "শীঘ্রই")], FY17)
    assert reading.schedule["kind"] == "unparsed"


def test_a_nested_date_outside_the_period_warns() -> None:
    reading = occurrences_schedule("x", [("প্রথম সার্কেল", "১২/০৭/২০১৮")], FY17)
    assert [w.code for w in reading.warnings] == ["outside_period"]


def test_expand_gives_the_days_of_each_kind() -> None:
    monthly = parse_schedule("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "", FY17).schedule
    days = expand(monthly, FY17[0], FY17[1])
    assert len(days) == 12
    assert days[:3] == [D(2017, 7, 10), D(2017, 8, 14), D(2017, 9, 11)]
    assert all(d.weekday() == 0 and 8 <= d.day <= 14 for d in days)
    last_thursday = parse_schedule("প্রতি মাসের শেষ বৃহস্পতিবার", "", FY17).schedule
    assert expand(last_thursday, D(2017, 8, 1), D(2017, 9, 30)) == [D(2017, 8, 31), D(2017, 9, 28)]
    occ = parse_schedule("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর", "", FY17).schedule
    assert expand(occ, FY17[0], FY17[1]) == [
        D(2017, 10, 22), D(2017, 10, 23), D(2017, 11, 12), D(2017, 11, 13)
    ]  # fmt: skip
    rng = parse_schedule("১৩-১৪ জানুয়ারি, ২০১৬", "", CY16).schedule
    assert expand(rng, CY16[0], CY16[1]) == [D(2016, 1, 13), D(2016, 1, 14)]
    count = parse_schedule("বছরে তিনবার", "", FY17).schedule
    assert expand(count, FY17[0], FY17[1]) == []
    fifteenth = parse_schedule("প্রতিমাসের ১৫ তারিখ", "প্রতিমাসের ২৫ তারিখ", CY16).schedule
    assert expand(fifteenth, D(2016, 3, 1), D(2016, 4, 30)) == [D(2016, 3, 15), D(2016, 4, 15)]


def test_schedule_to_rrule() -> None:
    monthly = parse_schedule("প্রতিমাসে একবার", "", FY17).schedule
    assert schedule_to_rrule(monthly) == (
        "DTSTART;VALUE=DATE:20170701\nRRULE:FREQ=MONTHLY;UNTIL=20180630"
    )
    occ = parse_schedule("০১ জুন - বাঘারপাড়া", "", H1_17).schedule
    assert schedule_to_rrule(occ) == "DTSTART;VALUE=DATE:20170601\nRDATE;VALUE=DATE:20170601"
    assert schedule_to_rrule(parse_schedule("চলমান", "", FY17).schedule) is None


@pytest.mark.parametrize(
    ("start", "end", "period", "bn", "en"),
    [
        ("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "", FY17,
         "প্রতি মাসের দ্বিতীয় সোমবার", "Every month on the second Monday"),
        ("প্রতি মাসের শেষ বৃহস্পতিবার", "", FY17,
         "প্রতি মাসের শেষ বৃহস্পতিবার", "Every month on the last Thursday"),
        ("প্রতিমাসের ১৫ তারিখ", "প্রতিমাসের ২৫ তারিখ", CY16,
         "প্রতি মাসের ১৫ তারিখ থেকে ২৫ তারিখ", "Every month from day 15 to day 25"),
        ("প্রতিমাসে একবার", "", FY17, "প্রতি মাসে", "Every month"),
        ("প্রতি তিন মাস অন্তর", "", FY17, "প্রতি ৩ মাস অন্তর", "Every 3 months"),
        ("বছরে একবার", "", FY17, "প্রতি বছর", "Every year"),
        ("প্রতি সপ্তাহের রবিবার", "", FY17, "প্রতি সপ্তাহের রবিবার", "Every week on Sunday"),
        ("প্রতি বছর ১ জুলাই", "", FY17, "প্রতি বছরের ১ জুলাই", "Every year on 1 July"),
        ("প্রতিদিন", "", FY17, "প্রতিদিন", "Every day"),
        ("বছরে তিনবার", "", FY17, "বছরে ৩ বার", "3 times a year"),
        ("০১ জুলাই ২০১৭", "সেপ্টেম্বর ২০১৭", FY17,
         "১ জুলাই ২০১৭ – ৩০ সেপ্টেম্বর ২০১৭", "1 July 2017 – 30 September 2017"),
        ("০১ জুন - বাঘারপাড়া", "", H1_17, "১ জুন ২০১৭ (বাঘারপাড়া)", "1 June 2017 (বাঘারপাড়া)"),
        ("চলমান", "", FY17, "চলমান", "চলমান"),
    ],
)  # fmt: skip
def test_describe(start, end, period, bn, en) -> None:
    schedule = parse_schedule(start, end, period).schedule
    assert describe(schedule) == bn
    assert describe(schedule, "en") == en


def test_the_schedule_keys_are_the_contracts() -> None:
    """bangla may not import the Django project, so it keeps its own copy; check it."""
    import ast
    from pathlib import Path

    contract = Path(__file__).resolve().parents[2] / "udbhabon" / "documents" / "contract.py"
    if not contract.exists():
        pytest.skip("the project's contract.py is not in this checkout")
    tree = ast.parse(contract.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id in ("SCHEDULE_KEYS", "OCCURRENCE_KEYS"):
            found[target.id] = ast.literal_eval(node.value)
    from bangla.schedules import OCCURRENCE_KEYS

    assert found["SCHEDULE_KEYS"] == SCHEDULE_KEYS
    assert found["OCCURRENCE_KEYS"] == OCCURRENCE_KEYS
