"""Property-based tests: guest lines, implementer lists, and the editor's versions."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from udbhabon.meetings import services
from udbhabon.meetings.models import AgendaItem

BENGALI = (
    st.text(
        alphabet=st.characters(min_codepoint=0x0985, max_codepoint=0x09B9) | st.just(" "),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)


@given(name=BENGALI, designation=BENGALI, office=st.lists(BENGALI, min_size=0, max_size=3))
def test_it_reads_back_any_guest_line_it_would_write(name, designation, office):
    office_text = ", ".join(office)
    line = ", ".join(p for p in (name, designation, office_text) if p)
    [guest] = services.parse_guests(line)
    assert guest.name == " ".join(name.split())
    assert guest.designation == " ".join(designation.split())
    assert guest.office == ", ".join(" ".join(o.split()) for o in office)


@given(st.lists(st.text(max_size=30), max_size=8))
def test_it_never_makes_a_guest_of_a_blank_line(lines):
    text = "\n".join(lines)
    guests = services.parse_guests(text)
    assert all(g.name or g.designation or g.office for g in guests)
    assert len(guests) <= sum(1 for line in text.splitlines() if line.strip())


# Two editors, each with the version they loaded, type in turn. Whatever the order,
# a save on a stale version that would change the text is refused, the stored text is
# always the last accepted one, and nothing accepted is ever overwritten unseen.
EDITS = st.lists(
    st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["ক", "খ", "গ", "ঘ"])),
    min_size=1,
    max_size=12,
)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_it_never_overwrites_a_newer_text_unseen(make_meeting, io, io_user, edits):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    seen = {"a": item.version, "b": item.version}  # the version each editor's page holds
    stored, version = item.decision, item.version
    for editor, text in edits:
        current = AgendaItem.objects.get(pk=item.pk)
        try:
            changed = services.agenda_item_update(
                item=current,
                fields={"decision": text},
                base_version=seen[editor],
                actor=io_user,
                post=io,
            )
        except services.Conflict as exc:
            assert seen[editor] != version and text != stored
            assert exc.current.decision == stored
            seen[editor] = exc.current.version  # the page now shows the newer text
            continue
        if changed:
            assert seen[editor] == version
            stored, version = text, version + 1
        else:
            assert text == stored
        seen[editor] = version
        fresh = AgendaItem.objects.get(pk=item.pk)
        assert (fresh.decision, fresh.version) == (stored, version)
    meeting.delete()


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_it_links_exactly_the_posts_and_offices_named_in_any_order(natore, data):
    posts = list(natore.posts.filter(is_active=True).select_related("office"))
    children = list(natore.children.all()[:6])
    chosen_posts = data.draw(st.lists(st.sampled_from(posts), unique=True, max_size=len(posts)))
    chosen_offices = data.draw(st.lists(st.sampled_from(children), unique=True, max_size=3))
    names = [
        data.draw(st.sampled_from([p.title_bn, f"{p.title_bn}, {p.office.place_bn}।"]))
        for p in chosen_posts
    ] + [o.name_bn for o in chosen_offices]
    names += data.draw(st.lists(st.just("সংশ্লিষ্ট দপ্তর প্রধান (সকল)"), max_size=1))
    names = data.draw(st.permutations(names))
    separator = data.draw(st.sampled_from(["; ", ";", "\n", " ; "]))
    found_posts, found_offices = services.resolve_implementers(natore, separator.join(names))
    assert {p.pk for p in found_posts} == {p.pk for p in chosen_posts}
    assert {o.pk for o in found_offices} == {o.pk for o in chosen_offices}
