"""The PAR index (chỉ số cải cách hành chính): frameworks as data, yearly assessments of units,
their scores and evidence; and the one-stop evaluation of each returned dossier (Circular
01/2018), kept here so that averages per unit and quarter are one GROUP BY."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.organisations.models import Unit
from motcua.surveys.scoping import AreaScopedQuerySet

DEFAULT_BANDS = [
    {"min": 90, "label": "Xuất sắc"},
    {"min": 80, "label": "Tốt"},
    {"min": 65, "label": "Khá"},
    {"min": 50, "label": "Trung bình"},
    {"min": 0, "label": "Yếu"},
]


class Framework(BaseModel):
    """The criteria and points of one year's PAR index."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    #: Classification bands in percent of the maximum: ``[{"min": 90, "label": "..."}]``.
    bands = models.JSONField(_("classification"), default=list)

    class Meta:
        verbose_name = _("PAR framework")
        verbose_name_plural = _("PAR frameworks")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Criterion(models.Model):
    """A domain (no parent), a criterion or a sub-criterion. Leaves are scored; the points of
    a branch are the sum of its leaves."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    code = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("criterion"), max_length=500)
    max_points = models.DecimalField(_("maximum points"), max_digits=6, decimal_places=2)
    guidance = models.TextField(_("scoring guidance"), blank=True)
    evidence_required = models.TextField(_("evidence required"), blank=True)
    is_front = models.BooleanField(
        _("scored by the Fatherland Front"),
        default=False,
        help_text=_("Coordination criteria the Front comments on and scores."),
    )
    is_survey = models.BooleanField(
        _("filled from satisfaction results"),
        default=False,
        help_text=_("Points = maximum × the unit's satisfaction index of the year."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["framework", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="criterion_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class AssessmentStatus(models.TextChoices):
    SELF_ASSESSMENT = "self", _("Self-assessment")
    APPRAISAL = "appraisal", _("Appraisal")
    FRONT_REVIEW = "front", _("Fatherland Front review")
    READY = "ready", _("Ready to publish")
    PUBLISHED = "published", _("Published")


class AssessmentQuerySet(AreaScopedQuerySet):
    scope_field = "unit"

    def published(self):
        return self.filter(status=AssessmentStatus.PUBLISHED)


class Assessment(BaseModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.SELF_ASSESSMENT,
        db_index=True,
    )
    front_comment = models.TextField(_("the Front's overall comment"), blank=True)
    #: Set when published (frozen from then on).
    total = models.DecimalField(
        _("total points"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    classification = models.CharField(_("classification"), max_length=40, blank=True)
    survey_index = models.DecimalField(
        _("satisfaction index used"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    survey_source = models.CharField(max_length=20, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("PAR assessment")
        verbose_name_plural = _("PAR assessments")
        ordering = ["framework", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "unit"], name="assessment_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.framework.year}"


class AssessmentEvent(models.Model):
    """One step of an assessment's workflow (append-only)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("time"))
    action = models.CharField(_("action"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=12, choices=AssessmentStatus.choices)
    to_status = models.CharField(max_length=12, choices=AssessmentStatus.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.action}"


class Score(models.Model):
    """The points of one leaf criterion in one assessment, at each stage."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    self_note = models.TextField(blank=True)
    appraised_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    appraisal_reason = models.TextField(blank=True)
    front_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    front_comment = models.TextField(blank=True)
    survey_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.criterion_id}"

    @property
    def final_points(self) -> Decimal | None:
        """Survey criteria: the survey's points. The Front's criteria: the Front's score.
        Others: the appraised score, else the self-assessed one."""
        if self.criterion.is_survey:
            return self.survey_points
        if self.criterion.is_front and self.front_points is not None:
            return self.front_points
        if self.appraised_points is not None:
            return self.appraised_points
        return self.self_points


class Evidence(BaseModel):
    """A file proving a self-assessed score."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField(_("document"), max_length=300)
    file = models.FileField(_("file"), upload_to="par/%Y/")
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name


class EvaluationQuerySet(AreaScopedQuerySet):
    scope_field = "unit"


class DossierEvaluation(models.Model):
    """The nine indices (0–2 points) of Circular 01/2018 art. 13 for one returned dossier.
    An index the platform holds no data for is NULL; ``score`` is the evaluated points scaled
    to 18 (see docs/indices.md)."""

    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="evaluation"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    finished_on = models.DateField()
    i1 = models.PositiveSmallIntegerField(null=True)
    i2 = models.PositiveSmallIntegerField(null=True)
    i3 = models.PositiveSmallIntegerField(null=True)
    i4 = models.PositiveSmallIntegerField(null=True)
    i5 = models.PositiveSmallIntegerField(null=True)
    i6 = models.PositiveSmallIntegerField(null=True)
    i7 = models.PositiveSmallIntegerField(null=True)
    i8 = models.PositiveSmallIntegerField(null=True)
    i9 = models.PositiveSmallIntegerField(null=True)
    points = models.PositiveSmallIntegerField()
    evaluated = models.PositiveSmallIntegerField()
    score = models.DecimalField(max_digits=5, decimal_places=2)
    computed_at = models.DateTimeField()

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["unit", "finished_on"], name="evaluation_unit_day")]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.score}"


class DossierMeasures(models.Model):
    """Dossier counts of a slice (unit and month), each measure counted in the month of its own
    date (submitted, received, resolved, returned, paid, rated). Kept exactly in step with the
    dossiers by ``par.rollup`` (in the transaction of every change), rebuilt by ``manage.py
    rebuild_dossier_statistics``; the dashboards sum them over a unit's subtree and a period
    of whole months (docs/adr/0004)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day
    # By submission date: every dossier filed, per channel; "received" leaves out those not
    # (yet) accepted (still submitted online, or refused).
    submitted_desk = models.IntegerField(default=0)
    submitted_online = models.IntegerField(default=0)
    submitted_postal = models.IntegerField(default=0)
    received = models.IntegerField(default=0)
    # By the day the result was ready (``finished_at``): resolved, on time, early, late, late
    # with an apology (new appointment date).
    resolved = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    early = models.IntegerField(default=0)
    late = models.IntegerField(default=0)
    late_extended = models.IntegerField(default=0)
    # By the day the result was handed back (returned dossiers).
    returned = models.IntegerField(default=0)
    returned_on_time = models.IntegerField(default=0)
    returned_rated = models.IntegerField(default=0)
    # By the day of reception (``received_at``): all, filed online, scanned at reception.
    intake = models.IntegerField(default=0)
    intake_online = models.IntegerField(default=0)
    intake_scanned = models.IntegerField(default=0)
    # By the day of payment: fees paid, paid online.
    paid = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    # By the day of the applicant's rating, in the rating's unit: per level.
    rated_very_satisfied = models.IntegerField(default=0)
    rated_satisfied = models.IntegerField(default=0)
    rated_not_satisfied = models.IntegerField(default=0)

    class Meta:
        abstract = True


class DossierMonth(DossierMeasures):
    """A unit's month: what most figures sum."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="dossier_month")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"


class DossierProcedureMonth(DossierMeasures):
    """A unit's month for one procedure version: for the figures per field and procedure."""

    procedure_version = models.ForeignKey(
        "procedures.ProcedureVersion", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "procedure_version"], name="dossier_procedure_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m} {self.procedure_version_id}"
