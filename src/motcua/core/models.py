"""Shared model bases and the table of legal parameters."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class BaseModel(TimeStampedModel):
    """Timestamps plus a random public identifier: sequential ids never appear in public URLs."""

    public_id = models.UUIDField(
        _("public identifier"), default=uuid.uuid4, unique=True, editable=False
    )

    class Meta:
        abstract = True


class RuleValue(TimeStampedModel):
    """A value of a legal parameter (a deadline, a cut-off hour...) from a given date on.

    Rules come from legal texts that change; the code declares each rule and its baseline value
    (see ``motcua.core.rules``), an administrator enters later values with their effective date.
    """

    key = models.CharField(_("rule"), max_length=100, db_index=True)
    value = models.JSONField(_("value"))
    effective_from = models.DateField(_("effective from"))
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("legal parameter value")
        verbose_name_plural = _("legal parameter values")
        ordering = ["key", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "effective_from"], name="rulevalue_unique_key_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value} ({self.effective_from:%d/%m/%Y})"
