"""The whole benchmark suite in one command: generate (or top up) the data, then the latency,
load and memory runs; the report goes to stdout and to var/bench/<mode>-<time>.md.

    .venv/bin/python bench/run.py full     # make bench: 1,000,000 dossiers in motcua_bench
    .venv/bin/python bench/run.py quick    # make bench-quick: 2% of it, short runs (smoke check)

Exit status 1 when a step fails, a measured request fails or a load run saw any error.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT

MODES = {
    "full": {
        "database": "motcua_bench",
        "generate": ["--scale", "1"],
        "latency": ["--iterations", "200", "--cold-iterations", "30"],
        "load": ["--duration", "20"],
    },
    "quick": {
        "database": "motcua_bench_quick",
        "generate": ["--scale", "0.02"],
        "latency": ["--iterations", "10", "--cold-iterations", "3", "--warmup", "2"],
        "load": ["--duration", "3"],
    },
}


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024 // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPU ({cpu}), {memory} GB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, PostgreSQL {postgres}; "
        f"load average at the start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
    )


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "quick"
    if mode not in MODES:
        raise SystemExit(f"usage: run.py {{{'|'.join(MODES)}}}")
    settings = MODES[mode]
    database_url = f"postgres://postgres@127.0.0.1:5432/{settings['database']}"
    out_dir = ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    report_path = out_dir / f"{mode}-{started:%Y%m%d-%H%M}.md"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    report = [
        f"# Benchmark, {mode} mode, {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- command: `make bench{'' if mode == 'full' else '-quick'}` (bench/run.py {mode}), "
        f"commit {commit}",
        f"- database: {settings['database']}",
        f"- machine: {machine()}",
    ]
    failed = []
    for step in ("generate", "latency", "load"):
        command = [
            sys.executable,
            str(ROOT / "bench" / f"{step}.py"),
            "--database-url",
            database_url,
            *settings[step],
        ]
        print(f"\n=== {step}: {' '.join(command[1:])}", file=sys.stderr, flush=True)
        began = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - began
        if step == "generate":
            sys.stderr.write(result.stdout)
            report.append(f"- data: generated or topped up in {seconds:.0f} s")
            report.append("")
        else:
            report += [f"## {step.capitalize()} ({seconds:.0f} s)", "", result.stdout.strip(), ""]
        if result.returncode:
            failed.append(step)
            if step == "generate":
                break
    if failed:
        report.append(f"**FAILED: {', '.join(failed)}** (see the messages above the tables)")
    text = "\n".join(report) + "\n"
    report_path.write_text(text)
    print(text)
    print(f"Written to {report_path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
