"""ideas.Award folds into awards.Award (awards 0002, then ideas 0008 removes the old
model): the rows keep their ids, fields and history; new awards number after them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from udbhabon.awards.models import Award
from udbhabon.ideas.models import Idea, Innovator
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

BEFORE = [("ideas", "0007_funnel_deadline"), ("awards", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_ideas_awards_move_with_their_ids_and_history():
    old_apps = _migrate(BEFORE)
    OldAward = old_apps.get_model("ideas", "Award")
    OldHistory = old_apps.get_model("ideas", "HistoricalAward")
    office_id = Office.objects.get(code="dc-dhaka").pk
    innovator = old_apps.get_model("ideas", "Innovator").objects.create(
        name="রোকেয়া খাতুন", phone="01711000009", office_id=office_id
    )
    given = dt.date(2018, 1, 15)
    rows = [
        OldAward.objects.create(
            innovator_id=innovator.pk, office_id=office_id, title=title, given_on=given
        )
        for title in ("শ্রেষ্ঠ আইডিয়া প্রদানকারী, ২০১৭", "ক্রেস্ট, উদ্ভাবনী মেলা")
    ]
    for row in rows:
        OldHistory.objects.create(
            id=row.pk,
            innovator_id=innovator.pk,
            office_id=office_id,
            title=row.title,
            given_on=given,
            history_date=dt.datetime(2018, 1, 15, tzinfo=dt.UTC),
            history_type="+",
            history_change_reason="given",
        )
    with connection.cursor() as cursor:  # the rows' deferred checks, before the DDL
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    moved = Award.objects.order_by("id")
    assert [(a.pk, a.title, a.given_on, a.innovator_id, a.office_id) for a in moved] == [
        (r.pk, r.title, given, innovator.pk, office_id) for r in rows
    ]
    assert all(a.scheme is None and a.idea is None for a in moved)
    first = moved[0]
    assert [h.history_change_reason for h in first.history.all()] == ["given"]
    assert Innovator.objects.get(pk=innovator.pk).awards.count() == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('ideas_award')")
        assert cursor.fetchone()[0] is None  # the old table is gone
    later = Award.objects.create(
        innovator_id=innovator.pk, office_id=office_id, title="পরে", given_on=given
    )
    assert later.pk > rows[-1].pk  # the id sequence runs on after the moved rows
    assert not Idea.objects.exists()
