"""The administrator's side: the failed sign-ins (audit), lifting locks, second factors."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from udbhabon.accounts import services
from udbhabon.accounts.models import AccountLock, LoginFailure, SecondFactor, SecondFactorRule
from udbhabon.offices.access import SignedInRequest


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "user", "ip", "reason")
    list_filter = ("reason",)
    search_fields = ("username", "ip")
    date_hierarchy = "at"

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False

    def has_change_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False


@admin.register(AccountLock)
class AccountLockAdmin(SimpleHistoryAdmin):
    list_display = ("user", "locked_until", "times")
    search_fields = ("user__username",)
    readonly_fields = ("user", "locked_until", "times", "counting_since")
    actions = ["lift"]

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False

    @admin.action(description=_("Lift the lock of the chosen accounts"))
    def lift(self, request: SignedInRequest, queryset: QuerySet[AccountLock]) -> None:
        for lock in queryset.select_related("user"):
            services.lock_lift(user=lock.user, actor=request.user)
        messages.success(request, _("The locks are lifted."))


@admin.register(SecondFactor)
class SecondFactorAdmin(SimpleHistoryAdmin):
    """Deleting an officer's second factor (a lost phone) lets them set up a new one."""

    list_display = ("user", "confirmed_at")
    search_fields = ("user__username",)
    fields = ("user", "confirmed_at")
    readonly_fields = ("user", "confirmed_at")

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False


@admin.register(SecondFactorRule)
class SecondFactorRuleAdmin(SimpleHistoryAdmin):
    list_display = ("role",)
