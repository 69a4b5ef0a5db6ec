"""Dossier codes: ``<unit identifier>-YYMMDD-NNNN``, a daily sequence per receiving unit.

The counter row is locked for the rest of the transaction, so concurrent receptions queue for
it and get consecutive numbers; a reception that rolls back gives its number back.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from motcua.dossiers.models import DossierCounter
from motcua.organisations.models import Unit


def next_code(unit: Unit, day: dt.date) -> str:
    """Reserve the next code of ``unit`` for ``day``. Call inside the transaction that creates
    the dossier."""
    counter = DossierCounter.objects.select_for_update().filter(unit=unit, day=day).first()
    if counter is None:
        try:
            with transaction.atomic():
                DossierCounter.objects.create(unit=unit, day=day, last=0)
        except IntegrityError:
            pass  # another reception created it first
        counter = DossierCounter.objects.select_for_update().get(unit=unit, day=day)
    counter.last += 1
    counter.save(update_fields=["last"])
    prefix = unit.identifier_code or unit.gso_code or unit.slug
    return f"{prefix}-{day:%y%m%d}-{counter.last:04d}"
