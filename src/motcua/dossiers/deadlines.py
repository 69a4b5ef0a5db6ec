"""Processing deadlines of a dossier, from the working calendar (pure date arithmetic)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from motcua.core.rules import declare_rule, rule_value
from motcua.workcalendar.selectors import reception_cutoff, working_calendar

SUPPLEMENT_WINDOW = declare_rule(
    "dossier_supplement_window_days",
    3,
    basis="Nghị định 61/2018/NĐ-CP Điều 19 khoản 2; Quyết định 766/QĐ-TTg",
    description="Working days after reception within which processing may ask for more documents.",
)
DUE_SOON_DAYS = declare_rule(
    "dossier_due_soon_days",
    2,
    basis="Internal practice",
    description="Working days before the due date a dossier shows as due soon.",
)


def counting_start(at: dt.datetime, *, applies_cutoff: bool) -> dt.date:
    """Day 0 of processing for a dossier received (or made complete) at ``at``."""
    local = timezone.localtime(at)
    cutoff = reception_cutoff(local.date()) if applies_cutoff else None
    return working_calendar().counting_start(local.replace(tzinfo=None), cutoff=cutoff)


def due_from(start: dt.date, processing_days: int) -> dt.date:
    return working_calendar().add_working_days(start, processing_days)


def supplement_deadline(clock_start: dt.date) -> dt.date:
    """The last day processing may still ask for additional documents."""
    return working_calendar().add_working_days(
        clock_start, rule_value(SUPPLEMENT_WINDOW, on=clock_start)
    )


def apology_deadline(due: dt.date) -> dt.date:
    """An apology must be issued at least one working day before the due date."""
    calendar = working_calendar()
    day = due - dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def due_soon_limit(today: dt.date) -> dt.date:
    return working_calendar().add_working_days(today, rule_value(DUE_SOON_DAYS, on=today))


def resume_after_pause(due: dt.date, paused_on: dt.date, today: dt.date) -> dt.date:
    """Move ``due`` by the working days spent waiting for the applicant."""
    calendar = working_calendar()
    waited = max(calendar.working_days_between(paused_on, today), 0)
    return calendar.add_working_days(due, waited)


def timing(done_on: dt.date, due: dt.date | None) -> str:
    """ "early", "on_time" or "late" for a step done on ``done_on`` that was due on ``due``."""
    if due is None or done_on == due:
        return "on_time"
    return "early" if done_on < due else "late"
