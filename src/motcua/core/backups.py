"""One archive with the database and the uploaded files, and its verified restore.

    motcua-20261122-0300.tar.gz
      manifest.json          engine, row count of every table, sha256 of every other member
      database.sqlite3       SQLite: a copy made with SQLite's online backup API
      database.pgdump        PostgreSQL: ``pg_dump --format=custom``
      media/...              every file under MEDIA_ROOT

The database is copied with the engine's own tool rather than Django's ``dumpdata``: the copy
is exact (sequences, indexes, the search tables, rows of models without fixtures support),
consistent while the site runs, and fast on large databases; the price is that an archive
restores only into the same engine. The row counts are taken from the same snapshot as the
copy (the copied SQLite file; on PostgreSQL a snapshot exported to ``pg_dump --snapshot``).

``restore`` checks every checksum before it touches anything, then replaces the database and
the uploaded files and checks the row counts and checksums again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP = ["pg_dump", "--format=custom", "--no-owner"]
PG_RESTORE = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """The archive is unusable or does not match what was restored."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _count_rows(cursor, tables) -> dict[str, int]:
    quote = connection.ops.quote_name
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> tuple[list[str], dict]:
    """Connection options for pg_dump / pg_restore, the password through the environment."""
    db = connection.settings_dict
    options = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            options += [flag, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return options, env


def _dump_database(target: Path) -> dict[str, int]:
    """Copy the database to ``target``; return the row count of every table in the copy."""
    tables = connection.introspection.table_names()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            return _count_rows(copy.cursor(), tables)
        finally:
            copy.close()
    if connection.vendor == "postgresql":
        options, env = _pg_env()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count_rows(cursor, tables)
            subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
                [*PG_DUMP, f"--snapshot={snapshot}", "--file", str(target), *options],
                env=env,
                check=True,
                capture_output=True,
            )
        return counts
    raise BackupError(f"No backup method for the {connection.vendor} database engine.")


def _media_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def backup(output: Path) -> dict:
    """Write the archive to ``output``; return its manifest."""
    dump_name = DUMP_NAMES.get(connection.vendor, "database")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / dump_name
        tables = _dump_database(dump)
        members = {dump_name: dump}
        for path in _media_files(media_root):
            members[f"media/{path.relative_to(media_root).as_posix()}"] = path
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "database": dump_name,
            "tables": tables,
            "files": {name: sha256(path) for name, path in members.items()},
        }
        manifest_path = Path(work) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, arcname=MANIFEST)
            for name, path in members.items():
                archive.add(path, arcname=name)
        partial.replace(output)  # a half-written archive never has the final name
    return manifest


def _unpack(archive: Path, into: Path) -> dict:
    """Extract ``archive`` and check it against its manifest (no missing, extra or altered
    file) before anything is restored."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")  # refuses links out, absolute and ../ paths
        manifest = json.loads((into / MANIFEST).read_text("utf-8"))
    except (OSError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"Not a readable backup archive: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"The archive holds a {manifest['engine']} database; this site uses {connection.vendor}."
        )
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    expected = set(manifest["files"])
    if present != expected:
        raise BackupError(
            f"Files missing: {sorted(expected - present)}; not listed: {sorted(present - expected)}."
        )
    for name, checksum in manifest["files"].items():
        if sha256(into / name) != checksum:
            raise BackupError(f"Checksum mismatch for {name}: the archive is damaged.")
    return manifest


def _load_database(dump: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    options, env = _pg_env()
    connection.close()  # hold no lock on the tables pg_restore drops
    result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
        [*PG_RESTORE, *options, str(dump)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()[-2000:]}")


def _replace_media(source: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    if source.exists():
        shutil.copytree(source, media_root, dirs_exist_ok=True)


def restore(archive: Path) -> dict:
    """Replace the database and the uploaded files with the archive's; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        manifest = _unpack(archive, unpacked)
        _load_database(unpacked / manifest["database"])
        _replace_media(unpacked / "media")
    verify(manifest)
    return manifest


def verify(manifest: dict) -> None:
    """Check the live database and MEDIA_ROOT hold exactly what ``manifest`` describes."""
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, manifest["tables"])
    wrong = {t: (n, counts[t]) for t, n in manifest["tables"].items() if counts[t] != n}
    if wrong:
        raise BackupError(f"Row counts differ after the restore (expected, found): {wrong}")
    media_root = Path(settings.MEDIA_ROOT)
    found = {
        f"media/{p.relative_to(media_root).as_posix()}": sha256(p) for p in _media_files(media_root)
    }
    expected = {n: c for n, c in manifest["files"].items() if n.startswith("media/")}
    if found != expected:
        raise BackupError("The uploaded files differ from the archive's after the restore.")
