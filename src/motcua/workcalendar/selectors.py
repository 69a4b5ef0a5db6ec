"""The platform's working calendar, built from the statutory holidays and the override table.

Built once per process and rebuilt when the shared cache says an administrator changed the
overrides (so every server and worker sees a change at once).
"""

from __future__ import annotations

import datetime as dt
import threading

from django.core.cache import cache
from django.utils import timezone

from motcua.core.rules import rule_value
from motcua.workcalendar.calendar import RECEPTION_CUTOFF, WorkingCalendar, parse_cutoff
from motcua.workcalendar.models import CalendarOverride, DayKind

VERSION_KEY = "workcalendar:version"
YEARS_BACK, YEARS_AHEAD = 5, 3

_lock = threading.Lock()
_built: dict[str, object] = {"version": None, "calendar": None}


def _build() -> WorkingCalendar:
    this_year = timezone.localdate().year
    overrides = list(CalendarOverride.objects.all())
    return WorkingCalendar.build(
        range(this_year - YEARS_BACK, this_year + YEARS_AHEAD + 1),
        extra_days_off={o.date: o.name for o in overrides if o.kind == DayKind.DAY_OFF},
        make_up_days=[o.date for o in overrides if o.kind == DayKind.WORKING_DAY],
    )


def working_calendar() -> WorkingCalendar:
    version = cache.get_or_set(VERSION_KEY, 1, None)
    with _lock:
        if _built["version"] != version or _built["calendar"] is None:
            _built["calendar"] = _build()
            _built["version"] = version
        return _built["calendar"]  # type: ignore[return-value]


def invalidate_calendar() -> None:
    """Tell every process to rebuild its calendar."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
    _built["calendar"] = None


def reception_cutoff(on: dt.date) -> dt.time | None:
    return parse_cutoff(rule_value(RECEPTION_CUTOFF, on=on))


def is_working_day(day: dt.date) -> bool:
    return working_calendar().is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    return working_calendar().add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    return working_calendar().working_days_between(start, end)


def due_date_from_reception(
    received_at: dt.datetime, working_days: int, *, apply_cutoff: bool = True
) -> dt.date:
    """Due date of a processing time of ``working_days`` for something received at ``received_at``
    (aware datetime), applying the cut-off hour in force on that day unless told not to."""
    local = timezone.localtime(received_at)
    cutoff = reception_cutoff(local.date()) if apply_cutoff else None
    return working_calendar().due_date(local.replace(tzinfo=None), working_days, cutoff=cutoff)
