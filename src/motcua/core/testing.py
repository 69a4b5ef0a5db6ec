"""Helpers for tests of every app (imported by tests only)."""

from django.core.management import call_command


def run_tasks() -> None:
    """Run every background task that is due, as the ``db_worker`` would, then return."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)
