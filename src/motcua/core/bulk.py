"""Figures that every write keeps in step one by one (the dashboards' dossier statistics),
settled once for a group of writes instead.

A bulk load (the demo data) has them rebuilt at its end:

    with bulk_load():
        ...  # many writes

Apps that keep such figures skip their per-write upkeep while ``bulk_loading()`` is true and
connect a receiver to ``bulk_load_finished`` that rebuilds them.

A unit of work (one service call: a dossier filed with its documents) has them settled once at
its end, inside its transaction:

    with transaction.atomic(), unit_of_work():
        ...  # a few writes

While ``current_unit_of_work()`` is a dict, apps note there what the writes touched (under
their own key) and settle it in a receiver of ``unit_of_work_finished``, which gets the dict as
``work``. It is sent only when the block ends without an error; a nested block joins the outer.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.dispatch import Signal

_loading = contextvars.ContextVar("motcua_bulk_loading", default=False)
_work = contextvars.ContextVar("motcua_unit_of_work", default=None)

#: Sent once a bulk load has finished without error.
bulk_load_finished = Signal()
#: Sent at the end of a unit of work that raised no error, with ``work`` (see above).
unit_of_work_finished = Signal()


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


def current_unit_of_work() -> dict | None:
    return _work.get()


@contextlib.contextmanager
def unit_of_work():
    if _work.get() is not None:  # joins the unit of work around it
        yield
        return
    work: dict = {}
    token = _work.set(work)
    try:
        yield
    finally:
        _work.reset(token)
    unit_of_work_finished.send(sender=None, work=work)
