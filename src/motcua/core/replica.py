"""Reads that tolerate a few seconds of lag go to a read replica, when one is configured.

Set ``DATABASE_REPLICA_URL`` and the views wrapped in :func:`reads_from_replica` (dashboards and
the published indices: heavy aggregate reads) read the dossiers, feedback, ratings and
assessments from the replica. Accounts, sessions and second-factor devices are always read from
the primary, so a sign-in that has just happened is never missed because of replication lag.
Every write goes to the primary. Without a replica everything uses the primary.
"""

from __future__ import annotations

import contextvars
import functools

from django.conf import settings

REPLICA = "replica"
PRIMARY_ONLY_APPS = frozenset(
    {"accounts", "auth", "contenttypes", "sessions", "otp_totp", "otp_static", "django_otp"}
)

_replica_reads: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "replica_reads", default=False
)


def reads_from_replica(view):
    """Run ``view`` with its reads going to the replica (if there is one)."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        token = _replica_reads.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            _replica_reads.reset(token)

    return wrapped


class ReplicaRouter:
    """Database router installed when ``DATABASE_REPLICA_URL`` is set."""

    def db_for_read(self, model, **hints):
        if (
            _replica_reads.get()
            and REPLICA in settings.DATABASES
            and model._meta.app_label not in PRIMARY_ONLY_APPS
        ):
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA
