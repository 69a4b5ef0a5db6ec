"""Reads of the catalogue."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.utils import timezone

from motcua.procedures.models import Procedure, ProcedureVersion, RequiredDocument


def current_version(procedure: Procedure, on: dt.date | None = None) -> ProcedureVersion | None:
    """The version of ``procedure`` in force on ``on`` (today by default)."""
    day = on or timezone.localdate()
    return (
        procedure.versions.effective_on(day)
        .prefetch_related(
            Prefetch("documents", queryset=RequiredDocument.objects.order_by("sort_order", "id"))
        )
        .order_by("-effective_from")
        .first()
    )


def procedures_offered(*, level: str | None = None, online_only: bool = False):
    """Active procedures, with their field, optionally only those with an online service."""
    qs = Procedure.objects.filter(is_active=True).select_related("field")
    if level:
        qs = qs.filter(level=level)
    if online_only:
        today = timezone.localdate()
        qs = qs.filter(
            versions__in=ProcedureVersion.objects.effective_on(today).exclude(online_level="none")
        ).distinct()
    return qs
