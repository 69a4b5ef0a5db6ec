from django.contrib import admin

from motcua.audit.admin import AuditedAdmin
from motcua.procedures.models import Procedure, ProcedureField, ProcedureVersion, RequiredDocument


@admin.register(ProcedureField)
class ProcedureFieldAdmin(AuditedAdmin):
    list_display = ["name", "code", "sort_order"]


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fields = [
        "effective_from",
        "effective_to",
        "processing_days",
        "online_level",
        "fee_kind",
        "fee_amount",
    ]
    extra = 0
    show_change_link = True


@admin.register(Procedure)
class ProcedureAdmin(AuditedAdmin):
    list_display = ["code", "name", "field", "level", "is_active"]
    list_filter = ["field", "level", "is_active"]
    search_fields = ["code", "local_code", "name", "search_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [VersionInline]


class DocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(AuditedAdmin):
    list_display = [
        "procedure",
        "effective_from",
        "effective_to",
        "processing_days",
        "online_level",
        "fee_kind",
    ]
    list_filter = ["online_level", "fee_kind"]
    search_fields = ["procedure__name", "procedure__code"]
    inlines = [DocumentInline]
