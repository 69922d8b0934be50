"""Write the visible examples of an evaluation framework in the APA layout (run it to
regenerate them; the contract's kind "evaluation_framework", version 2).

    .venv/bin/python -m udbhabon.documents.tests.reader_fixtures.make_framework_samples

No real framework file is published with the project: Udbhabon builds these itself
from the columns the Annual Performance Agreement prints (strategic objective and
its weight, activity, performance indicator, unit, the indicator's weight, the
previous year's achievement, the targets at five grades অসাধারণ ১০০% / অতি উত্তম ৯০% /
উত্তম ৮০% / চলতি মান ৭০% / চলতি মানের নিম্নে ৬০%, next year's projection), with the
issue's example row (objective "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন", weight 7; indicator
"কর্মপরিকল্পনা প্রণীত", unit date, weight 4, target 31-7-2018). Under
``reader_fixtures/framework/`` it writes:

- ``district_2018_19.docx`` – a Word table as the APA prints it: a three-row header
  (the five grades under a merged "লক্ষ্যমাত্রা/নির্ণায়ক ২০১৮-১৯", their percentages
  below), a row of column numbers, objectives, weights and a shared activity in
  vertically merged cells; Bengali digits, except the example row's dates typed in
  ASCII ("31-7-2018");
- ``district_2018_19.xlsx`` – the same framework in a sheet with the same merged
  header, English headings, weights as numbers and date targets as real Excel dates.

The expected JSON beside each is what the reader gives (checked by
``test_reader_framework.py``, which also checks the example row value by value).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

OUT = Path(__file__).resolve().parent / "framework"
BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

TITLE = "জেলা প্রশাসকের কার্যালয়ের উদ্ভাবন কার্যক্রম মূল্যায়ন কাঠামো, ২০১৮-১৯"
LEAD = ("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "মন্ত্রিপরিষদ বিভাগ", "কর্মকৌশল অনুবিভাগ")
SIGNATURE = ("(মোঃ আবদুল করিম)", "উপসচিব", "মন্ত্রিপরিষদ বিভাগ")

# objective, its weight, [(activity, [(indicator, unit, weight, previous,
#   five targets, projection)])]
FRAMEWORK = [
    (
        "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
        7,
        [
            (
                "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন ও মন্ত্রিপরিষদ বিভাগে প্রেরণ",
                [
                    (
                        "কর্মপরিকল্পনা প্রণীত",
                        "date",
                        4,
                        "30-7-2017",
                        ("31-7-2018", "7-8-2018", "14-8-2018", "21-8-2018", "31-8-2018"),
                        "31-7-2019",
                    )
                ],
            ),
            (
                "কর্মপরিকল্পনা জেলা তথ্য বাতায়নে প্রকাশ",
                [
                    (
                        "তথ্য বাতায়নে প্রকাশিত",
                        "date",
                        3,
                        "-",
                        ("15-08-2018", "31-08-2018", "15-09-2018", "30-09-2018", "15-10-2018"),
                        "15-08-2019",
                    )
                ],
            ),
        ],
    ),
    (
        "উদ্ভাবন কার্যক্রম পরিবীক্ষণ",
        18,
        [
            (
                "জেলা ইনোভেশন টিমের সভা আয়োজন",
                [
                    ("সভা অনুষ্ঠিত", "number", 10, "12", ("12", "11", "10", "9", "8"), "12"),
                    (
                        "সভার সিদ্ধান্ত বাস্তবায়িত",
                        "percent",
                        8,
                        "85",
                        ("100", "90", "80", "70", "60"),
                        "100",
                    ),
                ],
            ),
        ],
    ),
    (
        "সেবা সহজীকরণ ও উদ্ভাবনী উদ্যোগ বাস্তবায়ন",
        45,
        [
            (
                "উদ্ভাবনী ধারণা আহ্বান ও যাচাই",
                [("যাচাইকৃত উদ্ভাবনী ধারণা", "number", 10, "7", ("10", "8", "6", "4", "2"), "12")],
            ),
            (
                "উদ্ভাবনী উদ্যোগ পাইলটিং",
                [("পাইলট বাস্তবায়িত উদ্যোগ", "number", 15, "3", ("5", "4", "3", "2", "1"), "6")],
            ),
            ("সেবা সহজীকরণ", [("সহজীকৃত সেবা", "number", 10, "2", ("5", "4", "3", "2", "1"), "5")]),
            (
                "সফল উদ্যোগ রেপ্লিকেশন",
                [("রেপ্লিকেটকৃত উদ্যোগ", "number", 10, "1", ("5", "4", "3", "2", "1"), "4")],
            ),
        ],
    ),
    (
        "উদ্ভাবন সক্ষমতা বৃদ্ধি",
        30,
        [
            (
                "উদ্ভাবন বিষয়ে প্রশিক্ষণ আয়োজন",
                [
                    (
                        "প্রশিক্ষিত কর্মকর্তা-কর্মচারী",
                        "number",
                        15,
                        "45",
                        ("60", "50", "40", "30", "20"),
                        "70",
                    )
                ],
            ),
            (
                "উদ্ভাবন প্রদর্শনী (শোকেসিং) আয়োজন",
                [
                    (
                        "শোকেসিং অনুষ্ঠিত",
                        "date",
                        10,
                        "20-04-2018",
                        ("15-03-2019", "31-03-2019", "15-04-2019", "30-04-2019", "15-05-2019"),
                        "15-03-2020",
                    )
                ],
            ),
            (
                "তথ্য বাতায়নে উদ্ভাবন কর্নার হালনাগাদ",
                [
                    (
                        "হালনাগাদকৃত সেবার হার",
                        "percent",
                        5,
                        "70",
                        ("100", "90", "80", "70", "60"),
                        "100",
                    )
                ],
            ),
        ],
    ),
]
UNIT_BN = {"date": "তারিখ", "number": "সংখ্যা", "percent": "%"}
UNIT_EN = {"date": "Date", "number": "Number", "percent": "%"}
HEAD_BN = [
    "কৌশলগত উদ্দেশ্য",
    "কৌশলগত উদ্দেশ্যের মান",
    "কার্যক্রম",
    "কর্মসম্পাদন সূচক",
    "একক",
    "কর্মসম্পাদন সূচকের মান",
    "প্রকৃত অর্জন ২০১৭-১৮",
    "লক্ষ্যমাত্রা/নির্ণায়ক ২০১৮-১৯",
    "",
    "",
    "",
    "",
    "প্রক্ষেপণ ২০১৯-২০",
]
GRADES_BN = ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]
HEAD_EN = [
    "Strategic Objectives",
    "Weight of Strategic Objective",
    "Activities",
    "Performance Indicators",
    "Unit",
    "Weight of Performance Indicators",
    "Actual Achievement 2017-18",
    "Target/Criteria Value 2018-19",
    "",
    "",
    "",
    "",
    "Projection 2019-20",
]
GRADES_EN = ["Excellent", "Very Good", "Good", "Fair", "Poor"]
PERCENTS = ["100%", "90%", "80%", "70%", "60%"]


def rows() -> list[dict]:
    """One dict per indicator, with how many rows its objective and activity span."""
    out = []
    for objective, weight, activities in FRAMEWORK:
        first_objective = True
        span = sum(len(indicators) for _, indicators in activities)
        for activity, indicators in activities:
            for n, (indicator, unit, ind_weight, previous, targets, projection) in enumerate(
                indicators
            ):
                out.append(
                    {
                        "objective": objective if first_objective else None,
                        "objective_span": span,
                        "objective_weight": weight,
                        "activity": activity if n == 0 else None,
                        "activity_span": len(indicators),
                        "indicator": indicator,
                        "unit": unit,
                        "weight": ind_weight,
                        "previous": previous,
                        "targets": targets,
                        "projection": projection,
                    }
                )
                first_objective = False
    return out


def _bn(text: str, row: dict) -> str:
    """Bengali digits, except the issue's example row, typed in ASCII as it prints it."""
    return text if row["indicator"] == "কর্মপরিকল্পনা প্রণীত" else text.translate(BN)


