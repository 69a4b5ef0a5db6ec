"""Delivery backends, one per channel. Real gateways (an SMS provider, Zalo ZNS) plug in by
setting ``SMS_BACKEND`` / ``ZALO_BACKEND`` to a class with the same ``send`` method.

A backend receives the notification's public id and must pass it to the provider as the
client reference, so that a retry after a crash never makes the provider send twice.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.module_loading import import_string


class DeliveryError(Exception):
    """The provider refused or could not be reached; the delivery is retried."""


class EmailBackend:
    def send(self, *, reference: str, recipient: str, subject: str, body: str) -> None:
        message = EmailMessage(
            subject=subject, body=body, to=[recipient], headers={"X-Motcua-Reference": reference}
        )
        message.send(fail_silently=False)


class OutboxBackend:
    """Writes each message as a JSON file named by its reference (the embedded set-up's
    stand-in for an SMS or Zalo gateway); writing the same reference twice is one message."""

    channel = "outbox"

    def send(self, *, reference: str, recipient: str, subject: str, body: str) -> None:
        folder = Path(settings.NOTIFICATION_OUTBOX_DIR) / self.channel
        folder.mkdir(parents=True, exist_ok=True)
        payload = {"reference": reference, "to": recipient, "subject": subject, "text": body}
        (folder / f"{reference}.json").write_text(
            json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8"
        )


class OutboxSmsBackend(OutboxBackend):
    channel = "sms"


class OutboxZaloBackend(OutboxBackend):
    channel = "zalo"


def backend_for(channel: str):
    return import_string(settings.NOTIFICATION_BACKENDS[channel])()
