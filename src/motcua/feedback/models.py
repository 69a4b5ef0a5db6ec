"""Citizens' feedback (phản ánh, kiến nghị): categories, routing rules, reports and their history.

A report belongs to a ward (``unit``, its scope) and is handled by a department
(``handling_unit``) chosen by the routing rules. Its status moves only through
``feedback.workflow.report_transition``; every move is kept in ``ReportEvent``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core.models import BaseModel, TimeStampedModel
from motcua.organisations.models import Unit
from motcua.organisations.scoping import ScopedQuerySet


class Category(BaseModel):
    """A two-level category. A category with sub-categories is a group; reports are filed
    under a category without sub-categories. ``questions`` are the extra questions asked on the
    form for this category (data, edited by an administrator)::

        [{"key": "source", "label": "Nguồn gây ồn", "type": "choice",
          "choices": ["Karaoke", "Công trình xây dựng"], "required": true}]

    ``type`` is ``text``, ``choice`` or ``yesno``.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_conduct = models.BooleanField(
        _("about an official's attitude or conduct"),
        default=False,
        help_text=_("Sent to the official's unit and the Interior office, seen by the Front."),
    )
    questions = models.JSONField(_("extra questions"), default=list, blank=True)
    reject_days = models.PositiveSmallIntegerField(
        _("days to accept or reject"), null=True, blank=True
    )
    info_days = models.PositiveSmallIntegerField(
        _("days to request more information"), null=True, blank=True
    )
    handle_days = models.PositiveSmallIntegerField(_("days to handle"), null=True, blank=True)
    publish_days = models.PositiveSmallIntegerField(
        _("days to publish the answer"), null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("feedback category")
        verbose_name_plural = _("feedback categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    @property
    def group(self) -> Category:
        return self.parent if self.parent_id else self


class AnswerTemplate(TimeStampedModel):
    """A model answer officers start from, per category."""

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="answer_templates",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["category", "title"]

    def __str__(self) -> str:
        return self.title


class InteriorOffice(models.Model):
    """The body that receives reports about officials' conduct for an area (a ward, or the
    whole city). The nearest configured area above a report's ward applies."""

    area = models.OneToOneField(
        Unit, verbose_name=_("area"), on_delete=models.CASCADE, related_name="+"
    )
    office = models.ForeignKey(
        Unit, verbose_name=_("Interior office"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("Interior office")
        verbose_name_plural = _("Interior offices")

    def __str__(self) -> str:
        return f"{self.area} → {self.office}"


class RoutingRuleQuerySet(ScopedQuerySet):
    scope_field = "unit"


class RoutingRule(BaseModel):
    """First-match routing: for reports in ``unit`` (or below) of ``category`` (any when empty,
    a group covers its sub-categories), received between ``starts_at`` and ``ends_at`` (any time
    when empty; a window may wrap midnight), hand the report to ``handling_unit`` and suggest
    ``officer``. Rules of the nearest unit come first, then by ``position``."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("applies in"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    starts_at = models.TimeField(_("from (time of day)"), null=True, blank=True)
    ends_at = models.TimeField(_("until (time of day)"), null=True, blank=True)
    handling_unit = models.ForeignKey(
        Unit, verbose_name=_("handling unit"), on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RoutingRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["unit__path", "position", "id"]

    def __str__(self) -> str:
        return f"{self.category or '*'} → {self.handling_unit}"


class Channel(models.TextChoices):
    WEB = "web", _("Online form")
    HOTLINE = "hotline", _("Hotline")
    DESK = "desk", _("Reception desk")
    MAILBOX = "mailbox", _("Feedback mailbox")
    API = "api", _("Open311 / API")


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("feedback status", "Received")
    REJECTED = "rejected", _("Not accepted")
    ACCEPTED = "accepted", _("Accepted")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("Being handled")
    AWAITING_INFO = "awaiting_info", _("Waiting for more information")
    AWAITING_APPROVAL = "awaiting_approval", _("Answer awaiting approval")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.ACCEPTED,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.AWAITING_INFO,
        Status.AWAITING_APPROVAL,
    }
)
#: Reports the public may see (once triaged, and not rejected).
PUBLIC_STATUSES = frozenset(
    {
        Status.ACCEPTED,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.AWAITING_INFO,
        Status.AWAITING_APPROVAL,
        Status.ANSWERED,
        Status.CLOSED,
    }
)


class RejectReason(models.TextChoices):
    SPAM = "spam", _("Spam or abusive")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
    DUPLICATE = "duplicate", _("Duplicate of another report")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class ReportQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def visible_to(self, user):
        """See ``feedback.access.report_scope``."""
        from motcua.feedback.access import report_scope

        condition = report_scope(user)
        return self.all() if condition is None else self.filter(condition)

    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES, is_public=True, category__is_conduct=False)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Report(BaseModel):
    """One feedback report. The reporter's name and contact are never shown on public pages."""

    code = models.CharField(_("tracking code"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64, editable=False)
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("ward"), on_delete=models.PROTECT, related_name="feedback_reports"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="reports"
    )
    description = models.TextField(_("description"))
    public_description = models.TextField(_("public description"), blank=True)
    details = models.JSONField(_("answers to the extra questions"), default=dict, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    public_address = models.CharField(_("public address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    reporter_name = models.CharField(_("reporter's name"), max_length=200, blank=True)
    reporter_phone = models.CharField(_("reporter's phone"), max_length=20, blank=True)
    reporter_email = models.EmailField(_("reporter's e-mail"), blank=True)
    is_public = models.BooleanField(_("may be published"), default=True)
    official_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit of the official"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    interior_unit = models.ForeignKey(
        Unit,
        verbose_name=_("Interior office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    handling_unit = models.ForeignKey(
        Unit,
        verbose_name=_("handling unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    routing_rule = models.ForeignKey(
        RoutingRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    routed_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer suggested by routing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_feedback",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed at"))
    received_at = models.DateTimeField(_("received at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    step_due = models.DateField(_("due date of the current step"), null=True, blank=True)
    due_date = models.DateField(_("handling due date"), null=True, blank=True)
    info_due = models.DateField(_("last day to request more information"), null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True, editable=False)
    reject_reason = models.CharField(
        _("reason for not accepting"), max_length=20, choices=RejectReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    answer = models.TextField(_("public answer"), blank=True)
    answer_draft = models.TextField(_("draft answer"), blank=True)
    answer_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    suggested_category = models.ForeignKey(
        Category,
        verbose_name=_("suggested category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suggestion_confidence = models.FloatField(null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback report")
        verbose_name_plural = _("feedback reports")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["unit", "status"], name="feedback_unit_status_idx"),
            models.Index(fields=["status", "step_due"], name="feedback_status_due_idx"),
            models.Index(fields=["category", "received_at"], name="feedback_cat_received_idx"),
            # A unit's reports and all reports, newest first.
            models.Index(fields=["unit", "received_at"], name="feedback_unit_received_idx"),
            models.Index(fields=["received_at"], name="feedback_received_idx"),
            # The overdue reports of the indices (the other figures come from ReportMonth).
            models.Index(
                fields=["unit", "due_date"],
                include=["received_at"],
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
                name="feedback_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def public_latitude(self) -> float | None:
        """Rounded to about 10 m: enough to find the problem, not a doorstep."""
        return round(self.latitude, 4) if self.latitude is not None else None

    @property
    def public_longitude(self) -> float | None:
        return round(self.longitude, 4) if self.longitude is not None else None

    @property
    def can_receive_updates(self) -> bool:
        return bool(self.reporter_phone or self.reporter_email)


class ReportMonth(models.Model):
    """The indices' feedback figures of the reports a unit received in a month (each report
    counted in the month it was received). Kept exactly in step with the reports by
    ``feedback.rollup`` (in the transaction of every change), rebuilt by ``manage.py
    rebuild_feedback_statistics``; the dashboards sum them over a unit's subtree and a period
    of whole months (docs/adr/0006)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day
    received = models.IntegerField(default=0)  # all but those rejected
    resolved = models.IntegerField(default=0)  # answered, or closed after an answer
    resolved_on_time = models.IntegerField(default=0)  # answered by the handling due date
    answers_published = models.IntegerField(default=0)  # resolved, public, not about conduct
    rated = models.IntegerField(default=0)
    rated_satisfied = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="report_month")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"


class PhotoStage(models.TextChoices):
    REPORT = "report", _("Sent with the report")
    ANSWER = "answer", _("With the answer")


def _photo_path(instance, filename: str) -> str:
    return f"feedback/{instance.report.received_at:%Y/%m}/{instance.public_id}-{filename}"


class ReportPhoto(BaseModel):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    stage = models.CharField(
        _("stage"), max_length=10, choices=PhotoStage.choices, default=PhotoStage.REPORT
    )
    image = models.FileField(_("photo"), upload_to=_photo_path, max_length=300)
    content_type = models.CharField(max_length=50)
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.image.name


class ReportEvent(models.Model):
    """The history of a report: one row per transition (append-only). ``note`` is public when
    ``is_public`` (a reason for not accepting, a transfer), internal otherwise."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_public = models.BooleanField(default=True)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.action}"


class ReportNote(models.Model):
    """Internal notes between officers; never shown to the public or the reporter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class ReportRating(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="ratings")
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.rating


class Escalation(models.Model):
    """A late step reported to the leaders, once per report, status and due date."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="escalations")
    status = models.CharField(max_length=20, choices=Status.choices)
    step_due = models.DateField()
    notified = models.JSONField(default=list)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "status", "step_due"], name="feedback_escalation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.status} {self.step_due}"


class ClassifierModel(TimeStampedModel):
    """A trained category classifier, stored as plain numbers (no pickle): the TF-IDF
    vocabulary and weights and the linear model's coefficients."""

    n_samples = models.PositiveIntegerField()
    accuracy = models.FloatField(null=True, blank=True)
    parameters = models.JSONField(default=dict)
    weights = models.JSONField()

    class Meta:
        verbose_name = _("category classifier")
        verbose_name_plural = _("category classifiers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.n_samples})"
