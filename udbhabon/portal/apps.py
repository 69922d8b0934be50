from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "udbhabon.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_save

        from udbhabon.initiatives.models import Initiative
        from udbhabon.offices.models import Office
        from udbhabon.portal.ledger import bump, remember_place

        # The ledger's cache is exact: any initiative or office written makes it anew.
        for model in (Initiative, Office):
            post_save.connect(bump, sender=model, dispatch_uid=f"portal.ledger.{model.__name__}")
            post_delete.connect(
                bump, sender=model, dispatch_uid=f"portal.ledger.{model.__name__}.del"
            )
        # A moved office changes every path below it: the receiver above needs its old one.
        pre_save.connect(remember_place, sender=Office, dispatch_uid="portal.ledger.place")
