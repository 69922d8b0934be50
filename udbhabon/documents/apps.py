import sys

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "udbhabon.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from udbhabon.documents import exports, queries

        exports.register_builder(
            "udbhabon.documents.queries.letter_document", queries.letter_document
        )
        if is_task_worker():
            # the first paper a fresh worker writes should not pay for loading WeasyPrint,
            # the fonts and the stylesheet (bench/bench_writers.py measures it)
            from udbhabon.documents.writers.pdf_writer import warm_up

            warm_up()


def is_task_worker(argv: list[str] | None = None) -> bool:
    """Whether this process is a background-task worker (`manage.py db_worker`)."""
    args = sys.argv if argv is None else argv
    return len(args) > 1 and args[1] == "db_worker"
