"""Shared by the benchmark scripts: Django set-up against the benchmark database, timing and
reporting. Benchmarks never run in the test suite; see bench/README.md."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench"


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.conf.dev")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def measure(call: Callable[[], object], *, iterations: int, warmup: int) -> dict[str, float]:
    """Run ``call`` and return latency statistics in milliseconds."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(iterations):
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


def table(
    rows: list[tuple[str, dict[str, float]]], baseline: dict[str, float] | None = None
) -> str:
    lines = [
        "| measurement | n | p50 ms | p95 ms | p99 ms | p95 / baseline p95 |",
        "|---|---|---|---|---|---|",
    ]
    for name, stats in rows:
        ratio = f"{stats['p95'] / baseline['p95']:.1f}×" if baseline else ""
        lines.append(
            f"| {name} | {stats['n']} | {stats['p50']:.1f} | {stats['p95']:.1f} | {stats['p99']:.1f} | {ratio} |"
        )
    return "\n".join(lines)
