"""Reads on complaints, denunciations and reception (scoped; identities only through
``confidentiality``)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from motcua.accounts.roles import RoleCode
from motcua.complaints.models import Case, ReceptionSession, ReceptionVisit
from motcua.organisations.models import Unit

#: Who works on complaints, denunciations and citizen reception (pages and staff API).
STAFF_ROLES = (
    RoleCode.LEADER,
    RoleCode.SPECIALIST,
    RoleCode.ONE_STOP_OFFICER,
    RoleCode.FRONT_SUPERVISOR,
)


def cases_for_staff(user, *, kind: str = "", status: str = "") -> QuerySet[Case]:
    qs = Case.objects.visible_to(user).select_related("unit", "handler", "handling_unit")
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_at")


def case_for_staff(user, code: str) -> Case | None:
    return (
        Case.objects.visible_to(user)
        .select_related("unit", "handler", "handling_unit")
        .prefetch_related("events", "verifiers")
        .filter(code=code)
        .first()
    )


def upcoming_sessions(*, unit: Unit | None = None, today: dt.date | None = None):
    """Published reception sessions from today on (the public schedule)."""
    today = today or timezone.localdate()
    qs = (
        ReceptionSession.objects.published()
        .filter(date__gte=today)
        .select_related("unit")
        .order_by("date", "starts_at")
    )
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


def sessions_for_staff(user) -> QuerySet[ReceptionSession]:
    return (
        ReceptionSession.objects.visible_to(user)
        .select_related("unit", "host")
        .order_by("-date", "-starts_at")
    )


def visits_due(user, *, today: dt.date | None = None) -> QuerySet[ReceptionVisit]:
    """Visits still waiting for their written reply, soonest due first."""
    return (
        ReceptionVisit.objects.visible_to(user)
        .filter(replied_at__isnull=True, reply_due__isnull=False)
        .select_related("session__unit")
        .order_by("reply_due")
    )
