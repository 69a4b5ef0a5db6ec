"""Figures on dossiers for dashboards: received, resolved, on time, overdue, by channel, by
field, by month. Period figures are sums over the monthly rollup (``par.rollup``), one
aggregate query each, whatever the number of dossiers; figures "now" count the open dossiers.

A dossier counts for a unit when it was received by that unit or a unit below it. It is
*resolved* in a period when its result was ready (``finished_at``) in the period, *on time*
when that day is not after its appointment date (``due_date``: the date on the receipt,
moved only by the legal restart after a supplement or a payment pause; the new date of an
apology does not make a dossier on time), and never on time after a second supplement
request during processing (Decision 766/QĐ-TTg).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from motcua.dossiers.models import CLOCK_RUNNING, Channel, Dossier, Status
from motcua.organisations.models import Unit
from motcua.par.rollup import months_of, procedure_months_of
from motcua.procedures.models import ProcedureVersion, RequiredDocument
from motcua.surveys.selectors import Satisfaction, percent


def unit_dossiers(unit: Unit) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        unit__in=Unit.objects.filter(path__startswith=unit.path).values("pk")
    )


ON_TIME = Q(finished_on__lte=F("due_date"), processing_supplements__lt=2)


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
    """Two queries: received and resolved in the period, on time, early (the rollup); open
    and overdue now (the open dossiers, by the status index)."""
    today = today or timezone.localdate()
    period = months_of(unit, start, end).aggregate(
        **{name: Sum(name, default=0) for name in ("received", "resolved", "on_time", "early")}
    )
    now = (
        unit_dossiers(unit)
        .filter(status__in=(*CLOCK_RUNNING, Status.SUPPLEMENT, Status.PAYMENT))
        .aggregate(
            # Only indexed columns: the (unit, status, effective_due_date) index answers alone.
            overdue_now=Count(
                "unit", filter=Q(status__in=CLOCK_RUNNING, effective_due_date__lt=today)
            ),
            open_now=Count("unit"),
        )
    )
    return DossierFigures(**period, **now)


def resolved_by_month(unit: Unit, start: dt.date, end: dt.date) -> list[dict]:
    """Per month with resolved dossiers: resolved, on time (one query)."""
    rows = (
        months_of(unit, start, end)
        .values("month")
        .annotate(resolved=Sum("resolved"), on_time=Sum("on_time"))
        .filter(resolved__gt=0)
        .order_by("month")
    )
    return [
        {
            "month": row["month"],
            "resolved": row["resolved"],
            "on_time": row["on_time"],
            "rate": percent(row["on_time"], row["resolved"]),
        }
        for row in rows
    ]


def by_channel(unit: Unit, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """Dossiers filed in the period, per channel (one query)."""
    counts = months_of(unit, start, end).aggregate(
        **{code: Sum(f"submitted_{code}", default=0) for code in Channel.values}
    )
    return [(label, counts[code]) for code, label in Channel.choices]


@dataclass(frozen=True)
class VersionFigures:
    """A procedure version's dossiers filed, received (and of those online) and fees paid in
    a period, with what the figures per field and procedure need to know about it."""

    version_id: int
    procedure_id: int
    field: str
    online_level: str
    complete: bool  # legal basis, result and required documents published
    filed: int
    received: int
    received_online: int
    paid: int
    paid_online: int


def version_figures(unit: Unit, start: dt.date, end: dt.date) -> list[VersionFigures]:
    """Per procedure version with dossiers filed, received or paid in the period (two
    queries: the sums over the rollup, then the versions)."""
    sums = {
        row.pop("procedure_version_id"): row
        for row in procedure_months_of(unit, start, end)
        .values("procedure_version_id")
        .annotate(
            filed=Sum(F("submitted_desk") + F("submitted_online") + F("submitted_postal")),
            received=Sum("intake"),
            received_online=Sum("intake_online"),
            paid=Sum("paid"),
            paid_online=Sum("paid_online"),
        )
        .filter(Q(filed__gt=0) | Q(received__gt=0) | Q(paid__gt=0))
        .order_by()
    }
    versions = (
        ProcedureVersion.objects.filter(pk__in=sums)
        .annotate(documented=Exists(RequiredDocument.objects.filter(version=OuterRef("pk"))))
        .values_list(
            "pk",
            "procedure_id",
            "procedure__field__name",
            "online_level",
            "legal_basis",
            "result",
            "documented",
        )
    )
    return [
        VersionFigures(
            version_id=pk,
            procedure_id=procedure_id,
            field=field,
            online_level=online_level,
            complete=bool(legal_basis and result and documented),
            **sums[pk],
        )
        for pk, procedure_id, field, online_level, legal_basis, result, documented in versions
    ]


def by_field(
    unit: Unit, start: dt.date, end: dt.date, *, versions: list[VersionFigures] | None = None
) -> list[tuple[str, int]]:
    """(field, dossiers filed in the period), busiest first; from ``version_figures`` (given,
    or read: two queries)."""
    filed = defaultdict(int)
    for version in versions if versions is not None else version_figures(unit, start, end):
        filed[version.field] += version.filed
    return sorted(((name, n) for name, n in filed.items() if n), key=lambda r: (-r[1], r[0] or ""))


def on_time_by_unit(parent: Unit, start: dt.date, end: dt.date) -> list[dict]:
    """Per receiving unit below ``parent``: resolved and on time in the period (one query)."""
    rows = (
        months_of(parent, start, end)
        .values("unit__name", "unit__slug")
        .annotate(resolved=Sum("resolved"), on_time=Sum("on_time"))
        .filter(resolved__gt=0)
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


# --- Satisfaction of applicants, from the same rollup ----------------------------------------
# The figures of ``surveys.selectors.satisfaction*`` (ratings given in the period, in the
# rating's unit), summed from the rollup for the dashboards and the published indices.

LEVELS = {
    "very_satisfied": Sum("rated_very_satisfied", default=0),
    "satisfied": Sum("rated_satisfied", default=0),
    "not_satisfied": Sum("rated_not_satisfied", default=0),
}


def satisfaction(unit: Unit, start: dt.date, end: dt.date) -> Satisfaction:
    """Ratings of dossiers of ``unit`` (and below) given in the period (one query)."""
    return Satisfaction(**months_of(unit, start, end).aggregate(**LEVELS))


def _rated(rows) -> QuerySet:
    return rows.annotate(**LEVELS).filter(
        Q(very_satisfied__gt=0) | Q(satisfied__gt=0) | Q(not_satisfied__gt=0)
    )


def satisfaction_by_unit(
    parent: Unit, start: dt.date, end: dt.date
) -> list[tuple[dict, Satisfaction]]:
    """Per receiving unit below ``parent`` that has ratings (one query), by name. Each unit is
    ``{"name", "slug"}``."""
    rows = _rated(months_of(parent, start, end).values("unit__name", "unit__slug")).order_by(
        "unit__name"
    )
    return [
        ({"name": row.pop("unit__name"), "slug": row.pop("unit__slug")}, Satisfaction(**row))
        for row in rows
    ]


def satisfaction_by_month(
    unit: Unit, start: dt.date, end: dt.date
) -> list[tuple[dt.date, Satisfaction]]:
    rows = _rated(months_of(unit, start, end).values("month")).order_by("month")
    return [(row.pop("month"), Satisfaction(**row)) for row in rows]
