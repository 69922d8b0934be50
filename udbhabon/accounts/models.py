"""Sign-in security: failed sign-ins (the audit), account locks, second factors."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LoginFailure(models.Model):
    """One failed sign-in: a wrong password, a wrong code, or a refused (locked) attempt."""

    class Reason(models.TextChoices):
        PASSWORD = "password", _("wrong user name or password")
        CODE = "code", _("wrong second-factor code")
        LOCKED = "locked", _("account locked")
        THROTTLED = "throttled", _("too many failures from the address")

    username = models.CharField(_("user name typed"), max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_failures",
    )
    ip = models.CharField(_("address"), max_length=64)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.username} {self.ip} {self.at:%Y-%m-%d %H:%M}"


class AccountLock(models.Model):
    """An account's lock after repeated failures; `times` doubles the next lock's length."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="sign_in_lock",
    )
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    times = models.PositiveSmallIntegerField(_("locks in a row"), default=0)
    counting_since = models.DateTimeField(_("failures counted since"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("account lock")
        verbose_name_plural = _("account locks")

    def __str__(self) -> str:
        return str(self.user)


class SecondFactor(models.Model):
    """An officer's authenticator app (TOTP, RFC 6238)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="second_factor",
    )
    secret = models.CharField(_("secret"), max_length=64)
    confirmed_at = models.DateTimeField(_("set up on"))
    last_step = models.BigIntegerField(_("last code's time step"), default=-1)
    history = HistoricalRecords(excluded_fields=["secret", "last_step"])

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self) -> str:
        return str(self.user)


class SecondFactorRule(models.Model):
    """The administrator's rule: everyone holding this role needs a second factor."""

    class Role(models.TextChoices):
        HEAD = "head", _("Heads of office")
        INNOVATION_OFFICER = "innovation_officer", _("Innovation officers")
        MEMBER = "member", _("Innovation team members")
        VIEWER = "viewer", _("Viewers")
        STAFF = "staff", _("System administrators")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("second-factor rule")
        verbose_name_plural = _("second-factor rules")

    def __str__(self) -> str:
        return self.get_role_display()
