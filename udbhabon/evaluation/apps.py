from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "udbhabon.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self) -> None:
        # The plan's quality check (plans sit below) learns the framework's
        # mandatory indicators from here.
        from udbhabon.evaluation import checks
        from udbhabon.plans import quality

        quality.register_check("evaluation.mandatory_indicators", checks.missing_indicators)
        # An office's stored totals follow its figures, as supervision's do.
        from udbhabon.core import figures

        figures.changed.connect(_figures_changed, dispatch_uid="evaluation.figures_changed")


def _figures_changed(sender: object, *, office: object, on: object, **kwargs: object) -> None:
    from udbhabon.evaluation.totals import figures_changed

    figures_changed(office=office, on=on)  # type: ignore[arg-type]
