"""The feedback figures of the indices per unit and month of reception (``ReportMonth``,
docs/adr/0006), kept exactly in step with the reports.

:data:`COUNTS` says what a report counts for; the same rule serves the full rebuild (one
``GROUP BY`` over the reports) and the maintenance: every save or delete of a report reads what it
counted for before and after the write (locking its row on PostgreSQL, so that two writes never
count the same change twice) and adds the difference to its slices, in the write's transaction.
Changing whether a category is about conduct changes what its answered reports count for, and
is counted the same way. Bulk loads (``bulk_create``, ``QuerySet.update``) bypass this and run
``manage.py rebuild_feedback_statistics`` afterwards; writes inside ``core.bulk.bulk_load()``
skip the upkeep and the figures are rebuilt when the load finishes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.apps import apps as django_apps
from django.db import connection, transaction
from django.db.models import Case, DateField, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from motcua.core.bulk import bulk_load_finished, bulk_loading
from motcua.core.rollup import add_to_slices, difference
from motcua.feedback.models import Category, Rating, Report, ReportMonth, Status

_RESOLVED = Q(status__in=(Status.ANSWERED, Status.CLOSED), answered_at__isnull=False)
#: What a report counts for, in the month it was received. Resolved: answered, or closed after
#: an answer; on time: answered by its handling due date; answer published: resolved, may be
#: public and not about an officer's conduct.
COUNTS = {
    "received": ~Q(status=Status.REJECTED),
    "resolved": _RESOLVED,
    "resolved_on_time": _RESOLVED & Q(answered_at__date__lte=F("due_date")),
    "answers_published": _RESOLVED & Q(is_public=True, category__is_conduct=False),
    "rated": ~Q(rating=""),
    "rated_satisfied": Q(rating=Rating.SATISFIED),
}
MEASURES = tuple(COUNTS)
KEYS = ("unit_id", "month")

Slices = dict[tuple[int, dt.date], Counter]


def _one(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0))


def _rows(reports: QuerySet[Report]) -> QuerySet:
    return reports.order_by().annotate(month=TruncMonth("received_at", output_field=DateField()))


def _slices(rows) -> Slices:
    out: Slices = {}
    for row in rows:
        counts = Counter({name: row[name] for name in MEASURES if row[name]})
        if counts:
            key = (row["unit_id"], row["month"])
            out[key] = out.get(key, Counter()) + counts
    return out


def slices_of(reports: QuerySet[Report]) -> Slices:
    """What a set of reports counts for, per unit and month (one ``GROUP BY`` query)."""
    rows = (
        _rows(reports)
        .values(*KEYS)
        .annotate(**{name: Sum(_one(condition)) for name, condition in COUNTS.items()})
    )
    return _slices(rows)


def _current(report_id: int) -> Slices:
    """What one report counts for now, its row locked until the end of the transaction."""
    rows = _rows(Report.objects.filter(pk=report_id))
    if connection.in_atomic_block:
        rows = rows.select_for_update(of=("self",))
    return _slices(
        rows.annotate(**{name: _one(condition) for name, condition in COUNTS.items()}).values(
            *KEYS, *MEASURES
        )
    )


def _apply(after: Slices, before: Slices) -> None:
    add_to_slices(ReportMonth, KEYS, MEASURES, difference(after, before))


# --- Keeping the slices in step with every write ----------------------------------------------


def _before_report(sender, instance: Report, raw=False, **kwargs) -> None:
    if raw or bulk_loading() or instance.pk is None:  # a new record counted nothing yet
        return
    instance._figures_before = _current(instance.pk)


def _after_report_save(sender, instance: Report, raw=False, **kwargs) -> None:
    if raw or bulk_loading():
        return
    before = instance.__dict__.pop("_figures_before", {})
    _apply(_current(instance.pk), before)


def _after_report_delete(sender, instance: Report, **kwargs) -> None:
    before = instance.__dict__.pop("_figures_before", None)
    if before:
        _apply({}, before)


def _before_category(sender, instance: Category, raw=False, **kwargs) -> None:
    if raw or bulk_loading() or instance.pk is None:  # a new record counted nothing yet
        return
    was_conduct = (
        Category.objects.filter(pk=instance.pk).values_list("is_conduct", flat=True).first()
    )
    if was_conduct is not None and was_conduct != instance.is_conduct:
        instance._figures_before = slices_of(Report.objects.filter(category=instance))


def _after_category(sender, instance: Category, **kwargs) -> None:
    before = instance.__dict__.pop("_figures_before", None)
    if before is not None:
        _apply(slices_of(Report.objects.filter(category=instance)), before)


def _rebuild_after_bulk_load(**kwargs) -> None:
    rebuild()


def connect() -> None:
    """Called once from the app config."""
    bulk_load_finished.connect(_rebuild_after_bulk_load, dispatch_uid="feedback-figures-bulk-load")
    for signal, receiver, sender in (
        (pre_save, _before_report, Report),
        (post_save, _after_report_save, Report),
        (pre_delete, _before_report, Report),
        (post_delete, _after_report_delete, Report),
        (pre_save, _before_category, Category),
        (post_save, _after_category, Category),
    ):
        signal.connect(receiver, sender=sender, dispatch_uid=f"feedback-figures-{sender.__name__}")


# --- Reads and the rebuild --------------------------------------------------------------------


def rebuild(apps=django_apps) -> int:
    """Recompute every slice from the reports (one query, one transaction). Run it after a bulk
    load, with no other writes going on (a migration passes its historical ``apps``). Returns
    the number of slices."""
    reports, months = (apps.get_model("feedback", name) for name in ("Report", "ReportMonth"))
    slices = slices_of(reports.objects.all())
    with transaction.atomic():
        months.objects.all().delete()
        months.objects.bulk_create(
            [
                months(unit_id=unit, month=month, **counts)
                for (unit, month), counts in slices.items()
            ],
            batch_size=2000,
        )
    return len(slices)
