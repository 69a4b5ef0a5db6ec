"""Writing to the audit trail. Call ``audit_record`` inside the transaction of the change."""

from __future__ import annotations

from typing import Any

from django.db import models

from motcua.audit.models import AuditEvent
from motcua.core import requestmeta


def _object_identity(obj: models.Model | None) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    identifier = getattr(obj, "public_id", None) or obj.pk
    return obj._meta.label_lower, str(identifier), str(obj)[:300]


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    unit_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one event. ``actor`` may be an anonymous user or None for the system itself."""
    meta = requestmeta.current.get()
    object_type, object_id, object_repr = _object_identity(obj)
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=actor.get_username() if is_user else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        unit_id=unit_id,
        before=before,
        after=after,
        reason=reason,
        ip=meta.ip if meta else None,
        request_id=meta.request_id if meta else "",
    )
