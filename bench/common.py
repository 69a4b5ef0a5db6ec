"""Shared by the benchmark scripts: Django set-up against the benchmark database, timing and
reporting. Benchmarks never run in the test suite; see bench/README.md."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import statistics
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench"
#: Redis database of the benchmark runs' cache (flushed by the cold runs); two people measuring
#: on one machine give each run its own.
BENCH_CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")


def bench_environment(database_url: str, var_dir: Path) -> dict[str, str]:
    """The environment of every measured run, in process and under gunicorn alike: the
    production settings (DEBUG off, Redis cache, persistent database connections) behind a
    trusted proxy, so that each simulated visitor can bring its own address in
    X-Forwarded-For and the per-address rate limits count them apart, as in production."""
    (var_dir / "static").mkdir(parents=True, exist_ok=True)
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "HTTPS": "false",
        "BEHIND_PROXY": "true",
        "DATABASE_URL": database_url,
        "CACHE_URL": BENCH_CACHE_URL,
        "MOTCUA_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]),
    }


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.conf.dev")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    import django

    django.setup()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def measure(
    call: Callable[[], object],
    *,
    iterations: int,
    warmup: int,
    before_each: Callable[[], object] | None = None,
) -> dict[str, float]:
    """Run ``call`` and return latency statistics in milliseconds; ``before_each`` runs before
    every timed call, outside the timing (the cold runs clear caches there)."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(iterations):
        if before_each:
            before_each()
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "n": len(samples),
        "p50": percentile(samples, 50),
        "p95": percentile(samples, 95),
        "p99": percentile(samples, 99),
        "mean": statistics.fmean(samples),
    }


def markdown(headers: list[str], rows: list[list[str]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects, so each answer is seen.
    ``headers`` go with every request (a visitor address, a Referer...)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, headers: dict[str, str] | None = None):
        self.headers = headers or {}
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect()
        )

    def fetch(
        self, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        """GET ``url`` (POST when there is a ``body``); return (status, Location header, body)."""
        request = urllib.request.Request(
            url, data=body, headers={**self.headers, **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def csrf_token(self, url: str) -> str:
        """The CSRF token of the form at ``url`` (its cookie stays in the jar)."""
        _status, _location, page = self.fetch(url)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def wait_until_serving(url: str, *, seconds: float = 60) -> None:
    """Return once ``url`` answers; a server that never does is an error."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered at {url}")
