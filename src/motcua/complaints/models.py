"""Complaints and denunciations (khiếu nại, tố cáo) and citizen reception (tiếp công dân).

A separate legal regime from feedback: the Law on Complaints 2011, the Law on Denunciations
2018 and the Law on Receiving Citizens 2013. The identity of a denouncer (name, identity number,
address, contact) is confidential: it is read only through ``complaints.confidentiality``, which
shows it to the assigned handler and their leader and records every view.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core.models import BaseModel
from motcua.organisations.scoping import ScopedQuerySet


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("petition status", "Received")
    ACCEPTED = "accepted", _("Accepted for resolution")
    VERIFYING = "verifying", _("Being verified")
    CONCLUDED = "concluded", _("Decision or conclusion issued")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Not accepted")
    TRANSFERRED = "transferred", _("Transferred to the competent body")
    RECORDED = "recorded", _("Recorded only (anonymous)")


OPEN_CASE_STATUSES = frozenset({CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.VERIFYING})


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    COMPLEX = "complex", _("Complex")
    VERY_COMPLEX = "very_complex", _("Very complex")


class ReceivedVia(models.TextChoices):
    DIRECT = "direct", _("Handed in directly")
    RECEPTION = "reception", _("At a citizen reception session")
    MAIL = "mail", _("By post")
    ONLINE = "online", _("Online")
    TRANSFERRED_IN = "transferred_in", _("Transferred from another body")


class CaseQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def visible_to(self, user):
        """The cases of the user's units (the one-stop desk and the Front's supervisor see
        their whole ward), those handled in their unit, and those they handle or verify."""
        from motcua.feedback.access import unit_scope

        if not user.is_authenticated:
            return self.none()
        condition = unit_scope(user, "unit")
        if condition is None:
            return self.all()
        handled = unit_scope(user, "handling_unit")
        return self.filter(
            Q(
                pk__in=self.filter(
                    condition | handled | Q(handler=user) | Q(verifiers=user)
                ).values("pk")
            )
        )


class Case(BaseModel):
    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("receiving authority"),
        on_delete=models.PROTECT,
        related_name="complaint_cases",
    )
    handling_unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("handling unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_cases",
    )
    verifiers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("verifiers"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField(_("received at"))
    received_via = models.CharField(
        _("received"), max_length=20, choices=ReceivedVia.choices, default=ReceivedVia.DIRECT
    )
    subject = models.CharField(_("subject"), max_length=300)
    content = models.TextField(_("content"))
    # The person: confidential for a denunciation (read through complaints.confidentiality).
    person_name = models.CharField(_("full name"), max_length=200, blank=True)
    person_id_number = models.CharField(_("identity number"), max_length=20, blank=True)
    person_address = models.CharField(_("address"), max_length=300, blank=True)
    person_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    person_email = models.EmailField(_("e-mail"), blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    complexity = models.CharField(
        _("complexity"), max_length=20, choices=Complexity.choices, default=Complexity.NORMAL
    )
    remote_area = models.BooleanField(
        _("remote or disadvantaged area"),
        default=False,
        help_text=_("Longer resolution periods for complaints (Law on Complaints, art. 28)."),
    )
    accept_due = models.DateField(_("due date to accept"), null=True, blank=True)
    transfer_due = models.DateField(_("due date to transfer"), null=True, blank=True)
    resolve_due = models.DateField(_("due date to resolve"), null=True, blank=True)
    initial_extended = models.BooleanField(default=False)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=300, blank=True)
    reject_reason = models.TextField(_("reason for not accepting"), blank=True)
    outcome_number = models.CharField(_("decision or conclusion number"), max_length=60, blank=True)
    outcome_summary = models.TextField(_("decision or conclusion"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint or denunciation")
        verbose_name_plural = _("complaints and denunciations")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.code

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Kind.DENUNCIATION


class CaseEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"


class _WardWideScope(ScopedQuerySet):
    def visible_to(self, user):
        from motcua.feedback.access import unit_scope

        if not user.is_authenticated:
            return self.none()
        condition = unit_scope(user, self.scope_field)
        return self.all() if condition is None else self.filter(condition)


class ReceptionQuerySet(_WardWideScope):
    scope_field = "unit"

    def published(self):
        return self.filter(is_published=True)


class ReceptionSession(BaseModel):
    """A citizen reception session: the leader's scheduled reception day (published on the
    portal) or a regular session of the reception office."""

    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    host_title = models.CharField(_("host and title"), max_length=300)
    location = models.CharField(_("place"), max_length=300)
    is_leader_session = models.BooleanField(_("the leader receives in person"), default=True)
    is_published = models.BooleanField(_("published on the portal"), default=True)
    note = models.TextField(_("note"), blank=True)

    objects = ReceptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        ordering = ["-date", "-starts_at"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.host_title}"


class VisitTopic(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    PETITION = "petition", _("Petition or feedback")
    OTHER = "other", _("Other")


class VisitOutcome(models.TextChoices):
    ANSWERED = "answered", _("Answered on the spot")
    GUIDED = "guided", _("Guided to the competent body")
    CASE_OPENED = "case_opened", _("Petition received for resolution")
    PENDING = "pending", _("Reply to follow")


class VisitQuerySet(_WardWideScope):
    scope_field = "session__unit"


class ReceptionVisit(BaseModel):
    """One citizen (or group) received at a session: what they raised, what was done, and the
    written reply due within 10 working days."""

    session = models.ForeignKey(ReceptionSession, on_delete=models.CASCADE, related_name="visits")
    visitor_name = models.CharField(_("visitor's name"), max_length=200)
    visitor_id_number = models.CharField(_("identity number"), max_length=20, blank=True)
    visitor_address = models.CharField(_("address"), max_length=300, blank=True)
    visitor_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    group_size = models.PositiveSmallIntegerField(_("number of people"), default=1)
    topic = models.CharField(_("topic"), max_length=20, choices=VisitTopic.choices)
    content = models.TextField(_("content"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=VisitOutcome.choices)
    outcome_note = models.TextField(_("what was done"), blank=True)
    case = models.ForeignKey(
        Case, verbose_name=_("case opened"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reply_due = models.DateField(_("reply due"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("reception visit")
        verbose_name_plural = _("reception visits")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.session_id} #{self.pk}"
