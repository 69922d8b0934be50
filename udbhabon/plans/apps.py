from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "udbhabon.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        # Plans sit above documents: the importer saves plan and report sections
        # through these services, the download buttons write these documents.
        from django.core import checks

        from udbhabon.documents import exports, importing
        from udbhabon.plans import import_review, measures, measuring, queries, services
        from udbhabon.plans.responsible_match import CHOICE_FIELD

        # The plan-level metrics of the registry (evaluation indicators read them).
        measures.register_all()

        importing.register_saver("action_plan", services.plan_import)
        importing.register_saver("progress_report", services.report_import)
        importing.register_existing("action_plan", services.plan_import_existing)
        importing.register_annotator("action_plan", import_review.annotate, choices=(CHOICE_FIELD,))
        exports.register_builder("udbhabon.plans.queries.plan_document", queries.plan_document)
        exports.register_builder("udbhabon.plans.queries.report_document", queries.report_document)
        # A stored metric link that no app registers is refused (plans.metrics.unknown_keys).
        checks.register(measuring.check_stored_keys, checks.Tags.database)
