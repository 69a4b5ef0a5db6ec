"""Reads of the catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from motcua.core.text import fold, squash_spaces
from motcua.organisations.models import Unit, UnitKind
from motcua.organisations.selectors import portal_unit
from motcua.procedures.models import (
    ImplementingLevel,
    Procedure,
    ProcedureField,
    ProcedureVersion,
    RequiredDocument,
)

#: Units the public may pick as "where I apply": the province and its wards, communes and
#: special zones that run a one-stop desk (they have an electronic identifier code).
IMPLEMENTING_KINDS = (UnitKind.PROVINCE, UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)


def _documents_prefetch() -> Prefetch:
    return Prefetch("documents", queryset=RequiredDocument.objects.order_by("sort_order", "id"))


def current_version(procedure: Procedure, on: dt.date | None = None) -> ProcedureVersion | None:
    """The version of ``procedure`` in force on ``on`` (today by default)."""
    day = on or timezone.localdate()
    return (
        procedure.versions.effective_on(day)
        .prefetch_related(_documents_prefetch())
        .order_by("-effective_from")
        .first()
    )


def procedures_offered(*, level: str | None = None, online_only: bool = False):
    """Active procedures, with their field, optionally only those with an online service."""
    qs = Procedure.objects.filter(is_active=True).select_related("field")
    if level:
        qs = qs.filter(level=level)
    if online_only:
        today = timezone.localdate()
        qs = qs.filter(
            versions__in=ProcedureVersion.objects.effective_on(today).exclude(online_level="none")
        ).distinct()
    return qs


# --- The public catalogue ---------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueFilters:
    """What the citizen asked for. Empty values mean "any"."""

    query: str = ""
    field: str = ""  # ProcedureField.code
    unit: Unit | None = None
    online: str = ""  # OnlineLevel value
    on: dt.date | None = None


def level_of_unit(unit: Unit) -> str:
    """Which procedures a unit carries out: the province's, or those of a ward / commune."""
    return ImplementingLevel.PROVINCE if unit.kind == UnitKind.PROVINCE else ImplementingLevel.WARD


def implementing_units() -> list[Unit]:
    """The units the public can choose in the catalogue: the portal's province (or the portal
    unit) first, then its wards and communes that run a one-stop desk, by name."""
    top = portal_unit()
    qs = Unit.objects.active().filter(kind__in=IMPLEMENTING_KINDS).exclude(identifier_code="")
    if top is not None:
        qs = qs.filter(path__startswith=top.path)
    return list(qs.only("id", "name", "slug", "kind", "depth").order_by("depth", "name"))


def _in_force(day: dt.date) -> QuerySet[ProcedureVersion]:
    return ProcedureVersion.objects.effective_on(day).filter(procedure=OuterRef("pk"))


def catalogue(filters: CatalogueFilters) -> QuerySet[Procedure]:
    """Active procedures with a version in force, matching ``filters``.

    Each row carries its field and, from the version in force, ``online_level``,
    ``processing_days`` and ``legacy_level`` as annotations (``current_*``), so a page of
    results is one query. The search folds accents (``khai sinh`` finds "Đăng ký khai sinh")
    and every word must appear in the code, the local code or the name.
    """
    day = filters.on or timezone.localdate()
    latest = _in_force(day).order_by("-effective_from")
    qs = (
        Procedure.objects.filter(is_active=True)
        .filter(Exists(_in_force(day)))
        .select_related("field")
        .annotate(
            current_online=Subquery(latest.values("online_level")[:1]),
            current_days=Subquery(latest.values("processing_days")[:1]),
            current_legacy_level=Subquery(latest.values("legacy_level")[:1]),
        )
    )
    order = ["field__sort_order", "field__name", "name"]
    folded = squash_spaces(fold(filters.query))
    if folded:
        for word in folded.split(" ")[:8]:
            qs = qs.filter(search_name__contains=word)
        qs = qs.annotate(
            phrase=Case(
                When(search_name__contains=folded, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        order = ["phrase", *order]
    if filters.field:
        qs = qs.filter(field__code=filters.field)
    if filters.unit is not None:
        qs = qs.filter(level=level_of_unit(filters.unit))
    if filters.online:
        qs = qs.filter(current_online=filters.online)
    return qs.order_by(*order)


def fields_with_counts(*, on: dt.date | None = None) -> list[ProcedureField]:
    """Fields that have at least one procedure in the catalogue, each with ``procedure_count``."""
    day = on or timezone.localdate()
    in_force = ProcedureVersion.objects.effective_on(day).values("procedure_id")
    return list(
        ProcedureField.objects.annotate(
            procedure_count=Count(
                "procedures",
                filter=Q(procedures__is_active=True, procedures__id__in=in_force),
            )
        )
        .filter(procedure_count__gt=0)
        .order_by("sort_order", "name")
    )


@dataclass(frozen=True)
class ProcedurePage:
    procedure: Procedure
    version: ProcedureVersion | None
    versions: list[ProcedureVersion]
    on: dt.date

    @property
    def upcoming(self) -> ProcedureVersion | None:
        """A version that takes over after ``on``, if one is already published."""
        later = [v for v in self.versions if v.effective_from > self.on]
        return min(later, key=lambda v: v.effective_from) if later else None


def procedure_page(procedure: Procedure, *, on: dt.date | None = None) -> ProcedurePage:
    """A procedure with the version in force on ``on`` (documents included) and the list of
    all its versions, for the procedure page."""
    day = on or timezone.localdate()
    versions = list(
        procedure.versions.order_by("-effective_from").only(
            "id", "procedure_id", "effective_from", "effective_to"
        )
    )
    return ProcedurePage(
        procedure=procedure, version=current_version(procedure, day), versions=versions, on=day
    )


def public_procedures() -> QuerySet[Procedure]:
    """Procedures the public may open (active), with their field."""
    return Procedure.objects.filter(is_active=True).select_related("field")


def procedures_for_export() -> QuerySet[Procedure]:
    """Every procedure with every version and document, in a stable order, for export."""
    return (
        Procedure.objects.select_related("field")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=ProcedureVersion.objects.order_by("effective_from").prefetch_related(
                    _documents_prefetch()
                ),
            )
        )
        .order_by("code")
    )


def document_with_form(name: str) -> RequiredDocument | None:
    """A required document whose downloadable form is stored under ``name``."""
    return (
        RequiredDocument.objects.filter(form_template=name, version__procedure__is_active=True)
        .select_related("version__procedure")
        .first()
    )
