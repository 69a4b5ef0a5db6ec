"""Reads: satisfaction figures from ratings (aggregates in the database), SIPAS results of
campaigns (share of satisfied answers per criterion, averaged per element, then overall)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from motcua.dossiers.models import Dossier, Status
from motcua.organisations.models import Unit
from motcua.surveys.models import (
    Answer,
    Campaign,
    CampaignStatus,
    Element,
    Level,
    Question,
    Rating,
    Reason,
)


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes from the start of ``start`` to the end of ``end`` (inclusive days)."""
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent with one decimal, or None when there is nothing."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Satisfaction:
    very_satisfied: int = 0
    satisfied: int = 0
    not_satisfied: int = 0

    @property
    def total(self) -> int:
        return self.very_satisfied + self.satisfied + self.not_satisfied

    @property
    def satisfied_total(self) -> int:
        return self.very_satisfied + self.satisfied

    @property
    def rate(self) -> Decimal | None:
        """Share of satisfied ratings (very satisfied + satisfied), in percent."""
        return percent(self.satisfied_total, self.total)


def _level_counts():
    return {
        "very_satisfied": Count("pk", filter=Q(level=Level.VERY_SATISFIED)),
        "satisfied": Count("pk", filter=Q(level=Level.SATISFIED)),
        "not_satisfied": Count("pk", filter=Q(level=Level.NOT_SATISFIED)),
    }


def ratings_in(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Rating]:
    low, high = _bounds(start, end)
    return Rating.objects.filter(
        unit__in=Unit.objects.filter(path__startswith=unit.path).values("pk"),
        rated_at__gte=low,
        rated_at__lt=high,
    )


def satisfaction(unit: Unit, start: dt.date, end: dt.date) -> Satisfaction:
    """Ratings of dossiers of ``unit`` (and below) given in the period (one query)."""
    return Satisfaction(**ratings_in(unit, start, end).aggregate(**_level_counts()))


def reason_counts(unit: Unit, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """How often each reason was ticked (reasons are a short JSON list on few rows per day;
    counted here from the rows that have any)."""
    counts = dict.fromkeys(Reason.values, 0)
    for reasons in (
        ratings_in(unit, start, end).exclude(reasons=[]).values_list("reasons", flat=True)
    ):
        for reason in reasons:
            if reason in counts:
                counts[reason] += 1
    return [(Reason(code).label, n) for code, n in counts.items() if n]


def rating_of(dossier: Dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()


def kiosk_dossiers(user, *, query: str = "", days: int = 3) -> QuerySet[Dossier]:
    """Returned dossiers of the officer's units not yet rated: today's and recent ones, or the
    one whose code is searched."""
    qs = (
        Dossier.objects.visible_to(user)
        .filter(status=Status.RETURNED)
        .exclude(ratings__isnull=False)
        .select_related("procedure_version__procedure")
    )
    if query:
        return qs.filter(code__iexact=query.strip())[:5]
    since = timezone.now() - dt.timedelta(days=days)
    return qs.filter(returned_at__gte=since).order_by("-returned_at")[:30]


# --- Campaigns ------------------------------------------------------------------------------


def campaigns_for_staff(user) -> QuerySet[Campaign]:
    return (
        Campaign.objects.visible_to(user)
        .select_related("unit")
        .annotate(
            invited=Count("invitations", distinct=True),
            used=Count("invitations", filter=Q(invitations__used=True), distinct=True),
            answered=Count("responses", distinct=True),
        )
        .order_by("-period_end", "-id")
    )


@dataclass
class CriterionResult:
    question: Question
    satisfied: int
    answered: int

    @property
    def index(self) -> Decimal | None:
        return percent(self.satisfied, self.answered)


@dataclass
class ElementResult:
    element: str
    label: str
    criteria: list[CriterionResult] = field(default_factory=list)

    @property
    def index(self) -> Decimal | None:
        """The average of its criteria's indices (criteria nobody answered are left out)."""
        values = [c.index for c in self.criteria if c.index is not None]
        if not values:
            return None
        return (sum(values) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class SipasResult:
    elements: list[ElementResult]
    responses: int = 0

    @property
    def index(self) -> Decimal | None:
        """The overall index: the average of the elements' indices."""
        values = [e.index for e in self.elements if e.index is not None]
        if not values:
            return None
        return (sum(values) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _sipas(questions: list[Question], counts: dict[int, tuple[int, int]], responses: int):
    elements = {code: ElementResult(code, label) for code, label in Element.choices}
    for question in questions:
        if not question.is_criterion:
            continue
        satisfied, answered = counts.get(question.pk, (0, 0))
        elements[question.element].criteria.append(CriterionResult(question, satisfied, answered))
    return SipasResult([e for e in elements.values() if e.criteria], responses)


def _criterion_counts(question_filter: Q) -> dict[int, tuple[int, int]]:
    rows = (
        Answer.objects.filter(question_filter, satisfied__isnull=False)
        .values("question_id")
        .annotate(yes=Count("pk", filter=Q(satisfied=True)), n=Count("pk"))
        .order_by()
    )
    return {row["question_id"]: (row["yes"], row["n"]) for row in rows}


def campaign_results(campaign: Campaign) -> SipasResult:
    """Per criterion, element and overall for one campaign (three queries)."""
    questions = list(campaign.questions.order_by("position", "id"))
    return _sipas(
        questions, _criterion_counts(Q(question__campaign=campaign)), campaign.responses.count()
    )


def answer_counts(campaign: Campaign) -> dict[int, list[tuple[str, int]]]:
    """Raw counts per question: each choice or scale value and how many chose it."""
    rows = (
        Answer.objects.filter(question__campaign=campaign)
        .exclude(choice="", scale__isnull=True)
        .values("question_id", "choice", "scale")
        .annotate(n=Count("pk"))
        .order_by("question_id", "choice", "scale")
    )
    out: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        label = row["choice"] or str(row["scale"])
        out.setdefault(row["question_id"], []).append((label, row["n"]))
    return out


def text_answers(campaign: Campaign) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(question__campaign=campaign)
        .exclude(text="")
        .select_related("question")
        .order_by("question__position", "pk")
    )


def sipas_for_unit(unit: Unit, start: dt.date, end: dt.date) -> SipasResult:
    """SIPAS of the closed campaigns of ``unit`` (and below) whose period ends within the dates:
    every campaign's criteria pooled, per element, then overall."""
    campaigns = Campaign.objects.filter(
        unit__in=Unit.objects.filter(path__startswith=unit.path).values("pk"),
        status=CampaignStatus.CLOSED,
        period_end__gte=start,
        period_end__lte=end,
    )
    questions = list(Question.objects.filter(campaign__in=campaigns).order_by("position", "id"))
    counts = _criterion_counts(Q(question__campaign__in=campaigns))
    responses = sum(campaigns.annotate(n=Count("responses")).values_list("n", flat=True))
    return _sipas(questions, counts, responses)


def public_campaigns(unit: Unit | None = None) -> QuerySet[Campaign]:
    qs = Campaign.objects.filter(status=CampaignStatus.CLOSED).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.annotate(answered=Count("responses")).order_by("-period_end", "-id")
