"""The plan's part of the import review (documents' annotator hook): each responsible
cell shown with the posts it was matched to, and a link to change or clear them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from udbhabon.documents.importing import Annotation
from udbhabon.plans.responsible_match import directory_for, labels, responsible_of_row


def annotate(job: Any, index: int, section: dict[str, Any]) -> dict[tuple[int, str], Annotation]:
    """{(row, "responsible"): what the row's responsible cell was matched to}."""
    directory = directory_for(job.office)
    notes = {}
    for i, row in enumerate(section.get("items") or []):
        responsible, chosen = responsible_of_row(row, directory)
        notes[(i, "responsible")] = Annotation(
            matched=labels(responsible, directory),
            chosen=chosen,
            url=reverse("plans:import_responsible", args=[job.pk, index, i]),
            complete=chosen or responsible.complete,
        )
    return notes
