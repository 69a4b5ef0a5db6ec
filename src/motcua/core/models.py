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


class PendingUpload(TimeStampedModel):
    """A file that passed the checks in a form that failed for another reason, kept so that
    the citizen does not have to choose it again (``core.uploads.FormUploads``). Purged after
    a day (``manage.py purge_pending_uploads``)."""

    form_key = models.CharField(max_length=64, db_index=True)
    field = models.CharField(max_length=100)
    file = models.FileField(upload_to="pending/%Y/%m/%d/")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["form_key", "field"], name="pendingupload_unique_field")
        ]

    def __str__(self) -> str:
        return f"{self.form_key} {self.field}: {self.name}"
