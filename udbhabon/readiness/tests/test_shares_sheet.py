"""The months' e-filing shares imported from an XLSX sheet (month, share; Bengali or
ASCII digits) through the form's service; one bad row refuses the whole sheet, the
row named in Bengali, nothing saved."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from udbhabon.readiness.models import EfilingMonth

pytestmark = pytest.mark.django_db
URL = "/readiness/office/dc-dhaka/shares/import/"


def _sheet(*rows: tuple[object, object]) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["মাস", "হার (%)"])
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("shares.xlsx", out.getvalue())


def test_a_sheet_in_bengali_and_ascii_digits_enters_every_month(login):
    response = login("dhaka.io").post(
        URL, {"sheet": _sheet(("০৭/২০২৫", "৪৫.৫"), ("2025-08", 60), (dt.date(2025, 9, 1), "৭০%"))}
    )
    assert response.status_code == 302
    shares = dict(EfilingMonth.objects.values_list("month", "share"))
    assert shares == {
        dt.date(2025, 7, 1): Decimal("45.50"),
        dt.date(2025, 8, 1): Decimal("60.00"),
        dt.date(2025, 9, 1): Decimal("70.00"),
    }
    assert all(m.history.count() == 1 for m in EfilingMonth.objects.all())


@pytest.mark.parametrize(
    ("bad", "told"),
    [
        (("০৯/২০২৫", "১২০"), "০ থেকে ১০০"),  # a share over 100%, as the form refuses it
        (("০৭/২০২৫", "৫০"), "আগেই লেখা হয়েছে"),  # the month twice
        (("১৩/২০২৫", "৫০"), "মাস/বছর"),  # no such month
        (("০৯/২০৯৯", "৫০"), "শুরু হয়নি"),  # a month not begun
    ],
)
def test_one_bad_row_refuses_the_whole_sheet_naming_it(login, bad, told):
    response = login("dhaka.io").post(URL, {"sheet": _sheet(("০৭/২০২৫", "৪০"), bad)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "সারি ৩:" in page and told in page and "কিছুই সংরক্ষণ করা হয়নি" in page
    assert not EfilingMonth.objects.exists()


def test_a_file_that_is_not_a_sheet_or_another_office_is_refused(login):
    junk = SimpleUploadedFile("shares.xlsx", b"not a workbook")
    response = login("dhaka.io").post(URL, {"sheet": junk})
    assert response.status_code == 400 and "XLSX ওয়ার্কবুক নয়" in response.content.decode()
    other = login("khulna.io").post(URL, {"sheet": _sheet(("০৭/২০২৫", "৪০"))})
    assert other.status_code == 403
    assert not EfilingMonth.objects.exists()
