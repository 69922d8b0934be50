from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "udbhabon.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        # Meetings sit above documents: the importer saves minutes through this service.
        from udbhabon.documents import importing
        from udbhabon.meetings import services

        importing.register_saver("meeting_minutes", services.meeting_import)
        # Plan items measure "meetings held" through plans' metric registry.
        from udbhabon.meetings import metrics  # noqa: F401