def write_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document()
    document.sections[0].orientation = WD_ORIENT.LANDSCAPE
    for line in (*LEAD, TITLE):
        document.add_paragraph(line)
    data = rows()
    table = document.add_table(rows=4 + len(data), cols=13)
    table.style = "Table Grid"
    for column, text in enumerate(HEAD_BN):
        table.cell(0, column).text = text
    for column, (grade, percent) in enumerate(zip(GRADES_BN, PERCENTS, strict=True), start=7):
        table.cell(1, column).text = grade
        table.cell(2, column).text = percent.translate(BN)
    for column in range(13):
        table.cell(3, column).text = str(column + 1).translate(BN)
        if not 7 <= column <= 11:
            table.cell(0, column).merge(table.cell(2, column))
            table.cell(0, column).text = HEAD_BN[column]
    table.cell(0, 7).merge(table.cell(0, 11)).text = HEAD_BN[7]
    for n, row in enumerate(data, start=4):
        values = [
            row["objective"],
            str(row["objective_weight"]).translate(BN) if row["objective"] else None,
            row["activity"],
            row["indicator"],
            UNIT_BN[row["unit"]],
            str(row["weight"]).translate(BN),
            _bn(row["previous"], row),
            *(_bn(target, row) for target in row["targets"]),
            _bn(row["projection"], row),
        ]
        for column, value in enumerate(values):
            if value is not None:
                table.cell(n, column).text = value
        for column, key in ((0, "objective"), (1, "objective"), (2, "activity")):
            span = row[f"{key}_span"]
            if row[key] is not None and span > 1:
                table.cell(n, column).merge(table.cell(n + span - 1, column))
                table.cell(n, column).text = values[column] or ""
    for line in SIGNATURE:
        document.add_paragraph(line)
    document.core_properties.created = dt.datetime(2018, 6, 1)
    document.save(str(path))


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "APA"
    for line in (*LEAD, TITLE):
        sheet.append([line])
    top = sheet.max_row + 1
    sheet.append(HEAD_EN)
    sheet.append([""] * 7 + GRADES_EN + [""])
    sheet.append([""] * 7 + PERCENTS + [""])
    merges = [(top, top + 2, column) for column in range(1, 14) if not 8 <= column <= 12]
    for row in rows():
        unit = row["unit"]
        sheet.append(
            [
                row["objective"],
                row["objective_weight"] if row["objective"] else None,
                row["activity"],
                row["indicator"],
                UNIT_EN[unit],
                row["weight"],
                _cell(unit, row["previous"]),
                *(_cell(unit, target) for target in row["targets"]),
                _cell(unit, row["projection"]),
            ]
        )
        at = sheet.max_row
        for column, key in ((1, "objective"), (2, "objective"), (3, "activity")):
            span = row[f"{key}_span"]
            if row[key] is not None and span > 1:
                merges.append((at, at + span - 1, column))
    for first, last, column in merges:
        sheet.merge_cells(start_row=first, end_row=last, start_column=column, end_column=column)
    sheet.merge_cells(start_row=top, end_row=top, start_column=8, end_column=12)
    for line in SIGNATURE:
        sheet.append([line])
    book.properties.created = dt.datetime(2018, 6, 1)
    book.properties.modified = dt.datetime(2018, 6, 1)
    book.save(str(path))


def _cell(unit: str, text: str) -> object:
    """A date as a real Excel date, a number as a number, anything else as typed."""
    if unit == "date" and text != "-":
        day, month, year = (int(part) for part in text.split("-"))
        return dt.datetime(year, month, day)
    return int(text) if text.isdigit() else text


def main() -> None:
    OUT.mkdir(exist_ok=True)
    write_docx(OUT / "district_2018_19.docx")
    write_xlsx(OUT / "district_2018_19.xlsx")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
