from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "udbhabon.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from udbhabon.api import history

        # Every history row written while a token acts names the token (its reason).
        pre_create_historical_record.connect(history.name_token, dispatch_uid="api_name_token")
