"""Rebuild the similar-idea index: every IdeaSearch row and the vocabulary.

Run after changing the folding in udbhabon/ideas/similarity.py (the stored
texts must be folded the way queries are), or after loading ideas in bulk
without the services. `--pairs` also recomputes the similar ideas the vetting
queue shows (slower: one lookup per open idea).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from udbhabon.ideas.models import Idea, IdeaSearch, IdeaWord, Stage
from udbhabon.ideas.services import remember_similar
from udbhabon.ideas.similarity import similarity_key

BATCH = 2000


class Command(BaseCommand):
    help = "Rebuild the similar-idea search rows and vocabulary (after changing the folding)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--pairs", action="store_true", help="also recompute the open ideas' similar ideas"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            IdeaSearch.objects.all().delete()
            rows: list[IdeaSearch] = []
            counts: dict[str, int] = {}
            ideas = Idea.objects.only("pk", "office_id", "stage", "title", "problem")
            for idea in ideas.iterator(chunk_size=BATCH):
                text = similarity_key(idea.title, idea.problem)
                for term in text.split():
                    counts[term] = counts.get(term, 0) + 1
                rows.append(
                    IdeaSearch(
                        idea_id=idea.pk,
                        office_id=idea.office_id,
                        active=idea.stage != Stage.MERGED,
                        text=text,
                    )
                )
                if len(rows) >= BATCH:
                    IdeaSearch.objects.bulk_create(rows)
                    rows = []
            IdeaSearch.objects.bulk_create(rows)
            IdeaWord.objects.all().delete()
            IdeaWord.objects.bulk_create(
                [IdeaWord(term=t, df=n) for t, n in counts.items()], batch_size=BATCH
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("ANALYZE ideas_ideasearch")
                cur.execute("ANALYZE ideas_ideaword")
        self.stdout.write(f"Indexed {Idea.objects.count():,} ideas, {len(counts):,} words.")
        if options["pairs"]:
            open_ideas = Idea.objects.exclude(stage__in=[Stage.MERGED, Stage.REJECTED])
            for n, idea in enumerate(open_ideas.iterator(chunk_size=BATCH), start=1):
                remember_similar(idea)
                if n % 1000 == 0:
                    self.stdout.write(f"  similar ideas of {n:,} ideas")
            self.stdout.write("Similar ideas recomputed.")
