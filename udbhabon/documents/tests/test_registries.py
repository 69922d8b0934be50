"""The apps above documents register their savers and builders: none may go missing.

A renamed service or a forgotten registration fails here, not quietly in an
officer's upload ("this kind of paper is not supported") or download.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from udbhabon.documents import exports, importing, queries
from udbhabon.meetings import services as meetings
from udbhabon.plans import queries as plans_queries
from udbhabon.plans import services as plans


def test_every_section_kind_of_the_contract_has_its_saver():
    assert {
        "action_plan": plans.plan_import,
        "progress_report": plans.report_import,
        "meeting_minutes": meetings.meeting_import,
    } == importing.SAVERS
    assert set(importing.SAVERS) == set(importing.EDITABLE)


def test_every_download_builder_is_registered_under_its_stored_name():
    assert {
        "udbhabon.documents.queries.letter_document": queries.letter_document,
        "udbhabon.plans.queries.plan_document": plans_queries.plan_document,
        "udbhabon.plans.queries.report_document": plans_queries.report_document,
    } == exports.BUILDERS


def test_it_refuses_a_second_saver_for_a_kind_and_an_unknown_kind():
    with pytest.raises(ImproperlyConfigured):
        importing.register_saver("action_plan", meetings.meeting_import)
    with pytest.raises(ImproperlyConfigured):
        importing.register_saver("budget", plans.plan_import)
    assert importing.saver_for("action_plan") is plans.plan_import


def test_an_unknown_builder_name_is_an_error_not_a_blank_paper():
    with pytest.raises(ImproperlyConfigured):
        exports.builder_for("udbhabon.plans.queries.renamed_document")


def test_every_paper_writer_is_registered_and_a_name_is_taken_once():
    from udbhabon.directory.paper import PAPER, write_directory

    assert {PAPER: write_directory} == exports.PAPERS
    with pytest.raises(ImproperlyConfigured):
        exports.register_paper(PAPER, lambda **kwargs: b"")
    with pytest.raises(ImproperlyConfigured):
        exports.register_paper("udbhabon.plans.queries.plan_document", write_directory)
