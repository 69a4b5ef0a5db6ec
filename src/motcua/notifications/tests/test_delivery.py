"""Notifications are sent after the change commits, once, and retried when a gateway fails."""

import json
from pathlib import Path

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from motcua.core.testing import run_tasks
from motcua.notifications.backends import DeliveryError
from motcua.notifications.models import Channel, DeliveryStatus, Notification
from motcua.notifications.services import Recipient, notify
from motcua.notifications.tasks import MAX_ATTEMPTS, deliver_notification

CONTEXT = {"code": "000.31.26.H29-261121-0001", "name": "Nguyễn Văn An"}
RECIPIENTS = [Recipient(Channel.EMAIL, "an@example.vn"), Recipient(Channel.SMS, "0903123456")]


class UnreachableGateway:
    """An SMS provider that is down."""

    def send(self, **kwargs):
        raise DeliveryError("gateway timeout")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "first",
    [
        pytest.param(False, id="about an object notified before: earlier messages looked for"),
        pytest.param(True, id="about an object created in the transaction: inserted at once"),
    ],
)
def test_messages_go_out_after_the_change_commits(
    django_capture_on_commit_callbacks, settings, first
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1", first=first)
        assert Notification.objects.filter(status=DeliveryStatus.PENDING).count() == 2
    run_tasks()
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert mail.outbox[0].subject == "Thông báo thử: 000.31.26.H29-261121-0001"
    assert "Kính gửi Nguyễn Văn An" in mail.outbox[0].body
    sms = Notification.objects.get(channel=Channel.SMS)
    written = json.loads(
        (Path(settings.NOTIFICATION_OUTBOX_DIR) / "sms" / f"{sms.public_id}.json").read_text()
    )
    assert written["to"] == "0903123456"


@pytest.mark.django_db
def test_a_message_is_delivered_even_if_the_process_stops_right_after_the_commit(
    django_capture_on_commit_callbacks,
):
    """The delivery is queued in the change's own transaction, not by an after-commit step
    that a process killed after the commit never runs."""
    with django_capture_on_commit_callbacks(execute=False) as after_commit, transaction.atomic():
        notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1")
    assert after_commit == []
    assert run_tasks() == 2
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


@pytest.mark.django_db
def test_nothing_is_sent_for_a_change_that_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1")
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Notification.objects.exists()
    run_tasks()
    assert mail.outbox == []


@pytest.mark.django_db
def test_notifying_twice_for_the_same_occurrence_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1")
        notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1")
    run_tasks()
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_delivery_run_twice_sends_once(django_capture_on_commit_callbacks):
    """A worker killed after sending gets its job run again: the second run sends nothing."""
    with django_capture_on_commit_callbacks(execute=False):
        [email, _sms] = notify(event="test.event", recipients=RECIPIENTS, context=CONTEXT, key="1")
    assert deliver_notification.call(email.pk) == "sent"
    assert deliver_notification.call(email.pk) == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@override_settings(
    NOTIFICATION_BACKENDS={
        "email": "motcua.notifications.backends.EmailBackend",
        "sms": f"{__name__}.UnreachableGateway",
        "zalo": "",
    }
)
def test_a_failing_gateway_is_retried_then_the_failure_recorded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        [sms] = notify(
            event="test.event",
            recipients=[Recipient(Channel.SMS, "0903123456")],
            context=CONTEXT,
            key="1",
        )
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert deliver_notification.call(sms.pk) == "retry"
        sms.refresh_from_db()
        assert sms.attempts == attempt
    assert sms.status == DeliveryStatus.FAILED
    assert "gateway timeout" in sms.last_error
    assert deliver_notification.call(sms.pk) == "skipped"
