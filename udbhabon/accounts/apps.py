from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "udbhabon.accounts"
    label = "accounts"
    verbose_name = _("Sign-in security")

    def ready(self) -> None:
        from udbhabon.accounts import middleware  # noqa: F401  (connects the sign-in receiver)
