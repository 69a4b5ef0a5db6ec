"""Latency of the staff hot paths on the benchmark database (fill it with generate.py first).

    .venv/bin/python bench/latency.py [--iterations 200]

Requests go through the whole Django stack in process (middleware, sessions, templates,
serialisation) with a signed-in leader whose second factor is verified. Reported as
p50 / p95 / p99 in milliseconds and as a ratio to a baseline request (/healthz) measured
in the same run.
"""

from __future__ import annotations

import argparse
import sys

from common import measure, setup_django, table


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from motcua.accounts.models import User
    from motcua.api.models import ApiToken
    from motcua.dossiers.models import Dossier
    from motcua.organisations.models import Unit

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

    total = Dossier.objects.count()
    ward = Unit.objects.get(gso_code="26929")
    ward_dossiers = Dossier.objects.filter(unit=ward).count()
    leader = staff_client("binhthanh.lanhdao")
    _row, token = ApiToken.issue(user=User.objects.get(username="quantri"), name="benchmark")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    anonymous = Client()

    def ok(response):
        assert response.status_code == 200, response.status_code
        return response

    cases = [
        ("baseline: GET /healthz", lambda: ok(anonymous.get("/healthz"))),
        ("staff queue page, all (ward leader)", lambda: ok(leader.get("/can-bo/ho-so/"))),
        (
            "staff queue page, overdue",
            lambda: ok(leader.get("/can-bo/ho-so/", {"queue": "overdue"})),
        ),
        (
            "staff queue page, processing, page 5",
            lambda: ok(leader.get("/can-bo/ho-so/", {"status": 4, "page": 5})),
        ),
        (
            "API dossier list, unit + status (city account)",
            lambda: ok(api.get("/api/v1/dossiers/", {"unit": ward.slug, "status": 4})),
        ),
        (
            "API dossier list, unit + returned, page 20",
            lambda: ok(api.get("/api/v1/dossiers/", {"unit": ward.slug, "status": 10, "page": 20})),
        ),
        (
            "API dossier list, whole province, processing",
            lambda: ok(api.get("/api/v1/dossiers/", {"status": 4})),
        ),
    ]
    results = [
        (name, measure(call, iterations=args.iterations, warmup=args.warmup))
        for name, call in cases
    ]
    print(f"Dossiers: {total:,} in all, {ward_dossiers:,} in {ward.name}.\n")
    print(table(results[1:], baseline=results[0][1]))
    print(f"\nbaseline /healthz p95: {results[0][1]['p95']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
