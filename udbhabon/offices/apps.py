from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    name = "udbhabon.offices"
    label = "offices"
    verbose_name = _("Offices")

    def ready(self) -> None:
        # the receivers that keep the acting post's per-session cache exact
        from udbhabon.offices import acting  # noqa: F401
