"""Dossier codes: ``<unit identifier>-YYMMDD-NNNN``, a daily sequence per receiving unit.

The counter row is locked for the rest of the transaction, so concurrent receptions queue for
it and get consecutive numbers; a reception that rolls back gives its number back. A dossier is
therefore inserted under a provisional code and numbered last (``number_dossier``), just before
the statements that show its code: the filings of one ward wait for each other only for the
end of their transactions, not for their uploads.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import IntegrityError, connection, transaction

from motcua.dossiers.models import Dossier, DossierCounter
from motcua.organisations.models import Unit


def _take_number(unit: Unit, day: dt.date) -> int | None:
    """The next number of ``unit``'s counter for ``day``, in one statement that also locks the
    row until the transaction ends; None when the counter does not exist yet."""
    q = connection.ops.quote_name
    table = q(DossierCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {q('last')} = {q('last')} + 1 "  # noqa: S608 (names; values bound)
            f"WHERE {q('unit_id')} = %s AND {q('day')} = %s RETURNING {q('last')}",
            [unit.pk, connection.ops.adapt_datefield_value(day)],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def next_code(unit: Unit, day: dt.date) -> str:
    """Reserve the next code of ``unit`` for ``day``. Call inside the transaction that creates
    the dossier."""
    number = _take_number(unit, day)
    if number is None:
        try:
            with transaction.atomic():
                DossierCounter.objects.create(unit=unit, day=day, last=0)
        except IntegrityError:
            pass  # another reception created it first
        number = _take_number(unit, day)
    prefix = unit.identifier_code or unit.gso_code or unit.slug
    return f"{prefix}-{day:%y%m%d}-{number:04d}"


def provisional_code() -> str:
    """A unique placeholder for a dossier inserted before it is numbered; no other transaction
    sees it (``number_dossier`` replaces it before the commit)."""
    return f"~{uuid.uuid4().hex}"


def number_dossier(dossier: Dossier, day: dt.date) -> None:
    """Give ``dossier`` (inserted under a provisional code) the next code of its receiving unit
    for ``day``. Call inside the transaction that creates the dossier, as late as possible."""
    dossier.code = next_code(dossier.unit, day)
    Dossier.objects.filter(pk=dossier.pk).update(code=dossier.code)
