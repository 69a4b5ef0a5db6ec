"""Audit the pinned dependencies (requirements.lock) for known vulnerabilities with pip-audit.

Exit status and what is printed:

* 1 — a pinned package has a known vulnerability (each is listed with its fix), or pip-audit
  failed for a reason other than the network;
* 0 with "AUDITED" — every pinned package was looked up and none has a known vulnerability;
* 0 with "WARNING: NOT AUDITED" — the vulnerability service could not be reached, or it had no
  data for some packages: those packages were not checked, and the output says so instead of
  reporting a pass. Set AUDIT_REQUIRED=1 to make this a failure too (e.g. before a release).

PIP_AUDIT_SERVICE chooses pip-audit's vulnerability service (pypi, the default, or osv);
PIP_AUDIT overrides the command that is run (default: this Python's ``-m pip_audit``).
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
NETWORK_ERRORS = (
    "ConnectionError",
    "ConnectTimeout",
    "ReadTimeout",
    "Max retries exceeded",
    "NameResolutionError",
    "Name or service not known",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ServiceError",
)


def main() -> int:
    required = os.environ.get("AUDIT_REQUIRED") == "1"
    service = os.environ.get("PIP_AUDIT_SERVICE", "pypi")
    command = shlex.split(os.environ.get("PIP_AUDIT", "")) or [sys.executable, "-m", "pip_audit"]
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "report.json"
        run = subprocess.run(
            [
                *command,
                "--requirement", str(LOCK),
                "--no-deps",  # the lock pins every package: nothing to resolve
                "--disable-pip",
                "--vulnerability-service", service,
                "--progress-spinner", "off",
                "--format", "json",
                "--output", str(report_path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        report = json.loads(report_path.read_text()) if report_path.exists() else None

    if report is None:
        reason = (run.stderr.strip().splitlines() or ["no output"])[-1]
        if any(marker in run.stderr for marker in NETWORK_ERRORS):
            return not_audited(
                f"the vulnerability service ({service}) is unreachable: {reason}", required
            )
        print(run.stderr, file=sys.stderr)
        print(f"FAILED: pip-audit did not run ({reason}).")
        return 1

    dependencies = report["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            print(
                f"VULNERABLE: {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in: {fixed})"
            )
    if vulnerable:
        print(
            f"FAILED: {len(vulnerable)} pinned package(s) with known vulnerabilities; update requirements.lock."
        )
        return 1
    audited = len(dependencies) - len(skipped)
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        return not_audited(
            f"the vulnerability service ({service}) had no data for {len(skipped)} of "
            f"{len(dependencies)} pinned packages: {names}",
            required,
            audited=audited,
        )
    print(f"AUDITED: {audited} pinned packages, no known vulnerabilities ({service}).")
    return 0


def not_audited(reason: str, required: bool, audited: int = 0) -> int:
    print(f"WARNING: NOT AUDITED — {reason}.")
    if audited:
        print(f"The other {audited} packages were audited: no known vulnerabilities.")
    print(
        "This is not a pass: rerun where the service is reachable (AUDIT_REQUIRED=1 makes this fail)."
    )
    return 1 if required else 0


if __name__ == "__main__":
    sys.exit(main())
