"""Latency of the hot paths on the benchmark database (fill it with generate.py first).

    .venv/bin/python bench/latency.py [--iterations 200] [--cold-iterations 30]
                                      [--database-url postgres://...] [--only WORD]

Requests go through the whole Django stack in process (middleware, sessions, templates,
serialisation) with the production settings (bench/settings.py: DEBUG off, Redis cache db 13,
persistent database connections), as a signed-in staff member whose second factor is verified,
an API client with a bearer token, or an anonymous visitor.

Each case is timed twice:

- warm: after a few unmeasured requests, with the Django cache and the database connection
  kept between requests, as on a busy server;
- cold: before every timed request the whole cache is flushed (page fragments, counters, the
  working calendar, rate-limit counters) and every database connection is closed, so the
  request opens a new PostgreSQL session (empty catalogue and plan caches) and computes
  everything again. PostgreSQL's shared buffers and the operating system's page cache are not
  dropped: that needs a server restart, which a shared machine does not allow.

Reported as p50 / p95 / p99 in milliseconds and as a ratio to the baseline, a bare Django view
returning a constant response (bench/urls.py), measured warm and cold in the same run.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common import DEFAULT_DATABASE_URL, bench_environment, markdown, measure, setup_django


@dataclass
class Case:
    name: str
    call: Callable[[], object]
    target: str = ""
    heavy: bool = False  # a tenth of the iterations (dashboards, exports)


def cases(year: int) -> list[Case]:
    """The measured requests, built against what the database holds."""
    from django.conf import settings
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from motcua.accounts.models import User
    from motcua.api.models import ApiToken
    from motcua.core.pdf import STORE
    from motcua.dashboards.reports import report_html, report_pdf
    from motcua.dashboards.tasks import render_report
    from motcua.dossiers.models import Dossier, Status
    from motcua.dossiers.selectors import QUEUES
    from motcua.news.models import Article, ArticleStatus
    from motcua.organisations.models import Unit
    from motcua.par.models import Assessment
    from motcua.par.periods import Period
    from motcua.par.service_index import INDICATORS

    rng = random.Random(1)

    def staff_client(username: str) -> Client:
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = (
            user.totpdevice_set.filter(confirmed=True).first().persistent_id
        )
        session.save()
        return client

    def visitor_address() -> str:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"

    def ok(response, *statuses: int):
        assert response.status_code in (statuses or (200,)), response.status_code
        return response

    ward = Unit.objects.get(gso_code="26929")  # Bình Thạnh, a demo ward
    leader = staff_client("binhthanh.lanhdao")
    specialist = staff_client("binhthanh.chuyenvien")
    _row, token = ApiToken.issue(
        user=User.objects.get(username="binhthanh.lanhdao"), name="benchmark"
    )
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    anonymous = Client()
    lookups = list(
        Dossier.objects.filter(code__contains="-B", secret="BENCH234").values_list(
            "code", flat=True
        )[:2000]
    )
    articles = list(
        Article.objects.filter(status=ArticleStatus.PUBLISHED, slug__startswith="bench-")
        .order_by("?")
        .values_list("slug", flat=True)[:500]
    )
    assessment = (
        Assessment.objects.filter(status="published").select_related("framework", "unit").first()
    )
    drill = next(i.code for i in INDICATORS if i.drill)
    ward_year = {"don_vi": ward.slug, "nam": year}

    def public(path: str, params: dict | None = None):
        """A visitor's GET, from an address of its own (public pages limit requests per address)."""
        return ok(anonymous.get(path, params, HTTP_X_FORWARDED_FOR=visitor_address()))

    citizen = Client()

    def status_lookup():
        # Each lookup is another citizen with a session of their own. (The same Client with its
        # cookies dropped: a new Client would instantiate the middleware again, WhiteNoise's
        # scan of the static files included, which a server does once per process.)
        citizen.cookies.clear()
        response = ok(
            citizen.post(
                "/tra-cuu-ho-so/",
                {"code": rng.choice(lookups), "secret": "BENCH234"},
                HTTP_X_FORWARDED_FOR=visitor_address(),
            ),
            302,
        )
        ok(citizen.get(response["Location"]))

    found = [
        Case(
            f"staff queue “{queue}” (ward leader)",
            lambda queue=queue: ok(leader.get("/can-bo/ho-so/", {"queue": queue})),
            "p95 < 50 ms",
        )
        for queue in QUEUES
    ]
    found += [
        Case(
            "staff queue “mine” (specialist)",
            lambda: ok(specialist.get("/can-bo/ho-so/", {"queue": "mine"})),
            "p95 < 50 ms",
        ),
        Case(
            "staff queue, processing, page 5",
            lambda: ok(leader.get("/can-bo/ho-so/", {"status": 4, "page": 5})),
            "p95 < 50 ms",
        ),
        Case(
            "API dossier list, unit + processing",
            lambda: ok(api.get("/api/v1/dossiers/", {"unit": ward.slug, "status": 4})),
            "p95 < 50 ms",
        ),
        Case(
            "API dossier list, unit + returned, page 20",
            lambda: ok(api.get("/api/v1/dossiers/", {"unit": ward.slug, "status": 10, "page": 20})),
            "p95 < 50 ms",
        ),
        Case(
            "API dossier list, all the leader's units, processing",
            lambda: ok(api.get("/api/v1/dossiers/", {"status": int(Status.PROCESSING)})),
            "p95 < 50 ms",
        ),
        Case(
            "public status lookup (code + secret, then status page)", status_lookup, "p95 < 20 ms"
        ),
        Case(
            "procedure search “khai sinh”",
            lambda: public("/thu-tuc/", {"q": "khai sinh"}),
            "p95 < 50 ms",
        ),
        Case(
            "procedure search “đăng ký kết hôn”",
            lambda: public("/thu-tuc/", {"q": "đăng ký kết hôn"}),
            "p95 < 50 ms",
        ),
    ]
    for query in (
        "chuyển đổi số",
        "chuyen doi so",
        "cải cách hành chính",
        "ngap nuoc",
        "khai sinh",
    ):
        found.append(
            Case(
                f"site search “{query}”",
                lambda query=query: public("/tim-kiem/", {"q": query}),
                "p95 < 50 ms",
            )
        )
    found += [
        Case(
            "article page",
            lambda: public(f"/tin-tuc/{rng.choice(articles)}/"),
        ),
        Case("home page", lambda: public("/")),
    ]
    dashboards = [
        ("public indices, province, this year", anonymous, "/chi-so/", {}),
        ("public indices, ward, year", anonymous, "/chi-so/", ward_year),
        ("public indices export (xlsx), ward", anonymous, "/chi-so/xuat-excel/", ward_year),
        ("PAR ranking", anonymous, "/chi-so/cai-cach-hanh-chinh/", {}),
        ("satisfaction index, province", anonymous, "/chi-so/hai-long/", {}),
        ("766 service index, ward, year (public)", anonymous, "/chi-so/phuc-vu/", ward_year),
        ("766 service index, ward, year (staff)", leader, "/can-bo/chi-so-phuc-vu/", ward_year),
        (
            f"766 drill-down {drill}, ward, year",
            leader,
            f"/can-bo/chi-so-phuc-vu/{drill}/mau-so/",
            ward_year,
        ),
        ("staff dashboard, ward, year", leader, "/can-bo/bang-dieu-khien/", ward_year),
        ("staff export (xlsx), ward", leader, "/can-bo/bang-dieu-khien/xuat-excel/", ward_year),
        (
            "staff report (PDF), ward, stored (rendered ahead or asked for before)",
            leader,
            "/can-bo/bang-dieu-khien/bao-cao.pdf",
            ward_year,
        ),
    ]
    report_pdf(ward, Period(year))  # as ``render_reports`` does at night
    if assessment:
        dashboards.append(
            (
                "PAR result of a unit",
                anonymous,
                f"/chi-so/cai-cach-hanh-chinh/{assessment.framework.year}/{assessment.unit.slug}/",
                {},
            )
        )
    for name, client, path, params in dashboards:
        found.append(
            Case(
                f"dashboard: {name}",
                lambda client=client, path=path, params=params: ok(
                    client.get(path, params, HTTP_X_FORWARDED_FOR=visitor_address())
                ),
                "cold < 300 ms",
                heavy=True,
            )
        )

    def no_stored_report():
        shutil.rmtree(Path(settings.MEDIA_ROOT) / STORE, ignore_errors=True)

    def report_queued():
        no_stored_report()
        ok(leader.get("/can-bo/bang-dieu-khien/bao-cao.pdf", ward_year), 302)

    found.append(
        Case(
            "dashboard: staff report (PDF), ward, not stored: queued for the task worker",
            report_queued,
            "cold < 300 ms",
            heavy=True,
        )
    )
    report = report_html(ward, Period(year))

    def report_rendered_by_worker():
        no_stored_report()
        render_report.call(report)

    found.append(
        Case(
            "staff report (PDF), ward, its render by the task worker (not a request)",
            report_rendered_by_worker,
            heavy=True,
        )
    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--cold-iterations", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--only", default="", help="measure only the cases whose name has this")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    atexit.register(shutil.rmtree, var_dir, True)
    os.environ.update(bench_environment(args.database_url, var_dir))
    setup_django()
    from django.core.cache import caches
    from django.db import connections
    from django.test import Client

    from motcua.dossiers.models import Dossier

    def cold() -> None:
        for cache in caches.all():
            cache.clear()
        connections.close_all()

    year = dt.date.today().year
    anonymous = Client()
    baseline = Case("baseline: bare Django view", lambda: anonymous.get("/bench/bare/"))
    chosen = [c for c in cases(year) if args.only.lower() in c.name.lower()]
    rows, failures = [], 0
    base_warm = measure(baseline.call, iterations=args.iterations, warmup=args.warmup)
    base_cold = measure(baseline.call, iterations=args.cold_iterations, warmup=1, before_each=cold)
    for case in [baseline, *chosen]:
        share = 10 if case.heavy else 1
        try:
            warm = (
                base_warm
                if case is baseline
                else measure(
                    case.call,
                    iterations=max(5, args.iterations // share),
                    warmup=1 if case.heavy else args.warmup,
                )
            )
            chilled = (
                base_cold
                if case is baseline
                else measure(
                    case.call,
                    iterations=max(3, args.cold_iterations // share),
                    warmup=1,
                    before_each=cold,
                )
            )
        except AssertionError as error:
            failures += 1
            print(f"FAILED {case.name}: HTTP {error}", file=sys.stderr)
            continue
        rows.append(
            [
                case.name,
                f"{warm['n']}/{chilled['n']}",
                f"{warm['p50']:.1f}",
                f"{warm['p95']:.1f}",
                f"{warm['p99']:.1f}",
                f"{warm['p95'] / base_warm['p95']:.0f}×",
                f"{chilled['p50']:.1f}",
                f"{chilled['p95']:.1f}",
                f"{chilled['p99']:.1f}",
                f"{chilled['p95'] / base_cold['p95']:.0f}×",
                case.target,
            ]
        )
        print(f"  measured: {case.name}", file=sys.stderr, flush=True)
    print(f"Data: {Dossier.objects.count():,} dossiers. Times in ms; n = warm/cold requests.\n")
    print(
        markdown(
            [
                "request",
                "n",
                "warm p50",
                "warm p95",
                "warm p99",
                "warm p95 ÷ baseline",
                "cold p50",
                "cold p95",
                "cold p99",
                "cold p95 ÷ baseline",
                "target",
            ],
            rows,
        )
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
