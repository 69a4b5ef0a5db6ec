"""Settings for a developer's machine and for ``make run``: the embedded set-up."""

from motcua.conf.base import *  # noqa: F403
from motcua.conf.base import SECRET_KEY

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"
