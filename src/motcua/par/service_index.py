"""The real-time service index of Decision 766/QĐ-TTg (100 points in six groups: publicity 18,
progress 20, online services 12, online payment 10, satisfaction 18, digitisation 22),
computed from the platform's own data for a unit and a period.

Each sub-indicator is a rate (numerator / denominator) scored against a target:
points = maximum × min(1, rate / target). Points and targets are declared legal rules
(``core.rules``) an administrator can change from a date. A sub-indicator whose data the
platform does not hold is reported as "no data" and scores nothing; the total is shown with the
maximum reachable from the data the platform holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from motcua.core.models import RuleValue
from motcua.core.rules import RULES, declare_rule
from motcua.dossiers.models import Channel, Dossier, DossierDocument, Payment, PaymentStatus, Status
from motcua.feedback.selectors import FeedbackFigures, index_figures
from motcua.organisations.models import Unit
from motcua.par.periods import bounds
from motcua.par.rollup import months_of
from motcua.par.stats import (
    ON_TIME,
    VersionFigures,
    satisfaction,
    unit_dossiers,
    version_figures,
)
from motcua.procedures.models import OnlineLevel
from motcua.surveys.models import Rating
from motcua.surveys.selectors import Satisfaction

BASIS = "Quyết định 766/QĐ-TTg ngày 23/6/2022, Phụ lục (chỉ số thành phần: cần đối chiếu)"

GROUPS = (
    ("1", _("Publicity and transparency"), 18),
    ("2", _("Progress of processing"), 20),
    ("3", _("Online public services"), 12),
    ("4", _("Online payment"), 10),
    ("5", _("Satisfaction"), 18),
    ("6", _("Digitisation of dossiers and results"), 22),
)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    points: int
    target: int  # percent
    source: str  # "dossiers", "procedures", "payments", "ratings", "feedback", "none"
    #: When nothing is counted (denominator 0): "none" (no data) or "full" (nothing went wrong).
    when_empty: str = "none"
    drill: bool = False
    #: For ``when_empty="full"``: the sub-indicator whose population must not be empty
    #: (no late dossier among resolved ones earns the points; no dossier at all earns nothing).
    parent: str = ""


INDICATORS = (
    Indicator("1.1", _("Procedures announced and published on time"), 4, 100, "none"),
    Indicator(
        "1.2", _("Dossiers synchronised with the National Public Service Portal"), 6, 100, "none"
    ),
    Indicator("1.3", _("Answers to feedback published"), 4, 100, "feedback"),
    Indicator("1.4", _("Procedures used with complete public information"), 4, 100, "procedures"),
    Indicator("2.1", _("Dossiers resolved on time"), 12, 100, "dossiers", drill=True),
    Indicator(
        "2.2", _("Results handed back by the appointment date"), 4, 100, "dossiers", drill=True
    ),
    Indicator(
        "2.3",
        _("Late dossiers with an apology and a new date"),
        4,
        100,
        "dossiers",
        when_empty="full",
        drill=True,
        parent="2.1",
    ),
    Indicator("3.1", _("Online procedures that received online dossiers"), 4, 80, "procedures"),
    Indicator(
        "3.2", _("Dossiers of online procedures filed online"), 8, 80, "dossiers", drill=True
    ),
    Indicator("4.1", _("Procedures with fees that received an online payment"), 4, 80, "payments"),
    Indicator("4.2", _("Payments made online"), 6, 80, "payments", drill=True),
    Indicator("5.1", _("Satisfied ratings of dossiers"), 6, 90, "ratings", drill=True),
    Indicator("5.2", _("Returned dossiers rated by the applicant"), 4, 50, "dossiers", drill=True),
    Indicator("5.3", _("Feedback handled on time"), 4, 100, "feedback"),
    Indicator("5.4", _("Satisfied ratings of feedback answers"), 4, 90, "feedback"),
    Indicator("6.1", _("Dossiers digitised at reception"), 8, 100, "dossiers", drill=True),
    Indicator("6.2", _("Results issued electronically"), 8, 100, "none"),
    Indicator("6.3", _("Digitised data reused"), 6, 100, "none"),
)
BY_CODE = {i.code: i for i in INDICATORS}

for _indicator in INDICATORS:
    declare_rule(
        f"index766.{_indicator.code}",
        {"points": _indicator.points, "target": _indicator.target},
        basis=BASIS,
        description=f"766 — {_indicator.code}: maximum points and target (percent).",
    )


def rules_in_force(on: dt.date) -> dict[str, dict]:
    """Points and target of every sub-indicator on ``on`` (one query for all of them)."""
    values = {i.code: dict(RULES[f"index766.{i.code}"].default) for i in INDICATORS}
    rows = (
        RuleValue.objects.filter(key__startswith="index766.", effective_from__lte=on)
        .order_by("key", "effective_from")
        .values_list("key", "value")
    )
    for key, value in rows:  # later dates come last and win
        code = key.removeprefix("index766.")
        if code in values and isinstance(value, dict):
            values[code].update(value)
    return values


@dataclass
class IndicatorResult:
    indicator: Indicator
    numerator: int | None
    denominator: int | None
    target: Decimal
    max_points: Decimal
    points: Decimal | None

    @property
    def has_data(self) -> bool:
        return self.points is not None

    @property
    def rate(self) -> Decimal | None:
        if not self.denominator or self.numerator is None:
            return None
        return (Decimal(self.numerator) * 100 / self.denominator).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )


@dataclass
class GroupResult:
    code: str
    name: str
    max_points: Decimal
    indicators: list[IndicatorResult] = field(default_factory=list)

    @property
    def points(self) -> Decimal:
        return sum((i.points for i in self.indicators if i.points is not None), Decimal(0))

    @property
    def max_with_data(self) -> Decimal:
        return sum((i.max_points for i in self.indicators if i.has_data), Decimal(0))


@dataclass
class ServiceIndex:
    unit: Unit
    start: dt.date
    end: dt.date
    groups: list[GroupResult]

    @property
    def total(self) -> Decimal:
        return sum((g.points for g in self.groups), Decimal(0))

    @property
    def max_points(self) -> Decimal:
        return sum((g.max_points for g in self.groups), Decimal(0))

    @property
    def max_with_data(self) -> Decimal:
        return sum((g.max_with_data for g in self.groups), Decimal(0))

    def indicator(self, code: str) -> IndicatorResult:
        for group in self.groups:
            for result in group.indicators:
                if result.indicator.code == code:
                    return result
        raise KeyError(code)


def score(numerator: int, denominator: int, *, points: Decimal, target: Decimal, when_empty: str):
    """Points for a rate: maximum × min(1, rate / target), to two decimals."""
    if not denominator:
        return points if when_empty == "full" else None
    rate = Decimal(numerator) * 100 / denominator
    share = min(Decimal(1), rate / target) if target else Decimal(1)
    return (points * share).quantize(Decimal("0.01"), ROUND_HALF_UP)


# --- The dossiers behind each number (also used for the drill-down) --------------------------


def _online_capable() -> Q:
    return ~Q(procedure_version__online_level=OnlineLevel.NONE)


def _has_scan():
    return Exists(DossierDocument.objects.filter(dossier=OuterRef("pk"), round=0))


def _rated():
    return Exists(Rating.objects.filter(dossier=OuterRef("pk")))


def dossier_parts(unit: Unit, start: dt.date, end: dt.date) -> dict[str, tuple[Q, Q]]:
    """For each dossier-based sub-indicator: (denominator filter, numerator filter) over the
    unit's dossiers annotated with ``finished_on``, ``returned_on``, ``scanned``, ``rated``."""
    low, high = bounds(start, end)
    resolved = Q(finished_at__gte=low, finished_at__lt=high)
    returned = Q(status=Status.RETURNED, returned_at__gte=low, returned_at__lt=high)
    received = Q(received_at__gte=low, received_at__lt=high)
    late = resolved & ~ON_TIME
    return {
        "2.1": (resolved, resolved & ON_TIME),
        "2.2": (returned, returned & Q(returned_on__lte=F("effective_due_date"))),
        "2.3": (late, late & Q(extended_due_date__isnull=False)),
        "3.2": (
            received & _online_capable(),
            received & _online_capable() & Q(channel=Channel.ONLINE),
        ),
        "5.2": (returned, returned & Q(rated=True)),
        "6.1": (received, received & Q(scanned=True)),
    }


