"""Personal API tokens: an officer's key for another system, acting for one post."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ApiToken(models.Model):
    """Only the SHA-256 of the secret is kept; the secret is shown once, when made.

    The token acts as `user` for `post` while the user still holds the post, it has
    not expired and it was not revoked. Read-only tokens may only read.
    """

    post = models.ForeignKey(
        "offices.Post", verbose_name=_("post"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        "offices.User", verbose_name=_("officer"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("beginning"), max_length=16)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    can_write = models.BooleanField(_("may write"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["key_hash", "last_used_at"])

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="api_token_expires_later"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def label(self) -> str:
        """How history names the token: its name and the beginning of its secret."""
        return f"{self.name} ({self.prefix}…)"
