"""Django admin for the system administrator: browse and correct records.

Creating offices and handing over posts goes through the office pages (which
call services); the admin is read-mostly so it cannot bypass the tree rules.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from udbhabon.offices.models import Office, Post, PostHolding, User


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ("name_bn", "name_en", "level", "code")
    list_filter = ("level", "is_active")
    search_fields = ("name_bn", "name_en", "code", "aliases")
    readonly_fields = ("code", "level", "parent", "path", "depth", "geo_id")
    fields = (
        "code",
        "level",
        "parent",
        "name_bn",
        "name_en",
        "place_bn",
        "place_en",
        "aliases",
        "website",
        "memo_prefix",
        "is_active",
        "path",
        "depth",
        "geo_id",
    )

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False  # offices are added under their parent on the office page

    def has_delete_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False  # offices are switched off (is_active), never deleted


class HoldingInline(admin.TabularInline):
    model = PostHolding
    extra = 0
    fields = ("user", "started_on", "ended_on")
    readonly_fields = fields
    can_delete = False


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ("title_bn", "office", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("title_bn", "title_en", "office__name_bn", "office__name_en")
    raw_id_fields = ("office",)
    inlines = [HoldingInline]


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Udbhabon"), {"fields": ("full_name_bn", "full_name_en", "phone", "language")}),
    )
    list_display = ("username", "full_name_bn", "email", "is_staff", "is_active")
    search_fields = ("username", "full_name_bn", "full_name_en", "email")
