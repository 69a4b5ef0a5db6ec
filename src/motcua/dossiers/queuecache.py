"""The work queues' tab counters, kept in the cache until a dossier of their units changes.

Counting a ward's open dossiers on every queue page is most of what the page costs in the
database, and the figures change only when a dossier does. Each unit has a version in the
cache; a dossier's write, once it commits, gives a new version to every unit the dossier
counts for, before and after the write (its receiving unit, processing unit and department)
and to every unit above them, and to the version of "every unit". Counters are kept with the
version of the unit they were counted for (the active unit, whose subtree holds every
dossier they count): a hit costs one round trip, reading the counters and the version
together.

What the counters were counted from (the user, the unit branches, each queue's conditions
with today's dates) names the key, so a change of memberships, of the unit tree or of the
day counts afresh by itself. What changes dossiers must announce it: ``Model.save()`` and
``delete()`` do (signals); ``QuerySet.update()``, ``bulk_create()`` and raw SQL do not, and
their callers call :func:`dossier_changed` (or :func:`every_unit_changed`). ``KEEP_SECONDS``
bounds what nothing announces (an operator's SQL, a restored backup).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from motcua.core.bulk import bulk_load_finished, bulk_loading

#: The columns that place a dossier in a unit's queues.
UNIT_COLUMNS = ("unit_id", "processing_unit_id", "department_id")
UNIT_RELATIONS = ("unit", "processing_unit", "department")
#: How long counters stay kept at most when no write announces a change.
KEEP_SECONDS = 600
EVERY_UNIT = "all"


def _version_key(unit: int | str) -> str:
    return f"dossiers:queues:version:{unit}"


def kept_counters(unit_id: int | None, what: Iterable[object], count: Callable[[], object]):
    """``count()``, kept for the dossiers of ``unit_id`` and every unit below it (None: every
    unit) as long as none of them changes; ``what`` names what is counted (its ``repr``)."""
    digest = hashlib.sha256(repr(tuple(what)).encode()).hexdigest()[:32]
    key = f"dossiers:queues:counters:{digest}"
    version_key = _version_key(EVERY_UNIT if unit_id is None else unit_id)
    found = cache.get_many([version_key, key])
    version = found.get(version_key)
    if version is None:  # never bumped, or evicted: start a series no kept value belongs to
        version = cache.get_or_set(version_key, _new_version, None)
    kept_version, value = found.get(key, (None, None))
    if kept_version != version:
        value = count()
        cache.set(key, (version, value), KEEP_SECONDS)
    return value


def _new_version() -> str:
    return uuid.uuid4().hex


def dossier_changed(dossier) -> None:
    """The counters of ``dossier``'s units are stale once the current transaction commits:
    the units it counts for now and those it counted for when it was read (a transfer)."""
    now = tuple(getattr(dossier, column) for column in UNIT_COLUMNS)
    units = {*now, *getattr(dossier, "_units_as_loaded", ())} - {None}
    dossier._units_as_loaded = now  # what the database holds once this commits
    # The units the dossier holds already (a filing, a transition) need no query for their path.
    known = {
        unit.pk: unit.path
        for relation in UNIT_RELATIONS
        if dossier._meta.get_field(relation).is_cached(dossier)
        and (unit := getattr(dossier, relation)) is not None
    }
    transaction.on_commit(lambda: _bump(units, known))


def every_unit_changed() -> None:
    """Every counter is stale once the current transaction commits (a bulk load)."""
    from motcua.organisations.models import Unit

    transaction.on_commit(lambda: _renew(Unit.objects.values_list("id", flat=True)))


def _bump(unit_ids: Iterable[int], known_paths: dict[int, str]) -> None:
    """A new version for these units and every unit above them; ``known_paths``: the paths
    of some of them, by id (the others are read)."""
    from motcua.organisations.models import Unit

    unknown = [pk for pk in unit_ids if pk not in known_paths]
    paths = [known_paths[pk] for pk in unit_ids if pk in known_paths]
    if unknown:
        paths += Unit.objects.filter(id__in=unknown).values_list("path", flat=True)
    _renew({int(part) for path in paths for part in path.strip("/").split("/") if part})


def _renew(unit_ids: Iterable[int]) -> None:
    """A new version for these units and for every unit together."""
    cache.set_many({_version_key(unit): _new_version() for unit in [*unit_ids, EVERY_UNIT]}, None)


def _dossier_written(sender, instance, **kwargs) -> None:
    if not bulk_loading():  # a bulk load renews every counter at its end
        dossier_changed(instance)


def _bulk_load_finished(**kwargs) -> None:
    every_unit_changed()


def connect(dossier_model) -> None:
    """Called once from the app config."""
    for signal in (post_save, post_delete):
        signal.connect(_dossier_written, sender=dossier_model, dispatch_uid="queue-counters")
    bulk_load_finished.connect(_bulk_load_finished, dispatch_uid="queue-counters-bulk-load")
