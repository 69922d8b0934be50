"""English is the second language: the pages render in it too (stored minutes stay Bengali)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db


def test_it_shows_the_meeting_pages_in_english(login, make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক করতে হবে।", "")})
    send(meeting, io_user, chair)
    client = login("natore.io")
    client.cookies["udbhabon_language"] = "en"
    pages = {
        reverse("meetings:office", kwargs={"code": "dc-natore"}): "Innovation meetings and minutes",
        reverse("meetings:detail", kwargs={"pk": meeting.pk}): "Minutes signed and sent",
        reverse("meetings:actions", kwargs={"code": "dc-natore"}): "Decisions to follow up",
        reverse("meetings:my_actions"): "Decisions assigned to me",
        reverse("meetings:schedule", kwargs={"code": "dc-natore"}): "Regular schedule of meetings",
    }
    for url, text in pages.items():
        response = client.get(url, headers={"accept-language": "en"})
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_its_field_names_are_unique_per_model_in_each_language(lang):
    """queries.readable_history finds a field by its (translated) verbose name."""
    from django.apps import apps
    from django.utils import translation

    with translation.override(lang):
        for model in apps.get_app_config("meetings").get_models():
            if model.__name__.startswith("Historical"):
                continue
            names = [str(f.verbose_name) for f in model._meta.fields]
            assert len(names) == len(set(names)), (model.__name__, names)
