"""What a dashboard shows for a unit and a period, read only through the selectors of the
apps that own the data (dossier statistics, ratings and indices in ``par``, SIPAS in ``surveys``,
feedback through its selectors). A fixed number of aggregate queries, whatever the
number of dossiers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from motcua.feedback.selectors import FeedbackFigures, index_figures
from motcua.organisations.models import Unit
from motcua.organisations.selectors import portal_unit
from motcua.par import selectors as par
from motcua.par.periods import Period
from motcua.surveys import selectors as surveys
from motcua.surveys.scoping import units_in_area


@dataclass
class Dashboard:
    unit: Unit
    period: Period
    dossiers: object
    months: list
    channels: list
    fields: list
    units: list
    satisfaction: surveys.Satisfaction
    satisfaction_months: list
    satisfaction_units: list
    sipas: surveys.SipasResult
    service_index: object
    par_year: int | None
    par_ranking: list
    onestop: object
    feedback: FeedbackFigures


def dashboard(unit: Unit, period: Period, *, today: dt.date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    start, end = period.start, period.end
    par_year = par.latest_published_year()
    satisfaction = par.satisfaction(unit, start, end)
    feedback = index_figures(unit=unit, start=start, end=end, today=today)
    versions = par.version_figures(unit, start, end)
    return Dashboard(
        unit=unit,
        period=period,
        dossiers=par.dossier_figures(unit, start, end, today=today),
        months=par.resolved_by_month(unit, start, end),
        channels=par.by_channel(unit, start, end),
        fields=par.by_field(unit, start, end, versions=versions),
        units=par.on_time_by_unit(unit, start, end),
        satisfaction=satisfaction,
        satisfaction_months=par.satisfaction_by_month(unit, start, end),
        satisfaction_units=par.satisfaction_by_unit(unit, start, end),
        sipas=surveys.sipas_for_unit(unit, start, end),
        service_index=par.service_index(
            unit, start, end, ratings=satisfaction, feedback=feedback, versions=versions
        ),
        par_year=par_year,
        par_ranking=par.ranking(par_year, within=_ranking_scope(unit)) if par_year else [],
        onestop=par.unit_average(unit, start, end),
        feedback=feedback,
    )


def _ranking_scope(unit: Unit) -> Unit:
    """A ward's dashboard ranks it among the wards of its parent; a city ranks its wards."""
    if unit.parent_id and unit.kind not in ("province",):
        return unit.parent
    return unit


def staff_units(user):
    """Administrative units a leader, assessor or Front supervisor may look at."""
    return units_in_area(user)


def public_units():
    """Administrative units published on the portal: the portal's unit and those below it."""
    top = portal_unit()
    qs = Unit.objects.active().administrative().order_by("path")
    return qs.filter(path__startswith=top.path) if top else qs


def default_public_unit() -> Unit | None:
    return portal_unit()
