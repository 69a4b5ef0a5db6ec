"""Reads on feedback: the staff queue, the public list and map, a report for the reporter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, F, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from motcua.accounts.roles import RoleCode
from motcua.core.rollup import months_in
from motcua.core.text import fold
from motcua.feedback import rollup
from motcua.feedback.access import holds
from motcua.feedback.models import (
    OPEN_STATUSES,
    PUBLIC_STATUSES,
    Category,
    PhotoStage,
    Report,
    ReportEvent,
    ReportMonth,
    ReportPhoto,
    Status,
)
from motcua.feedback.services import normalise_code, secret_matches
from motcua.feedback.workflow import due_soon_limit
from motcua.organisations.models import Unit, UnitKind
from motcua.organisations.selectors import portal_unit


def categories_tree() -> list[tuple[Category, list[Category]]]:
    """Active groups with their active sub-categories (a group without any is itself a
    category), in display order."""
    rows = list(Category.objects.filter(is_active=True).order_by("sort_order", "name"))
    children: dict[int, list[Category]] = {}
    for row in rows:
        if row.parent_id:
            children.setdefault(row.parent_id, []).append(row)
    return [(row, children.get(row.pk, [])) for row in rows if row.parent_id is None]


def leaf_categories() -> QuerySet[Category]:
    return (
        Category.objects.filter(is_active=True)
        .exclude(children__is_active=True)
        .select_related("parent")
        .order_by("parent__sort_order", "sort_order", "name")
        .distinct()
    )


def intake_wards() -> QuerySet[Unit]:
    """The wards and communes a citizen may file a report in: those of the portal's unit (or
    the portal's own unit when it is a ward)."""
    top = portal_unit()
    local = (UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)
    qs = Unit.objects.active().filter(kind__in=local)
    if top is not None:
        qs = qs.filter(path__startswith=top.path)
    return qs.order_by("sort_order", "name")


@dataclass(frozen=True)
class StaffFilters:
    status: str = ""
    category: Category | None = None
    due: str = ""  # overdue | due_soon
    mine: bool = False
    query: str = ""
    unit: Unit | None = None


def reports_for_staff(user, filters: StaffFilters, *, today: dt.date | None = None):
    today = today or timezone.localdate()
    qs = Report.objects.visible_to(user).select_related(
        "category__parent", "unit", "handling_unit", "assigned_to"
    )
    if filters.status == "open":
        qs = qs.open()
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.category is not None:
        qs = qs.filter(Q(category=filters.category) | Q(category__parent=filters.category))
    if filters.due == "overdue":
        qs = qs.open().filter(step_due__lt=today)
    elif filters.due == "due_soon":
        qs = qs.open().filter(step_due__gte=today, step_due__lte=due_soon_limit(today))
    if filters.mine:
        qs = qs.filter(assigned_to=user)
    if filters.unit is not None:
        qs = qs.filter(
            Q(unit__path__startswith=filters.unit.path)
            | Q(handling_unit__path__startswith=filters.unit.path)
        )
    if filters.query:
        folded = fold(filters.query.strip())
        qs = qs.filter(Q(code__iexact=filters.query.strip()) | Q(search_text__contains=folded))
    return qs.order_by(F("step_due").asc(nulls_last=True), "-received_at")


def report_for_staff(user, code: str) -> Report | None:
    return (
        Report.objects.visible_to(user)
        .select_related(
            "category__parent",
            "unit",
            "handling_unit",
            "assigned_to",
            "routed_officer",
            "official_unit",
            "interior_unit",
            "duplicate_of",
            "suggested_category__parent",
            "answer_by",
            "answer_approved_by",
            "routing_rule",
        )
        .prefetch_related("photos", "notes__author", "events", "duplicates", "escalations")
        .filter(code=code)
        .first()
    )


@dataclass(frozen=True)
class PublicFilters:
    unit: Unit | None = None
    category: Category | None = None
    status: str = ""  # open | answered
    query: str = ""


def public_reports(filters: PublicFilters) -> QuerySet[Report]:
    qs = (
        Report.objects.public()
        .select_related("category__parent", "unit")
        .prefetch_related(
            Prefetch(
                "photos",
                queryset=ReportPhoto.objects.filter(stage=PhotoStage.REPORT),
                to_attr="report_photos",
            )
        )
    )
    if filters.unit is not None:
        qs = qs.filter(unit__path__startswith=filters.unit.path)
    if filters.category is not None:
        qs = qs.filter(Q(category=filters.category) | Q(category__parent=filters.category))
    if filters.status == "answered":
        qs = qs.filter(status__in=[Status.ANSWERED, Status.CLOSED])
    elif filters.status == "open":
        qs = qs.exclude(status__in=[Status.ANSWERED, Status.CLOSED])
    if filters.query:
        qs = qs.filter(search_text__contains=fold(filters.query.strip()))
    return qs.order_by("-received_at")


