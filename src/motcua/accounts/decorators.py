"""Access rules for the back-office: signed in, staff, second factor verified, right role."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from motcua.organisations.selectors import has_role, is_administrator


def _redirect_with_next(request, url_name: str):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


def staff_required(view=None, *, roles: tuple[str, ...] = (), admin: bool = False):
    """Allow a staff user who passed two-factor authentication and holds one of ``roles``
    (any role when empty) somewhere, or is an administrator when ``admin`` is set.
    Per-object checks (which unit) belong to the view's queryset: ``visible_to(user)``."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return _redirect_with_next(request, "accounts:login")
            if not user.is_staff:
                raise PermissionDenied
            if not user.is_verified():
                return _redirect_with_next(request, "accounts:two-factor")
            if admin and not is_administrator(user):
                raise PermissionDenied
            if roles and not any(has_role(user, role) for role in roles):
                raise PermissionDenied
            return view_func(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
