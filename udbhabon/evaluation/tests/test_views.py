"""The pages: Jashore's scorecard with its total, what the next grade needs and its rank
among the districts; Khulna division's league with drill-down, mean and spread, and
its XLSX; the framework in the APA columns."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from udbhabon.evaluation.tests.factories import issued_framework
from udbhabon.evaluation.tests.test_scores import accepted_on
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db


def test_the_scorecard_shows_the_total_the_next_grade_and_the_rank_among_districts(client):
    issued_framework()
    accepted_on("dc-dhaka", dt.date(2017, 8, 7))
    client.force_login(User.objects.get(username="dhaka.io"))
    page = client.get("/evaluation/dc-dhaka/2017/").content.decode()
    assert "৬.৮" in page  # 3.80 + 3.00
    assert "৬৪টির মধ্যে অবস্থান ১" in page
    assert "১০০%: ৩১ জুলাই ২০১৭-এর মধ্যে" in page  # what the next grade (100) needs


def test_the_division_sees_its_districts_ranked_and_downloads_the_league(client):
    issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    client.force_login(User.objects.get(username="khulnadiv.io"))
    page = client.get("/evaluation/div-khulna/2017/league/").content.decode()
    assert 'href="/evaluation/dc-jashore/2017/"' in page and "১০টি দপ্তর" in page
    response = client.get("/evaluation/div-khulna/2017/league.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("অবস্থান", "দপ্তর", "মোট (১০০-এর মধ্যে)")
    assert rows[1][0] == 1 and "যশোর" in rows[1][1] and rows[1][2] == 7.0
    by_name = client.get("/evaluation/div-khulna/2017/league/", {"sort": "name", "dir": "asc"})
    assert by_name.status_code == 200


def test_the_framework_downloads_in_the_apa_columns(client):
    framework = issued_framework()
    client.force_login(User.objects.get(username="dhaka.io"))
    response = client.get(f"/evaluation/frameworks/{framework.pk}/apa.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][7:12] == (
        "অসাধারণ (১০০%)",
        "অতি উত্তম (৯০%)",
        "উত্তম (৮০%)",
        "চলতি মান (৭০%)",
        "চলতি মানের নিম্নে (৬০%)",
    )
    assert rows[1][:6] == (
        "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
        7.0,
        "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
        "কর্মপরিকল্পনা প্রণীত",
        "তারিখ",
        4.0,
    )
    assert rows[1][7] == "2017-07-31"
