"""Throughput under load: gunicorn on loopback driven by wrk, each case as a ratio to a bare
Django view measured in the same run with the same server; then the resident memory of a
gunicorn worker after the load and of a ``db_worker`` after it processed the queued tasks.

    .venv/bin/python bench/load.py [--duration 20] [--connections 16] [--workers 3]
                                   [--database-url postgres://...]

The server: ``gunicorn motcua.wsgi --workers 3`` (sync workers, as docs/operations.md deploys it,
without --max-requests so that the memory read at the end is that of a worker which served the
whole run), production settings with the bare view added (bench/settings.py), Redis cache db 13.
wrk runs 2 threads and ``--connections`` connections for ``--duration`` seconds per case, after
an unmeasured warm-up (2 seconds; 1 in runs shorter than 10 s); every request carries its own
visitor address (bench/load.lua).

Cases: the bare view (first and last, to show drift on a shared machine; the ratios are to the
mean of the two), the home page, an article (200 different ones in turn), a procedure page (every
active procedure in turn), the status lookup page (its empty form), the status lookup itself
(code + secret, then the status page with the cookie that unlocks it), online submission (multipart POST with the CSRF token, a new
idempotency key each time, one small PDF per required document) and feedback intake (POST).
Exit status 1 when any request failed (socket error or an HTTP status of 400 or more).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from common import (
    DEFAULT_DATABASE_URL,
    ROOT,
    Browser,
    bench_environment,
    markdown,
    setup_django,
    wait_until_serving,
)

PORT = int(os.environ.get("BENCH_PORT", "8110"))  # another port when two people measure
BASE = f"http://127.0.0.1:{PORT}"
LUA = Path(__file__).with_name("load.lua")
#: The smallest file the upload checks accept as a PDF document.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass
class Case:
    name: str
    mode: str  # see load.lua
    paths: list[str]
    body: bytes = b""
    content_type: str = ""
    cookie: str = ""
    target: str = ""
    result: dict = field(default_factory=dict)


def form_token(browser: Browser, path: str) -> tuple[str, str]:
    """(CSRF token, the cookie header that goes with it) of the form at ``path``, for wrk."""
    token = browser.csrf_token(BASE + path)
    cookie = next(c for c in browser.cookies if c.name == "csrftoken")
    return token, f"csrftoken={cookie.value}"


def multipart(fields: dict[str, str], files: dict[str, bytes]) -> tuple[bytes, str]:
    boundary = "motcuabench" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, content in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="giay-to.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def build_cases() -> list[Case]:
    """The cases, with their POST bodies checked once against the running server."""
    from motcua.dossiers.models import Dossier
    from motcua.feedback.forms import CategoryChoiceField
    from motcua.news.models import Article, ArticleStatus
    from motcua.organisations.models import Unit
    from motcua.procedures.models import Procedure
    from motcua.procedures.selectors import current_version

    # The filings and reports of the load run go to a ward the latency runs do not measure:
    # they stay in the database, and in the measured ward they swelled its queues run by run.
    ward = Unit.objects.get(gso_code="27112")  # Cát Lái, a demo ward
    articles = list(
        Article.objects.filter(status=ArticleStatus.PUBLISHED, slug__startswith="bench-")
        .order_by("?")
        .values_list("slug", flat=True)[:200]
    )
    codes = list(
        Dossier.objects.filter(code__contains="-B", secret="BENCH234").values_list(
            "code", flat=True
        )[:2000]
    )
    procedures = list(Procedure.objects.filter(is_active=True).values_list("slug", flat=True))
    versions = [
        v
        for v in (current_version(p) for p in Procedure.objects.filter(is_active=True))
        if v and v.is_online
    ]
    version = min(versions, key=lambda v: v.documents.filter(is_optional=False).count())

    # The checks run before the load, so that a case that would only produce errors fails
    # early and clearly.
    browser = Browser({"X-Forwarded-For": "10.255.0.1"})
    token, cookie = form_token(browser, f"/ho-so/nop/{version.procedure.slug}/")
    submission, submission_type = multipart(
        {
            "csrfmiddlewaretoken": token,
            "idempotency_key": "{{KEY}}",
            "unit": str(ward.pk),
            "applicant_type": "citizen",
            "name": "Nguyễn Văn Đo Tải",
            "id_number": "079123456789",
            "phone": "0903123456",
            "address": "12 Nguyễn Thị Định, Phường Cát Lái",
            "consent": "on",
        },
        {f"document_{d.pk}": PDF for d in version.documents.filter(is_optional=False)},
    )
    category = next(
        code
        for _group, choices in CategoryChoiceField._choices_tree()[1:]
        if isinstance(choices, list)
        for code, _name in choices
    )
    token, feedback_cookie = form_token(browser, "/phan-anh/gui/")
    feedback = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "idempotency_key": "{{KEY}}",
            "unit": ward.slug,
            "category": category,
            "description": "Đèn đường trước nhà bị hỏng ba ngày nay, buổi tối rất tối.",
            "address": "12 Nguyễn Thị Định, Phường Cát Lái",
            "is_public": "on",
            "website": "",
        }
    ).replace("%7B%7BKEY%7D%7D", "{{KEY}}")
    cases = [
        Case("baseline: bare Django view", "get", ["/bench/bare/"]),
        Case("home page", "get", ["/"], target="≥ 50% of bare"),
        Case("article page", "get", [f"/tin-tuc/{s}/" for s in articles], target="≥ 50% of bare"),
        Case(
            "procedure page",
            "get",
            [f"/thu-tuc/{slug}/" for slug in procedures],
            target="≥ 50% of bare",
        ),
        Case("status lookup page (the form)", "get", ["/tra-cuu-ho-so/"], target="≥ 50% of bare"),
        Case(
            "status lookup (code + secret, then the status page)",
            "lookup",
            [f"/tra-cuu-ho-so/{c}/?ma=BENCH234" for c in codes],
            target="≥ 50% of bare",
        ),
        Case(
            f"online submission ({len(version.documents.filter(is_optional=False))} PDF)",
            "post",
            [f"/ho-so/nop/{version.procedure.slug}/"],
            submission,
            submission_type,
            cookie,
            target="≥ 100/s, no errors",
        ),
        Case(
            "feedback intake",
            "post",
            ["/phan-anh/gui/"],
            feedback.encode(),
            "application/x-www-form-urlencoded",
            feedback_cookie,
            target="no errors",
        ),
        Case("baseline again (drift check)", "get", ["/bench/bare/"]),
    ]
    lookup = next(case for case in cases if case.mode == "lookup")
    status, _location, _page = browser.fetch(BASE + lookup.paths[0])
    if status != 302 or browser.fetch(f"{BASE}/tra-cuu-ho-so/{codes[0]}/")[0] != 200:
        raise SystemExit("status lookup: the code and secret do not open the status page")
    for case in cases:
        if case.mode == "post":
            body = case.body.replace(b"{{KEY}}", uuid.uuid4().hex.encode())
            status, _location, page = browser.fetch(
                BASE + case.paths[0], body, {"Content-Type": case.content_type}
            )
            if status != 302:
                errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)<', page)
                raise SystemExit(f"{case.name}: HTTP {status} instead of a redirect: {errors}")
    return cases


def run_wrk(case: Case, *, duration: int, connections: int, workdir: Path) -> dict:
    paths = workdir / "paths.txt"
    paths.write_text("\n".join(case.paths) + "\n")
    body = workdir / "body"
    body.write_bytes(case.body)
    environment = {
        **os.environ,
        "BENCH_MODE": case.mode,
        "BENCH_PATHS": str(paths),
        "BENCH_BODY": str(body),
        "BENCH_CONTENT_TYPE": case.content_type,
        "BENCH_COOKIE": case.cookie,
    }

    def wrk(seconds: int) -> dict:
        output = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(LUA), BASE],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])

    if case.mode == "get":
        # Every page once before the timing, as on a site in use; what a page costs when it is
        # not in the cache is the latency runs' cold figure.
        browser = Browser({"X-Forwarded-For": "10.255.0.2"})
        for path in case.paths:
            browser.fetch(BASE + path)
    wrk(2 if duration >= 10 else 1)  # warm-up, not measured
    figures = wrk(duration)
    seconds = figures["duration_us"] / 1e6
    errors = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "rps": figures["requests"] / seconds,
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "requests": figures["requests"],
        "errors": errors,
    }


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def worker_memory(environment: dict[str, str], log) -> str:
    """Run ``db_worker`` on the tasks the load queued, for up to 60 s, and read its memory."""
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.exclude(status="READY").count()
    queued = DBTaskResult.objects.filter(status="READY").count()
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "src" / "manage.py"), "db_worker", "--interval", "0.5"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        done = 0
        while time.monotonic() < deadline:
            time.sleep(2)
            done = DBTaskResult.objects.exclude(status="READY").count() - before
            if done >= min(queued, 500):
                break
        memory = rss_mb(worker.pid)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    log(f"db_worker processed {done} of {queued} queued tasks")
    return f"{memory:.0f} MB after {done} tasks"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=20, help="seconds per case")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--only", default="", help="run only the cases whose name has this (and the baselines)"
    )
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench installs it).")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            raise SystemExit(f"127.0.0.1:{PORT} is taken (another load run?): set BENCH_PORT.")
    workdir = Path(tempfile.mkdtemp(prefix="motcua-load-"))
    environment = {**os.environ, **bench_environment(args.database_url, workdir)}
    os.environ.update(environment)
    setup_django()
    server_log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "motcua.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=ROOT / "src",
        stdout=server_log,
        stderr=server_log,
    )
    failures = 0
    try:
        wait_until_serving(f"{BASE}/bench/bare/")
        cases = [
            case
            for case in build_cases()
            if args.only in case.name or case.name.startswith("baseline")
        ]
        for case in cases:
            log(f"  load: {case.name}...")
            case.result = run_wrk(
                case, duration=args.duration, connections=args.connections, workdir=workdir
            )
        workers = children(server.pid)
        worker_rss = [rss_mb(pid) for pid in workers]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    # The reference: the mean of the two bare-view runs, first and last.
    bare = {k: (cases[0].result[k] + cases[-1].result[k]) / 2 for k in ("rps", "p99")}
    rows = []
    for case in cases:
        r = case.result
        failures += r["errors"] > 0
        rows.append(
            [
                case.name,
                f"{r['rps']:.0f}",
                f"{r['rps'] / bare['rps'] * 100:.0f}%",
                f"{r['p50']:.1f}",
                f"{r['p99']:.1f}",
                f"{r['p99'] / bare['p99']:.1f}×",
                f"{r['errors']} / {r['requests']}",
                case.target,
            ]
        )
    print(
        f"gunicorn: {args.workers} sync workers on 127.0.0.1:{PORT}; wrk: 2 threads, "
        f"{args.connections} connections, {args.duration} s per case.\n"
    )
    print(
        markdown(
            [
                "case",
                "requests/s",
                "÷ bare view",
                "p50 ms",
                "p99 ms",
                "p99 ÷ bare",
                "errors / requests",
                "target",
            ],
            rows,
        )
    )
    print("\n| process | resident memory (RSS) | target |\n|---|---|---|")
    print(
        f"| gunicorn worker after the load (largest of {len(worker_rss)}) | "
        f"{max(worker_rss):.0f} MB (all: {', '.join(f'{m:.0f}' for m in worker_rss)}) | |"
    )
    print(f"| db_worker | {worker_memory(environment, log)} | < 150 MB |")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
