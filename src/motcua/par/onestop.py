"""The one-stop evaluation of Circular 01/2018/TT-VPCP (articles 13–15): nine indices of 0–2
points for each dossier, at most 18; averaged per unit per quarter and year; classified.

Each index is computed from what the platform records about the dossier (docs/indices.md has
the mapping). An index the platform holds no data for is left out, and the dossier's score is
its evaluated points scaled to 18, so that a missing figure neither rewards nor penalises.
Evaluations are stored (``DossierEvaluation``), refreshed by ``evaluations_refresh``, so that
the averages are one GROUP BY.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractQuarter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.rules import declare_rule, rule_value
from motcua.dossiers.models import Dossier, SlipKind, Status
from motcua.dossiers.selectors import control_slip_rows
from motcua.organisations.models import Unit
from motcua.par.models import DossierEvaluation
from motcua.procedures.models import OnlineLevel
from motcua.surveys.models import Level

BANDS = declare_rule(
    "onestop_evaluation_bands",
    [[15, "xuat_sac"], [12, "tot"], [9, "kha"], [6, "trung_binh"], [0, "yeu"]],
    basis="Thông tư 01/2018/TT-VPCP Điều 15",
    description="Classification of the 18-point one-stop evaluation (lowest score of each band).",
)
BAND_LABELS = {
    "xuat_sac": _("Excellent"),
    "tot": _("Good"),
    "kha": _("Fair"),
    "trung_binh": _("Average"),
    "yeu": _("Poor"),
}

INDICES = (
    ("i1", _("Total processing time against the legal maximum")),
    ("i2", _("Time taken by each body taking part")),
    ("i3", _("Times the applicant had to come back to complete the dossier")),
    ("i4", _("Bodies the applicant had to deal with to complete the dossier")),
    ("i5", _("One-stop procedure followed (receipt, apology when late)")),
    ("i6", _("Procedure published in full")),
    ("i7", _("Online public service level of the procedure")),
    ("i8", _("Applicant's satisfaction")),
    ("i9", _("Feedback received and answered")),
)
SUPPLEMENT_ACTIONS = ("request_documents", "request_supplement")


def _local_day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


def evaluate(dossier: Dossier, *, rating_level: str | None, feedback_points: int | None) -> dict:
    """The nine indices of one returned dossier (None where the platform has no data). Uses
    the dossier's prefetched events and slips and its procedure version's documents."""
    events = list(dossier.events.all())
    version = dossier.procedure_version
    finished_on = _local_day(dossier.finished_at)
    due = dossier.due_date
    late = finished_on is not None and due is not None and finished_on > due
    if finished_on is None or due is None:
        i1 = None
    elif dossier.processing_supplements >= 2 or late:
        i1 = 0
    else:
        i1 = 2 if finished_on < due else 1
    timings = [row.timing for row in control_slip_rows(dossier) if row.timing]
    if not timings:
        i2 = None
    elif "late" in timings:
        i2 = 0
    else:
        i2 = 2 if all(t == "early" for t in timings) else 1
    supplements = sum(1 for e in events if e.action in SUPPLEMENT_ACTIONS)
    i3 = 2 if supplements == 0 else (1 if supplements == 1 else 0)
    i4 = 2  # every exchange with the applicant is recorded at the receiving unit's desk or online
    receipt = any(s.kind == SlipKind.RECEIPT for s in dossier.slips.all())
    apologised = dossier.extended_due_date is not None
    if not receipt:
        i5 = 0
    elif late and not apologised:
        i5 = 1
    else:
        i5 = 2
    complete = [
        bool(version.legal_basis.strip()),
        bool(version.result.strip()),
        bool(version.documents.all()),
    ]
    i6 = 2 if all(complete) else (1 if any(complete) else 0)
    i7 = {OnlineLevel.FULL: 2, OnlineLevel.PARTIAL: 1}.get(version.online_level, 0)
    i8 = {Level.VERY_SATISFIED: 2, Level.SATISFIED: 1, Level.NOT_SATISFIED: 0}.get(rating_level)
    return {
        "i1": i1,
        "i2": i2,
        "i3": i3,
        "i4": i4,
        "i5": i5,
        "i6": i6,
        "i7": i7,
        "i8": i8,
        "i9": feedback_points,
    }


def scaled_score(indices: dict) -> tuple[int, int, Decimal]:
    """(points, number of evaluated indices, score out of 18)."""
    values = [v for v in indices.values() if v is not None]
    points = sum(values)
    if not values:
        return 0, 0, Decimal(0)
    score = (Decimal(points) * 18 / (2 * len(values))).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return points, len(values), score


def band(score: Decimal | None, *, on: dt.date | None = None) -> tuple[str, str]:
    """(code, label) of the classification of an 18-point score."""
    if score is None:
        return "", ""
    for minimum, code in rule_value(BANDS, on=on or timezone.localdate()):
        if score >= Decimal(str(minimum)):
            return code, str(BAND_LABELS.get(code, code))
    return "", ""


def _candidates(unit: Unit | None):
    qs = Dossier.objects.filter(status=Status.RETURNED, finished_at__isnull=False).filter(
        Q(evaluation__isnull=True) | Q(ratings__rated_at__gt=F("evaluation__computed_at"))
    )
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


def evaluations_refresh(*, unit: Unit | None = None, batch: int = 500, now=None) -> int:
    """Evaluate returned dossiers not evaluated yet, and those rated since their evaluation.
    Idempotent; run daily (``manage.py par_evaluate``) and after loading demo data."""
    now = now or timezone.now()
    done, last = 0, 0
    while True:
        ids = list(
            _candidates(unit)
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)
            .distinct()[:batch]
        )
        if not ids:
            return done
        last = ids[-1]
        dossiers = (
            Dossier.objects.filter(pk__in=ids)
            .select_related("procedure_version")
            .prefetch_related("events", "slips", "procedure_version__documents", "ratings")
        )
        rows = []
        for dossier in dossiers:
            ratings = list(dossier.ratings.all())
            indices = evaluate(
                dossier,
                rating_level=ratings[0].level if ratings else None,
                # Feedback reports are not linked to dossiers: index 9 has no data.
                feedback_points=None,
            )
            points, evaluated, score = scaled_score(indices)
            rows.append(
                DossierEvaluation(
                    dossier=dossier,
                    unit_id=dossier.unit_id,
                    finished_on=_local_day(dossier.finished_at),
                    points=points,
                    evaluated=evaluated,
                    score=score,
                    computed_at=now,
                    **indices,
                )
            )
        with transaction.atomic():
            DossierEvaluation.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["dossier"],
                update_fields=[
                    *(f"i{n}" for n in range(1, 10)),
                    "unit",
                    "finished_on",
                    "points",
                    "evaluated",
                    "score",
                    "computed_at",
                ],
            )
        done += len(rows)


@dataclass
class EvaluationAverage:
    dossiers: int
    indices: dict  # "i1" -> average points or None
    score: Decimal | None

    @property
    def band(self) -> tuple[str, str]:
        return band(self.score)


def _averages():
    return {
        "n": Count("pk"),
        "score": Avg("score"),
        **{key: Avg(key) for key, _label in INDICES},
    }


def _average(row: dict) -> EvaluationAverage:
    def q(value, places="0.01"):
        return (
            None if value is None else Decimal(str(value)).quantize(Decimal(places), ROUND_HALF_UP)
        )

    return EvaluationAverage(
        dossiers=row["n"],
        indices={key: q(row[key]) for key, _label in INDICES},
        score=q(row["score"]) if row["n"] else None,
    )


def evaluations_in(unit: Unit, start: dt.date, end: dt.date):
    return DossierEvaluation.objects.filter(
        unit__in=Unit.objects.filter(path__startswith=unit.path).values("pk"),
        finished_on__gte=start,
        finished_on__lte=end,
    )


def unit_average(unit: Unit, start: dt.date, end: dt.date) -> EvaluationAverage:
    """Averages of the nine indices and of the score over a unit's dossiers (one query)."""
    return _average(evaluations_in(unit, start, end).aggregate(**_averages()))


def quarterly_averages(unit: Unit, year: int) -> list[tuple[int, EvaluationAverage]]:
    """Per quarter of ``year`` (one query); quarters without dossiers are included, empty."""
    rows = {
        row["quarter"]: _average(row)
        for row in evaluations_in(unit, dt.date(year, 1, 1), dt.date(year, 12, 31))
        .annotate(quarter=ExtractQuarter("finished_on"))
        .values("quarter")
        .annotate(**_averages())
        .order_by("quarter")
    }
    empty = EvaluationAverage(0, {key: None for key, _label in INDICES}, None)
    return [(q, rows.get(q, empty)) for q in range(1, 5)]
