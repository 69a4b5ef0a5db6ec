"""Settings that scale a deployment out: a read replica for the dashboards, object storage for files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.test import override_settings

from motcua.accounts.models import User
from motcua.core.replica import ReplicaRouter, reads_from_replica
from motcua.dossiers.models import Dossier
from motcua.feedback.models import Report

PROJECT = Path(__file__).resolve().parents[4]


def routes():
    router = ReplicaRouter()
    return {
        "dossier read": router.db_for_read(Dossier),
        "feedback read": router.db_for_read(Report),
        "user read": router.db_for_read(User),
        "session read": router.db_for_read(Session),
        "dossier write": router.db_for_write(Dossier),
    }


@pytest.fixture
def replica_configured(settings):
    # The router only looks for the alias in the setting; no connection is opened to it.
    with override_settings(DATABASES={**settings.DATABASES, "replica": {}}):
        yield


@pytest.mark.usefixtures("replica_configured")
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_inside_a_dashboard_view_data_reads_go_to_the_replica_and_accounts_stay_on_the_primary():
    assert reads_from_replica(routes)() == {
        "dossier read": "replica",
        "feedback read": "replica",
        "user read": None,
        "session read": None,
        "dossier write": "default",
    }


@pytest.mark.usefixtures("replica_configured")
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_outside_the_dashboards_everything_uses_the_primary():
    assert set(routes().values()) == {None, "default"}


def test_without_a_replica_the_dashboards_use_the_primary():
    assert reads_from_replica(routes)()["dossier read"] is None


def django_shell(script: str, **environment: str) -> list[str]:
    """Words printed by ``script`` run in a fresh Django process with these settings."""
    result = subprocess.run(
        [sys.executable, "src/manage.py", "shell", "--no-imports", "-c", script],
        cwd=PROJECT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "motcua.conf.dev", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_replica_url_adds_a_replica_connection_and_the_router():
    printed = django_shell(
        "from django.conf import settings; from django.db import router; "
        "print(settings.DATABASES['replica']['HOST'], type(router.routers[0]).__name__)",
        DATABASE_URL="postgres://motcua@db-primary:5432/motcua",
        DATABASE_REPLICA_URL="postgres://motcua_reader@db-replica:5432/motcua",
    )
    assert printed == ["db-replica", "ReplicaRouter"]


def test_a_bucket_name_keeps_uploaded_files_in_object_storage():
    printed = django_shell(
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.default_acl)",
        MEDIA_S3_BUCKET="motcua-ho-so",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.gov.vn",
    )
    assert printed == ["S3Storage", "motcua-ho-so", "https://s3.example.gov.vn", "private"]


@pytest.mark.parametrize(("jit", "options"), [("", "-c jit=off"), ("1", "-")])
def test_postgresql_connections_run_without_jit_unless_asked(jit, options):
    printed = django_shell(
        "from django.conf import settings; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options', '-'))",
        DATABASE_URL="postgres://motcua@db-primary:5432/motcua",
        DATABASE_JIT=jit,
    )
    assert " ".join(printed) == options
