"""Reads: staff queues, the register, the public status, the control slip."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.text import fold
from motcua.dossiers import deadlines
from motcua.dossiers.models import CLOCK_RUNNING, OPEN_STATUSES, Dossier, DossierEvent, Status
from motcua.organisations.models import Unit
from motcua.organisations.selectors import memberships_of

QUEUES = (
    "to_receive",
    "mine",
    "department",
    "due_soon",
    "overdue",
    "supplement",
    "to_return",
    "all",
)


@dataclass(frozen=True)
class DossierFilters:
    queue: str = "all"
    status: int | None = None
    procedure: str = ""
    channel: str = ""
    unit: Unit | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str = ""


def _staff_base(user) -> QuerySet[Dossier]:
    return Dossier.objects.visible_to(user).select_related(
        "procedure_version__procedure", "unit", "department", "assignee"
    )


def dossiers_for_staff(
    user, filters: DossierFilters, *, today: dt.date | None = None
) -> QuerySet[Dossier]:
    """The dossiers of a staff work queue, filtered. Scoped to the user's units."""
    today = today or timezone.localdate()
    qs = _staff_base(user)
    queue = filters.queue
    if queue == "to_receive":
        qs = qs.filter(status=Status.SUBMITTED)
    elif queue == "mine":
        qs = qs.filter(assignee=user, status__in=OPEN_STATUSES)
    elif queue == "department":
        departments = [m.unit.pk for m in memberships_of(user)]
        qs = qs.filter(department__in=departments, status__in=OPEN_STATUSES)
    elif queue == "due_soon":
        qs = qs.filter(
            status__in=CLOCK_RUNNING,
            effective_due_date__gte=today,
            effective_due_date__lte=deadlines.due_soon_limit(today),
        )
    elif queue == "overdue":
        qs = qs.filter(status__in=CLOCK_RUNNING, effective_due_date__lt=today)
    elif queue == "supplement":
        qs = qs.filter(status=Status.SUPPLEMENT)
    elif queue == "to_return":
        qs = qs.filter(status=Status.RESULT_READY)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.procedure:
        qs = qs.filter(procedure_version__procedure__code=filters.procedure)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.unit is not None:
        below = list(filters.unit.descendants().values_list("id", flat=True))
        qs = qs.filter(Q(unit__in=below) | Q(processing_unit__in=below) | Q(department__in=below))
    tz = timezone.get_current_timezone()
    if filters.received_from:
        qs = qs.filter(
            submitted_at__gte=dt.datetime.combine(filters.received_from, dt.time.min, tzinfo=tz)
        )
    if filters.received_to:
        qs = qs.filter(
            submitted_at__lt=dt.datetime.combine(
                filters.received_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            )
        )
    if filters.q:
        term = filters.q.strip()
        qs = qs.filter(
            Q(code__icontains=term)
            | Q(applicant_search__contains=fold(term))
            | Q(applicant_phone=term)
        )
    order = (
        "effective_due_date"
        if queue in ("due_soon", "overdue", "mine", "department")
        else "-submitted_at"
    )
    return qs.order_by(order, "-id")


def queue_counts(user, *, today: dt.date | None = None) -> dict[str, int]:
    """How many dossiers wait in each queue (one query)."""
    today = today or timezone.localdate()
    departments = [m.unit.pk for m in memberships_of(user)]
    return Dossier.objects.visible_to(user).aggregate(
        to_receive=Count("pk", filter=Q(status=Status.SUBMITTED)),
        mine=Count("pk", filter=Q(assignee=user, status__in=OPEN_STATUSES)),
        department=Count("pk", filter=Q(department__in=departments, status__in=OPEN_STATUSES)),
        due_soon=Count(
            "pk",
            filter=Q(
                status__in=CLOCK_RUNNING,
                effective_due_date__gte=today,
                effective_due_date__lte=deadlines.due_soon_limit(today),
            ),
        ),
        overdue=Count("pk", filter=Q(status__in=CLOCK_RUNNING, effective_due_date__lt=today)),
        supplement=Count("pk", filter=Q(status=Status.SUPPLEMENT)),
        to_return=Count("pk", filter=Q(status=Status.RESULT_READY)),
    )


