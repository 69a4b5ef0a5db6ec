"""Who may call the API: integrations with a bearer token, people with their web session.

A session only counts for staff who passed the second factor; it needs the CSRF token on
writes (django-ninja's cookie authentication checks it).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from motcua.api.models import ApiToken, hash_token
from motcua.organisations.selectors import has_role


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        row = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True)
            .first()
        )
        if row is None or not row.user.is_active:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class StaffSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = request.user
        if user.is_authenticated and user.is_staff and user.is_verified():
            return user
        return None


#: For staff endpoints: a token or a staff session with the second factor.
staff_auth = [TokenAuth(), StaffSessionAuth()]


def require_role(user, roles) -> None:
    """Refuse (403) a caller who holds none of ``roles``. An endpoint grants no more than the
    pages that show the same records (their ``staff_required(roles=...)``)."""
    if not any(has_role(user, role) for role in roles):
        raise PermissionDenied
