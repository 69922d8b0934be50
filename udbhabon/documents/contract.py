"""The fixed edge of the document reader: shared by the reader and the writers.

`docs/IMPORT-CONTRACT.md` (a copy of the steering contract) defines the
dry-run JSON. Udbhabon's own PDFs carry that JSON as an embedded file named
ATTACHMENT_NAME (PDF/A-3, as electronic invoices do), so the reader can take a
document it wrote back exactly instead of guessing from shaped text.
"""

from __future__ import annotations

ATTACHMENT_NAME = "udbhabon-document.json"

# The contract's version: 1 the three kinds of office papers; 2 adds
# "evaluation_framework" (a framework in the APA layout). Existing kinds' output is
# the same in every version.
CONTRACT_VERSION = 2
SECTION_KINDS = ("action_plan", "progress_report", "meeting_minutes", "evaluation_framework")
WARNING_CODES = ("end_before_start", "outside_period", "bangla_date_mismatch", "unplaced_text")

SECTION_KEYS = ("kind", "office", "period", "letter", "signatories", "items", "meeting")
LETTER_KEYS = (
    "memo_number",
    "date",
    "bangla_date",
    "subject",
    "reference",
    "addressee",
    "distribution",
)
ITEM_KEYS = {
    "action_plan": (
        "serial",
        "label",
        "category",
        "activity",
        "schedule",
        "responsible",
        "expected_outcome",
        "indicator",
    ),
    "progress_report": (
        "serial",
        "label",
        "category",
        "activity",
        "schedule",
        "progress",
        "remarks",
    ),
    "meeting_minutes": ("serial", "topic", "discussion", "decision", "implementer"),
}
MEETING_KEYS = ("title", "chair", "place", "date", "time")
SCHEDULE_KEYS = {
    "range": ("kind", "text", "start", "end", "precision"),
    "occurrences": ("kind", "text", "start", "end", "occurrences"),
    "recurring": ("kind", "text", "start", "end", "rrule", "until_rrule"),
    "count": ("kind", "text", "start", "end", "times", "per"),
    "unparsed": ("kind", "text", "start", "end"),
}
OCCURRENCE_KEYS = ("start", "end", "place", "label")
WARNING_KEYS = ("section", "item", "code", "message")

# An "evaluation_framework" section (version 2) has, after SECTION_KEYS, a "framework"
# object; its "items" is always empty.
FRAMEWORK_KEYS = ("title", "level", "year", "rows")
FRAMEWORK_LEVELS = ("upazila", "district", "division", "departmental")
FRAMEWORK_ROW_KEYS = (
    "objective",
    "objective_weight",
    "activity",
    "indicator",
    "unit",
    "weight",
    "previous",
    "targets",
    "projection",
)
FRAMEWORK_UNITS = ("number", "percent", "date", "yesno")
# The five grades of the APA layout, best first: অসাধারণ, অতি উত্তম, উত্তম, চলতি মান,
# চলতি মানের নিম্নে.
FRAMEWORK_GRADES = ("100", "90", "80", "70", "60")
