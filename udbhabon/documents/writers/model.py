"""The document model the writers take: the import contract plus optional paper extras.

The writers accept exactly what the reader returns (docs/IMPORT-CONTRACT.md; the files in
data/seeds/expected/ are examples), so every read document can be written out again. The
app builds the same dicts from its database; the contract lacks some things a paper
needs (the letterhead, the body of a letter, the attachment line, the opening paragraph of
minutes), so the dicts may carry the optional extras below. The extras are never written
into the contract JSON embedded in a PDF (see `contract_document`), because the reader
cannot produce them from another office's paper.

Everything here is a TypedDict: a dict from the reader type-checks as a document, and
`total=False` marks what may be left out. Values follow the contract's Text rules (NFC,
folded white space); dates are ISO strings ("2017-08-23"), times "HH:MM" (24-hour).

Optional extras, by where they sit:

section["title"]
    The paper's title line. Default per kind and language: "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
    "উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন প্রতিবেদন", and meeting["title"] for minutes.
section["header"]
    The letterhead (`Letterhead`): government (default "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"),
    office (default section["office"]), unit ("(আইসিটি শাখা)" or "আইসিটি শাখা"), website
    ("www.natore.gov.bd"). Printed above a letter and above minutes. header["lines"], when
    given (the office's form settings, offices.queries.form_settings_for), is the
    letterhead as printed, line by line, instead of those four.
section["orientation"]
    "portrait" or "landscape". Default: landscape for an action plan and for a report with
    a schedule or remarks column, portrait for minutes and the 4-column report. A letter
    is always portrait.
section["subtitle"]
    A line under the title (e.g. "ই-গভর্নেন্স/ইনোভেশন বিষয়ে গৃহীত কার্যক্রম:"). None by default.
letter["body"]
    The letter's paragraphs: a string (paragraphs separated by blank lines) or a list of
    strings, as the record holds them. None: no body (the standard forwarding sentence is
    only offered on screen, layout.offered; nothing is added on output).
letter["attachments"]
    The attachment line: a string as written ("০৫ (পাঁচ) পাতা") or a page count (5 is
    written "০৫ (পাঁচ) পাতা"). None: no attachment line.
letter["signatory"]
    Who signs the letter (`Signatory`, plus optional phone/email). Default: taken from
    section["signatories"] (see `layout.split_signatories`).
letter["distribution_heading"]
    Default "অনুলিপি (জ্যেষ্ঠতার ক্রমানুসারে নয়):" (minutes: "অনুলিপি সদয় জ্ঞাতার্থে ও প্রয়োজনীয় কার্যার্থে:").
letter["copy_lists"]
    [{"heading", "entries"}], when the paper has more than one copy list: minutes list
    copies "অনুলিপি সদয় জ্ঞাতার্থে:" before the memo's signature and "অনুলিপি
    জ্ঞাতার্থে/কার্যার্থে:" after it (seed 003). The entries together are
    letter["distribution"], in order.
signatory["phone"], signatory["email"]
    Printed under the designation (the reader drops them again).
meeting["attendance_reference"]
    Default "পরিশিষ্ট “ক” দ্রষ্টব্য।" when meeting["attendance"] is given, else none.
meeting["attendance"]
    [{"name", "designation", "office"}]: printed as পরিশিষ্ট “ক” (a page of its own, with a
    signature column) when the reference is the default or names a পরিশিষ্ট.
meeting["opening"], meeting["closing"]
    The paragraphs before and after the agenda table (string or list of strings), as the
    record holds them; None or "" prints none (no stock sentence is added).
section["sign_table"]
    True for a plan or report that was sent: the letter's signatory signs the end of the
    table too (when the paper has no signature of its own).
section["draft"]
    True for minutes nobody has signed: "খসড়া" is printed above the letterhead and the
    annex, and the PDF's title says so.
section["notice"]
    True for a meeting with only its agenda: the paper is its notice (title সভার নোটিশ,
    the meeting's facts, the agenda as a numbered list) instead of minutes.
doc["warnings"] with code "unplaced_text"
    The source's text the reader could not place: printed in an annex of its own,
    "অন্যান্য লেখা", after the last section (layout.other_text_part).
item["id"]
    A stable id (the app's primary key) used by the progress sheet; default
    "<section>.<item index>".
item["status"]
    Current progress of a plan item for the progress sheet (`ItemStatus`).
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

Kind = Literal["action_plan", "progress_report", "meeting_minutes"]
Orientation = Literal["portrait", "landscape"]
Format = Literal["pdf", "docx", "xlsx"]
StatusCode = Literal["not_started", "ongoing", "done", "delayed", "dropped"]


class Period(TypedDict):
    label: str
    start: str
    end: str


class BanglaDate(TypedDict):
    day: int
    month: str
    year: int


class Signatory(TypedDict):
    name: str
    designation: str
    phone: NotRequired[str | None]  # extra
    email: NotRequired[str | None]  # extra


class Letterhead(TypedDict, total=False):
    government: str
    office: str | None
    unit: str | None
    website: str | None
    lines: list[str]


class CopyList(TypedDict):
    """One copy list of a letter with two (letter["copy_lists"])."""

    heading: str
    entries: list[str]


class Letter(TypedDict):
    memo_number: str | None
    date: str | None
    bangla_date: BanglaDate | None
    subject: str | None
    reference: str | None
    addressee: str | None
    distribution: list[str]
    # extras
    body: NotRequired[str | list[str] | None]
    attachments: NotRequired[str | int | None]
    copy_lists: NotRequired[list[CopyList]]
    signatory: NotRequired[Signatory | None]
    distribution_heading: NotRequired[str | None]


class Occurrence(TypedDict):
    start: str | None
    end: str | None
    place: str | None
    label: str | None


class Schedule(TypedDict):
    kind: Literal["range", "occurrences", "recurring", "count", "unparsed"]
    text: str
    start: str | None
    end: str | None
    precision: NotRequired[str]
    occurrences: NotRequired[list[Occurrence]]
    rrule: NotRequired[str]
    until_rrule: NotRequired[str | None]
    times: NotRequired[int]
    per: NotRequired[str]


class ItemStatus(TypedDict, total=False):
    """Progress of one plan item, as the progress sheet shows and reads it."""

    status: StatusCode | None
    percent: int | None
    done: str | None  # what was done
    date: str | None  # ISO date of the update
    reason: str | None  # why it was dropped or delayed
    achieved: float | int | None  # how much of the row's numeric target was reached


class ItemTarget(TypedDict):
    """A row's numeric target ("৫০০ জন কর্মকর্তা"): the number and its unit."""

    value: float | int
    unit: str


