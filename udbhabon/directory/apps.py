from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "udbhabon.directory"
    label = "directory"
    verbose_name = _("Innovation directory")

    def ready(self) -> None:
        # The directory is written by the documents' background export job.
        from udbhabon.directory.paper import PAPER, write_directory
        from udbhabon.documents.exports import register_paper

        register_paper(PAPER, write_directory)
