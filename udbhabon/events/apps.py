from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "udbhabon.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # Events sit above plans: their metrics (events held, people trained) are
        # registered in plans' one registry, so plan items can measure themselves.
        from udbhabon.events import metrics  # noqa: F401
        from udbhabon.events.queries import calendar_entries
        from udbhabon.plans.queries import register_source

        # The office's calendar and feed show its events (plans cannot import events).
        register_source(calendar_entries)
