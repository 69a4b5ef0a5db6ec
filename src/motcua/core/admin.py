from django import forms
from django.contrib import admin

from motcua.audit.admin import AuditedAdmin
from motcua.core.models import RuleValue
from motcua.core.rules import RULES


@admin.register(RuleValue)
class RuleValueAdmin(AuditedAdmin):
    list_display = ["key", "value", "effective_from", "legal_basis"]
    list_filter = ["key"]
    search_fields = ["key", "legal_basis"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "key":
            return forms.ChoiceField(
                choices=[
                    (key, f"{key} — {rule.description}") for key, rule in sorted(RULES.items())
                ],
                label=db_field.verbose_name,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
