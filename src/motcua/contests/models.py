"""Online law quiz contests on administrative reform (cuộc thi tìm hiểu pháp luật về CCHC)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.organisations.scoping import ScopedQuerySet


class ContestQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def public(self):
        return self.filter(is_published=True)


class Contest(BaseModel):
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("organising unit"),
        on_delete=models.PROTECT,
        related_name="contests",
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address in URLs"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    rules = models.TextField(_("rules and prizes"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = ContestQuerySet.as_manager()

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contests:detail", args=[self.slug])


DEFAULT_TIEBREAK = "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của vòng thi này?"


class Round(BaseModel):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    question_count = models.PositiveSmallIntegerField(_("questions per entry"), default=10)
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit (minutes)"), default=15)
    tiebreak_question = models.CharField(
        _("tie-break question"), max_length=300, default=DEFAULT_TIEBREAK
    )
    correct_entries = models.PositiveIntegerField(
        _("entries with every answer right"), null=True, blank=True
    )
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contest round")
        verbose_name_plural = _("contest rounds")
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="contest_round_unique")
        ]

    def __str__(self) -> str:
        return f"{self.contest} — {self.number}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.contest.is_published and self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def get_results_url(self) -> str:
        return reverse("contests:results", args=[self.contest.slug, self.number])


class Question(BaseModel):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation of the answer"),
        blank=True,
        help_text=_("Legal basis, shown after the round."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(BaseModel):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class EntryStatus(models.TextChoices):
    STARTED = "started", _("In progress")
    SUBMITTED = "submitted", _("Answers submitted")
    EXPIRED = "expired", _("Time ran out")


class Entry(BaseModel):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="entries")
    full_name = models.CharField(_("full name"), max_length=120)
    phone = models.CharField(_("phone number"), max_length=15)
    ward = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("ward or commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.STARTED
    )
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    guess = models.PositiveIntegerField(_("guess"), null=True, blank=True)
    seconds = models.PositiveIntegerField(_("time taken (seconds)"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["round", "rank", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "phone"], name="contest_entry_one_per_phone")
        ]
        indexes = [models.Index(fields=["round", "rank"], name="contest_entry_rank")]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.round})"

    def get_absolute_url(self) -> str:
        return reverse("contests:entry", args=[self.public_id])

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:3]}****{self.phone[-3:]}" if len(self.phone) >= 7 else "****"


class EntryAnswer(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "question"], name="contest_answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.position}"
