"""Words printed on the papers, per language."""

from __future__ import annotations

from udbhabon.documents.writers.text import (
    nfc,
)

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
        "copies_information": "অনুলিপি সদয় জ্ঞাতার্থে:",
        "copies_action": "অনুলিপি জ্ঞাতার্থে/কার্যার্থে:",
        "draft": "খসড়া",
        "row_continued": "ক্রম {serial}-এর বাকি অংশ (আগের পৃষ্ঠার পর)",
        "row_continued_plain": "আগের পৃষ্ঠার সারির বাকি অংশ",
        "row_continues": "সারিটি পরের পৃষ্ঠায় চলমান",
        "notice_title": "সভার নোটিশ",
        "agenda": "আলোচ্যসূচি:",
        "annex_a": "পরিশিষ্ট “ক”",
        "other_text": "অন্যান্য লেখা",
        "annex_a_title": "সভায় উপস্থিত কর্মকর্তাগণের তালিকা",
        "name": "নাম",
        "designation": "পদবি",
        "office": "দপ্তর",
        "signature": "স্বাক্ষর",
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
        "sheet_annex": "পরিশিষ্ট ক",
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
        "copies_information": "Copy for kind information:",
        "copies_action": "Copy for information/action:",
        "draft": "DRAFT",
        "row_continued": "No. {serial} continued from the previous page",
        "row_continued_plain": "Row continued from the previous page",
        "row_continues": "The row continues on the next page",
        "notice_title": "Notice of meeting",
        "agenda": "Agenda:",
        "annex_a": "Appendix A",
        "other_text": "Other text",
        "annex_a_title": "Officers present at the meeting",
        "name": "Name",
        "designation": "Designation",
        "office": "Office",
        "signature": "Signature",
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
        "sheet_annex": "Appendix A",
    },
}
LABELS: dict[str, dict[str, str]] = {
    lang: {key: nfc(value) for key, value in words.items()} for lang, words in _LABELS.items()
}


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["bn"])


# Standard sentences a person may take as a starting point: offered as editable defaults
# on screen (the minutes editor, the letter form), never printed unless the record holds
# them (issue 16: nothing on a paper that is not in the record).
_OFFERED: dict[str, dict[str, str]] = {
    "bn": {
        "opening": (
            "উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করা হয়। বিগত সভার কার্যবিবরণী পাঠ "
            "করে শোনানো হয় এবং কোনো সংশোধনী না থাকায় তা সর্বসম্মতিক্রমে দৃঢ়ীকরণ করা হয়। "
            "অতঃপর আলোচ্যসূচি অনুযায়ী বিস্তারিত আলোচনা শেষে নিম্নরূপ সিদ্ধান্তসমূহ গৃহীত হয়:"
        ),
        "closing": (
            "অন্য কোনো আলোচ্য বিষয় না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।"
        ),
        "letter_body": (
            "উপর্যুক্ত বিষয় ও সূত্রের পরিপ্রেক্ষিতে {office}-এর {period} {paper} সদয় "
            "অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য এতদসঙ্গে প্রেরণ করা হলো।"
        ),
        "paper_plan": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        "paper_report": "উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন প্রতিবেদন",
    },
    "en": {
        "opening": (
            "The chair welcomed those present and opened the meeting. The minutes of the "
            "previous meeting were read and confirmed. After discussion the following "
            "decisions were taken:"
        ),
        "closing": (
            "There being no other business, the chair thanked those present and closed the meeting."
        ),
        "letter_body": (
            "With reference to the above, the {paper} of {office} for {period} is sent "
            "herewith for kind information and necessary action."
        ),
        "paper_plan": "annual innovation action plan",
        "paper_report": "innovation action plan implementation report",
    },
}
OFFERED: dict[str, dict[str, str]] = {
    lang: {key: nfc(value) for key, value in words.items()} for lang, words in _OFFERED.items()
}


def offered(lang: str) -> dict[str, str]:
    """The standard sentences offered on screen (opening, closing, letter_body ...)."""
    return OFFERED.get(lang, OFFERED["bn"])
