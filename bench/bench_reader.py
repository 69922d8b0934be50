"""Benchmark: reading a 30-item annual innovation action plan (target: under 300 ms).

    .venv/bin/python bench/bench_reader.py [N] [--pdf]

Generates a plan in the seeds' layout (letter, two-row header, column numbers,
a page break with a repeated header, merged category cells, sub-labels), as
.txt and as .docx (and .xlsx; .pdf with --pdf), reads each N times after one
warm-up read and prints milliseconds per read. Exit status 1 if the .txt or
.docx median is over the target.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 300.0
BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
MONTHS = [
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
]
CATEGORIES = [
    "নিজ অফিসের সেবা সহজীকরণ অথবা সেবায় ইনোভেশন",
    "ই-সেবা ও ই-ফাইলিং কার্যক্রম",
    "আইডিয়া ম্যানেজমেন্ট ও স্কেলআপ",
    "অধঃস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি",
    "প্রশিক্ষণ প্রদান",
    "সোশ্যাল মিডিয়ার ব্যবহার",
]
HEADER = (
    "ক্রঃ নং\tবিষয়\tপ্রস্তাবিত বিষয় (গৃহীতব্য কাজের নাম)\tবাস্তবায়নকাল\t\t"
    "দায়িত্বপ্রাপ্ত কর্মকর্তা\tপ্রত্যাশিত ফলাফল\tপরিমাপের মানদণ্ড\n"
    "\t\t\tশুরুর তারিখ\tসমাপ্তির তারিখ\t\t\t\n"
    "১\t২\t৩\t৪\t৫\t৬\t৭\t৮\n"
)


def bn(value: object) -> str:
    return str(value).translate(BN)


def plan(items: int = 30) -> str:
    lines = [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "জেলা প্রশাসকের কার্যালয়, কুমিল্লা",
        "",
        "স্মারক নং-০৫.২০.১৯০০.০১২.০১.০০২.২০১৮.১২",
        "তারিখ : ০৫ শ্রাবণ, ১৪২৫ বঙ্গাব্দ",
        "২০ জুলাই, ২০১৮ খ্রিস্টাব্দ",
        "",
        "বিষয় : কুমিল্লা জেলা ইনোভেশন টিমের ২০১৮-১৯ অর্থবছরের বার্ষিক কর্মপরিকল্পনা।",
        "",
        "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        "জেলা প্রশাসকের কার্যালয়, কুমিল্লা",
        "২০১৮-২০১৯ অর্থ বছর",
        "",
    ]
    text = "\n".join(lines) + "\n" + HEADER
    for serial in range(1, items + 1):
        if serial == 16:
            text += "\n৫২\n\n" + HEADER
        category = CATEGORIES[(serial - 1) // 5] if serial % 5 == 1 else ""
        label = "কখগঘঙ"[(serial - 1) % 5] + ") " if serial % 5 != 1 else ""
        start = MONTHS[serial % 12]
        end = MONTHS[(serial + 3) % 12]
        year = 2018 if MONTHS.index(start) < 6 else 2019
        text += (
            f"{bn(serial)}\t{category}\t{label}জেলার সকল দপ্তরে উদ্ভাবনী কার্যক্রম নম্বর "
            f"{bn(serial)} বাস্তবায়ন ও তদারকি করা\t{bn(serial % 28 + 1)} {start} {bn(year)}\t"
            f"{end} {bn(year + 1 if serial % 2 else year)}\t"
            f"মোঃ রহিম উদ্দিন অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)\t"
            f"সেবা গ্রহীতার সময়, খরচ ও যাতায়াত কমবে\tসভার কার্যবিবরণী ও প্রতিবেদন\n"
        )
    text += "\n\n(মোঃ আবুল কালাম)\nজেলা প্রশাসক\nকুমিল্লা\n"
    return text


def measure(data: bytes, name: str, repeat: int) -> tuple[float, int]:
    from udbhabon.documents.reader import read_document

    result = read_document(data, name)  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        read_document(data, name)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), len(result["sections"][0]["items"])


def main() -> int:
    repeat = int(next((arg for arg in sys.argv[1:] if arg.isdigit()), "20"))
    from udbhabon.documents.tests.reader_fixtures import convert

    text = plan()
    files = {
        "plan.txt": text.encode(),
        "plan.docx": convert.txt_to_docx(text),
        "plan.xlsx": convert.txt_to_xlsx(text),
    }
    if "--pdf" in sys.argv:
        from udbhabon.documents.tests.reader_fixtures import pdfmaker

        files["plan.pdf"] = pdfmaker.txt_to_pdf(text)
    slow = False
    for name, data in files.items():
        times = repeat if not name.endswith(".pdf") else 3
        median, items = measure(data, name, times)
        flag = "" if median < TARGET_MS else "  (over target)"
        print(f"{name:10} {items} items  {median:7.1f} ms per read (median of {times}){flag}")
        slow = slow or (name.endswith((".txt", ".docx")) and median >= TARGET_MS)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
