"""Reform indices for integrations: the PAR ranking, the 766 service index, the one-stop
evaluation (public figures), and the dossiers behind a service-index number (staff)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from motcua.api.auth import require_role, staff_auth
from motcua.api.pagination import Pages
from motcua.dossiers.models import Dossier
from motcua.organisations.models import Unit
from motcua.par import onestop, selectors
from motcua.par.periods import Period
from motcua.par.service_index import BY_CODE
from motcua.surveys.scoping import covers

PREFIX = "/indices"
router = Router(tags=["indices"])


def public_unit(slug: str | None) -> Unit:
    from motcua.organisations.selectors import portal_unit

    if not slug:
        unit = portal_unit()
        if unit is None:
            raise Http404
        return unit
    return get_object_or_404(Unit.objects.active().administrative(), slug=slug)


class PeriodOut(Schema):
    label: str
    start: dt.date
    end: dt.date


def period_out(period: Period) -> dict:
    return {"label": period.label, "start": period.start, "end": period.end}


class RankOut(Schema):
    rank: int
    unit: str
    unit_name: str
    total: Decimal
    classification: str


@router.get("/par/years", response=list[int], auth=None, summary="Years with a published PAR index")
def par_years(request):
    return selectors.published_years()


@router.get("/par/{year}", response=list[RankOut], auth=None, summary="PAR index ranking of a year")
def par_ranking(request, year: int):
    return [
        {
            "rank": row.rank,
            "unit": row.unit.slug,
            "unit_name": row.unit.name,
            "total": row.assessment.total,
            "classification": row.assessment.classification,
        }
        for row in selectors.ranking(year)
    ]


class DomainOut(Schema):
    code: str
    title: str
    points: Decimal | None
    max_points: Decimal


class ParUnitOut(Schema):
    year: int
    unit: str
    unit_name: str
    total: Decimal
    classification: str
    survey_index: Decimal | None
    front_comment: str
    domains: list[DomainOut]


@router.get(
    "/par/{year}/{unit}", response=ParUnitOut, auth=None, summary="A unit's published PAR index"
)
def par_unit(request, year: int, unit: str):
    assessment = selectors.published_assessment(year, unit)
    if assessment is None:
        raise Http404
    return {
        "year": year,
        "unit": assessment.unit.slug,
        "unit_name": assessment.unit.name,
        "total": assessment.total,
        "classification": assessment.classification,
        "survey_index": assessment.survey_index,
        "front_comment": assessment.front_comment,
        "domains": [
            {"code": c.code, "title": c.title, "points": points, "max_points": c.max_points}
            for c, points in selectors.domain_points(assessment)
        ],
    }


class IndicatorOut(Schema):
    code: str
    name: str
    numerator: int | None
    denominator: int | None
    rate: Decimal | None
    target: Decimal
    points: Decimal | None
    max_points: Decimal
    has_data: bool


class GroupOut(Schema):
    code: str
    name: str
    points: Decimal
    max_points: Decimal
    indicators: list[IndicatorOut]


class ServiceIndexOut(Schema):
    unit: str
    period: PeriodOut
    total: Decimal
    max_points: Decimal
    max_with_data: Decimal
    groups: list[GroupOut]


def service_index_out(unit: Unit, period: Period) -> dict:
    index = selectors.service_index(unit, period.start, period.end)
    return {
        "unit": unit.slug,
        "period": period_out(period),
        "total": index.total,
        "max_points": index.max_points,
        "max_with_data": index.max_with_data,
        "groups": [
            {
                "code": g.code,
                "name": str(g.name),
                "points": g.points,
                "max_points": g.max_points,
                "indicators": [
                    {
                        "code": r.indicator.code,
                        "name": str(r.indicator.name),
                        "numerator": r.numerator,
                        "denominator": r.denominator,
                        "rate": r.rate,
                        "target": r.target,
                        "points": r.points,
                        "max_points": r.max_points,
                        "has_data": r.has_data,
                    }
                    for r in g.indicators
                ],
            }
            for g in index.groups
        ],
    }


@router.get(
    "/service-index", response=ServiceIndexOut, auth=None, summary="Service index (Decision 766)"
)
def service_index(
    request,
    unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
):
    """Sub-indicators with numerator, denominator, target and points; ``has_data`` is false
    where the platform does not hold the data."""
    return service_index_out(public_unit(unit), Period.parse(year, quarter, month))


class EvaluationOut(Schema):
    quarter: int | None
    dossiers: int
    score: Decimal | None
    classification: str
    indices: dict[str, Decimal | None]


@router.get(
    "/one-stop", response=list[EvaluationOut], auth=None, summary="One-stop evaluation averages"
)
def one_stop(request, unit: str | None = None, year: int | None = None):
    """Per quarter of the year and for the whole year (quarter null), Circular 01/2018."""
    target = public_unit(unit)
    period = Period.parse(year)
    rows = [(q, avg) for q, avg in onestop.quarterly_averages(target, period.year)]
    rows.append((None, onestop.unit_average(target, period.start, period.end)))
    return [
        {
            "quarter": q,
            "dossiers": avg.dossiers,
            "score": avg.score,
            "classification": avg.band[0],
            "indices": avg.indices,
        }
        for q, avg in rows
    ]


class DrillOut(Schema):
    code: str
    procedure: str
    channel: str
    status: int
    received_at: dt.datetime | None
    due_date: dt.date | None
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_procedure(d: Dossier) -> str:
        return d.procedure_version.procedure.code


@router.get(
    "/service-index/{code}/dossiers",
    response=list[DrillOut],
    auth=staff_auth,
    summary="The dossiers behind a service-index number",
)
@paginate(Pages, page_size=50)
def drill(
    request,
    code: str,
    unit: str,
    part: str = "numerator",
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
):
    require_role(request.auth, selectors.OVERSIGHT_ROLES)
    indicator = BY_CODE.get(code)
    if indicator is None or not indicator.drill or part not in ("numerator", "denominator"):
        raise Http404
    target = get_object_or_404(Unit.objects.active(), slug=unit)
    if not covers(request.auth, target):
        raise Http404
    period = Period.parse(year, quarter, month)
    return (
        selectors.drill_down_for(request.auth, target, period.start, period.end, code, part)
        .select_related("procedure_version__procedure")
        .order_by("-submitted_at", "-pk")
    )
