"""A worker that dies in the middle of a delivery: the task is put back in the queue, runs
again, and the citizen receives the message once."""

import datetime as dt
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from motcua.core.tasks import MAX_CLAIMS, requeue_stale_tasks
from motcua.core.testing import run_tasks
from motcua.notifications.models import Channel, DeliveryStatus
from motcua.notifications.services import Recipient, notify
from motcua.notifications.tasks import deliver_notification
from motcua.notifications.tests.gateways import HANG_ENV, CountingSmsGateway

PROJECT = Path(__file__).resolve().parents[4]
CONTEXT = {"code": "000.31.26.H29-261121-0001", "name": "Nguyễn Văn An"}
SMS = [Recipient(Channel.SMS, "0903123456")]


class WorkerKilled(BaseException):
    """What SIGKILL does to a worker, as far as the database can tell: the task's transaction
    never commits and nothing records the end of the task."""


class DyingGateway(CountingSmsGateway):
    """The provider accepts the message, then the worker dies before recording it."""

    def send(self, **kwargs) -> None:
        super().send(**kwargs)
        raise WorkerKilled


def sms_outbox(settings) -> list[Path]:
    return sorted((Path(settings.NOTIFICATION_OUTBOX_DIR) / "sms").glob("*.json"))


def backends(sms: str) -> dict:
    return {"email": "motcua.notifications.backends.EmailBackend", "sms": sms, "zalo": ""}


@pytest.fixture(autouse=True)
def _fresh_provider(settings, tmp_path):
    CountingSmsGateway.calls.clear()
    settings.NOTIFICATION_OUTBOX_DIR = str(tmp_path / "outbox")


def crash_in_the_middle_of_the_delivery(notification) -> DBTaskResult:
    """Leave the database as a worker killed after the provider accepted the message does."""
    task = DBTaskResult.objects.ready().get()
    task.claim("worker-that-died")
    dying = override_settings(NOTIFICATION_BACKENDS=backends(f"{__name__}.DyingGateway"))
    with dying, pytest.raises(WorkerKilled):
        deliver_notification.call(notification.pk)
    task.refresh_from_db()
    return task


@pytest.mark.django_db
def test_a_delivery_whose_worker_died_is_run_again_and_sent_once(
    django_capture_on_commit_callbacks, settings
):
    settings.NOTIFICATION_BACKENDS = backends(
        "motcua.notifications.tests.gateways.CountingSmsGateway"
    )
    with django_capture_on_commit_callbacks(execute=True):
        [sms] = notify(event="test.event", recipients=SMS, context=CONTEXT, key="1")
    task = crash_in_the_middle_of_the_delivery(sms)
    assert task.status == TaskResultStatus.RUNNING
    sms.refresh_from_db()
    assert sms.status == DeliveryStatus.PENDING  # the worker never recorded the sending
    assert run_tasks() == 0  # left alone, the task would never run again

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=31)):
        call_command("requeue_stale_tasks", stdout=io.StringIO())
        assert run_tasks() == 1

    sms.refresh_from_db()
    assert sms.status == DeliveryStatus.SENT
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["worker-that-died", "test-worker"]
    # The provider was asked twice with the same reference and keeps one message.
    assert CountingSmsGateway.calls == [str(sms.public_id)] * 2
    assert [path.stem for path in sms_outbox(settings)] == [str(sms.public_id)]


@pytest.mark.django_db
def test_a_task_a_live_worker_is_running_is_left_alone(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="test.event", recipients=SMS, context=CONTEXT, key="1")
    task = DBTaskResult.objects.get()
    task.claim("busy-worker")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        assert requeue_stale_tasks() == (0, 0)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_task_that_keeps_killing_its_worker_is_given_up(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="test.event", recipients=SMS, context=CONTEXT, key="1")
    task = DBTaskResult.objects.get()
    for claim in range(MAX_CLAIMS):
        task.status = TaskResultStatus.READY
        task.claim(f"worker-{claim}")
        with time_machine.travel(timezone.now() + dt.timedelta(hours=1 + claim)):
            requeued, failed = requeue_stale_tasks()
    assert (requeued, failed) == (0, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert "workers died" in task.traceback


# --- The same with real worker processes, one of them killed with SIGKILL ---------------------


def worker_env(settings, **extra) -> dict:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "motcua.conf.dev",
        "DATABASE_URL": url,
        "NOTIFICATION_OUTBOX_DIR": settings.NOTIFICATION_OUTBOX_DIR,
        "SMS_BACKEND": "motcua.notifications.tests.gateways.HangingSmsGateway",
        "PYTHONPATH": str(PROJECT / "src"),
        **extra,
    }


def db_worker(*args) -> list[str]:
    return [
        sys.executable,
        "src/manage.py",
        "db_worker",
        "--no-reload",
        "--no-startup-delay",
        *args,
    ]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_while_delivering(settings, tmp_path):
    with transaction.atomic():
        [sms] = notify(event="test.event", recipients=SMS, context=CONTEXT, key="1")
    accepted = tmp_path / "accepted"
    worker = subprocess.Popen(
        db_worker("--interval", "0.1"),
        cwd=PROJECT,
        env=worker_env(settings, **{HANG_ENV: str(accepted)}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not accepted.exists():
            assert worker.poll() is None, "the worker stopped before sending"
            assert time.monotonic() < deadline, "the worker never sent"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)

    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.RUNNING
    sms.refresh_from_db()
    assert sms.status == DeliveryStatus.PENDING
    assert len(sms_outbox(settings)) == 1  # the provider has the message already

    assert requeue_stale_tasks(stale_after=dt.timedelta(0)) == (1, 0)
    second = subprocess.run(
        db_worker("--batch"),
        cwd=PROJECT,
        env=worker_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stdout + second.stderr

    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (DeliveryStatus.SENT, 1)
    assert [path.stem for path in sms_outbox(settings)] == [str(sms.public_id)]
