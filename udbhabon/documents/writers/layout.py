"""The papers' layout, once, for every output format.

A document dict becomes a list of `Part`s (each starts on a new page, portrait or
landscape), each a list of blocks: centred heading lines, paragraphs, the memo line
(number left, date right), key/value lines (the minutes' header), tables with their
header rows and merged cells, signature blocks and numbered lists. The PDF, DOCX and
XLSX writers only render these blocks, so the three formats carry the same text in the
same order — which is what lets the reader take a DOCX or XLSX back (its rules follow
the real papers: title lines, standard column headers, rows without a serial for dated
occurrences, empty merged category cells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from udbhabon.documents.writers.text import (
    count_words,
    digits,
    format_bangla_date,
    format_date,
    format_date_numeric,
    format_time,
    nfc,
    paragraphs,
)

Align = Literal["left", "center", "right", "justify"]

# ---------------------------------------------------------------------------------------
# Words printed on the papers, per language. Bengali is NFC (য় ড় ঢ় decomposed), as all
# text in the contract is.

_LABELS: dict[str, dict[str, str]] = {
    "bn": {
        "government": "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "memo": "স্মারক নং-",
        "date": "তারিখ: ",
        "bangla_era": "বঙ্গাব্দ",
        "gregorian_era": "খ্রিস্টাব্দ",
        "subject": "বিষয়: ",
        "reference": "সূত্র: ",
        "attachments": "সংযুক্তি: ",
        "pages": "পাতা",
        "addressee": "প্রাপক: ",
        "distribution": "অনুলিপি (জ্যেষ্ঠতার ক্রমানুসারে নয়):",
        "distribution_minutes": "অনুলিপি সদয় জ্ঞাতার্থে ও প্রয়োজনীয় কার্যার্থে:",
        "phone": "ফোন: ",
        "email": "ই-মেইল: ",
        "page": "পৃষ্ঠা",
        "plan_title": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        "report_title": "উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন প্রতিবেদন",
        "minutes_title": "সভার কার্যবিবরণী",
        "chair": "সভাপতি",
        "place": "স্থান",
        "meeting_date": "তারিখ",
        "time": "সময়",
        "attendance": "উপস্থিত সদস্যবৃন্দ",
        "attendance_default": "পরিশিষ্ট “ক” দ্রষ্টব্য।",
        "opening_default": (
            "উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করা হয়। বিগত সভার কার্যবিবরণী পাঠ "
            "করে শোনানো হয় এবং কোনো সংশোধনী না থাকায় তা সর্বসম্মতিক্রমে দৃঢ়ীকরণ করা হয়। "
            "অতঃপর আলোচ্যসূচি অনুযায়ী বিস্তারিত আলোচনা শেষে নিম্নরূপ সিদ্ধান্তসমূহ গৃহীত হয়:"
        ),
        "closing_default": (
            "অন্য কোনো আলোচ্য বিষয় না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।"
        ),
        "body_default": (
            "উপর্যুক্ত বিষয় ও সূত্রের পরিপ্রেক্ষিতে {office}-এর {period} {paper} সদয় "
            "অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য এতদসঙ্গে প্রেরণ করা হলো।"
        ),
        "body_plan": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        "body_report": "উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন প্রতিবেদন",
        "serial": "ক্রম",
        "category": "বিষয়",
        "activity": "প্রস্তাবিত বিষয় (গৃহীতব্য কাজের নাম)",
        "schedule": "বাস্তবায়নকাল",
        "start": "শুরুর তারিখ",
        "end": "সমাপ্তির তারিখ",
        "responsible": "দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "expected_outcome": ("প্রত্যাশিত ফলাফল (কাজটি সম্পন্ন হলে গুণগত বা পরিমাণগত কী পরিবর্তন আসবে)"),
        "indicator": "পরিমাপ (প্রত্যাশিত ফলাফল তৈরি হয়েছে কিনা তা পরিমাপের মানদণ্ড)",
        "report_activity": "গৃহীত পদক্ষেপ",
        "progress": "বাস্তবায়ন অগ্রগতি",
        "remarks": "মন্তব্য",
        "topic": "আলোচ্য বিষয়",
        "discussion": "আলোচনা",
        "decision": "সিদ্ধান্ত",
        "implementer": "বাস্তবায়নকারী",
        "sheet_plan": "কর্মপরিকল্পনা",
        "sheet_report": "বাস্তবায়ন প্রতিবেদন",
        "sheet_minutes": "কার্যবিবরণী",
        "sheet_letter": "পত্র",
    },
    "en": {
        "government": "Government of the People's Republic of Bangladesh",
        "memo": "Memo No. ",
        "date": "Date: ",
        "bangla_era": "BS",
        "gregorian_era": "",
        "subject": "Subject: ",
        "reference": "Reference: ",
        "attachments": "Attachments: ",
        "pages": "pages",
        "addressee": "To: ",
        "distribution": "Copy to (not in order of seniority):",
        "distribution_minutes": "Copy for information and necessary action:",
        "phone": "Phone: ",
        "email": "E-mail: ",
        "page": "Page",
        "plan_title": "Annual innovation action plan",
        "report_title": "Innovation action plan implementation report",
        "minutes_title": "Minutes of the meeting",
        "chair": "Chair",
        "place": "Place",
        "meeting_date": "Date",
        "time": "Time",
        "attendance": "Present",
        "attendance_default": "See appendix A.",
        "opening_default": (
            "The chair welcomed those present and opened the meeting. The minutes of the "
            "previous meeting were read and confirmed. After discussion the following "
            "decisions were taken:"
        ),
        "closing_default": (
            "There being no other business, the chair thanked those present and closed the meeting."
        ),
        "body_default": (
            "With reference to the above, the {paper} of {office} for {period} is sent "
            "herewith for kind information and necessary action."
        ),
        "body_plan": "annual innovation action plan",
        "body_report": "innovation action plan implementation report",
        "serial": "No.",
        "category": "Category",
        "activity": "Proposed activity",
        "schedule": "Implementation period",
        "start": "Start",
        "end": "End",
        "responsible": "Responsible officer",
        "expected_outcome": "Expected outcome",
        "indicator": "Measurement indicator",
        "report_activity": "Steps taken",
        "progress": "Progress",
        "remarks": "Remarks",
        "topic": "Agenda item",
        "discussion": "Discussion",
        "decision": "Decision",
        "implementer": "Implementer",
        "sheet_plan": "Action plan",
        "sheet_report": "Implementation report",
        "sheet_minutes": "Minutes",
        "sheet_letter": "Letter",
    },
}
LABELS: dict[str, dict[str, str]] = {
    lang: {key: nfc(value) for key, value in words.items()} for lang, words in _LABELS.items()
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["bn"])


# ---------------------------------------------------------------------------------------
# Blocks


@dataclass
class Line:
    text: str
    bold: bool = False
    size: Literal["title", "large", "normal", "small"] = "normal"


@dataclass
class Heading:
    """Centred lines (a letterhead, a paper's title, office and period)."""

    lines: list[Line]
    role: Literal["letterhead", "title"] = "title"


@dataclass
class Para:
    text: str
    align: Align = "left"
    bold: bool = False
    indent: bool = False  # first-line indent of running prose
    role: str = "text"  # subject, reference, body, attachments, opening, closing ...


@dataclass
class MemoLine:
    """The memo number on the left and the date (one or two lines) on the right."""

    memo: str
    dates: list[str]


@dataclass
class KeyValues:
    """The minutes' header: label, colon, value."""

    rows: list[tuple[str, str]]


@dataclass
class Signature:
    lines: list[str]
    align: Align = "right"


@dataclass
class LinesBlock:
    """Left-aligned lines that belong together (an addressee block)."""

    lines: list[str]
    role: str = "addressee"


@dataclass
class NumberedList:
    heading: str
    entries: list[str]  # already numbered ("০১. ...")


@dataclass
class Cell:
    text: str
    rowspan: int = 1  # > 1 on the first row of a vertical merge
    merged: bool = False  # True on the rows a vertical merge covers (written empty)
    align: Align = "left"
    kind: Literal["serial", "text", "date", "sub"] = "text"


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    widths: list[float]  # relative column widths
    header: list[list[HeaderCell]]  # header rows; repeated on every page
    rows: list[list[Cell]]
    number_row: bool = False  # the last header row is the column numbers ১ ২ ৩ ...
    item_rows: list[int] = field(default_factory=list)  # row index of each item


Block = Heading | Para | MemoLine | KeyValues | Signature | LinesBlock | NumberedList | Table


@dataclass
class Part:
    """A run of blocks starting on a new page."""

    orientation: Literal["portrait", "landscape"]
    blocks: list[Block]
    name: str  # sheet name stem / CSS page name: "letter", "plan", "report", "minutes"
    section: int = 0


# ---------------------------------------------------------------------------------------
# Helpers


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def split_schedule_text(schedule: dict[str, Any] | None) -> tuple[str, str]:
    """The original start and end cells of a schedule (the contract joins them by " | ")."""
    if not schedule:
        return "", ""
    text = _s(schedule.get("text"))
    start, sep, end = text.partition(" | ")
    return (start, end) if sep else (text, "")


_DATE_TOKEN = re.compile(
    r"[০-৯0-9]{1,2}\s*[/.-]\s*[০-৯0-9]{1,2}\s*[/.-]\s*[০-৯0-9]{2,4}"
    r"|[০-৯0-9]{1,2}(?:\s*-\s*[০-৯0-9]{1,2})?\s*[^\s০-৯0-9|,;:/.-]{2,}"
    r"|[^\s০-৯0-9|,;:/.-]{2,}\s*[০-৯0-9]{1,2}"
)


def occurrence_rows_needed(schedule: dict[str, Any] | None) -> bool:
    """Whether an occurrences schedule needs rows of its own under the item.

    Occurrences either come from the schedule cells themselves ("অক্টোবর ২২-২৩ শার্শা
    নভেম্বর ১২-১৩-যশোর সদর ...": the text says it all) or from a nested table or
    sub-rows (the cells hold only the first and last date). Only the second kind gets
    sub-rows, so the reader does not count an occurrence twice.
    """
    if not schedule or schedule.get("kind") != "occurrences":
        return False
    occurrences = schedule.get("occurrences") or []
    if not occurrences:
        return False
    text = _s(schedule.get("text"))
    for occ in occurrences:
        for key in ("label", "place"):
            if occ.get(key) and occ[key] not in text:
                return True
    start, end = split_schedule_text(schedule)
    cell = start if (not end or end == start) else f"{start} {end}"
    return len(_DATE_TOKEN.findall(cell)) < len(occurrences)


def occurrence_cells(occ: dict[str, Any], lang: str) -> tuple[str, str, str]:
    """(what, start, end) cells of one occurrence sub-row."""
    names = [n for n in (occ.get("label"), occ.get("place")) if n]
    what = " - ".join(names)
    start = format_date_numeric(occ.get("start"), lang) if occ.get("start") else ""
    end = ""
    if occ.get("end") and occ.get("end") != occ.get("start"):
        end = format_date_numeric(occ["end"], lang)
    return what, start, end


def designation_lines(designation: str) -> list[str]:
    """A designation as the stacked lines of a signature block.

    The contract joins designation lines with ", " (a line starting with "ও" or a bracket
    is joined with a space), so splitting at ", " gives lines that read back the same.
    """
    if not designation:
        return []
    parts = list(designation.split(", "))
    if any(not p or p.startswith(("ও ", "(")) for p in parts[1:]):
        return [designation]
    return parts


def addressee_lines(addressee: str) -> list[str]:
    """The "to" block as lines: split after "।" and at ", " (the reader joins them back)."""
    lines: list[str] = []
    for chunk in re.split(r"(?<=।) ", addressee):
        lines.extend(chunk.split(", "))
    rebuilt = ""
    for line in lines:
        rebuilt += line if not rebuilt else (" " if rebuilt.endswith("।") else ", ") + line
    if rebuilt != addressee or any(not line for line in lines):
        return [addressee]
    return lines


def signature_lines(signatory: dict[str, Any], lang: str) -> list[str]:
    words = labels(lang)
    lines = []
    if signatory.get("name"):
        lines.append(f"({signatory['name']})")
    lines.extend(designation_lines(_s(signatory.get("designation"))))
    if signatory.get("phone"):
        lines.append(words["phone"] + digits(signatory["phone"], lang))
    if signatory.get("email"):
        lines.append(words["email"] + signatory["email"])
    return lines


def split_signatories(
    section: dict[str, Any],
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(letter's signatory, the paper's own signatories), keeping document order.

    The contract lists signature blocks in document order. A plan or report with a
    forwarding letter prints the letter first, so the letter is signed by the first
    signatory; minutes print the memo part last, so it is signed by the last one (when
    there are two or more; a single signatory signs the minutes). letter["signatory"]
    overrides this and leaves section["signatories"] to the paper.
    """
    signatories = list(section.get("signatories") or [])
    letter = section.get("letter")
    if not letter:
        return None, signatories
    if letter.get("signatory"):
        return letter["signatory"], signatories
    if section.get("kind") == "meeting_minutes":
        if len(signatories) >= 2:
            return signatories[-1], signatories[:-1]
        return None, signatories
    if signatories:
        return signatories[0], signatories[1:]
    return None, []


def orientation(section: dict[str, Any]) -> Literal["portrait", "landscape"]:
    if section.get("orientation") in ("portrait", "landscape"):
        return section["orientation"]
    kind = section.get("kind")
    if kind == "action_plan":
        return "landscape"
    if kind == "progress_report":
        report = report_columns(section)
        return "landscape" if report["schedule"] or report["remarks"] else "portrait"
    return "portrait"


def report_columns(section: dict[str, Any]) -> dict[str, bool]:
    items = section.get("items") or []
    return {
        "schedule": any(item.get("schedule") for item in items),
        "remarks": any(item.get("remarks") not in (None, "") for item in items),
    }


def _category_merges(items: list[dict[str, Any]], key: str) -> list[bool]:
    """merged[i]: item i's `key` cell is merged into the item above (written empty).

    Consecutive equal values merge, as on paper. The reader fills an empty cell from the
    item above, or — inside a run of sub-labelled items (ক, খ, গ) — from the run's
    non-empty cell; an item is merged only where both rules give its own value.
    """
    merged = [False] * len(items)
    runs: list[tuple[int, int]] = []  # maximal runs of consecutive labelled items
    i = 0
    while i < len(items):
        if items[i].get("label"):
            j = i
            while j + 1 < len(items) and items[j + 1].get("label"):
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    run_of = {k: run for run in runs for k in range(run[0], run[1] + 1)}
    for i in range(1, len(items)):
        value = items[i].get(key) or ""
        if not value or value != (items[i - 1].get(key) or ""):
            continue
        run = run_of.get(i)
        if run and any((items[k].get(key) or "") != value for k in range(run[0], run[1] + 1)):
            continue
        merged[i] = True
    return merged


def _apply_merges(rows: list[list[Cell]], item_rows: list[int], merged: list[bool], col: int):
    """Turn merged flags into rowspans on the table rows (items plus their sub-rows)."""
    top = None
    for index, first_row in enumerate(item_rows):
        last_row = (item_rows[index + 1] if index + 1 < len(item_rows) else len(rows)) - 1
        if merged[index] and top is not None:
            for r in range(first_row, last_row + 1):
                rows[r][col] = Cell("", merged=True)
            rows[top][col].rowspan = last_row - top + 1
        else:
            top = first_row
            rows[top][col].rowspan = last_row - top + 1
            for r in range(first_row + 1, last_row + 1):
                rows[r][col] = Cell("", merged=True)


def _label_prefix(item: dict[str, Any]) -> str:
    return f"{item['label']}) " if item.get("label") else ""


def _number_row(count: int, lang: str) -> list[HeaderCell]:
    return [HeaderCell(digits(n, lang)) for n in range(1, count + 1)]


# ---------------------------------------------------------------------------------------
# Tables


def plan_table(section: dict[str, Any], lang: str) -> Table:
    w = labels(lang)
    items = section.get("items") or []
    header = [
        [
            HeaderCell(w["serial"], rowspan=2),
            HeaderCell(w["category"], rowspan=2),
            HeaderCell(w["activity"], rowspan=2),
            HeaderCell(w["schedule"], colspan=2),
            HeaderCell(w["responsible"], rowspan=2),
            HeaderCell(w["expected_outcome"], rowspan=2),
            HeaderCell(w["indicator"], rowspan=2),
        ],
        [HeaderCell(w["start"]), HeaderCell(w["end"])],
        _number_row(8, lang),
    ]
    rows: list[list[Cell]] = []
    item_rows: list[int] = []
    for item in items:
        item_rows.append(len(rows))
        start, end = split_schedule_text(item.get("schedule"))
        rows.append(
            [
                Cell(digits(_s(item.get("serial")), lang), align="center", kind="serial"),
                Cell(_s(item.get("category"))),
                Cell(_label_prefix(item) + _s(item.get("activity"))),
                Cell(start, kind="date"),
                Cell(end, kind="date"),
                Cell(_s(item.get("responsible"))),
                Cell(_s(item.get("expected_outcome"))),
                Cell(_s(item.get("indicator"))),
            ]
        )
        _add_occurrence_rows(rows, item, 8, spanning=(0, 5, 6, 7), lang=lang)
    _apply_merges(rows, item_rows, _category_merges(items, "category"), col=1)
    return Table(
        widths=[4, 11, 21, 8, 8, 14, 17, 17],
        header=header,
        rows=rows,
        number_row=True,
        item_rows=item_rows,
    )


def _add_occurrence_rows(
    rows: list[list[Cell]],
    item: dict[str, Any],
    width: int,
    *,
    spanning: tuple[int, ...],
    lang: str,
    activity_col: int = 2,
    start_col: int = 3,
) -> None:
    """Rows for an item's dated occurrences, under the item: label or place in the activity
    column, dates in the schedule columns, nothing else (the item's other cells span them).
    The reader takes rows like these, without a serial, as the item's occurrences."""
    schedule = item.get("schedule")
    if not occurrence_rows_needed(schedule):
        return
    item_row = rows[-1]
    occurrences = schedule["occurrences"]
    for occ in occurrences:
        what, start, end = occurrence_cells(occ, lang)
        row = [Cell("", kind="sub") for _ in range(width)]
        row[activity_col] = Cell(what, kind="sub")
        row[start_col] = Cell(start, kind="date")
        row[start_col + 1] = Cell(end, kind="date")
        for col in spanning:
            row[col] = Cell("", merged=True)
        rows.append(row)
    for col in spanning:
        item_row[col].rowspan = 1 + len(occurrences)


def report_table(section: dict[str, Any], lang: str) -> Table:
    w = labels(lang)
    items = section.get("items") or []
    cols = report_columns(section)
    has_schedule, has_remarks = cols["schedule"], cols["remarks"]
    activity_header = w["activity"] if has_schedule else w["report_activity"]
    top: list[HeaderCell] = [
        HeaderCell(w["serial"], rowspan=2 if has_schedule else 1),
        HeaderCell(w["category"], rowspan=2 if has_schedule else 1),
        HeaderCell(activity_header, rowspan=2 if has_schedule else 1),
    ]
    if has_schedule:
        top.append(HeaderCell(w["schedule"], colspan=2))
    top.append(HeaderCell(w["progress"], rowspan=2 if has_schedule else 1))
    if has_remarks:
        top.append(HeaderCell(w["remarks"], rowspan=2 if has_schedule else 1))
    width = 4 + (2 if has_schedule else 0) + (1 if has_remarks else 0)
    header = [top]
    if has_schedule:
        header.append([HeaderCell(w["start"]), HeaderCell(w["end"])])
    header.append(_number_row(width, lang))

    rows: list[list[Cell]] = []
    item_rows: list[int] = []
    for item in items:
        item_rows.append(len(rows))
        row = [
            Cell(digits(_s(item.get("serial")), lang), align="center", kind="serial"),
            Cell(_s(item.get("category"))),
            Cell(_label_prefix(item) + _s(item.get("activity"))),
        ]
        if has_schedule:
            start, end = split_schedule_text(item.get("schedule"))
            row += [Cell(start, kind="date"), Cell(end, kind="date")]
        row.append(Cell(_s(item.get("progress"))))
        if has_remarks:
            row.append(Cell(_s(item.get("remarks"))))
        rows.append(row)
        if has_schedule:
            spanning = (0, *range(5, width))  # serial, progress, remarks
            _add_occurrence_rows(rows, item, width, spanning=spanning, lang=lang)
    _apply_merges(rows, item_rows, _category_merges(items, "category"), col=1)
    if has_schedule:
        widths = [4, 12, 22, 8, 8, 34] + ([12] if has_remarks else [])
    else:
        widths = [6, 16, 30, 48] + ([12] if has_remarks else [])
    return Table(widths=widths, header=header, rows=rows, number_row=True, item_rows=item_rows)


def minutes_table(section: dict[str, Any], lang: str) -> Table:
    w = labels(lang)
    header = [
        [
            HeaderCell(w["serial"]),
            HeaderCell(w["topic"]),
            HeaderCell(w["discussion"]),
            HeaderCell(w["decision"]),
            HeaderCell(w["implementer"]),
        ]
    ]
    rows = []
    item_rows = []
    for item in section.get("items") or []:
        item_rows.append(len(rows))
        rows.append(
            [
                Cell(digits(_s(item.get("serial")), lang), align="center", kind="serial"),
                Cell(_s(item.get("topic"))),
                Cell(_s(item.get("discussion"))),
                Cell(_s(item.get("decision"))),
                Cell(_s(item.get("implementer"))),
            ]
        )
    return Table(widths=[6, 15, 43, 20, 16], header=header, rows=rows, item_rows=item_rows)


# ---------------------------------------------------------------------------------------
# Parts


def letterhead(section: dict[str, Any], lang: str) -> Heading:
    w = labels(lang)
    head = dict(section.get("header") or {})
    lines = [Line(head.get("government") or w["government"], bold=True, size="large")]
    office = head.get("office") or section.get("office")
    if office:
        lines.append(Line(office, size="large"))
    if head.get("unit"):
        lines.append(Line(head["unit"]))
    if head.get("website"):
        lines.append(Line(head["website"]))
    return Heading(lines, role="letterhead")


def memo_line(letter: dict[str, Any], lang: str) -> MemoLine | None:
    w = labels(lang)
    memo = f"{w['memo']}{letter['memo_number']}" if letter.get("memo_number") else ""
    dates: list[str] = []
    bangla = format_bangla_date(letter.get("bangla_date"), lang)
    gregorian = format_date(letter.get("date"), lang)
    if bangla and gregorian:
        dates = [f"{bangla} {w['bangla_era']}", f"{gregorian} {w['gregorian_era']}".strip()]
    elif bangla or gregorian:
        dates = [bangla or gregorian]
    if dates:
        dates[0] = w["date"] + dates[0]
    if not memo and not dates:
        return None
    return MemoLine(memo, dates)


def _default_body(section: dict[str, Any], lang: str) -> str:
    w = labels(lang)
    paper = w["body_report"] if section.get("kind") == "progress_report" else w["body_plan"]
    period = (section.get("period") or {}).get("label") or ""
    office = section.get("office") or ""
    text = w["body_default"].format(office=office, period=period, paper=paper)
    return re.sub(r"\s+", " ", text).replace("-এর  ", "-এর ").strip()


def _attachment_text(value: Any, lang: str) -> str:
    w = labels(lang)
    if isinstance(value, bool) or value is None or value == "":
        return ""
    if isinstance(value, int):
        return f"{w['attachments']}{count_words(value, lang)} {w['pages']}।"
    return f"{w['attachments']}{value}"


def letter_blocks(
    section: dict[str, Any], signatory: dict[str, Any] | None, lang: str, *, minutes: bool
) -> list[Block]:
    """The forwarding letter (or, for minutes, the memo part after the signature)."""
    w = labels(lang)
    letter = section["letter"]
    blocks: list[Block] = []
    if not minutes:
        blocks.append(letterhead(section, lang))
    memo = memo_line(letter, lang)
    if memo:
        blocks.append(memo)
    if letter.get("subject"):
        blocks.append(Para(w["subject"] + letter["subject"], bold=True, role="subject"))
    if letter.get("reference"):
        blocks.append(Para(w["reference"] + letter["reference"], role="reference"))
    body = letter.get("body")
    body_paras = paragraphs(body) if body is not None else []
    if body is None and not minutes:
        body_paras = [_default_body(section, lang)]
    for text in body_paras:
        blocks.append(Para(text, align="justify", indent=True, role="body"))
    attachment = _attachment_text(letter.get("attachments"), lang)
    if attachment:
        blocks.append(Para(attachment, role="attachments"))
    addressee = letter.get("addressee")
    distribution = [d for d in letter.get("distribution") or [] if d]
    heading = letter.get("distribution_heading") or (
        w["distribution_minutes"] if minutes else w["distribution"]
    )
    entries = [f"{digits(f'{n:02d}', lang)}. {entry}" for n, entry in enumerate(distribution, 1)]
    if minutes:
        # minutes: memo line, addressee, copy list, then the memo's signature
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        if entries:
            blocks.append(NumberedList(heading, entries))
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
    else:
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        if entries:
            blocks.append(NumberedList(heading, entries))
    return blocks


def _addressee_block(addressee: str, lang: str) -> LinesBlock:
    lines = addressee_lines(addressee)
    lines[0] = labels(lang)["addressee"] + lines[0]
    return LinesBlock(lines)


def _title_heading(section: dict[str, Any], default_title: str) -> Heading:
    lines = [Line(section.get("title") or default_title, bold=True, size="title")]
    if section.get("office"):
        lines.append(Line(section["office"], size="large"))
    period = section.get("period") or {}
    if period.get("label"):
        lines.append(Line(period["label"], size="large"))
    return Heading(lines)


def section_parts(section: dict[str, Any], index: int, lang: str) -> list[Part]:
    w = labels(lang)
    kind = section.get("kind")
    letter_signatory, paper_signatories = split_signatories(section)
    if section.get("_letter_only") and section.get("letter"):
        signatory = letter_signatory or next(iter(section.get("signatories") or []), None)
        blocks = letter_blocks(section, signatory, lang, minutes=False)
        return [Part("portrait", blocks, "letter", index)]
    signatures: list[Block] = [
        Signature(signature_lines(s, lang)) for s in paper_signatories if s.get("name")
    ]
    parts: list[Part] = []
    if kind == "meeting_minutes":
        meeting = dict(section.get("meeting") or {})
        blocks: list[Block] = [letterhead(section, lang)]
        blocks.append(
            Heading(
                [
                    Line(
                        meeting.get("title") or section.get("title") or w["minutes_title"],
                        bold=True,
                        size="title",
                    )
                ]
            )
        )
        attendance = meeting.get("attendance_reference")
        if attendance is None:
            attendance = w["attendance_default"]
        rows = [
            (w["chair"], _s(meeting.get("chair"))),
            (w["place"], _s(meeting.get("place"))),
            (w["meeting_date"], format_date(meeting.get("date"), lang)),
            (w["time"], format_time(meeting.get("time"), lang)),
            (w["attendance"], attendance),
        ]
        blocks.append(KeyValues([(k, v) for k, v in rows if v]))
        opening = meeting.get("opening")
        for text in paragraphs(w["opening_default"] if opening is None else opening):
            blocks.append(Para(text, align="justify", indent=True, role="opening"))
        blocks.append(minutes_table(section, lang))
        closing = meeting.get("closing")
        for text in paragraphs(w["closing_default"] if closing is None else closing):
            blocks.append(Para(text, align="justify", indent=True, role="closing"))
        blocks.extend(signatures)
        if section.get("letter"):
            blocks.extend(letter_blocks(section, letter_signatory, lang, minutes=True))
        parts.append(Part(orientation(section), blocks, "minutes", index))
        return parts

    if section.get("letter"):
        parts.append(
            Part(
                "portrait",
                letter_blocks(section, letter_signatory, lang, minutes=False),
                "letter",
                index,
            )
        )
    if kind == "progress_report":
        blocks = [_title_heading(section, w["report_title"])]
        name = "report"
        table = report_table(section, lang)
    else:
        blocks = [_title_heading(section, w["plan_title"])]
        name = "plan"
        table = plan_table(section, lang)
    if section.get("subtitle"):
        blocks.append(Para(section["subtitle"], bold=True, role="subtitle"))
    blocks.append(table)
    blocks.extend(signatures)
    parts.append(Part(orientation(section), blocks, name, index))
    return parts


def document_parts(doc: dict[str, Any], lang: str = "bn") -> list[Part]:
    parts: list[Part] = []
    for index, section in enumerate(doc.get("sections") or []):
        parts.extend(section_parts(section, index, lang))
    return parts
