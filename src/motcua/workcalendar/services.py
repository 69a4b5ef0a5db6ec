"""Administrator changes to the calendar."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.core.errors import DomainError
from motcua.workcalendar.calendar import WorkingCalendar
from motcua.workcalendar.models import CalendarOverride, DayKind
from motcua.workcalendar.selectors import invalidate_calendar


def calendar_override_set(
    *, actor, date: dt.date, kind: str, name: str, legal_basis: str = ""
) -> CalendarOverride:
    """Record an extra day off or a make-up working day (replacing any earlier entry for that date)."""
    statutory = WorkingCalendar.build([date.year])
    if kind == DayKind.WORKING_DAY and statutory.is_working_day(date):
        raise DomainError(_("This day is already a working day."), field="date")
    if kind == DayKind.DAY_OFF and not statutory.is_working_day(date):
        raise DomainError(_("This day is already a day off."), field="date")
    with transaction.atomic():
        existing = CalendarOverride.objects.select_for_update().filter(date=date).first()
        before = {"kind": existing.kind, "name": existing.name} if existing else None
        override, _created = CalendarOverride.objects.update_or_create(
            date=date,
            defaults={"kind": kind, "name": name, "legal_basis": legal_basis, "created_by": actor},
        )
        audit_record(
            actor=actor,
            action="calendar.override_set",
            obj=override,
            before=before,
            after={"kind": kind, "name": name},
        )
        transaction.on_commit(invalidate_calendar)
    return override


def calendar_override_delete(*, actor, override: CalendarOverride) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="calendar.override_delete",
            obj=override,
            before={"kind": override.kind, "name": override.name},
        )
        override.delete()
        transaction.on_commit(invalidate_calendar)
