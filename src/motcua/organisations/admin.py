from django.contrib import admin

from motcua.audit.admin import AuditedAdmin
from motcua.organisations.models import Membership, Unit


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "kind", "gso_code", "identifier_code", "parent", "is_active"]
    list_filter = ["kind", "is_active", "receives_saturday_morning"]
    search_fields = ["name", "short_name", "search_name", "gso_code", "identifier_code"]
    autocomplete_fields = ["parent", "leader"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "role", "unit", "title", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__username", "user__full_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]