def annotated_dossiers(unit: Unit) -> QuerySet[Dossier]:
    # Aliases, not annotations: only the filters read them (a list does not compute them).
    return unit_dossiers(unit).alias(
        finished_on=TruncDate("finished_at"),
        returned_on=TruncDate("returned_at"),
        scanned=_has_scan(),
        rated=_rated(),
    )


def drill_down(unit: Unit, start: dt.date, end: dt.date, code: str, part: str) -> QuerySet[Dossier]:
    """The dossiers counted in the numerator (``part="numerator"``) or the denominator of a
    sub-indicator."""
    low, high = bounds(start, end)
    if code in ("4.2",):
        paid = Payment.objects.filter(status=PaymentStatus.PAID, paid_at__gte=low, paid_at__lt=high)
        if part == "numerator":
            paid = paid.exclude(method="desk")
        return unit_dossiers(unit).filter(pk__in=paid.values("dossier_id"))
    if code == "5.1":
        ratings = Rating.objects.filter(rated_at__gte=low, rated_at__lt=high)
        if part == "numerator":
            ratings = ratings.filter(level__in=("very_satisfied", "satisfied"))
        return unit_dossiers(unit).filter(pk__in=ratings.values("dossier_id"))
    denominator, numerator = dossier_parts(unit, start, end)[code]
    return annotated_dossiers(unit).filter(numerator if part == "numerator" else denominator)


