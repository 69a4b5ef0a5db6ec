"""The dossier statistics rollup (docs/adr/0004): what each dossier counts for, in which
(unit, month, procedure version) slice, and keeping the slices exact. They are stored twice:
per procedure version (``DossierProcedureMonth``, for the figures per field and procedure)
and summed over the versions (``DossierMonth``, a few rows per unit and month, for the rest).

One function, :func:`dossier_slices`, says what a dossier contributes; it serves both the full
rebuild and the maintenance. Every save or delete of a dossier, of one of its documents, of its
rating or of a payment takes the dossier's contribution from the database before and after the
write and adds the difference to the slices, in the same transaction (the dossier row is locked
for it on PostgreSQL, so that two writes to one dossier never count the same change twice).
Inside a ``core.bulk.unit_of_work()`` (a service's few writes: a dossier filed with its
documents) the "before" is taken at the first write to each dossier and the difference is
applied once, at the end of the unit, still in its transaction.
Bulk loads (``COPY``, ``bulk_create``, ``QuerySet.update``) bypass this: they run
``manage.py rebuild_dossier_statistics`` afterwards. Writes inside ``core.bulk.bulk_load()``
(the demo data) skip the upkeep, and the slices are rebuilt once when the load finishes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from motcua.core.bulk import (
    bulk_load_finished,
    bulk_loading,
    current_unit_of_work,
    unit_of_work_finished,
)
from motcua.core.rollup import add_to_slices, difference, months_in
from motcua.dossiers.models import Channel, Dossier, DossierDocument, Payment, PaymentStatus, Status
from motcua.organisations.models import Unit
from motcua.par.models import DossierMeasures, DossierMonth, DossierProcedureMonth
from motcua.surveys.models import Rating

MEASURES = tuple(
    f.name for f in DossierMeasures._meta.fields if f.name not in ("id", "unit", "month")
)
FIELDS = (
    "pk",
    "unit_id",
    "procedure_version_id",
    "channel",
    "status",
    "submitted_at",
    "received_at",
    "finished_at",
    "returned_at",
    "due_date",
    "extended_due_date",
    "effective_due_date",
    "processing_supplements",
    "scanned",
    "paid_any",
    "rating_unit",
    "rating_level",
    "rated_at",
)

Key = tuple[int, dt.date, int]  # unit, first day of the month, procedure version
Slices = dict[Key, Counter]


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def dossier_slices(row: dict, payments: Iterable[tuple[dt.datetime, str]] = ()) -> Slices:
    """What one dossier (a row of :func:`dossier_rows`: with whether it was scanned at
    reception and its rating) and its paid payments (``(paid_at, method)``) count for, each
    measure in the month of its own date. The rules are those of ``par.stats``,
    ``par.service_index`` and ``surveys.selectors`` (on time: resolved by the appointment date
    and fewer than two supplement requests during processing)."""
    out: Slices = defaultdict(Counter)

    def add(moment: dt.datetime, unit_id: int = row["unit_id"], **measures: bool) -> None:
        key = (unit_id, _day(moment).replace(day=1), row["procedure_version_id"])
        out[key].update({name: 1 for name, counted in measures.items() if counted})

    add(
        row["submitted_at"],
        **{f"submitted_{row['channel']}": True},
        received=row["status"] not in (Status.SUBMITTED, Status.REFUSED),
    )
    if row["finished_at"] is not None:
        finished_on, due = _day(row["finished_at"]), row["due_date"]
        # As the SQL of the live figures: no appointment date is neither on time nor late,
        # unless the second supplement request already made it late.
        on_time = due is not None and finished_on <= due and row["processing_supplements"] < 2
        late = row["processing_supplements"] >= 2 or (due is not None and finished_on > due)
        add(
            row["finished_at"],
            resolved=True,
            on_time=on_time,
            early=on_time and finished_on < due,
            late=late,
            late_extended=late and row["extended_due_date"] is not None,
        )
    if row["status"] == Status.RETURNED and row["returned_at"] is not None:
        due = row["effective_due_date"]
        add(
            row["returned_at"],
            returned=True,
            returned_on_time=due is not None and _day(row["returned_at"]) <= due,
            returned_rated=row["rating_level"] is not None,
        )
    if row["received_at"] is not None:
        add(
            row["received_at"],
            intake=True,
            intake_online=row["channel"] == Channel.ONLINE,
            intake_scanned=row["scanned"],
        )
    for paid_at, method in payments:
        add(paid_at, paid=True, paid_online=method != "desk")
    if row["rating_level"] is not None:
        add(row["rated_at"], row["rating_unit"], **{f"rated_{row['rating_level']}": True})
    return out


def dossier_rows(dossiers: QuerySet[Dossier]) -> QuerySet:
    rating = Rating.objects.filter(dossier=OuterRef("pk"))  # at most one
    paid = Payment.objects.filter(
        dossier=OuterRef("pk"), status=PaymentStatus.PAID, paid_at__isnull=False
    )
    return dossiers.annotate(
        scanned=Exists(DossierDocument.objects.filter(dossier=OuterRef("pk"), round=0)),
        paid_any=Exists(paid),
        rating_unit=Subquery(rating.values("unit_id")[:1]),
        rating_level=Subquery(rating.values("level")[:1]),
        rated_at=Subquery(rating.values("rated_at")[:1]),
    ).values(*FIELDS)


def _paid(dossiers: QuerySet[Dossier]) -> dict[int, list[tuple[dt.datetime, str]]]:
    out = defaultdict(list)
    rows = Payment.objects.filter(
        dossier__in=dossiers.values("pk"), status=PaymentStatus.PAID, paid_at__isnull=False
    ).values_list("dossier_id", "paid_at", "method")
    for dossier_id, paid_at, method in rows:
        out[dossier_id].append((paid_at, method))
    return out


def slices_of(dossiers: QuerySet[Dossier], *, lock: bool = False) -> Slices:
    """The slices of a set of dossiers, summed (one query, two when fees were paid)."""
    rows = list(dossier_rows(dossiers.select_for_update() if lock else dossiers))
    payments = _paid(dossiers) if any(row["paid_any"] for row in rows) else {}
    total: Slices = defaultdict(Counter)
    for row in rows:
        for key, counts in dossier_slices(row, payments.get(row["pk"], ())).items():
            total[key].update(counts)
    return total


def _by_unit_month(slices: Slices) -> dict[tuple[int, dt.date], Counter]:
    out = defaultdict(Counter)
    for (unit_id, month, _version), counts in slices.items():
        out[(unit_id, month)].update(counts)
    return out


def _apply(delta: Slices) -> None:
    add_to_slices(
        DossierProcedureMonth, ("unit_id", "month", "procedure_version_id"), MEASURES, delta
    )
    add_to_slices(DossierMonth, ("unit_id", "month"), MEASURES, _by_unit_month(delta))


# --- Keeping the slices in step with every write ----------------------------------------------


def _current(dossier_id: int | None) -> Slices:
    if dossier_id is None:
        return {}
    return slices_of(Dossier.objects.filter(pk=dossier_id), lock=connection.in_atomic_block)


def _dossier_id(instance) -> int | None:
    return instance.pk if isinstance(instance, Dossier) else instance.dossier_id


def _cascaded(origin) -> bool:
    """A document, rating or payment deleted with its dossier: the dossier's own delete
    takes its whole contribution away."""
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return model is Dossier


def _counted(instance, raw: bool, origin) -> bool:
    if raw:  # fixtures: rebuild after loading
        return False
    if isinstance(instance, DossierDocument) and instance.round != 0:
        return False  # only the documents scanned at reception count
    return not (origin is not None and not isinstance(instance, Dossier) and _cascaded(origin))


#: Where a unit of work notes each dossier it touched, with its slices before the first write.
_TOUCHED = "dossier_statistics"
#: Where it keeps the rows of the dossiers it created (see _new_dossier_row), as long as
#: nothing but their reception documents was written for them since: no need to read them.
#: (``QuerySet.update()`` sends no signal: a unit must not change a dossier it created that
#: way.)
_CREATED = "dossier_statistics_created"


def _before(sender, instance, raw=False, origin=None, **kwargs) -> None:
    if bulk_loading() or not _counted(instance, raw, origin):
        return  # a bulk load rebuilds everything at its end (see connect)
    dossier_id = _dossier_id(instance)
    work = current_unit_of_work()
    if work is not None:  # settled once at its end (see _settle)
        touched = work.setdefault(_TOUCHED, {})
        if dossier_id is not None and dossier_id not in touched:
            touched[dossier_id] = _current(dossier_id)
        created = work.get(_CREATED, {})
        if dossier_id in created:
            if isinstance(instance, DossierDocument) and instance._state.adding:
                created[dossier_id]["scanned"] = True  # a reception document (see _counted)
            else:
                del created[dossier_id]  # anything else: read it at the end
        return
    instance._statistics_before = _current(dossier_id)


#: What a dossier just created has none of yet.
_NOTHING_YET = {
    "scanned": False,
    "paid_any": False,
    "rating_unit": None,
    "rating_level": None,
    "rated_at": None,
}


def _new_dossier_row(dossier: Dossier) -> dict:
    """The row of :func:`dossier_rows` of a dossier just created: it has no document, rating
    or payment yet, so its own fields are all it counts for (no query)."""
    return {name: _NOTHING_YET.get(name, getattr(dossier, name, None)) for name in FIELDS}


def _after(sender, instance, raw=False, origin=None, created=False, **kwargs) -> None:
    work = current_unit_of_work()
    if (
        work is not None
        and created
        and isinstance(instance, Dossier)
        and not (bulk_loading() or raw)
    ):
        work.setdefault(_TOUCHED, {})[instance.pk] = {}  # a new dossier: nothing before
        work.setdefault(_CREATED, {})[instance.pk] = _new_dossier_row(instance)
    before = instance.__dict__.pop("_statistics_before", None)
    if before is None:
        return
    if created and isinstance(instance, Dossier):
        after = dossier_slices(_new_dossier_row(instance))
    else:  # after a dossier's own delete, nothing of it is left to count
        after = _current(_dossier_id(instance))
    _apply(difference(after, before))


def _settle(work: dict, **kwargs) -> None:
    """The change a unit of work made to the dossiers it touched, applied at its end (one read
    of those dossiers, none when it only created them with their documents; one write per
    table)."""
    touched = work.get(_TOUCHED)
    if not touched:
        return
    before: Slices = defaultdict(Counter)
    for slices in touched.values():
        for key, counts in slices.items():
            before[key].update(counts)
    created = work.get(_CREATED, {})
    read = [pk for pk in touched if pk not in created]
    after = (
        slices_of(Dossier.objects.filter(pk__in=read), lock=connection.in_atomic_block)
        if read
        else defaultdict(Counter)
    )
    for row in created.values():
        for key, counts in dossier_slices(row).items():
            after[key].update(counts)
    _apply(difference(after, before))


def _rebuild_after_bulk_load(**kwargs) -> None:
    rebuild()


def connect() -> None:
    """Called once from the app config."""
    bulk_load_finished.connect(_rebuild_after_bulk_load, dispatch_uid="statistics-bulk-load")
    unit_of_work_finished.connect(_settle, dispatch_uid="statistics-unit-of-work")
    for model in (Dossier, DossierDocument, Rating, Payment):
        for signal, receiver in (
            (pre_save, _before),
            (post_save, _after),
            (pre_delete, _before),
            (post_delete, _after),
        ):
            signal.connect(receiver, sender=model, dispatch_uid=f"statistics-{model.__name__}")


# --- Reads and the rebuild --------------------------------------------------------------------


def _in_period(model, unit: Unit, start: dt.date, end: dt.date) -> QuerySet:
    return months_in(model, unit.descendants().values("pk"), start, end)


def months_of(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[DossierMonth]:
    """The months of ``unit`` and the units below it in a period of whole months."""
    return _in_period(DossierMonth, unit, start, end)


def procedure_months_of(unit: Unit, start: dt.date, end: dt.date) -> QuerySet:
    """The same per procedure version."""
    return _in_period(DossierProcedureMonth, unit, start, end)


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every slice from the dossiers, one receiving unit at a time (each in its own
    transaction). Run it after a bulk load, with no other writes going on. Returns the number
    of slices."""
    units = list(Dossier.objects.order_by().values_list("unit_id", flat=True).distinct())
    for model in (DossierMonth, DossierProcedureMonth):
        model.objects.exclude(unit_id__in=units).delete()
    made = 0
    for done, unit_id in enumerate(sorted(units), start=1):
        slices = slices_of(Dossier.objects.filter(unit_id=unit_id))
        with transaction.atomic():
            for model in (DossierMonth, DossierProcedureMonth):
                model.objects.filter(unit_id=unit_id).delete()
            DossierProcedureMonth.objects.bulk_create(
                [
                    DossierProcedureMonth(
                        unit_id=unit, month=month, procedure_version_id=version, **counts
                    )
                    for (unit, month, version), counts in slices.items()
                ],
                batch_size=2000,
            )
            DossierMonth.objects.bulk_create(
                [
                    DossierMonth(unit_id=unit, month=month, **counts)
                    for (unit, month), counts in _by_unit_month(slices).items()
                ]
            )
        made += len(slices)
        if progress:
            progress(done, len(units))
    return made
