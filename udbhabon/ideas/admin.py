"""Django admin: the review rubric is configured here; ideas are browsed only.

Ideas change stage through services.idea_transition (the idea pages), never
in the admin, so the funnel's rules and notices cannot be bypassed.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from udbhabon.ideas.models import Criterion, Idea, Innovator


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ("name_bn", "name_en", "weight", "max_score", "order", "is_active")
    list_editable = ("weight", "max_score", "order", "is_active")
    fields = (
        "code",
        "name_bn",
        "name_en",
        "help_bn",
        "help_en",
        "weight",
        "max_score",
        "order",
        "is_active",
    )


@admin.register(Idea)
class IdeaAdmin(SimpleHistoryAdmin):
    list_display = ("code", "title", "office", "stage", "channel", "received_on")
    list_filter = ("stage", "channel", "category")
    search_fields = ("code", "title")
    list_select_related = ("office",)

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False

    def has_change_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False

    def has_delete_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False


@admin.register(Innovator)
class InnovatorAdmin(SimpleHistoryAdmin):
    list_display = ("name", "phone", "email", "office")
    search_fields = ("name", "phone", "email")
    list_select_related = ("office",)
    readonly_fields = ("user", "office", "created_at")
