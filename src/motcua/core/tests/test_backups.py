"""``backup`` then ``restore`` gives back the same rows and the same files, on SQLite and on
PostgreSQL; a damaged archive is refused before anything is touched."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from motcua.accounts.models import User
from motcua.core.backups import sha256
from motcua.organisations.models import Unit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def checksums(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): sha256(p) for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_backup_restores_the_same_rows_and_files(administrator, media, tmp_path):
    default_storage.save("dossiers/2026/11/to-khai.pdf", ContentFile(b"%PDF-1.7 to khai"))
    default_storage.save("public/tin-tuc/ảnh đẹp.jpg", ContentFile(bytes(range(256)) * 40))
    before_rows, before_files = row_counts(), checksums(media)
    archive = tmp_path / "backups" / "motcua.tar.gz"

    assert "tables" in run("backup", "--output", str(archive))
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["tables"] == before_rows
    assert {n[len("media/") :]: c for n, c in manifest["files"].items() if "/" in n} == (
        before_files
    )

    # Life goes on after the backup: rows added and removed, files changed and added.
    User.objects.create_user(username="nguoi.moi", password="x")
    Unit.objects.filter(pk=administrator.memberships.get().unit_id).update(name="Đổi tên")
    administrator.memberships.all().delete()
    (media / "dossiers/2026/11/to-khai.pdf").write_bytes(b"overwritten")
    default_storage.save("dossiers/extra.pdf", ContentFile(b"%PDF after the backup"))
    assert row_counts() != before_rows

    assert "verified" in run("restore", str(archive), "--yes")
    assert row_counts() == before_rows
    assert checksums(media) == before_files
    assert not User.objects.filter(username="nguoi.moi").exists()
    assert administrator.memberships.get().unit.name != "Đổi tên"


def test_a_damaged_archive_is_refused_and_nothing_is_replaced(administrator, media, tmp_path):
    default_storage.save("dossiers/to-khai.pdf", ContentFile(b"%PDF original"))
    archive = tmp_path / "good.tar.gz"
    run("backup", "--output", str(archive))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "media/dossiers/to-khai.pdf":
                data = b"%PDF tampered"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    User.objects.create_user(username="sau.sao.luu", password="x")
    rows = row_counts()

    with pytest.raises(CommandError, match="Checksum mismatch"):
        run("restore", str(damaged), "--yes")
    with pytest.raises(CommandError, match="--yes"):
        run("restore", str(archive))
    assert row_counts() == rows
    assert User.objects.filter(username="sau.sao.luu").exists()
