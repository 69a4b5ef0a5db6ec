import os
import secrets
import subprocess
import sys
from pathlib import Path

from motcua.core.management.commands.env_settings import env_example

PROJECT = Path(__file__).resolve().parents[4]


def test_env_example_documents_every_setting_read_from_the_environment():
    assert (PROJECT / ".env.example").read_text(encoding="utf-8") == env_example(), (
        "Regenerate it: .venv/bin/python src/manage.py env_settings > .env.example"
    )


def test_production_settings_pass_the_deployment_checklist():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "motcua.conf.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "motcua.example.gov.vn",
    }
    result = subprocess.run(
        [sys.executable, "src/manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "motcua.conf.production",
        "DJANGO_SECRET_KEY": "",
    }
    result = subprocess.run(
        [sys.executable, "src/manage.py", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