def dossier_for_staff(user, code: str) -> Dossier | None:
    return (
        _staff_base(user)
        .select_related("processing_unit", "applicant_user")
        .prefetch_related("documents", "slips", "notes__author", "events")
        .filter(code=code)
        .first()
    )


def dossier_for_applicant(code: str, secret: str) -> Dossier | None:
    """The dossier whose code and secret (the receipt's secret or the applicant's phone) match."""
    secret = secret.strip().replace(" ", "")
    if not code or not secret:
        return None
    dossier = (
        Dossier.objects.select_related("procedure_version__procedure", "unit")
        .filter(code=code.strip())
        .first()
    )
    if dossier is None:
        return None
    phone = dossier.applicant_phone.replace(" ", "").replace(".", "")
    if secret.upper() == dossier.secret or (phone and secret == phone):
        return dossier
    return None


def public_history(dossier: Dossier) -> list[DossierEvent]:
    """The steps an applicant sees: each with a message written for them."""
    return [event for event in dossier.events.all() if event.public_note]


def next_step_for_applicant(dossier: Dossier) -> str:
    if dossier.status == Status.SUPPLEMENT:
        return _("Add the documents listed below, online on this page or at the desk.")
    if dossier.status == Status.PAYMENT:
        return _("Pay the amount due, online on this page or at the desk.")
    if dossier.status == Status.RESULT_READY:
        return _("Come to the one-stop desk with your receipt to collect the result.")
    if dossier.status == Status.SUBMITTED:
        return _("Wait for the desk to check your dossier; you will get a message.")
    if dossier.status in (Status.RECEIVED, Status.PROCESSING):
        return _("Nothing to do: your dossier is being processed.")
    return ""


@dataclass(frozen=True)
class ControlRow:
    """A row of the control slip (form 05): one hand-over and how the step went."""

    handed_at: dt.datetime
    giver: str
    receiver: str
    step_due: dt.date | None
    done_at: dt.datetime | None
    timing: str


HAND_OVERS = {
    "receive",
    "send_to_department",
    "assign",
    "submit_for_approval",
    "send_back",
    "approve",
    "transfer",
    "supplement_received",
    "return_result",
}


def control_slip_rows(dossier: Dossier) -> list[ControlRow]:
    events = [e for e in dossier.events.all() if e.action in HAND_OVERS]
    rows = []
    for index, event in enumerate(events):
        done = events[index + 1].at if index + 1 < len(events) else None
        timing = (
            deadlines.timing(timezone.localtime(done).date(), event.step_due)
            if done and event.step_due
            else ""
        )
        rows.append(
            ControlRow(
                event.at, event.actor_label, event.holder_label, event.step_due, done, timing
            )
        )
    return rows


def dossier_timing(dossier: Dossier, *, today: dt.date | None = None) -> str:
    """ "overdue", "due_soon", "on_time", "late" (returned after the due date) or ""."""
    today = today or timezone.localdate()
    due = dossier.effective_due_date
    if due is None:
        return ""
    if dossier.status in CLOCK_RUNNING:
        if due < today:
            return "overdue"
        return "due_soon" if due <= deadlines.due_soon_limit(today) else "on_time"
    if dossier.finished_at is not None:
        return "late" if timezone.localtime(dossier.finished_at).date() > due else "on_time"
    return ""


def register_rows(user, filters: DossierFilters):
    """The register of dossiers (form 06) as rows for the screen and the Excel export."""
    return dossiers_for_staff(user, filters).select_related("processing_unit")


def my_dossiers(user) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(applicant_user=user)
        .select_related("procedure_version__procedure", "unit")
        .order_by("-submitted_at")
    )
