"""Figures on dossiers for dashboards: received, resolved, on time, overdue, by channel, by
field, by month. Every function is one aggregate query (GROUP BY in the database).

A dossier counts for a unit when it was received by that unit or a unit below it. It is
*resolved* in a period when its result was ready (``finished_at``) in the period, *on time*
when that day is not after its appointment date (``due_date``: the date on the receipt,
moved only by the legal restart after a supplement or a payment pause; the new date of an
apology does not make a dossier on time), and never on time after a second supplement
request during processing (Decision 766/QĐ-TTg).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from motcua.dossiers.models import CLOCK_RUNNING, Channel, Dossier, Status
from motcua.organisations.models import Unit
from motcua.par.periods import bounds
from motcua.surveys.selectors import percent


def unit_dossiers(unit: Unit) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        unit__in=Unit.objects.filter(path__startswith=unit.path).values("pk")
    )


ON_TIME = Q(finished_on__lte=F("due_date"), processing_supplements__lt=2)
EARLY = Q(finished_on__lt=F("due_date"), processing_supplements__lt=2)


def resolved_in(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Dossier]:
    low, high = bounds(start, end)
    return (
        unit_dossiers(unit)
        .filter(finished_at__gte=low, finished_at__lt=high)
        .annotate(finished_on=TruncDate("finished_at"))
    )


@dataclass(frozen=True)
class DossierFigures:
    received: int
    resolved: int
    on_time: int
    early: int
    overdue_now: int
    open_now: int

    @property
    def late(self) -> int:
        return self.resolved - self.on_time

    @property
    def on_time_rate(self):
        return percent(self.on_time, self.resolved)


def dossier_figures(unit: Unit, start: dt.date, end: dt.date, *, today: dt.date | None = None):
    """One query: received and resolved in the period, on time, early; open and overdue now."""
    today = today or timezone.localdate()
    low, high = bounds(start, end)
    in_period = Q(finished_at__gte=low, finished_at__lt=high)
    row = (
        unit_dossiers(unit)
        .filter(
            Q(submitted_at__gte=low, submitted_at__lt=high)
            | in_period
            | Q(status__in=CLOCK_RUNNING)
            | Q(status__in=(Status.SUPPLEMENT, Status.PAYMENT))
        )
        .annotate(finished_on=TruncDate("finished_at"))
        .aggregate(
            received=Count(
                "pk",
                filter=Q(submitted_at__gte=low, submitted_at__lt=high)
                & ~Q(status__in=(Status.SUBMITTED, Status.REFUSED)),
            ),
            resolved=Count("pk", filter=in_period),
            on_time=Count("pk", filter=in_period & ON_TIME),
            early=Count("pk", filter=in_period & EARLY),
            overdue_now=Count(
                "pk", filter=Q(status__in=CLOCK_RUNNING, effective_due_date__lt=today)
            ),
            open_now=Count(
                "pk",
                filter=Q(status__in=(*CLOCK_RUNNING, Status.SUPPLEMENT, Status.PAYMENT)),
            ),
        )
    )
    return DossierFigures(**row)


def resolved_by_month(unit: Unit, start: dt.date, end: dt.date) -> list[dict]:
    """Per month: resolved, on time (one query)."""
    rows = (
        resolved_in(unit, start, end)
        .annotate(month=TruncMonth("finished_at"))
        .values("month")
        .annotate(resolved=Count("pk"), on_time=Count("pk", filter=ON_TIME))
        .order_by("month")
    )
    out = []
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        out.append(
            {
                "month": month,
                "resolved": row["resolved"],
                "on_time": row["on_time"],
                "rate": percent(row["on_time"], row["resolved"]),
            }
        )
    return out


def received_in(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Dossier]:
    low, high = bounds(start, end)
    return unit_dossiers(unit).filter(submitted_at__gte=low, submitted_at__lt=high)


def by_channel(unit: Unit, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    counts = dict(
        received_in(unit, start, end).values_list("channel").annotate(n=Count("pk")).order_by()
    )
    return [(label, counts.get(code, 0)) for code, label in Channel.choices]


def by_field(unit: Unit, start: dt.date, end: dt.date) -> list[tuple[str, int, int]]:
    """(field, received, resolved on time among those resolved in the period)."""
    rows = (
        received_in(unit, start, end)
        .values("procedure_version__procedure__field__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "procedure_version__procedure__field__name")
    )
    return [(row["procedure_version__procedure__field__name"], row["n"]) for row in rows]


def on_time_by_unit(parent: Unit, start: dt.date, end: dt.date) -> list[dict]:
    """Per receiving unit below ``parent``: resolved and on time in the period (one query)."""
    rows = (
        resolved_in(parent, start, end)
        .values("unit__name", "unit__slug")
        .annotate(resolved=Count("pk"), on_time=Count("pk", filter=ON_TIME))
        .order_by("unit__name")
    )
    return [
        {
            "name": row["unit__name"],
            "slug": row["unit__slug"],
            "resolved": row["resolved"],
            "on_time": row["on_time"],
            "rate": percent(row["on_time"], row["resolved"]),
        }
        for row in rows
    ]
