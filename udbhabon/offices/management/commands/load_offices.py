from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from udbhabon.offices.geo import load_office_tree
from udbhabon.offices.models import Office


class Command(BaseCommand):
    help = "Load or refresh the administrative office tree (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_office_tree()
        counts = {
            level: Office.objects.filter(level=level).count()
            for level in ("cabinet", "division", "district", "upazila", "department")
        }
        self.stdout.write(
            f"Offices: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged. Now: {counts['division']} divisions, "
            f"{counts['district']} districts, {counts['upazila']} upazilas, "
            f"{counts['department']} departmental offices."
        )
