"""Dossiers in the states the indices read, written directly (figures tests need exact dates)."""

import datetime as dt
from zoneinfo import ZoneInfo

from motcua.dossiers.models import Stage, Status
from motcua.dossiers.tests.factories import DossierFactory

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)


def returned(
    unit, *, received: dt.date, due: dt.date, finished: dt.date, returned_on=None, **fields
):
    """A dossier received, resolved and handed back on the given days."""
    returned_on = returned_on or finished
    return DossierFactory(
        unit=unit,
        status=Status.RETURNED,
        stage=Stage.APPLICANT,
        submitted_at=at(received, 8),
        received_at=at(received),
        clock_start=received,
        due_date=due,
        effective_due_date=fields.pop("effective_due_date", None)
        or fields.get("extended_due_date")
        or due,
        finished_at=at(finished, 10),
        returned_at=at(returned_on, 15),
        **fields,
    )
