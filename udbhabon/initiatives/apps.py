from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "udbhabon.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self) -> None:
        # Plan items and supervision measure initiatives through the metric registry.
        from udbhabon.initiatives import metrics  # noqa: F401
