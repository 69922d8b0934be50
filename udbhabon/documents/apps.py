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
