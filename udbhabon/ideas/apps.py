from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "udbhabon.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        # Ideas sit above meetings: the monthly meeting's agenda lists the ideas
        # waiting for vetting through this hook (meetings/agenda.py).
        from udbhabon.ideas.queries import awaiting_vetting
        from udbhabon.meetings.agenda import IDEAS_AWAITING_VETTING

        IDEAS_AWAITING_VETTING.register(awaiting_vetting)
        # Plan items measure "ideas vetted" through plans' metric registry.
        from udbhabon.ideas import metrics  # noqa: F401
