"""Scale-out proof on one machine: two web instances and two task workers share one PostgreSQL
database and one Redis, as web and worker nodes of a province deployment do.

    .venv/bin/python bench/scaleout.py [--notifications 300] [--keep]

Starts two gunicorn instances (production settings, Redis cache) and two ``db_worker``
processes against a fresh PostgreSQL database, then checks, each printed as PASS / FAIL
(exit status 1 on any failure):

1. a staff member signs in (password, then the second factor) on instance A and, with the same
   session cookie, opens the back office on instance B;
2. the public dossier lookup's rate limit is one budget across both instances (the counters are
   in the shared cache, not in each process);
3. the public dashboard is served while its reads go to the read replica (here a read-only role
   on the same database);
4. N notification jobs are queued; both workers take jobs and every job runs exactly once: each
   notification is delivered in one attempt, the outbox holds exactly N messages, every task
   result succeeded.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from common import ROOT, Browser, setup_django, wait_until_serving

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/motcua_scaleout"
CACHE_URL = "redis://127.0.0.1:6379/14"
# A role that may only read: reads routed to the "replica" succeed, a write sent there would fail.
REPLICA_ROLE = "motcua_scaleout_reader"
PORTS = (8101, 8102)
PASSWORD = "scale-out-proof-2026"


def get(browser: Browser, port: int, path: str) -> tuple[int, str, str]:
    """(status, Location header, body) of ``path`` on the instance at ``port``."""
    return browser.fetch(f"http://127.0.0.1:{port}{path}")


def post_form(browser: Browser, port: int, path: str, fields: dict) -> tuple[int, str, str]:
    """GET the form at ``path`` for its CSRF token, then POST it with ``fields``."""
    url = f"http://127.0.0.1:{port}{path}"
    data = {"csrfmiddlewaretoken": browser.csrf_token(url), **fields}
    return browser.fetch(url, urllib.parse.urlencode(data).encode(), {"Referer": url})


def prepare_database(environment: dict[str, str]) -> None:
    """A fresh, migrated database with Ho Chi Minh City's units, and a read-only role standing in for the read replica."""
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "motcua_scaleout"],
        check=True,
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "motcua_scaleout"], check=True)
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "import_vn_units", "--province", "79", "-v0")  # Ho Chi Minh City
    grants = (
        f"DROP ROLE IF EXISTS {REPLICA_ROLE}; CREATE ROLE {REPLICA_ROLE} LOGIN; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {REPLICA_ROLE};"
    )
    subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "motcua_scaleout", "-c", grants],
        check=True,
    )


def manage(environment: dict[str, str], *args: str, **popen) -> subprocess.Popen | None:
    command = [sys.executable, str(ROOT / "src" / "manage.py"), *args]
    if popen:
        return subprocess.Popen(command, env=environment, **popen)
    subprocess.run(command, env=environment, check=True)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--notifications", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="motcua-scaleout-"))
    (var_dir / "static").mkdir()
    process_log = (var_dir / "processes.log").open("w")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "motcua.conf.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "DATABASE_REPLICA_URL": f"postgres://{REPLICA_ROLE}@127.0.0.1:5432/motcua_scaleout",
        "MOTCUA_VAR_DIR": str(var_dir),
        "PYTHONPATH": str(ROOT / "src"),
    }
    os.environ.update(environment)
    prepare_database(environment)
    setup_django()

    from django.core.cache import cache
    from django.db import connection
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    from motcua.accounts.models import User
    from motcua.dossiers.views.public import LOOKUP_RATE
    from motcua.notifications.models import DeliveryStatus, Notification
    from motcua.notifications.services import Recipient, notify

    cache.clear()
    staff = User.objects.create_user(
        username="scaleout.admin", password=PASSWORD, is_staff=True, is_superuser=True
    )
    device = TOTPDevice.objects.create(user=staff, name="scale-out", confirmed=True)

    processes: list[subprocess.Popen] = []
    failures = 0

    def check(name: str, passed: bool, detail: str) -> None:
        nonlocal failures
        failures += not passed
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")

    try:
        for port in PORTS:
            processes.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "gunicorn"),
                        "motcua.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "2",
                        "--log-level",
                        "warning",
                    ],
                    env=environment,
                    cwd=ROOT / "src",
                    stdout=process_log,
                    stderr=process_log,
                )
            )
        for port in PORTS:
            wait_until_serving(f"http://127.0.0.1:{port}/healthz", seconds=20)

        # 1. One session, two instances.
        first, second = PORTS
        browser = Browser()
        post_form(browser, first, "/dang-nhap/", {"username": staff.username, "password": PASSWORD})
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        post_form(browser, first, "/dang-nhap/xac-thuc/", {"token": code})
        status, location, page = get(browser, second, "/can-bo/")
        check(
            "session across instances",
            status == 200 and staff.username in page,
            f"signed in on :{first}, back office on :{second} answered {status} {location}",
        )

        # 2. One rate-limit budget across instances.
        visitor = Browser()
        answers = [
            post_form(
                visitor, PORTS[n % 2], "/tra-cuu-ho-so/", {"code": f"X-{n}", "secret": "00000000"}
            )[0]
            for n in range(LOOKUP_RATE.limit + 4)
        ]
        allowed = answers.count(200)
        check(
            "rate limit shared by both instances",
            allowed == LOOKUP_RATE.limit and answers[-1] == 429,
            f"{allowed} lookups answered, then {answers[-1]} (limit {LOOKUP_RATE.limit} per {LOOKUP_RATE.window} s)",
        )

        # 3. Dashboards read from the replica.
        status, _location, _page = get(Browser(), second, "/chi-so/")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", [REPLICA_ROLE]
            )
            replica_connections = cursor.fetchone()[0]
        check(
            "dashboards read from the replica",
            status == 200 and replica_connections > 0,
            f"public dashboard answered {status}; {replica_connections} connection(s) of the "
            f"read-only replica role open",
        )

        # 4. Every job exactly once with two workers.
        started = time.perf_counter()
        for n in range(args.notifications):
            notify(
                event="test.event",
                recipients=[Recipient("sms", f"09{n:08d}")],
                context={},
                key=str(n),
            )
        for worker in ("worker-1", "worker-2"):
            processes.append(
                manage(
                    environment,
                    "db_worker",
                    "--interval",
                    "0.1",
                    "--worker-id",
                    worker,
                    "--no-startup-delay",
                    stdout=process_log,
                    stderr=process_log,
                )
            )
        deadline = time.monotonic() + 300
        while (
            Notification.objects.filter(status=DeliveryStatus.PENDING).exists()
            and time.monotonic() < deadline
        ):
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        delivered = Notification.objects.filter(status=DeliveryStatus.SENT, attempts=1).count()
        outbox = len(list((var_dir / "outbox" / "sms").glob("*.json")))
        results = DBTaskResult.objects.all()
        succeeded = results.filter(status="SUCCESSFUL").count()
        per_worker = {
            worker: sum(1 for ids in results.values_list("worker_ids", flat=True) if worker in ids)
            for worker in ("worker-1", "worker-2")
        }
        check(
            "every job exactly once",
            delivered == outbox == succeeded == results.count() == args.notifications
            and all(per_worker.values()),
            f"{args.notifications} queued, {delivered} delivered in one attempt, {outbox} in the outbox, "
            f"{succeeded} task results succeeded; per worker {per_worker}; {elapsed:.1f} s",
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        print(f"Server and worker logs: {var_dir / 'processes.log'}")
        if not args.keep:
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "motcua_scaleout"],
                check=False,
            )
            subprocess.run(
                ["dropuser", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", REPLICA_ROLE],
                check=False,
            )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
