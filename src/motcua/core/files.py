"""Uploaded files that belong to rows written in a transaction.

A file is stored before the row that points to it is inserted. If the transaction then fails
(the database goes away, a constraint, a bug) the rows are rolled back but the file would stay
on disk, unreferenced — personal data nobody can see or delete. Inside
``atomic_with_files()``, files stored with ``store()`` are deleted again when the block fails::

    with atomic_with_files():
        document = DossierDocument(...)
        store(document.file, upload.name, upload.content)
        document.save()
"""

from __future__ import annotations

import contextlib
import contextvars
import logging

from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)

_stored: contextvars.ContextVar[list | None] = contextvars.ContextVar("stored_files", default=None)


def store(field_file: FieldFile, name: str, content) -> None:
    """Save ``content`` to ``field_file`` (without saving its row) and remember it so that it is
    deleted if the enclosing ``atomic_with_files()`` block fails."""
    field_file.save(name, content, save=False)
    stored = _stored.get()
    if stored is not None:
        stored.append((field_file.storage, field_file.name))


@contextlib.contextmanager
def atomic_with_files():
    """``transaction.atomic()`` that also removes the files stored in it when it fails."""
    stored: list = []
    token = _stored.set(stored)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for storage, name in stored:
            try:
                storage.delete(name)
            except OSError:  # the storage is down too: a purge job finds it later
                logger.warning("could not remove a file of a failed transaction")
        raise
    finally:
        _stored.reset(token)
