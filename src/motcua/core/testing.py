"""Helpers for tests of every app (imported by tests only)."""

from unittest import mock

from django.core.management import call_command


def run_tasks() -> None:
    """Run every background task that is due, as the ``db_worker`` would, then return.

    A test runs inside a transaction; the worker's recycling of old connections would close
    that connection on PostgreSQL (SQLite's in-memory test database ignores it), so it is
    switched off for the run.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
