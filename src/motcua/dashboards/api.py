"""The dashboards' data as JSON: every table of the public dashboard, and of a leader's."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from motcua.api.auth import require_role, staff_auth
from motcua.dashboards import selectors, tables
from motcua.organisations.models import Unit
from motcua.par.api import PeriodOut, period_out, public_unit
from motcua.par.periods import Period
from motcua.par.selectors import OVERSIGHT_ROLES
from motcua.surveys.scoping import covers

PREFIX = "/dashboards"
router = Router(tags=["dashboards"])


class TableOut(Schema):
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    note: str


class DashboardOut(Schema):
    unit: str
    unit_name: str
    period: PeriodOut
    tables: list[TableOut]


def _out(unit: Unit, period: Period) -> dict:
    d = selectors.dashboard(unit, period)
    return {
        "unit": unit.slug,
        "unit_name": unit.name,
        "period": period_out(period),
        "tables": [
            {
                "key": t.key,
                "title": t.title,
                "headers": [str(h) for h in t.headers],
                "rows": [
                    [tables._cell(v) if not isinstance(v, str) else v for v in row]
                    for row in t.rows
                ],
                "note": t.note,
            }
            for t in tables.all_tables(d)
        ],
    }


@router.get("/public", response=DashboardOut, auth=None, summary="The public dashboard's tables")
def public(
    request,
    unit: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
):
    return _out(public_unit(unit), Period.parse(year, quarter, month))


@router.get("/staff", response=DashboardOut, auth=staff_auth, summary="A leader's dashboard")
def staff(
    request,
    unit: str,
    year: int | None = None,
    quarter: int | None = None,
    month: int | None = None,
):
    require_role(request.auth, OVERSIGHT_ROLES)
    target = get_object_or_404(Unit.objects.active().administrative(), slug=unit)
    if not covers(request.auth, target):
        raise Http404
    return _out(target, Period.parse(year, quarter, month))
