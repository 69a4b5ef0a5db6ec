from django.contrib import admin

from motcua.workcalendar.models import CalendarOverride


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    """Listed for reference; changes go through the back-office calendar page, which audits them."""

    list_display = ["date", "kind", "name", "legal_basis"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
