"""What supervision plugs into the apps below it (monitoring/apps.py ready())."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.core.figures import changed, figures_changed
from udbhabon.meetings import integrations
from udbhabon.monitoring import rules
from udbhabon.monitoring.models import OfficeYearStats
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def test_an_apps_changed_figures_are_recomputed_after_commit(django_capture_on_commit_callbacks):
    natore = Office.objects.get(code="dc-natore")
    assert changed.has_listeners()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        figures_changed(office=natore, on=dt.date(2019, 5, 13))
        assert not OfficeYearStats.objects.filter(office=natore).exists()
    # One refresh per counter listening (supervision's figures, the evaluation's totals).
    assert len(callbacks) == len(changed.receivers) >= 1
    for callback in callbacks:
        callback()  # the transaction committed: the refresh runs (immediate task backend)
    assert OfficeYearStats.objects.filter(office=natore, year=2018).exists()


def test_meetings_judge_minutes_by_supervisions_deadline_rule():
    assert integrations.MINUTES_DEADLINE.func is rules.minutes_deadline
