"""Public consultation on draft documents (lấy ý kiến dự thảo) and social criticism
(phản biện xã hội) by organisations, with the drafting unit's answers and summary report."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.organisations.scoping import ScopedQuerySet


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    PUBLISHED = "published", _("Published for comment")
    REPORTED = "reported", _("Summary report published")


class ConsultationQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def public(self):
        return self.exclude(status=ConsultationStatus.DRAFT)


class Consultation(BaseModel):
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("drafting unit"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("title of the draft"), max_length=400)
    slug = models.SlugField(_("address in URLs"), max_length=160, unique=True)
    document_type = models.CharField(
        _("kind of document"), max_length=120, help_text=_("For example: Draft decision")
    )
    summary = models.TextField(_("purpose and main contents"), blank=True)
    opens_at = models.DateTimeField(_("comments open"))
    closes_at = models.DateTimeField(_("comments close"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
        db_index=True,
    )
    draft_file = models.FileField(
        _("full draft (PDF)"), upload_to="public/consultations/%Y/", blank=True
    )
    report_summary = models.TextField(_("summary of the report"), blank=True)
    report_pdf = models.FileField(
        _("summary report (PDF)"), upload_to="public/consultations/reports/%Y/", blank=True
    )
    report_published_at = models.DateTimeField(_("report published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation on a draft")
        verbose_name_plural = _("consultations on drafts")
        ordering = ["-opens_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", args=[self.slug])

    def get_staff_url(self) -> str:
        return reverse("consultations:staff-detail", args=[self.public_id])

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == ConsultationStatus.PUBLISHED and self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return self.status != ConsultationStatus.DRAFT and (now or timezone.now()) >= self.closes_at

    def has_not_opened(self, now=None) -> bool:
        return (
            self.status == ConsultationStatus.PUBLISHED and (now or timezone.now()) < self.opens_at
        )


class Section(BaseModel):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveIntegerField(_("order"))
    heading = models.CharField(_("heading"), max_length=300)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("section of a draft")
        verbose_name_plural = _("sections of a draft")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.heading


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class AnswerFields(models.Model):
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        abstract = True


class Comment(BaseModel, AnswerFields):
    """A citizen's comment on the whole draft (no section) or on one section."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author_name = models.CharField(_("author's name"), max_length=120, blank=True)
    contact = models.CharField(
        _("phone or e-mail"),
        max_length=200,
        blank=True,
        help_text="Seen by the drafting unit only, never published.",
    )
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("moderation"),
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.PENDING,
        db_index=True,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_note = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:80]


class FormalOpinion(BaseModel, AnswerFields):
    """An organisation's formal opinion (social criticism), as a document."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="opinions"
    )
    organisation = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(_("number and symbol"), max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("main points"), blank=True)
    file = models.FileField(_("document (PDF)"), upload_to="public/consultations/opinions/%Y/")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("formal opinion of an organisation")
        verbose_name_plural = _("formal opinions of organisations")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title
