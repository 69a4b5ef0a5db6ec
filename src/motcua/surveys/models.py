"""Satisfaction: the applicant's rating of one returned dossier, and survey campaigns built from
the five SIPAS elements (Decision 2640/QĐ-BNV).

A rating belongs to its dossier (one per dossier, a unique constraint). A survey response
belongs to no one: the invitation that opened it only records that it was used, its link to
the dossier is cut on use, and the response keeps the day it was given, not the time.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.organisations.models import Unit
from motcua.surveys.scoping import AreaScopedQuerySet


class Level(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Very satisfied")
    SATISFIED = "satisfied", _("Satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


SATISFIED_LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED)


class Reason(models.TextChoices):
    """Optional reasons the applicant may tick with the rating."""

    QUICK = "quick", _("Handled quickly, on time")
    COURTEOUS = "courteous", _("Courteous, helpful officer")
    CLEAR = "clear", _("Clear guidance")
    SLOW = "slow", _("Slow, late")
    ATTITUDE = "attitude", _("Officer's attitude")
    UNCLEAR = "unclear", _("Unclear guidance")
    TRIPS = "trips", _("Had to come back several times")
    COST = "cost", _("Unexpected costs")
    FACILITIES = "facilities", _("Waiting area and facilities")


class RatingChannel(models.TextChoices):
    LINK = "link", _("Link or QR code")
    KIOSK = "kiosk", _("Kiosk at the desk")


class RatingQuerySet(AreaScopedQuerySet):
    scope_field = "unit"


class Rating(BaseModel):
    """How satisfied the applicant was with one returned dossier."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    #: The receiving unit of the dossier, kept here so that figures per unit need no join.
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("rating"), max_length=20, choices=Level.choices)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    channel = models.CharField(_("channel"), max_length=10, choices=RatingChannel.choices)
    rated_at = models.DateTimeField(_("rated at"))

    objects = RatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-rated_at"]
        constraints = [
            models.UniqueConstraint(fields=["dossier"], name="rating_once_per_dossier"),
        ]
        indexes = [models.Index(fields=["unit", "rated_at"], name="rating_unit_time")]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.level}"

    @property
    def is_satisfied(self) -> bool:
        return self.level in SATISFIED_LEVELS


# --- Survey campaigns (SIPAS) ----------------------------------------------------------------


class Element(models.TextChoices):
    """The five elements of the SIPAS index (Decision 2640/QĐ-BNV)."""

    ACCESS = "access", _("Access to the service")
    PROCEDURE = "procedure", _("Administrative procedure")
    CIVIL_SERVANT = "civil_servant", _("Civil servants handling the work")
    RESULT = "result", _("Result of the service")
    FEEDBACK = "feedback", _("Receiving and handling suggestions and feedback")


class Measure(models.TextChoices):
    OPINION = "opinion", _("Opinion")
    SATISFACTION = "satisfaction", _("Satisfaction")
    EXPECTATION = "expectation", _("Expectation")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Free text")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Being designed")
    OPEN = "open", _("Collecting responses")
    CLOSED = "closed", _("Closed")


class CampaignQuerySet(AreaScopedQuerySet):
    scope_field = "unit"


class Campaign(BaseModel):
    """A survey of applicants whose dossiers a unit returned in a period."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    period_start = models.DateField(_("dossiers returned from"))
    period_end = models.DateField(_("dossiers returned until"))
    sample_size = models.PositiveIntegerField(_("number of invitations"), default=100)
    seed = models.PositiveIntegerField(
        _("sampling seed"),
        default=1,
        help_text=_("The same seed on the same dossiers draws the same sample."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CampaignStatus.choices,
        default=CampaignStatus.DRAFT,
        db_index=True,
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")
        ordering = ["-period_end", "-id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One question. ``choices`` is a list of ``{"value", "label", "satisfied"}``; a scale runs
    from 1 to ``scale_max`` and answers at or above ``satisfied_from`` count as satisfied.
    A question with ``show_if`` is shown only when the answer to that question is one of
    ``show_if_values``."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.SlugField(_("code"), max_length=30)
    element = models.CharField(_("SIPAS element"), max_length=20, choices=Element.choices)
    measure = models.CharField(_("measures"), max_length=20, choices=Measure.choices)
    kind = models.CharField(_("type"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    required = models.BooleanField(_("required"), default=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    scale_max = models.PositiveSmallIntegerField(_("scale maximum"), default=5)
    satisfied_from = models.PositiveSmallIntegerField(_("satisfied from"), default=4)
    show_if = models.ForeignKey(
        "self",
        verbose_name=_("show only if the answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_if_values = models.JSONField(_("is one of"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["campaign", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="question_unique_code")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_criterion(self) -> bool:
        """Satisfaction questions are the criteria the index is computed from."""
        return self.measure == Measure.SATISFACTION and self.kind != QuestionKind.TEXT

    def choice_label(self, value: str) -> str:
        for choice in self.choices:
            if choice.get("value") == value:
                return choice.get("label", value)
        return value


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """An invitation to answer a campaign. The link to the dossier is cut when it is used."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=40, unique=True, default=new_token)
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used = models.BooleanField(_("used"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.campaign_id}: {'used' if self.used else 'open'}"


class Response(models.Model):
    """One anonymous set of answers: no link to an invitation, a dossier or a person."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(_("day"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.submitted_on}"


class Answer(models.Model):
    """One answer (one row per ticked choice for several choices)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=60, blank=True)
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    #: Whether this answer counts as satisfied (criteria only), fixed when it is given.
    satisfied = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "choice"], name="answer_question_choice")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.choice or self.scale or self.text[:20]}"
