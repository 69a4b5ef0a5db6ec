"""Why a measured request is slow: its queries, slowest first, with PostgreSQL's plan.

    .venv/bin/python bench/explain.py WORD [--top 3] [--database-url postgres://...]

Runs the latency cases whose name contains WORD (see latency.py) once warm, records every
query, prints how many there were and their total time, then EXPLAIN (ANALYZE, BUFFERS) of the
``--top`` slowest reads.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import DEFAULT_DATABASE_URL, bench_environment, setup_django


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("word")
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    atexit.register(shutil.rmtree, var_dir, True)
    os.environ.update(bench_environment(args.database_url, var_dir))
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from latency import cases

    for case in cases(dt.date.today().year):
        if args.word.lower() not in case.name.lower():
            continue
        case.call()  # warm
        with CaptureQueriesContext(connection) as captured:
            case.call()
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        total = sum(float(q["time"]) for q in queries) * 1000
        print(f"\n## {case.name}: {len(queries)} queries, {total:.0f} ms in the database\n")
        with connection.cursor() as cursor:
            for query in queries[: args.top]:
                print(f"-- {float(query['time']) * 1000:.1f} ms\n{query['sql']}\n")
                if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                    print("(a write or a transaction statement: not run again)\n")
                    continue
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
                print("\n".join(row[0] for row in cursor.fetchall()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