def public_report(code: str) -> Report | None:
    return (
        Report.objects.public()
        .select_related("category__parent", "unit", "handling_unit")
        .prefetch_related(
            "photos",
            Prefetch(
                "events",
                queryset=ReportEvent.objects.filter(is_public=True),
                to_attr="public_events",
            ),
        )
        .filter(code=normalise_code(code))
        .first()
    )


def map_points(reports) -> list[dict]:
    """Public map markers: rounded positions, no personal data."""
    return [
        {
            "code": r.code,
            "lat": r.public_latitude,
            "lng": r.public_longitude,
            "category": r.category.name,
            "status": r.get_status_display(),
            "answered": r.status in (Status.ANSWERED, Status.CLOSED),
        }
        for r in reports
        if r.has_location
    ]


def report_for_reporter(code: str, secret: str) -> Report | None:
    """The report, for whoever holds its code and secret."""
    report = (
        Report.objects.select_related("category__parent", "unit", "handling_unit")
        .filter(code=normalise_code(code))
        .first()
    )
    if report is None or not secret_matches(report, secret):
        return None
    return report


def report_by_code(code: str) -> Report | None:
    return (
        Report.objects.select_related("category__parent", "unit", "handling_unit")
        .prefetch_related(
            "photos",
            Prefetch(
                "events",
                queryset=ReportEvent.objects.filter(is_public=True),
                to_attr="public_events",
            ),
        )
        .filter(code=normalise_code(code))
        .first()
    )


def is_public(report: Report) -> bool:
    return report.status in PUBLIC_STATUSES and report.is_public and not report.category.is_conduct


def ward_center(unit: Unit | None) -> tuple[float, float] | None:
    """Where to centre a map of ``unit``: the middle of its reports' positions."""
    if unit is None:
        return None
    points = list(
        Report.objects.filter(unit=unit, latitude__isnull=False)
        .order_by("-received_at")
        .values_list("latitude", "longitude")[:200]
    )
    if not points:
        return None
    return (
        round(sum(p[0] for p in points) / len(points), 5),
        round(sum(p[1] for p in points) / len(points), 5),
    )


def ward_centers() -> dict[str, list[float]]:
    """The middle of each ward's reported positions, for centring the intake map."""
    rows = (
        Report.objects.filter(latitude__isnull=False)
        .values("unit__slug")
        .annotate(lat=Avg("latitude"), lng=Avg("longitude"))
        .order_by()
    )
    return {r["unit__slug"]: [round(r["lat"], 5), round(r["lng"], 5)] for r in rows}


def may_see_reporter(user, report: Report) -> bool:
    """The reporter's name and contact: for every officer who sees the report, except on
    reports about an official's conduct, where only those handling it see them (not the
    official's own unit, not the Front's supervisor)."""
    if not report.category.is_conduct:
        return True
    if report.assigned_to_id == user.pk:
        return True
    units = [u for u in (report.unit, report.handling_unit, report.interior_unit) if u]
    return any(
        holds(user, role, unit)
        for unit in units
        for role in (RoleCode.LEADER, RoleCode.ONE_STOP_OFFICER)
    )


@dataclass(frozen=True)
class FeedbackFigures:
    """What the indices and dashboards read from feedback, for a unit and a period."""

    received: int
    resolved: int
    resolved_on_time: int
    overdue: int
    answers_published: int
    rated: int
    rated_satisfied: int


def index_figures(
    *, unit: Unit, start: dt.date, end: dt.date, today: dt.date | None = None
) -> FeedbackFigures:
    """Reports about ``unit`` and the units below it received in a period of whole months (two
    queries): the figures of ``feedback.rollup`` summed over the months, and those overdue now,
    counted from the open reports alone."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    units = unit.descendants().values("id")
    row = months_in(ReportMonth, units, start, end).aggregate(
        **{name: Coalesce(Sum(name), 0) for name in rollup.MEASURES}
    )
    row["overdue"] = Report.objects.filter(
        unit__in=units,
        status__in=OPEN_STATUSES,
        due_date__lt=today,
        received_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        received_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    ).count()
    return FeedbackFigures(**row)
