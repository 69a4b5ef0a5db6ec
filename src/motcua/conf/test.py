"""Settings for the test suite. The database comes from DATABASE_URL like everywhere else."""

import os
import tempfile

from motcua.conf.base import *  # noqa: F403
from motcua.conf.base import DATABASES

SECRET_KEY = "test-only-insecure-key-0123456789abcdefghijklmnopqrstuvwxyz"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}
MEDIA_ROOT = tempfile.mkdtemp(prefix="motcua-test-media-")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
NOTIFICATION_OUTBOX_DIR = tempfile.mkdtemp(prefix="motcua-test-outbox-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Connections are not kept between requests in tests: the live server for browser tests serves
# each request in its own thread on the shared in-memory SQLite connection.
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
