from django.contrib import admin

from motcua.audit.admin import AuditedAdmin
from motcua.feedback.models import (
    AnswerTemplate,
    Category,
    ClassifierModel,
    InteriorOffice,
    Report,
    RoutingRule,
)


class AnswerTemplateInline(admin.StackedInline):
    model = AnswerTemplate
    extra = 0


@admin.register(Category)
class CategoryAdmin(AuditedAdmin):
    list_display = [
        "name",
        "parent",
        "code",
        "is_conduct",
        "handle_days",
        "is_active",
        "sort_order",
    ]
    list_filter = ["is_conduct", "is_active", "parent"]
    search_fields = ["name", "code"]
    inlines = [AnswerTemplateInline]


@admin.register(InteriorOffice)
class InteriorOfficeAdmin(AuditedAdmin):
    list_display = ["area", "office"]
    autocomplete_fields = ["area", "office"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(AuditedAdmin):
    list_display = [
        "unit",
        "position",
        "category",
        "starts_at",
        "ends_at",
        "handling_unit",
        "is_active",
    ]
    list_filter = ["is_active"]
    autocomplete_fields = ["unit", "handling_unit", "officer"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: reports change only through their workflow, in the back-office."""

    list_display = ["code", "category", "unit", "status", "channel", "received_at", "step_due"]
    list_filter = ["status", "channel", "category"]
    search_fields = ["code"]
    fields = [
        "code",
        "unit",
        "category",
        "status",
        "channel",
        "received_at",
        "step_due",
        "due_date",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ClassifierModel)
class ClassifierModelAdmin(admin.ModelAdmin):
    list_display = ["created_at", "n_samples", "accuracy"]
    fields = ["created_at", "n_samples", "accuracy", "parameters"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
