"""Helpers for tests of every app (imported by tests only)."""

import contextlib
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

from django.db import OperationalError, connection, transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_tasks() -> int:
    """Run every background task that is due with the database worker's own code, as
    ``db_worker --batch`` would, but inside the test's transaction (the command itself closes
    database connections between tasks, which would end the test's transaction)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                return ran
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1


@contextlib.contextmanager
def database_fails_on(table: str):
    """The database server goes away when the first row is written to ``table``: that statement
    and every later one fail, as on a dropped connection. Rolling back to a savepoint still goes
    through (a server that loses its client rolls the transaction back itself), so the test's
    own transaction stays usable."""
    down = False

    def outage(execute, sql, params, many, context):
        nonlocal down
        statement = sql.lstrip().upper()
        down = down or (statement.startswith("INSERT") and f'"{table.upper()}"' in statement)
        if down and not statement.startswith(("ROLLBACK", "RELEASE")):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(outage):
        yield


def hidden_fields(html: str) -> dict:
    """The hidden fields of a page written as ``<input type="hidden" name=… value=…>``: what
    the "Send again" button of the 503 page posts, the markers a form carries."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))


def run_together(functions):
    """Start the functions at the same moment in separate threads (each with its own
    database connection); return what each returned or raised."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def worker(index, function):
        barrier.wait()
        try:
            results[index] = function()
        except Exception as error:  # collected for the assertions
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def settings_in_new_process(expression: str, environment: dict[str, str]):
    """The value of ``expression`` (Python, with ``settings`` in scope, JSON-serialisable) in a
    fresh Django process started with ``environment``: settings read the environment only once,
    at start-up, so a test of what a variable does needs its own process."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({expression}))"
    )
    result = subprocess.run(  # noqa: S603 (the script is the calling test's own code)
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
