"""Recovering background tasks whose worker died.

django-tasks' database worker marks a task RUNNING when it claims it and SUCCESSFUL or FAILED
when it ends. A worker killed in between (SIGKILL, out of memory, the machine lost) leaves the
task RUNNING for ever: nothing else looks at it again. :func:`requeue_stale_tasks` puts such
tasks back in the queue, so another worker runs them; the tasks themselves are idempotent
(``notifications.tasks.deliver_notification`` sends a message once however often it runs).

A task that keeps killing its worker is not retried for ever: after ``MAX_CLAIMS`` claims it
is marked FAILED.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger(__name__)

MAX_CLAIMS = 5


class WorkerLost(Exception):
    """Recorded as the error of a task whose workers kept dying while running it."""


def requeue_stale_tasks(*, stale_after: dt.timedelta | None = None) -> tuple[int, int]:
    """Put tasks claimed longer than ``stale_after`` ago (default: the
    ``TASK_STALE_AFTER_MINUTES`` setting) back in the queue; return (requeued, given up)."""
    if stale_after is None:
        stale_after = dt.timedelta(minutes=settings.TASK_STALE_AFTER_MINUTES)
    cutoff = timezone.now() - stale_after
    requeued = failed = 0
    with exclusive_transaction(DBTaskResult.objects.db):
        stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        for task in stale.select_for_update(skip_locked=True):
            if len(task.worker_ids) >= MAX_CLAIMS:
                task.set_failed(WorkerLost(f"{len(task.worker_ids)} workers died running it"))
                failed += 1
                continue
            task.status = TaskResultStatus.READY
            task.started_at = None
            task.save(update_fields=["status", "started_at"])
            requeued += 1
    if requeued or failed:
        logger.warning("stale tasks recovered", extra={"requeued": requeued, "failed": failed})
    return requeued, failed
