"""The catalogue of administrative procedures (thủ tục hành chính).

A procedure keeps its identity (national code, name, field); what the law says about it
(documents, time, fees, legal basis) lives in versions with an effective date. A dossier keeps
the version it was filed under.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel, TimeStampedModel


class ProcedureField(models.Model):
    """A field (lĩnh vực): hộ tịch, chứng thực, đất đai, xây dựng..."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ImplementingLevel(models.TextChoices):
    WARD = "ward", _("Ward / commune")
    PROVINCE = "province", _("Province / city")


class OnlineLevel(models.TextChoices):
    NONE = "none", _("Not online")
    PARTIAL = "partial", _("Partly online")
    FULL = "full", _("Fully online")


class Procedure(BaseModel):
    code = models.CharField(
        _("national code"), max_length=40, unique=True, help_text=_("e.g. 1.001193")
    )
    local_code = models.CharField(
        _("local code"),
        max_length=60,
        blank=True,
        help_text=_("The province's copy, e.g. 1.000494.000.00.00.H29"),
    )
    name = models.CharField(_("name"), max_length=400)
    search_name = models.CharField(max_length=400, editable=False, db_index=True)
    slug = models.SlugField(_("address in URLs"), max_length=200, unique=True)
    field = models.ForeignKey(
        ProcedureField, verbose_name=_("field"), on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField(
        _("implementing level"),
        max_length=20,
        choices=ImplementingLevel.choices,
        default=ImplementingLevel.WARD,
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["field__sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from motcua.core.text import fold

        self.search_name = fold(f"{self.code} {self.local_code} {self.name}")
        super().save(*args, **kwargs)


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ORGANISATION = "organisation", _("Organisation")


class FeeKind(models.TextChoices):
    FREE = "free", _("Free")
    FIXED = "fixed", _("Fixed amount")
    PER_PAGE = "per_page", _("Per page")
    PER_COPY = "per_copy", _("Per copy")


class ProcedureVersionQuerySet(models.QuerySet):
    def effective_on(self, day: dt.date):
        return self.filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=day), effective_from__lte=day
        )


class ProcedureVersion(TimeStampedModel):
    """What a procedure requires from a given date on."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("procedure"), on_delete=models.PROTECT, related_name="versions"
    )
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    applicant_types = models.JSONField(
        _("who may apply"), default=list, help_text=_("citizen, organisation")
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time (working days)"), help_text=_("0 means the same day.")
    )
    processing_note = models.CharField(_("processing time note"), max_length=300, blank=True)
    applies_cutoff = models.BooleanField(_("the 15:00 rule applies"), default=True)
    steps = models.TextField(_("steps"), blank=True, help_text=_("One step per line."))
    conditions = models.TextField(_("conditions"), blank=True)
    result = models.CharField(
        _("result"),
        max_length=300,
        help_text=_("What the applicant receives, e.g. Giấy khai sinh (bản chính)."),
    )
    legal_basis = models.TextField(_("legal basis"))
    online_level = models.CharField(
        _("online service"), max_length=10, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    legacy_level = models.PositiveSmallIntegerField(_("legacy service level (1–4)"), default=2)
    fee_kind = models.CharField(
        _("fee"), max_length=10, choices=FeeKind.choices, default=FeeKind.FREE
    )
    fee_amount = models.DecimalField(
        _("amount (VND)"),
        max_digits=12,
        decimal_places=0,
        default=Decimal(0),
        help_text=_("Fixed amount, or the amount per page / per copy."),
    )
    fee_first_pages = models.PositiveSmallIntegerField(_("pages at the first-page rate"), default=0)
    fee_later_amount = models.DecimalField(
        _("amount per later page (VND)"), max_digits=12, decimal_places=0, default=Decimal(0)
    )
    fee_cap = models.DecimalField(
        _("maximum fee (VND)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    fee_note = models.CharField(_("fee note"), max_length=300, blank=True)
    fee_is_example = models.BooleanField(
        _("fee is an example"),
        default=False,
        help_text=_("The real fee was not confirmed when the data was entered."),
    )

    objects = ProcedureVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("procedure version")
        verbose_name_plural = _("procedure versions")
        ordering = ["procedure", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "effective_from"], name="procedureversion_unique_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.procedure} ({self.effective_from:%d/%m/%Y})"

    @property
    def is_same_day(self) -> bool:
        return self.processing_days == 0

    @property
    def is_online(self) -> bool:
        return self.online_level != OnlineLevel.NONE


class DocumentRequirement(models.TextChoices):
    ORIGINAL = "original", _("Original")
    COPY = "copy", _("Copy")
    CERTIFIED_COPY = "certified_copy", _("Certified copy or copy with the original to compare")
    ORIGINAL_OR_COPY = "original_or_copy", _("Original or certified copy")


class RequiredDocument(models.Model):
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("procedure version"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    name = models.CharField(_("document"), max_length=400)
    requirement = models.CharField(
        _("original or copy"),
        max_length=20,
        choices=DocumentRequirement.choices,
        default=DocumentRequirement.ORIGINAL,
    )
    quantity = models.PositiveSmallIntegerField(_("number of copies"), default=1)
    is_optional = models.BooleanField(_("only in some cases"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    form_template = models.FileField(
        _("form to fill in"), upload_to="procedures/forms/", blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["version", "sort_order", "id"]

    def __str__(self) -> str:
        return self.name
