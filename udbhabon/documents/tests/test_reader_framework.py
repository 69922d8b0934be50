"""An evaluation framework in the APA layout read into the contract's kind
"evaluation_framework" (version 2): the project's own DOCX and XLSX examples exactly
as their expected JSON, the issue's example row value by value, headers in Bengali
and English over one or several rows, merged cells continued, figures in Bengali or
ASCII digits and dates in any written form; the contract's validation of the shape;
and the older kinds untouched."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from udbhabon.documents.contract import FRAMEWORK_GRADES, FRAMEWORK_KEYS, FRAMEWORK_ROW_KEYS
from udbhabon.documents.reader import read_document, read_path
from udbhabon.documents.reader.validate import ContractError, filtered
from udbhabon.documents.tests.reader_fixtures import compare

FIXTURES = Path(__file__).resolve().parent / "reader_fixtures" / "framework"
SAMPLES = ["district_2018_19.docx", "district_2018_19.xlsx"]
ROOT = Path(__file__).resolve().parents[3]


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _framework(result: dict) -> dict:
    (section,) = result["sections"]
    assert section["kind"] == "evaluation_framework" and section["items"] == []
    return section["framework"]


@pytest.mark.parametrize("name", SAMPLES)
def test_the_projects_own_examples_read_exactly_as_their_expected_json(name: str) -> None:
    got = read_path(FIXTURES / name)
    assert got == _expected(name)
    assert filtered(got) == got  # the reading passes the contract's own check


@pytest.mark.parametrize("name", SAMPLES)
def test_the_issues_example_row_is_read_value_by_value(name: str) -> None:
    result = read_path(FIXTURES / name)
    section = result["sections"][0]
    assert section["office"] == "মন্ত্রিপরিষদ বিভাগ"
    assert section["period"] == {"label": "২০১৮-১৯", "start": "2018-07-01", "end": "2019-06-30"}
    framework = _framework(result)
    assert tuple(framework) == FRAMEWORK_KEYS
    assert (framework["level"], framework["year"]) == ("district", 2018)
    first = framework["rows"][0]
    assert tuple(first) == FRAMEWORK_ROW_KEYS and tuple(first["targets"]) == FRAMEWORK_GRADES
    assert first["objective"] == "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন"
    assert first["objective_weight"]["value"] == 7
    assert first["indicator"] == "কর্মপরিকল্পনা প্রণীত"
    assert first["unit"]["key"] == "date" and first["weight"]["value"] == 4
    assert first["targets"]["100"]["value"] == "2018-07-31"
    assert [t["value"] for t in first["targets"].values()] == [
        "2018-07-31",
        "2018-08-07",
        "2018-08-14",
        "2018-08-21",
        "2018-08-31",
    ]
    rows = framework["rows"]
    assert len(rows) == 11
    # The merged objective, weight and activity cells continue on the rows below them.
    assert rows[3]["objective"] == "উদ্ভাবন কার্যক্রম পরিবীক্ষণ"
    assert rows[3]["objective_weight"]["value"] == 18
    assert rows[3]["activity"] == rows[2]["activity"] == "জেলা ইনোভেশন টিমের সভা আয়োজন"
    assert rows[3]["unit"]["key"] == "percent" and rows[3]["previous"]["value"] == 85
    assert rows[1]["previous"] == {"text": "-", "value": None}
    weights = {row["objective"]: row["objective_weight"]["value"] for row in rows}
    assert sum(weights.values()) == 100
    assert sum(row["weight"]["value"] for row in rows) == 100


def test_the_docx_keeps_the_digits_as_written_beside_their_values() -> None:
    rows = _framework(read_path(FIXTURES / "district_2018_19.docx"))["rows"]
    assert rows[0]["targets"]["100"] == {"text": "31-7-2018", "value": "2018-07-31"}
    assert rows[1]["targets"]["100"] == {"text": "১৫-০৮-২০১৮", "value": "2018-08-15"}
    assert rows[2]["weight"] == {"text": "১০", "value": 10}


def _txt(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8")


def test_a_single_header_row_in_english_with_grades_in_brackets() -> None:
    data = _txt(
        "Innovation evaluation framework, upazila, 2019-20",
        "\t".join(
            [
                "Strategic objective",
                "Weight of the objective",
                "Activity",
                "Performance indicator",
                "Unit",
                "Weight of the indicator",
                "Previous year's achievement",
                "Outstanding (100%)",
                "Very good (90%)",
                "Good (80%)",
                "Fair (70%)",
                "Below fair (60%)",
                "Next year's projection",
            ]
        ),
        "[1] Plan\t100\t[1.1] Make the plan\tPlan made\tDate\t60\t\t"
        "31 July 2019\t7 August 2019\t14/08/2019\t2019-08-21\t৩১ আগস্ট ২০১৯\t",
        "\t\t\tPlan published\tYes/No\t40\tYes\tyes\tyes\tyes\tno\tno\tyes",
    )
    result = read_document(data, "framework.txt")
    framework = _framework(result)
    assert (framework["level"], framework["year"]) == ("upazila", 2019)
    first, second = framework["rows"]
    # List marks are dropped; an empty objective or activity cell continues the one above.
    assert (first["objective"], first["activity"]) == ("Plan", "Make the plan")
    assert (second["objective"], second["activity"]) == ("Plan", "Make the plan")
    assert second["objective_weight"] == {"text": "100", "value": 100}
    assert [t["value"] for t in first["targets"].values()] == [
        "2019-07-31",
        "2019-08-07",
        "2019-08-14",
        "2019-08-21",
        "2019-08-31",
    ]
    assert second["unit"] == {"text": "Yes/No", "key": "yesno"}
    assert [t["value"] for t in second["targets"].values()] == [True, True, True, False, False]
    assert second["previous"] == {"text": "Yes", "value": True}
    assert second["projection"]["value"] is True and first["previous"]["value"] is None


def test_bengali_headers_repeated_after_a_page_break_and_stray_text_as_a_warning() -> None:
    header = "\t".join(
        [
            "কৌশলগত উদ্দেশ্য",
            "উদ্দেশ্যের মান",
            "কার্যক্রম",
            "কর্মসম্পাদন সূচক",
            "একক",
            "সূচকের মান",
            "অসাধারণ",
            "অতি উত্তম",
            "উত্তম",
            "চলতি মান",
            "চলতি মানের নিম্নে",
        ]
    )
    data = _txt(
        "বিভাগীয় কমিশনারের কার্যালয়ের উদ্ভাবন মূল্যায়ন কাঠামো",
        header,
        "\t".join(["১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯", "১০", "১১"]),
        "সভা\t৬০\tসভা আয়োজন\tসভা অনুষ্ঠিত\tসংখ্যা\t৬০\t১২\t১১\t১০\t৯\t৮",
        "আবশ্যিক কৌশলগত উদ্দেশ্যসমূহ",
        header,
        "প্রশিক্ষণ\t৪০\tপ্রশিক্ষণ আয়োজন\tপ্রশিক্ষিত\tজন\t৪০.৫\t৫০\t৪০\t৩০\t২০\t১০",
    )
    result = read_document(data, "framework.txt")
    framework = _framework(result)
    assert framework["level"] == "division" and framework["year"] is None
    assert [row["indicator"] for row in framework["rows"]] == ["সভা অনুষ্ঠিত", "প্রশিক্ষিত"]
    assert framework["rows"][1]["weight"] == {"text": "৪০.৫", "value": 40.5}
    assert framework["rows"][1]["unit"]["key"] == "number"
    assert framework["rows"][0]["previous"] == {"text": "", "value": None}
    assert result["warnings"] == [
        {
            "section": 0,
            "item": None,
            "code": "unplaced_text",
            "message": "আবশ্যিক কৌশলগত উদ্দেশ্যসমূহ",
        }
    ]


def test_an_unknown_unit_and_unreadable_target_stay_as_written_with_no_value() -> None:
    data = _txt(
        "কৌশলগত উদ্দেশ্য\tকৌশলগত উদ্দেশ্যের মান\tকার্যক্রম\tকর্মসম্পাদন সূচক\tএকক\t"
        "কর্মসম্পাদন সূচকের মান\tঅসাধারণ\tঅতি উত্তম\tউত্তম\tচলতি মান\tচলতি মানের নিম্নে",
        "সভা\tসাত\tসভা\tসভা অনুষ্ঠিত\tঘণ্টা\t৭\t১২\t১১\t১০\t৯\t৮",
        "সেবা\t৯৩\tসেবা\tসহজীকৃত সেবা\tতারিখ\t৯৩\t৩১ ফেব্রুয়ারি ২০১৯\t১\t২\t৩\t৪",
    )
    rows = _framework(read_document(data, "framework.txt"))["rows"]
    assert rows[0]["objective_weight"] == {"text": "সাত", "value": None}
    assert rows[0]["unit"] == {"text": "ঘণ্টা", "key": None}
    assert rows[0]["targets"]["100"] == {"text": "১২", "value": None}
    assert rows[1]["targets"]["100"] == {"text": "৩১ ফেব্রুয়ারি ২০১৯", "value": None}


def test_the_contract_check_refuses_a_framework_of_the_wrong_shape() -> None:
    good = read_path(FIXTURES / "district_2018_19.docx")
    assert filtered(good) == good
    breakages = [
        lambda s: s["framework"].pop("rows"),
        lambda s: s.pop("framework"),
        lambda s: s["framework"].update(level="country"),
        lambda s: s["framework"]["rows"][0]["targets"].pop("60"),
        lambda s: s["framework"]["rows"][0]["unit"].update(key="hours"),
        lambda s: s["framework"]["rows"][0]["targets"]["100"].update(value="31-7-2018"),
        lambda s: s["framework"]["rows"][2]["weight"].update(value="10"),
        lambda s: s["items"].append({"serial": 1}),
    ]
    for breakage in breakages:
        broken = copy.deepcopy(good)
        breakage(broken["sections"][0])
        with pytest.raises(ContractError):
            filtered(broken)


@pytest.mark.parametrize("name", compare.SEED_NAMES)
def test_the_older_kinds_carry_no_framework_key(name: str) -> None:
    got = read_path(compare.SEEDS / f"{name}.txt")
    assert all("framework" not in section for section in got["sections"])
    assert got == filtered(got)


def test_the_command_prints_the_framework_and_writes_nothing() -> None:
    path = FIXTURES / "district_2018_19.docx"
    done = subprocess.run(
        [sys.executable, "manage.py", "import_document", str(path), "--dry-run", "--json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.load(io.BytesIO(done.stdout)) == _expected("district_2018_19.docx")


def test_a_text_pdf_of_the_apa_table_reads_as_the_word_file_does() -> None:
    """The same framework printed as a PDF with a text layer (the documents' own
    HTML-to-PDF stack, a one-row header with the grades' percentages in brackets)."""
    from html import escape

    from udbhabon.documents.tests.reader_fixtures import make_framework_samples as samples
    from udbhabon.documents.writers import write_html_pdf

    heads = [*samples.HEAD_BN[:7]] + [
        f"{grade} ({percent})".translate(samples.BN)
        for grade, percent in zip(samples.GRADES_BN, samples.PERCENTS, strict=True)
    ]
    heads.append(samples.HEAD_BN[12])
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(cell)}</td>"
            for cell in [
                row["objective"] or "",
                str(row["objective_weight"]).translate(samples.BN) if row["objective"] else "",
                row["activity"] or "",
                row["indicator"],
                samples.UNIT_BN[row["unit"]],
                str(row["weight"]).translate(samples.BN),
                samples._bn(row["previous"], row),
                *(samples._bn(target, row) for target in row["targets"]),
                samples._bn(row["projection"], row),
            ]
        )
        + "</tr>"
        for row in samples.rows()
    )
    head = "".join(f"<th>{escape(text)}</th>" for text in heads)
    html = (
        f"<p>{samples.LEAD[1]}</p><h1>{escape(samples.TITLE)}</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    css = "@page { size: A4 landscape; margin: 10mm; } table { font-size: 8pt; } "
    css += "td, th { border: 1px solid #000; vertical-align: top; }"
    pdf = write_html_pdf(html, title="framework", css=css)
    got = _framework(read_document(pdf, "framework.pdf"))
    want = _framework(_expected("district_2018_19.docx"))

    def values(framework: dict) -> list[tuple]:
        return [
            (
                row["objective"],
                row["objective_weight"]["value"],
                row["activity"],
                row["indicator"],
                row["unit"]["key"],
                row["weight"]["value"],
                tuple(target["value"] for target in row["targets"].values()),
                row["projection"]["value"],
            )
            for row in framework["rows"]
        ]

    assert values(got) == values(want)
    assert (got["level"], got["year"]) == ("district", 2018)
