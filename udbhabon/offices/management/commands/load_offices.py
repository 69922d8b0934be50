from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from udbhabon.offices.departments import load_departmental_offices
from udbhabon.offices.geo import load_office_tree
from udbhabon.offices.models import Office


class Command(BaseCommand):
    help = (
        "Load or refresh the administrative office tree and the standard departmental "
        "offices under every district and upazila, each with its head's post (idempotent)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--without-departments",
            action="store_true",
            help="Only the administrative tree (divisions, districts, upazilas).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_office_tree()
        self.stdout.write(
            f"Offices: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
        if not options["without_departments"]:
            dept = load_departmental_offices()
            self.stdout.write(
                f"Departmental offices: {dept.created} created, {dept.updated} updated, "
                f"{dept.unchanged} unchanged; {dept.posts} heads' posts added."
            )
        counts = {
            level: Office.objects.filter(level=level).count()
            for level in ("cabinet", "division", "district", "upazila", "department")
        }
        self.stdout.write(
            f"Now: {counts['division']} divisions, {counts['district']} districts, "
            f"{counts['upazila']} upazilas, {counts['department']} departmental offices."
        )
