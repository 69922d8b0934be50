from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "udbhabon.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self) -> None:
        # Plan items and supervision measure initiatives through the metric registry.
        from udbhabon.initiatives import metrics  # noqa: F401
        from udbhabon.initiatives.queries import plan_row_links
        from udbhabon.plans.row_links import register

        # The plan table shows, on a row, the initiatives made from it.
        register(plan_row_links)
