from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "udbhabon.monitoring"
    label = "monitoring"
    verbose_name = _("Supervision")

    def ready(self) -> None:
        from udbhabon.core import figures
        from udbhabon.meetings import integrations
        from udbhabon.monitoring import rules

        figures.changed.connect(_figures_changed, dispatch_uid="monitoring.figures_changed")
        integrations.MINUTES_DEADLINE.register(rules.minutes_deadline)


def _figures_changed(sender: Any, *, office: Any, on: Any, **kwargs: Any) -> None:
    from udbhabon.monitoring.services import figures_changed

    figures_changed(office=office, on=on)
