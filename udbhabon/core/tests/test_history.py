"""History shown on object pages: who, when, what changed."""

from __future__ import annotations

import pytest

from udbhabon.core.history import history_rows
from udbhabon.offices import services
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db


def test_it_lists_changes_newest_first_with_what_changed():
    office = Office.objects.get(code="dc-dhaka")
    admin = User.objects.get(username="admin")
    services.office_update(office=office, actor=admin, website="dhaka.gov.bd/innovation")
    rows = history_rows(office)
    assert rows[0].history_user == admin
    assert [(str(label), new) for label, _old, new in rows[0].changes] == [
        ("ওয়েবসাইট", "dhaka.gov.bd/innovation")
    ]


def test_history_of_an_object_without_history_rows_is_empty():
    """Bulk-loaded rows may have no history records; the page must still show."""
    office = Office.objects.get(code="dc-dhaka")
    office.history.all().delete()
    assert history_rows(office) == []
