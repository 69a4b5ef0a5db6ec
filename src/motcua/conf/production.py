"""Settings for a real deployment. Everything still comes from the environment (see base.py);
this file only refuses to start without what production cannot do without."""

from django.core.exceptions import ImproperlyConfigured

from motcua.conf.base import *  # noqa: F403
from motcua.conf.base import DEBUG, SECRET_KEY

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to 50 or more random characters.")
if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off in production.")
