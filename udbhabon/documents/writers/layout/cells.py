"""What goes into a paper's cells and lines: schedules, occurrences, designations, signatures."""

from __future__ import annotations

import re
from typing import Any, Literal

from udbhabon.documents.writers.layout.labels import labels
from udbhabon.documents.writers.model import Occurrence, Schedule, Section, Signatory
from udbhabon.documents.writers.text import (
    digits,
    format_date_numeric,
)


def cell_text(value: Any) -> str:
    return "" if value is None else str(value)


def split_schedule_text(schedule: Schedule | None) -> tuple[str, str]:
    """The original start and end cells of a schedule (the contract joins them by " | ")."""
    if not schedule:
        return "", ""
    text = cell_text(schedule.get("text"))
    start, sep, end = text.partition(" | ")
    return (start, end) if sep else (text, "")


_DATE_TOKEN = re.compile(
    r"[০-৯0-9]{1,2}\s*[/.-]\s*[০-৯0-9]{1,2}\s*[/.-]\s*[০-৯0-9]{2,4}"
    r"|[০-৯0-9]{1,2}(?:\s*-\s*[০-৯0-9]{1,2})?\s*[^\s০-৯0-9|,;:/.-]{2,}"
    r"|[^\s০-৯0-9|,;:/.-]{2,}\s*[০-৯0-9]{1,2}"
)


def occurrence_rows_needed(schedule: Schedule | None) -> bool:
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
    text = cell_text(schedule.get("text"))
    for occ in occurrences:
        for key in ("label", "place"):
            value = occ.get("label") if key == "label" else occ.get("place")
            if value and value not in text:
                return True
    start, end = split_schedule_text(schedule)
    cell = start if (not end or end == start) else f"{start} {end}"
    return len(_DATE_TOKEN.findall(cell)) < len(occurrences)


def occurrence_cells(occ: Occurrence, lang: str) -> tuple[str, str, str]:
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


def signature_lines(signatory: Signatory, lang: str) -> list[str]:
    words = labels(lang)
    lines = []
    if signatory.get("name"):
        lines.append(f"({signatory['name']})")
    lines.extend(designation_lines(cell_text(signatory.get("designation"))))
    if phone := signatory.get("phone"):
        lines.append(words["phone"] + digits(phone, lang))
    if email := signatory.get("email"):
        lines.append(words["email"] + email)
    return lines


def split_signatories(
    section: Section,
) -> tuple[Signatory | None, list[Signatory]]:
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


def orientation(section: Section) -> Literal["portrait", "landscape"]:
    chosen = section.get("orientation")
    if chosen in ("portrait", "landscape"):
        return chosen
    kind = section.get("kind")
    if kind == "action_plan":
        return "landscape"
    if kind == "progress_report":
        items = section.get("items") or []
        remarks = any(item.get("remarks") not in (None, "") for item in items)
        return "landscape" if report_columns(section)["schedule"] or remarks else "portrait"
    return "portrait"


def report_columns(section: Section) -> dict[str, bool]:
    items = section.get("items") or []
    return {
        "schedule": any(item.get("schedule") for item in items),
        # the remarks column is always printed, empty or not (a paper's fixed form)
        "remarks": True,
    }
