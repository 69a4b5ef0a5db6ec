"""Fill the benchmark database with a province's worth of data, reproducibly.

    .venv/bin/python bench/generate.py [--scale 1] [--seed 1] [--database-url postgres://...]

Creates the database if needed, migrates and loads the demo data (Ho Chi Minh City and its 168
wards, staff accounts, the procedure catalogue, categories), then bulk-loads, at scale 1:

- 1,000,000 dossiers (PostgreSQL COPY): three years of activity in every status, spread over all
  wards (the demo wards busier), each with its history of events;
- 100,000 ratings of returned dossiers, 200,000 feedback reports, 100,000 news articles (issue 6
  asks its search and article-page figures on 100,000; issue 7's province has 50,000);
- the monthly dossier and feedback statistics the dashboards read
  (``rebuild_dossier_statistics``, ``rebuild_feedback_statistics``);
- the site-search index over the articles, the answered feedback and the procedures;

then runs VACUUM ANALYZE. ``--scale 0.02`` loads 2% of every count (the quick mode). Each stage
tops up what an earlier run left, so an interrupted run can be started again. The same seed and
scale give the same rows, with dates counted back from the day of the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
import uuid
from urllib.parse import urlsplit

import content
from common import DEFAULT_DATABASE_URL, setup_django

#: Row counts at scale 1.
FULL = {"dossiers": 1_000_000, "ratings": 100_000, "feedback": 200_000, "articles": 100_000}

COLUMNS = (
    "public_id",
    "created_at",
    "updated_at",
    "code",
    "secret",
    "unit_id",
    "processing_unit_id",
    "department_id",
    "assignee_id",
    "procedure_version_id",
    "channel",
    "status",
    "stage",
    "applicant_type",
    "applicant_name",
    "applicant_search",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "organisation_name",
    "submitted_at",
    "received_at",
    "clock_start",
    "due_date",
    "extended_due_date",
    "effective_due_date",
    "supplement_stage",
    "supplement_items",
    "processing_supplements",
    "finished_at",
    "returned_at",
    "closed_reason",
    "fee_amount",
)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Tâm",
    "Trang",
    "Tuấn",
]


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def catalogue():
    """The procedure versions to file dossiers under (a small synthetic catalogue if empty)."""
    from motcua.procedures.models import OnlineLevel, Procedure, ProcedureField, ProcedureVersion

    versions = list(
        ProcedureVersion.objects.filter(procedure__is_active=True).select_related("procedure")
    )
    if versions:
        return versions
    field, _ = ProcedureField.objects.get_or_create(code="ho-tich", defaults={"name": "Hộ tịch"})
    for n in range(30):
        procedure = Procedure.objects.create(
            code=f"9.{n:06d}",
            name=f"Thủ tục đo hiệu năng {n}",
            slug=f"thu-tuc-do-hieu-nang-{n}",
            field=field,
        )
        ProcedureVersion.objects.create(
            procedure=procedure,
            effective_from=dt.date(2020, 1, 1),
            processing_days=[0, 3, 5, 10, 15][n % 5],
            result="Kết quả",
            legal_basis="Ví dụ",
            online_level=OnlineLevel.FULL if n % 2 else OnlineLevel.PARTIAL,
        )
    return list(ProcedureVersion.objects.select_related("procedure"))


def rows(
    count: int,
    rng: random.Random,
    wards,
    versions,
    departments,
    specialists,
    start_code: int,
    calendar,
):
    """Dossier rows for COPY (no query may run while a COPY is open: ``calendar`` is built before)."""
    from motcua.core.text import fold
    from motcua.dossiers.models import Stage, Status

    tz = dt.timezone(dt.timedelta(hours=7))
    now = dt.datetime.now(tz)
    weights = [8 if w.sort_order else 1 for w in wards]
    for n in range(count):
        ward = rng.choices(wards, weights)[0]
        version = rng.choice(versions)
        age_days = int(rng.triangular(0, 3 * 365, 0))
        submitted = now - dt.timedelta(days=age_days, minutes=rng.randrange(0, 600))
        day = submitted.date()
        start = calendar.counting_start(submitted.replace(tzinfo=None), cutoff=dt.time(15))
        due = calendar.add_working_days(start, version.processing_days)
        if age_days > 30:
            status = rng.choices(
                [
                    Status.RETURNED,
                    Status.REFUSED,
                    Status.WITHDRAWN,
                    Status.STOPPED,
                    Status.RESULT_READY,
                ],
                [90, 3, 3, 1, 3],
            )[0]
        else:
            status = rng.choices(list(Status), [6, 8, 1, 40, 6, 3, 1, 1, 10, 24])[0]
        late = rng.random() < 0.08
        finished = None
        if status in (Status.RESULT_READY, Status.RETURNED):
            finished_day = (
                calendar.add_working_days(due, 2)
                if late
                else due - dt.timedelta(days=rng.randrange(0, 2))
            )
            finished = dt.datetime.combine(max(finished_day, day), dt.time(10), tzinfo=tz)
            finished = min(finished, now)
        returned = (
            finished + dt.timedelta(hours=rng.randrange(1, 72))
            if status == Status.RETURNED
            else None
        )
        department = (
            departments.get(ward.pk)
            if status in (Status.PROCESSING, Status.SUPPLEMENT, Status.PAYMENT)
            else None
        )
        assignee = specialists.get(ward.pk) if department and rng.random() < 0.8 else None
        stage = {
            Status.PROCESSING: Stage.SPECIALIST if assignee else Stage.DEPARTMENT,
            Status.SUPPLEMENT: Stage.APPLICANT,
        }.get(status, Stage.DESK)
        name = f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}"
        received = submitted + dt.timedelta(hours=2) if status != Status.SUBMITTED else None
        extended = calendar.add_working_days(due, 3) if late and rng.random() < 0.3 else None
        yield (
            uuid.UUID(int=rng.getrandbits(128), version=4),
            submitted,
            submitted,
            f"{ward.identifier_code or ward.gso_code}-{day:%y%m%d}-B{start_code + n:07d}",
            "BENCH234",
            ward.pk,
            ward.pk,
            department,
            assignee,
            version.pk,
            rng.choice(["desk", "online", "online", "postal"]),
            int(status),
            stage,
            "citizen",
            name,
            fold(name),
            "",
            f"09{rng.randrange(10**7, 10**8)}",
            "",
            "Phường",
            "",
            submitted,
            received,
            start if received else None,
            due if received else None,
            extended,
            (extended or due) if received else None,
            "",
            json.dumps([]),
            0,
            finished,
            returned,
            "",
            version.pk % 5 * 10000,
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    ensure_database(args.database_url)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from motcua.accounts.roles import RoleCode
    from motcua.dossiers.models import Dossier
    from motcua.organisations.models import Membership, Unit, UnitKind
    from motcua.workcalendar.selectors import working_calendar

    counts = {name: round(full * args.scale) for name, full in FULL.items()}
    started = time.perf_counter()

    def log(line: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {line}", flush=True)

    log(f"Target: {counts}, seed {args.seed}.")
    call_command("migrate", verbosity=0)
    # A finished run leaves its counts and seed as the database's comment.
    done_mark = json.dumps({**counts, "seed": args.seed}, sort_keys=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        )
        if cursor.fetchone()[0] == f"motcua bench {done_mark}":
            log("Already generated with these counts and this seed.")
            return 0
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    log("Demo data loaded.")
    versions = catalogue()
    wards = list(Unit.objects.filter(kind=UnitKind.WARD, parent__gso_code="79"))
    departments = {
        u.parent_id: u.pk
        for u in Unit.objects.filter(kind=UnitKind.DEPARTMENT, slug__endswith="-culture")
    }
    specialists = {
        m.unit.parent_id: m.user_id
        for m in Membership.objects.filter(
            role__code=RoleCode.SPECIALIST, unit__slug__endswith="-culture"
        ).select_related("unit")
    }
    calendar = working_calendar()
    existing = Dossier.objects.filter(code__contains="-B").count()
    wanted = max(0, counts["dossiers"] - existing)
    rng = random.Random(args.seed * 1_000_003 + existing)
    log(f"{existing:,} benchmark dossiers present, loading {wanted:,} more...")
    chunk = 50_000
    with connection.cursor() as cursor:
        for offset in range(0, wanted, chunk):
            size = min(chunk, wanted - offset)
            with cursor.cursor.copy(
                f"COPY dossiers_dossier ({', '.join(COLUMNS)}) FROM STDIN"
            ) as copy:
                for row in rows(
                    size,
                    rng,
                    wards,
                    versions,
                    departments,
                    specialists,
                    existing + offset,
                    calendar,
                ):
                    copy.write_row(row)
            log(f"  {existing + offset + size:>9,} dossiers")
    content.dossier_histories(log)
    content.ratings(counts["ratings"], args.seed, log)
    # COPY and INSERT ... SELECT bypass the statistics kept on each write: recompute them.
    log("Dossier statistics...")
    call_command("rebuild_dossier_statistics", stdout=sys.stdout)
    content.feedback(counts["feedback"], random.Random(args.seed * 7 + 1), log)
    log("Feedback figures...")
    call_command("rebuild_feedback_statistics", stdout=sys.stdout)
    content.articles(counts["articles"], random.Random(args.seed * 7 + 2), log)
    content.search_index(["news", "feedback", "procedures"], log)
    log("VACUUM ANALYZE...")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        name = connection.settings_dict["NAME"]
        cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [f"motcua bench {done_mark}"])
    log(f"Done: {Dossier.objects.count():,} dossiers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
