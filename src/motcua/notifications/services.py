"""Sending notifications: written in the caller's transaction with their delivery tasks,
delivered once it commits.

    notify(event="dossier.received", obj=dossier, context={...},
           recipients=[Recipient(Channel.SMS, dossier.applicant_phone)])

Templates: ``notifications/<event>/subject.txt`` and ``body.txt`` (e-mail), ``short.txt``
(SMS and Zalo). Messages to citizens are written in Vietnamese.
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from motcua.notifications.models import Channel, Notification


@dataclass(frozen=True)
class Recipient:
    channel: str
    address: str


_muted: contextvars.ContextVar[bool] = contextvars.ContextVar("notifications_muted", default=False)


@contextlib.contextmanager
def muted():
    """Record and send nothing inside this block (loading demo data, importing history)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _render(event: str, channel: str, context: dict) -> tuple[str, str]:
    with translation.override("vi"):
        if channel == Channel.EMAIL:
            subject = render_to_string(f"notifications/{event}/subject.txt", context).strip()
            return subject, render_to_string(f"notifications/{event}/body.txt", context).strip()
        return "", render_to_string(f"notifications/{event}/short.txt", context).strip()


def notify(
    *,
    event: str,
    recipients: list[Recipient],
    context: dict,
    obj=None,
    unit_id: int | None = None,
    key: str = "",
    first: bool = False,
) -> list[Notification]:
    """Record one message per recipient and deliver them once the current transaction commits.

    ``key`` distinguishes repeated occurrences of the same event on the same object (a second
    supplement request); calling ``notify`` again with the same key sends nothing new.
    ``first``: ``obj`` was created in the current transaction, so no message about it can have
    been recorded before; the messages are inserted without looking for earlier ones.
    """
    if _muted.get():
        return []
    object_type = obj._meta.label_lower if obj is not None else ""
    object_id = (
        str(getattr(obj, "public_id", None) or getattr(obj, "pk", "")) if obj is not None else ""
    )
    candidates = []
    for recipient in dict.fromkeys(r for r in recipients if r.address):  # unique, in order
        subject, body = _render(event, recipient.channel, context)
        candidates.append(
            Notification(
                idempotency_key=(
                    f"{event}:{object_type}:{object_id}:{key}:{recipient.channel}:{recipient.address}"
                )[:255],
                event=event,
                channel=recipient.channel,
                recipient=recipient.address,
                subject=subject[:255],
                body=body,
                object_type=object_type,
                object_id=object_id,
                unit_id=unit_id,
            )
        )
    if not candidates:
        return []
    if first:  # the insert returns the rows' ids
        created = Notification.objects.bulk_create(candidates)
    else:  # one insert that skips the messages recorded before, then which rows are these ones
        Notification.objects.bulk_create(candidates, ignore_conflicts=True)
        recorded = dict(
            Notification.objects.filter(
                idempotency_key__in=[n.idempotency_key for n in candidates]
            ).values_list("public_id", "pk")
        )
        created = [n for n in candidates if n.public_id in recorded]
        for notification in created:
            notification.pk = recorded[notification.public_id]
    if created:
        from motcua.notifications.tasks import deliver_notification

        # The task queue is a table of the same database: each delivery task is written in the
        # caller's transaction, so a worker sees it once the change commits, and it goes with a
        # change that rolls back. No message is recorded without its delivery (as when a task
        # was queued in a second transaction after the commit, and the process died between).
        for notification in created:
            deliver_notification.enqueue(notification.pk)
    return created
