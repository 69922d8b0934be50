"""One version per editable record (core/versioning.py), on offices and posts."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from conftest import ensure_world
from udbhabon.core.history import history_rows, save_with_history
from udbhabon.core.versioning import (
    StaleRecord,
    bump,
    check_version,
    save_versioned,
    update_versioned,
)
from udbhabon.offices import services
from udbhabon.offices.models import Office, Post, User

pytestmark = pytest.mark.django_db


def _office() -> Office:
    return Office.objects.get(code="dc-dhaka")


def test_it_starts_a_new_record_at_version_one():
    parent = _office()
    office = services.office_create(
        parent=parent,
        level=Office.Level.DEPARTMENT,
        name_bn="নতুন অফিস",
        code="new-office",
        actor=None,
    )
    assert office.version == 1
    assert Office.objects.get(pk=office.pk).version == 1


def test_it_raises_the_version_on_every_service_write():
    office = _office()
    before = office.version
    services.office_update(office=office, actor=None, website="a.gov.bd")
    services.office_update(office=office, actor=None, website="b.gov.bd")
    assert office.version == before + 2
    assert Office.objects.get(pk=office.pk).version == before + 2


def test_it_refuses_a_write_based_on_an_older_version_with_the_saved_values():
    office = _office()
    stale = Office.objects.get(pk=office.pk)
    office.website = "first.gov.bd"
    save_versioned(office, expected_version=office.version)
    stale.website = "second.gov.bd"
    with pytest.raises(StaleRecord) as refused:
        save_versioned(stale, expected_version=stale.version)
    assert refused.value.current.website == "first.gov.bd"
    assert refused.value.actual == office.version
    assert refused.value.expected == stale.version
    assert Office.objects.get(pk=office.pk).website == "first.gov.bd"


def test_it_refuses_through_save_with_history_too():
    office = _office()
    based_on = office.version
    save_with_history(office, actor=None, reason="x", expected_version=based_on)
    with pytest.raises(StaleRecord):
        save_with_history(office, actor=None, reason="y", expected_version=based_on)


def test_it_adds_the_version_to_update_fields():
    post = Post.objects.filter(office=_office()).first()
    before = post.version  # a hand-over raises it too (the demo posts are handed over)
    post.title_en = "Changed"
    save_with_history(post, actor=None, update_fields=["title_en"])
    fresh = Post.objects.get(pk=post.pk)
    assert (fresh.title_en, fresh.version) == ("Changed", before + 1)


def test_it_bumps_without_an_expected_version_whatever_is_saved():
    office = _office()
    Office.objects.filter(pk=office.pk).update(version=7)
    assert bump(office) == 8
    assert office.version == 8


def test_it_raises_the_version_of_every_row_a_bulk_update_changes():
    posts = Post.objects.filter(office=_office())
    before = dict(posts.values_list("pk", "version"))
    update_versioned(posts, is_active=True)
    after = dict(posts.values_list("pk", "version"))
    assert after == {pk: v + 1 for pk, v in before.items()}


def test_check_version_accepts_none_and_the_same_and_refuses_another():
    office = _office()
    check_version(office, None)
    check_version(office, office.version)
    with pytest.raises(StaleRecord):
        check_version(office, office.version + 1)


def test_it_keeps_the_version_out_of_the_history_people_read():
    office = _office()
    services.office_update(office=office, actor=None, website="dhaka.gov.bd/x")
    labels = [str(label) for label, _o, _n in history_rows(office)[0].changes]
    assert labels == ["ওয়েবসাইট"]


@pytest.mark.django_db(transaction=True)
def test_it_lets_one_of_many_parallel_writers_based_on_the_same_version_win():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    ensure_world()  # an earlier transactional test may have flushed it
    office = _office()
    based_on = office.version
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def write(n: int) -> None:
        try:
            mine = Office.objects.get(pk=office.pk)
            mine.website = f"w{n}.gov.bd"
            start.wait()
            with transaction.atomic():
                save_versioned(mine, expected_version=based_on)
            result = "saved"
        except StaleRecord:
            result = "stale"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    assert Office.objects.get(pk=office.pk).version == based_on + 1


def test_a_user_is_not_versioned():
    from udbhabon.core.versioning import is_versioned

    assert is_versioned(Office) and is_versioned(_office())
    assert not is_versioned(User)


def test_it_raises_the_version_in_the_saves_own_update():
    from django.test.utils import CaptureQueriesContext

    office = _office()
    before = office.version
    office.website = "one.gov.bd"
    with CaptureQueriesContext(connection) as queries:
        save_versioned(office)
    # The office's own row (the acting-post cache's version bump for its officers is
    # another table's update: offices/acting.py).
    on_office = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "offices_office"')]
    assert len(on_office) == 1 and "RETURNING" in on_office[0]
    assert office.version == before + 1


def test_it_refuses_only_fields_someone_else_changed_since_the_version_drawn():
    from udbhabon.core.versioning import changed_since, check_fields

    office = _office()
    services.office_update(office=office, actor=None, website="start.gov.bd")
    drawn = office.version
    services.office_update(office=office, actor=None, aliases="ঢাকা জেলা")
    assert changed_since(office, drawn, ["website", "aliases"]) == {"aliases"}
    services.office_update(office=office, actor=None, website="other.gov.bd")
    services.office_update(office=office, actor=None, website="start.gov.bd")
    # Changed and changed back is still changed by someone else.
    assert changed_since(office, drawn, ["website", "aliases"]) == {"aliases", "website"}
    drawn = office.version
    services.office_update(office=office, actor=None, aliases="ঢাকা")
    check_fields(office, drawn, ["website"])  # nobody else touched the website since
    with pytest.raises(StaleRecord):
        check_fields(office, drawn, ["aliases", "website"])
    check_fields(office, office.version, ["aliases"])
    with pytest.raises(StaleRecord):  # no history row for that version: cannot tell
        check_fields(office, 999, ["website"])
