"""Figures kept per slice (a unit and a month, say) and changed by increments: the dossier
statistics (``par.rollup``, docs/adr/0004) and the feedback figures (``feedback.rollup``).

An app reads what a record counts for before and after a write, as ``{slice key: Counter of
measures}``, and adds the :func:`difference` to its table with :func:`add_to_slices`. Increments
commute, so writes to different records never wait for each other's slices. Its reports sum the
rows :func:`months_in` a period of whole months.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import connection


def difference(after: dict[tuple, Counter], before: dict[tuple, Counter]) -> dict[tuple, Counter]:
    """``after - before`` per slice, keeping only the measures that changed."""
    delta = {}
    for key in after.keys() | before.keys():
        change = Counter(after.get(key, {}))
        change.subtract(before.get(key, {}))
        change = Counter({name: n for name, n in change.items() if n})
        if change:
            delta[key] = change
    return delta


def add_to_slices(
    model, keys: tuple[str, ...], measures: tuple[str, ...], delta: dict[tuple, Counter]
) -> None:
    """Add ``delta`` (key values -> measures) to the rows of ``model``, creating the rows it
    lacks (one ``INSERT … ON CONFLICT DO UPDATE`` for all of them; ``keys`` are the columns of
    the model's unique constraint)."""
    rows = []
    for key, counts in delta.items():
        values = [counts.get(name, 0) for name in measures]
        if any(values):
            key = [
                connection.ops.adapt_datefield_value(v) if isinstance(v, dt.date) else v
                for v in key
            ]
            rows.append(key + values)
    if not rows:
        return
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    columns = ", ".join(q(c) for c in (*keys, *measures))
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(rows[0])) + ")"] * len(rows))
    updates = ", ".join(f"{q(m)} = {table}.{q(m)} + excluded.{q(m)}" for m in measures)
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES {placeholders} "  # noqa: S608 (model names; values bound)
        f"ON CONFLICT ({', '.join(q(k) for k in keys)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def months_in(model, units, start: dt.date, end: dt.date):
    """The rows of ``model`` (per unit and ``month``, its first day) of ``units`` (a query of
    unit ids) in the period, which must be whole months: the figures are kept per month."""
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        raise ValueError(f"{model.__name__} figures are kept per month: give whole months.")
    return model.objects.filter(unit__in=units, month__gte=start, month__lte=end)
