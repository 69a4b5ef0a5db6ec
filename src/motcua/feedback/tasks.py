"""Scheduled feedback work, for a cron entry or the task worker: ``manage.py feedback_escalate``
runs the same functions."""

from django_tasks import task

from motcua.feedback import services


@task()
def escalate_overdue() -> int:
    return len(services.escalate_overdue())


@task()
def close_unrated() -> int:
    return len(services.close_unrated())
