"""Background delivery with retries. Running a delivery twice sends once."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from motcua.notifications.backends import backend_for
from motcua.notifications.models import DeliveryStatus, Notification

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def retry_delay(attempts: int) -> dt.timedelta:
    """1, 4, 16, 64 minutes..."""
    return dt.timedelta(minutes=4 ** (attempts - 1))


@task()
def deliver_notification(notification_id: int) -> str:
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status != DeliveryStatus.PENDING:
            return "skipped"
        notification.attempts += 1
        try:
            backend_for(notification.channel).send(
                reference=str(notification.public_id),
                recipient=notification.recipient,
                subject=notification.subject,
                body=notification.body,
            )
        except Exception as error:  # any provider failure is retried, then recorded
            notification.last_error = f"{type(error).__name__}: {error}"[:2000]
            if notification.attempts >= MAX_ATTEMPTS:
                notification.status = DeliveryStatus.FAILED
            notification.save(update_fields=["attempts", "last_error", "status", "updated_at"])
            logger.warning(
                "notification delivery failed",
                extra={"notification": notification.pk, "attempt": notification.attempts},
            )
            if notification.status == DeliveryStatus.PENDING:
                run_after = timezone.now() + retry_delay(notification.attempts)
                transaction.on_commit(
                    lambda: deliver_notification.using(run_after=run_after).enqueue(notification_id)
                )
            return "retry"
        notification.status = DeliveryStatus.SENT
        notification.sent_at = timezone.now()
        notification.save(update_fields=["attempts", "status", "sent_at", "updated_at"])
    return "sent"