# --- The computation ------------------------------------------------------------------------


def _dossier_counts(unit: Unit, start: dt.date, end: dt.date) -> dict[str, tuple[int, int]]:
    """The dossier-based sub-indicators but 3.2, (numerator, denominator), from the rollup (one
    query). ``dossier_parts`` says the same per dossier for the drill-down."""
    parts = {
        "2.1": (Sum("on_time"), Sum("resolved")),
        "2.2": (Sum("returned_on_time"), Sum("returned")),
        "2.3": (Sum("late_extended"), Sum("late")),
        "5.2": (Sum("returned_rated"), Sum("returned")),
        "6.1": (Sum("intake_scanned"), Sum("intake")),
    }
    aggregates = {}
    for code, (numerator, denominator) in parts.items():
        key = code.replace(".", "_")
        aggregates[f"n{key}"], aggregates[f"d{key}"] = numerator, denominator
    row = months_of(unit, start, end).aggregate(**aggregates)
    return {
        code: (row[f"n{code.replace('.', '_')}"] or 0, row[f"d{code.replace('.', '_')}"] or 0)
        for code in parts
    }


def _procedure_counts(versions: list[VersionFigures]) -> dict[str, tuple[int, int]]:
    """1.4 and 3.1 over the procedure versions the unit received dossiers for in the period,
    3.2 over the dossiers of those that can be filed online, 4.1 and 4.2 over the fees paid
    (per procedure)."""
    used = [v for v in versions if v.received]
    capable = [v for v in used if v.online_level != OnlineLevel.NONE]
    payments = defaultdict(lambda: [0, 0])  # procedure -> paid, paid online
    for version in versions:
        payments[version.procedure_id][0] += version.paid
        payments[version.procedure_id][1] += version.paid_online
    paid = [(n, online) for n, online in payments.values() if n]
    return {
        "1.4": (sum(1 for v in used if v.complete), len(used)),
        "3.1": (sum(1 for v in capable if v.received_online), len(capable)),
        "3.2": (sum(v.received_online for v in capable), sum(v.received for v in capable)),
        "4.1": (sum(1 for _n, online in paid if online), len(paid)),
        "4.2": (sum(online for _n, online in paid), sum(n for n, _online in paid)),
    }


def _feedback_counts(figures: FeedbackFigures) -> dict[str, tuple[int, int]]:
    return {
        "1.3": (figures.answers_published, figures.resolved),
        "5.3": (figures.resolved_on_time, figures.resolved),
        "5.4": (figures.rated_satisfied, figures.rated),
    }


def service_index(
    unit: Unit,
    start: dt.date,
    end: dt.date,
    *,
    ratings: Satisfaction | None = None,
    feedback: FeedbackFigures | None = None,
    versions: list[VersionFigures] | None = None,
) -> ServiceIndex:
    """The index of ``unit`` (and the units below it) for the period, about six queries; a
    caller that already holds the unit's ratings, feedback figures or version figures for the
    period passes them."""
    rules = rules_in_force(end)
    counts: dict[str, tuple[int, int]] = {}
    counts.update(_dossier_counts(unit, start, end))
    counts.update(
        _procedure_counts(versions if versions is not None else version_figures(unit, start, end))
    )
    if ratings is None:
        ratings = satisfaction(unit, start, end)
    counts["5.1"] = (ratings.satisfied_total, ratings.total)
    if feedback is None:
        feedback = index_figures(unit=unit, start=start, end=end)
    counts.update(_feedback_counts(feedback))
    groups = {code: GroupResult(code, name, Decimal(points)) for code, name, points in GROUPS}
    for indicator in INDICATORS:
        rule = rules[indicator.code]
        max_points, target = Decimal(str(rule["points"])), Decimal(str(rule["target"]))
        numerator, denominator = counts.get(indicator.code, (None, None))
        when_empty = indicator.when_empty
        if indicator.parent and not counts.get(indicator.parent, (0, 0))[1]:
            when_empty = "none"
        points = (
            score(
                numerator,
                denominator,
                points=max_points,
                target=target,
                when_empty=when_empty,
            )
            if denominator is not None
            else None
        )
        groups[indicator.code.split(".")[0]].indicators.append(
            IndicatorResult(indicator, numerator, denominator, target, max_points, points)
        )
    return ServiceIndex(unit, start, end, list(groups.values()))
