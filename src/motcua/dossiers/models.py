"""One-stop dossiers (hồ sơ): what a citizen or organisation files to obtain a procedure's result.

Statuses follow the national public-service portal's codes so that they can be synchronised.
The status is stored on the row; every change is an append-only :class:`DossierEvent`, made by
the one transition service in ``workflow.py``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.dossiers.queuecache import UNIT_COLUMNS
from motcua.organisations.models import Unit
from motcua.organisations.scoping import UnitScope
from motcua.procedures.models import ProcedureVersion, RequiredDocument

SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(8))


class Status(models.IntegerChoices):
    """The national portal's status codes (1–10)."""

    SUBMITTED = 1, _("Submitted online, not yet checked")
    RECEIVED = 2, _("Received")
    REFUSED = 3, _("Not received")
    PROCESSING = 4, _("Being processed")
    SUPPLEMENT = 5, _("Waiting for additional documents")
    PAYMENT = 6, _("Waiting for payment")
    WITHDRAWN = 7, _("Withdrawn at the applicant's request")
    STOPPED = 8, _("Processing stopped")
    RESULT_READY = 9, _("Result ready")
    RETURNED = 10, _("Result returned")


#: Statuses in which the dossier is still in the administration's hands or the citizen's.
OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.RECEIVED,
    Status.PROCESSING,
    Status.SUPPLEMENT,
    Status.PAYMENT,
)
#: Statuses in which the processing clock runs.
CLOCK_RUNNING = (Status.RECEIVED, Status.PROCESSING)
CLOSED_STATUSES = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED)


class Stage(models.TextChoices):
    """Who holds the dossier inside processing (the rows of the control slip)."""

    DESK = "desk", _("One-stop desk")
    DEPARTMENT = "department", _("Department")
    SPECIALIST = "specialist", _("Specialist")
    LEADER = "leader", _("Leader")
    OTHER_UNIT = "other_unit", _("Another unit")
    APPLICANT = "applicant", _("Applicant")


class Channel(models.TextChoices):
    DESK = "desk", _("At the desk")
    ONLINE = "online", _("Online")
    POSTAL = "postal", _("Public postal service")


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ORGANISATION = "organisation", _("Organisation")


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see a dossier received by, processed in, or handed to a department of one of
        their units."""
        scope = UnitScope.of(user)
        return self.filter(scope.q("unit") | scope.q("processing_unit") | scope.q("department"))

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Dossier(BaseModel):
    code = models.CharField(_("dossier code"), max_length=60, unique=True)
    secret = models.CharField(_("lookup secret"), max_length=12, default=new_secret)
    unit = models.ForeignKey(
        Unit, verbose_name=_("receiving unit"), on_delete=models.PROTECT, related_name="dossiers"
    )
    processing_unit = models.ForeignKey(
        Unit,
        verbose_name=_("processing unit"),
        on_delete=models.PROTECT,
        related_name="dossiers_processing",
    )
    department = models.ForeignKey(
        Unit,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("specialist"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure_version = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("procedure"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.PositiveSmallIntegerField(_("status"), choices=Status.choices, db_index=True)
    stage = models.CharField(_("held by"), max_length=12, choices=Stage.choices, default=Stage.DESK)

    applicant_type = models.CharField(
        _("applicant type"),
        max_length=12,
        choices=ApplicantType.choices,
        default=ApplicantType.CITIZEN,
    )
    applicant_name = models.CharField(_("applicant's full name"), max_length=200)
    applicant_search = models.CharField(max_length=200, editable=False, db_index=True)
    applicant_id_number = models.CharField(_("ID card number"), max_length=20, blank=True)
    applicant_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    applicant_address = models.CharField(_("address"), max_length=300, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )

    submitted_at = models.DateTimeField(_("submitted at"))
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    clock_start = models.DateField(_("processing counted from"), null=True, blank=True)
    due_date = models.DateField(_("appointment date"), null=True, blank=True)
    extended_due_date = models.DateField(_("new appointment date"), null=True, blank=True)
    #: The due date in force (the new date after an apology, else the original); kept for indexed queues.
    effective_due_date = models.DateField(null=True, blank=True)
    paused_on = models.DateField(_("waiting for the applicant since"), null=True, blank=True)
    supplement_stage = models.CharField(
        max_length=12, blank=True, help_text="reception or processing"
    )
    supplement_items = models.JSONField(_("documents to supplement"), default=list, blank=True)
    processing_supplements = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(_("result ready at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    closed_reason = models.TextField(_("reason"), blank=True)

    fee_amount = models.DecimalField(_("fee (VND)"), max_digits=12, decimal_places=0, default=0)
    fee_paid_at = models.DateTimeField(_("fee paid at"), null=True, blank=True)

    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-submitted_at"]
        # Staff lists read one branch per receiving unit in index order (see selectors.DossierList):
        indexes = [
            models.Index(fields=["unit", "submitted_at"], name="dossier_unit_submitted"),
            models.Index(fields=["unit", "status", "submitted_at"], name="dossier_unit_status"),
            # The queues' counters read only these columns: an index-only scan on PostgreSQL.
            models.Index(
                fields=["unit", "status", "effective_due_date"],
                include=["assignee", "department"],
                name="dossier_unit_status_due",
            ),
            models.Index(fields=["status", "submitted_at"], name="dossier_status_submitted"),
            models.Index(fields=["submitted_at"], name="dossier_submitted"),
            models.Index(
                fields=["processing_unit", "submitted_at"],
                name="dossier_transferred",
                condition=~Q(processing_unit=F("unit")),
            ),
            models.Index(
                fields=["department", "status"],
                include=["unit", "processing_unit", "assignee", "effective_due_date"],
                name="dossier_department_status",
            ),
            models.Index(fields=["assignee", "status"], name="dossier_assignee_status"),
            # Statistics and indices count the dossiers a unit resolved in a period.
            models.Index(fields=["unit", "finished_at"], name="dossier_unit_finished"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__gte=1, status__lte=10), name="dossier_status_national_code"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @classmethod
    def from_db(cls, db, field_names, values):
        dossier = super().from_db(db, field_names, values)
        # Where the queues counted it, so that a move (a transfer) renews the counters of the
        # units it leaves as well (queuecache.dossier_changed).
        dossier._units_as_loaded = tuple(dossier.__dict__.get(c) for c in UNIT_COLUMNS)
        return dossier

    @property
    def procedure(self):
        return self.procedure_version.procedure

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    # The labels of the choices, read from the enums: Django's generated get_FOO_display
    # builds a dict of every choice on each call, and the queues draw these on every row.
    def get_status_display(self) -> str:
        return str(Status(self.status).label)

    def get_channel_display(self) -> str:
        return str(Channel(self.channel).label)

    def get_stage_display(self) -> str:
        return str(Stage(self.stage).label)


class DossierCounter(models.Model):
    """The last daily sequence number used by a unit (for dossier codes)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="dossiercounter_unique_unit_day")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.last}"


