from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from motcua.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def audit_events(filters: AuditFilters) -> QuerySet[AuditEvent]:
    """Audit events matching ``filters``, newest first (one query per page, no joins needed:
    the actor's name is kept on the event)."""
    qs = AuditEvent.objects.all()
    if filters.actor:
        qs = qs.filter(actor_label__icontains=filters.actor)
    if filters.action:
        qs = qs.filter(action__startswith=filters.action)
    if filters.object_type:
        qs = qs.filter(object_type=filters.object_type)
    if filters.object_id:
        qs = qs.filter(object_id=filters.object_id)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(
            occurred_at__gte=dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=tz)
        )
    if filters.date_to:
        qs = qs.filter(
            occurred_at__lt=dt.datetime.combine(
                filters.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            )
        )
    return qs.order_by("-occurred_at", "-id")


def audit_object_types() -> list[str]:
    return list(AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct())
