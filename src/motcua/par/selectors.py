"""Reads on reform indices: PAR assessments and ranking, the 766 service index, the one-stop
evaluation, dossier statistics (re-exported for the dashboards and the API)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from motcua.accounts.roles import RoleCode
from motcua.dossiers.models import Dossier
from motcua.organisations.models import Unit
from motcua.organisations.scoping import UnitScope
from motcua.par.models import Assessment, AssessmentStatus, Criterion, Framework, Score
from motcua.par.onestop import quarterly_averages, unit_average  # noqa: F401
from motcua.par.service_index import drill_down, service_index  # noqa: F401
from motcua.par.stats import (  # noqa: F401
    by_channel,
    by_field,
    dossier_figures,
    on_time_by_unit,
    resolved_by_month,
    satisfaction,
    satisfaction_by_month,
    satisfaction_by_unit,
    version_figures,
)

#: Who reads the PAR index, the service index and the dashboards (pages and staff API).
OVERSIGHT_ROLES = (RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR)


def drill_down_for(user, unit: Unit, start, end, code: str, part: str) -> QuerySet[Dossier]:
    """The dossiers behind a number of the service index that ``user`` may see: all of them
    when the unit is in the user's scope (so is every unit below it), else only those
    ``Dossier.objects.visible_to`` lets through."""
    dossiers = drill_down(unit, start, end, code, part)
    return dossiers if UnitScope.of(user).contains(unit) else dossiers.visible_to(user)


def frameworks() -> QuerySet[Framework]:
    return Framework.objects.order_by("-year")


def latest_published_year() -> int | None:
    return (
        Assessment.objects.published()
        .order_by("-framework__year")
        .values_list("framework__year", flat=True)
        .first()
    )


def published_years() -> list[int]:
    return list(
        Assessment.objects.published()
        .order_by("-framework__year")
        .values_list("framework__year", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class RankRow:
    rank: int
    assessment: Assessment

    @property
    def unit(self) -> Unit:
        return self.assessment.unit


def ranking(year: int, *, within: Unit | None = None) -> list[RankRow]:
    """Published assessments of ``year``, best first; equal totals share a rank (1, 2, 2, 4).
    One query."""
    qs = (
        Assessment.objects.published()
        .filter(framework__year=year)
        .select_related("unit", "framework")
        .order_by("-total", "unit__name")
    )
    if within is not None:
        qs = qs.filter(unit__path__startswith=within.path)
    rows, previous, rank = [], None, 0
    for position, assessment in enumerate(qs, start=1):
        if assessment.total != previous:
            rank, previous = position, assessment.total
        rows.append(RankRow(rank, assessment))
    return rows


def assessments_for_staff(user) -> QuerySet[Assessment]:
    return (
        Assessment.objects.visible_to(user)
        .select_related("unit", "framework")
        .order_by("-framework__year", "unit__name")
    )


@dataclass
class Node:
    criterion: Criterion
    score: Score | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def points(self) -> Decimal | None:
        if self.score is not None:
            return self.score.final_points
        values = [c.points for c in self.children]
        if all(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    def walk(self, depth: int = 0):
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def assessment_tree(assessment: Assessment) -> list[Node]:
    """Domains with their criteria and sub-criteria, each leaf with its score (two queries)."""
    criteria = list(assessment.framework.criteria.order_by("position", "id"))
    scores = {
        s.criterion_id: s
        for s in assessment.scores.prefetch_related("evidence").select_related("criterion")
    }
    nodes = {c.pk: Node(c, scores.get(c.pk)) for c in criteria}
    roots = []
    for criterion in criteria:
        node = nodes[criterion.pk]
        if criterion.parent_id:
            nodes[criterion.parent_id].children.append(node)
        else:
            roots.append(node)
    return roots


def domain_points(assessment: Assessment) -> list[tuple[Criterion, Decimal | None]]:
    return [(node.criterion, node.points) for node in assessment_tree(assessment)]


def published_assessment(year: int, unit_slug: str) -> Assessment | None:
    return (
        Assessment.objects.published()
        .select_related("unit", "framework")
        .filter(framework__year=year, unit__slug=unit_slug)
        .first()
    )


def in_progress_count(user) -> int:
    return assessments_for_staff(user).exclude(status=AssessmentStatus.PUBLISHED).count()