class DossierDocument(BaseModel):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(
        RequiredDocument,
        verbose_name=_("required document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("document"), max_length=400)
    file = models.FileField(_("file"), upload_to="dossiers/%Y/%m/")
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    round = models.PositiveSmallIntegerField(
        _("submission round"),
        default=0,
        help_text=_("0 at submission, then 1, 2... for each supplement."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("dossier document")
        verbose_name_plural = _("dossier documents")
        ordering = ["round", "id"]

    def __str__(self) -> str:
        return self.name


class DossierEvent(models.Model):
    """One step in a dossier's life (append-only). Hand-overs are the rows of the control slip."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("time"), db_index=True)
    action = models.CharField(_("action"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("by"), max_length=200, blank=True)
    from_status = models.PositiveSmallIntegerField(choices=Status.choices, null=True)
    to_status = models.PositiveSmallIntegerField(choices=Status.choices)
    stage = models.CharField(max_length=12, choices=Stage.choices)
    holder_label = models.CharField(_("handed to"), max_length=300, blank=True)
    step_due = models.DateField(_("step due"), null=True, blank=True)
    public_note = models.TextField(_("message to the applicant"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("dossier event")
        verbose_name_plural = _("dossier events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class SlipKind(models.TextChoices):
    RECEIPT = "01", _("Receipt and appointment (form 01)")
    SUPPLEMENT = "02", _("Request for additional documents (form 02)")
    REFUSAL = "03", _("Refusal to receive (form 03)")
    APOLOGY = "04", _("Apology and new appointment (form 04)")


class Slip(BaseModel):
    """An official slip as issued: its content is frozen at issue time and rendered as PDF."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="slips")
    kind = models.CharField(_("slip"), max_length=2, choices=SlipKind.choices)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField()

    class Meta:
        verbose_name = _("slip")
        verbose_name_plural = _("slips")
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.dossier_id}"


class DossierNote(models.Model):
    """An internal note between staff; never shown to the applicant."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")


class Payment(BaseModel):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(_("amount (VND)"), max_digits=12, decimal_places=0)
    method = models.CharField(_("method"), max_length=20)  # "desk" or a provider name
    reference = models.CharField(_("reference"), max_length=100, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["created_at"]
