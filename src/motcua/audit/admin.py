from django.contrib import admin

from motcua.audit.models import AuditEvent
from motcua.audit.services import audit_record


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail can be read, never changed."""

    list_display = ["occurred_at", "actor_label", "action", "object_type", "object_repr", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_id", "object_repr"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes are written to the audit trail."""

    def save_model(self, request, obj, form, change):
        before = (
            {name: str(form.initial.get(name, "")) for name in form.changed_data}
            if change
            else None
        )
        super().save_model(request, obj, form, change)
        after = {name: str(form.cleaned_data.get(name, "")) for name in form.changed_data}
        action = f"admin.{obj._meta.model_name}.{'change' if change else 'add'}"
        audit_record(actor=request.user, action=action, obj=obj, before=before, after=after)

    def delete_model(self, request, obj):
        audit_record(actor=request.user, action=f"admin.{obj._meta.model_name}.delete", obj=obj)
        super().delete_model(request, obj)
