"""In-app notifications, for every app that tells people about changes.

A notification is stored as an untranslated message id and its parameters, and
translated when shown (or e-mailed) in the recipient's language, so the same
notice reads right in Bengali and English.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # The post on whose behalf the user is told (the same person may hold two).
    post = models.ForeignKey(
        "offices.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=64)
    msgid = models.TextField()  # an English source string marked with gettext_noop
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table keeps the name it had when notifications lived in core.
        db_table = "core_notification"
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language."""
        try:
            return gettext(self.msgid) % self.params
        except (KeyError, TypeError, ValueError):
            return gettext(self.msgid)
