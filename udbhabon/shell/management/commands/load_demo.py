from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from udbhabon.offices.demo import ADMIN_USERNAME, DEMO_PASSWORD, PERSONAS, create_personas


class Command(BaseCommand):
    help = "Create the demo accounts and load the seed documents (for `make run`)."

    def handle(self, *args: Any, **options: Any) -> None:
        create_personas()
        from udbhabon.shell.demo import load_demo_content

        for line in load_demo_content():
            self.stdout.write(line)
        url = getattr(settings, "SITE_URL", "http://127.0.0.1:8000")
        self.stdout.write("")
        self.stdout.write(f"Udbhabon demo: {url}/  — password for every account: {DEMO_PASSWORD}")
        width = max(len(p.key) for p in PERSONAS)
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.key.ljust(width)}  {persona.description}")
        self.stdout.write(f"  {ADMIN_USERNAME.ljust(width)}  system administrator")
