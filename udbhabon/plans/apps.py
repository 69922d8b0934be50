from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "udbhabon.plans"
    label = "plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        # Plans sit above documents: the importer saves plan and report sections
        # through these services, the download buttons write these documents.
        from udbhabon.documents import exports, importing
        from udbhabon.plans import queries, services

        importing.register_saver("action_plan", services.plan_import)
        importing.register_saver("progress_report", services.report_import)
        importing.register_existing("action_plan", services.plan_import_existing)
        exports.register_builder("udbhabon.plans.queries.plan_document", queries.plan_document)
        exports.register_builder("udbhabon.plans.queries.report_document", queries.report_document)
