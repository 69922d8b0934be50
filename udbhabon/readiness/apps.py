from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    name = "udbhabon.readiness"
    label = "readiness"
    verbose_name = _("Digital service readiness")

    def ready(self) -> None:
        # Readiness sits above plans: its metrics (e-filing share, front desks,
        # complaints closed on time, partners engaged) go into plans' one registry.
        from udbhabon.readiness import metrics  # noqa: F401
