"""Bulk loads (the demo data): figures that every write keeps in step one by one (the
dashboards' dossier statistics) are worked out once at the end instead.

    with bulk_load():
        ...  # many writes

Apps that keep such figures skip their per-write upkeep while ``bulk_loading()`` is true and
connect a receiver to ``bulk_load_finished`` that rebuilds them.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.dispatch import Signal

_loading = contextvars.ContextVar("motcua_bulk_loading", default=False)

#: Sent once a bulk load has finished without error.
bulk_load_finished = Signal()


def bulk_loading() -> bool:
    return _loading.get()


@contextlib.contextmanager
def bulk_load():
    token = _loading.set(True)
    try:
        yield
    finally:
        _loading.reset(token)
    bulk_load_finished.send(sender=None)
