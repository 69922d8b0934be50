"""One small fixed record per paper kind, for the image and read-back suites (issue 16,
item 7): a plan with its letter (sent: signed at the end of its table), a report, signed
minutes with their memo and two copy lists, unsigned minutes (খসড়া) with the attendance
annex, a meeting's notice, a letter alone, and a paper with text the reader could not
place (অন্যান্য লেখা). Cut from the seeds so they stay a page or two each."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
EXPECTED = ROOT / "data" / "seeds" / "expected"

ATTENDANCE = [
    {"name": "মোঃ শাহরিয়াজ", "designation": "জেলা প্রশাসক", "office": "জেলা প্রশাসকের কার্যালয়, নাটোর"},
    {
        "name": "ফারহানা ইয়াসমিন",
        "designation": "অতিরিক্ত জেলা প্রশাসক (সার্বিক)",
        "office": "জেলা প্রশাসকের কার্যালয়, নাটোর",
    },
    {"name": "মোঃ আশরাফুল ইসলাম", "designation": "সহকারী কমিশনার", "office": "আইসিটি শাখা"},
]


def _seed(prefix: str) -> dict[str, Any]:
    path = next(EXPECTED.glob(f"{prefix}_*.json"))
    doc: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return doc


def _one(doc: dict[str, Any], index: int, items: int) -> dict[str, Any]:
    section = copy.deepcopy(doc["sections"][index])
    section["items"] = section["items"][:items]
    return {"sections": [section], "warnings": []}


def paper_kinds() -> dict[str, dict[str, Any]]:
    """name -> document (the contract plus the writers' extras)."""
    plan = _one(_seed("001"), 0, 4)
    plan["sections"][0]["letter"]["body"] = (
        "উপর্যুক্ত বিষয়ের প্রেক্ষিতে এ কার্যালয়ের বার্ষিক উদ্ভাবন কর্মপরিকল্পনা সদয় অবগতি ও "
        "প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য এতদসঙ্গে প্রেরণ করা হলো।"
    )
    plan["sections"][0]["letter"]["attachments"] = 3
    plan["sections"][0]["sign_table"] = True

    report = _one(_seed("002"), 1, 4)

    minutes = _one(_seed("003"), 0, 2)
    draft = copy.deepcopy(minutes)
    section = draft["sections"][0]
    section["draft"] = True
    section["signatories"] = []
    section["letter"] = None
    section["meeting"]["attendance_reference"] = None
    section["meeting"]["attendance"] = ATTENDANCE

    notice = copy.deepcopy(minutes)
    section = notice["sections"][0]
    section["notice"] = True
    section["letter"] = None
    section["meeting"]["title"] = "জেলা ইনোভেশন কমিটির মে, ২০১৯ মাসের সমন্বয় সভা"
    section["signatories"] = section["signatories"][:1]
    for item in section["items"]:
        item.update(discussion="", decision="", implementer="")

    letter = _one(_seed("004"), 0, 0)
    letter["sections"][0]["_letter_only"] = True

    other = _one(_seed("000"), 0, 2)
    other["warnings"] = [
        {
            "section": 0,
            "item": None,
            "code": "unplaced_text",
            "message": "বিঃ দ্রঃ কর্মপরিকল্পনার অগ্রগতি প্রতি মাসের সমন্বয় সভায় উপস্থাপন করতে হবে।",
        }
    ]
    return {
        "plan": plan,
        "report": report,
        "minutes": minutes,
        "minutes-draft": draft,
        "notice": notice,
        "letter": letter,
        "other-text": other,
    }