class PlanItem(TypedDict):
    serial: int
    label: str | None
    category: str
    activity: str
    schedule: Schedule | None
    responsible: str
    expected_outcome: str
    indicator: str
    id: NotRequired[str]  # extra
    status: NotRequired[ItemStatus]  # extra
    target: NotRequired[ItemTarget]  # extra: the progress sheet's target column


class ReportItem(TypedDict):
    serial: int
    label: str | None
    category: str
    activity: str
    schedule: Schedule | None
    progress: str
    remarks: str | None
    id: NotRequired[str]  # extra


class AgendaItem(TypedDict):
    serial: int
    topic: str
    discussion: str
    decision: str
    implementer: str


class Attendee(TypedDict):
    """One line of পরিশিষ্ট “ক” (meeting["attendance"])."""

    name: str
    designation: str
    office: str


class Meeting(TypedDict):
    title: str
    chair: str | None
    place: str | None
    date: str | None
    time: str | None
    # extras
    attendance_reference: NotRequired[str | None]
    opening: NotRequired[str | list[str] | None]
    closing: NotRequired[str | list[str] | None]
    attendance: NotRequired[list[Attendee]]


class Section(TypedDict):
    kind: Kind
    office: str | None
    period: Period | None
    letter: Letter | None
    signatories: list[Signatory]
    items: list[PlanItem] | list[ReportItem] | list[AgendaItem]
    meeting: Meeting | None
    # extras
    title: NotRequired[str | None]
    subtitle: NotRequired[str | None]
    header: NotRequired[Letterhead | None]
    orientation: NotRequired[Orientation | None]
    _letter_only: NotRequired[bool]  # write_letter: the letter part alone (layout.section_parts)
    sign_table: NotRequired[bool]
    draft: NotRequired[bool]
    notice: NotRequired[bool]


class Warning_(TypedDict):
    section: int
    item: int | None
    code: str
    message: str


class Document(TypedDict):
    sections: list[Section]
    warnings: list[Warning_]
