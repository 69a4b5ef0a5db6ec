"""Reads about units and who holds which role where."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from motcua.accounts.roles import RoleCode
from motcua.core.text import fold
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Membership, Unit, UnitQuerySet
from motcua.organisations.scoping import UnitScope

PORTAL_UNIT_CACHE_KEY = "organisations:portal-unit"


def portal_unit() -> Unit | None:
    """The unit whose portal this is (``PORTAL_UNIT_CODE``, else the top of the tree)."""
    unit = cache.get(PORTAL_UNIT_CACHE_KEY)
    if unit is None:
        qs = Unit.objects.active()
        unit = (
            qs.filter(gso_code=settings.PORTAL_UNIT_CODE).first()
            if settings.PORTAL_UNIT_CODE
            else None
        ) or qs.order_by("depth", "sort_order", "id").first()
        if unit is not None:
            cache.set(PORTAL_UNIT_CACHE_KEY, unit, 300)
    return unit


def memberships_of(user) -> list[Membership]:
    """The user's active memberships, with unit and role, in tree order."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.active()
            .filter(user=user, unit__is_active=True)
            .select_related("unit", "role")
            .order_by("unit__path", "role__id")
        )
        user._memberships = cached
    return cached


def roles_in(user, unit: Unit) -> set[str]:
    """Role codes the user holds in ``unit`` or in a unit above it."""
    if user.is_authenticated and user.is_superuser:
        return {RoleCode.ADMINISTRATOR}
    return {
        m.role.code
        for m in memberships_of(user)
        if unit.path.startswith(m.unit.path) or m.role.sees_all_units
    }


def has_role(user, role: str, unit: Unit | None = None) -> bool:
    """Whether the user holds ``role`` — in ``unit`` (or above it) when a unit is given."""
    if unit is not None:
        return role in roles_in(user, unit)
    if user.is_authenticated and user.is_superuser:
        return role == RoleCode.ADMINISTRATOR
    return any(m.role.code == role for m in memberships_of(user))


def is_administrator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, RoleCode.ADMINISTRATOR))


def staff_units(user) -> list[Unit]:
    """Units a staff user can switch to: those of their memberships, without repeats."""
    seen, units = set(), []
    for membership in memberships_of(user):
        if membership.unit.pk not in seen:
            seen.add(membership.unit.pk)
            units.append(membership.unit)
    return units


def directory_units(*, within: Unit | None, query: str = "") -> UnitQuerySet:
    """Administrative units listed in the public directory: those directly below ``within``
    (the portal's unit), or, when searching, any active unit below it whose name matches."""
    qs = Unit.objects.active().select_related("parent").order_by("sort_order", "name")
    if query:
        folded = fold(query)
        base = qs.filter(path__startswith=within.path) if within else qs
        return base.filter(search_name__contains=folded)
    if within is None:
        return qs.filter(parent__isnull=True)
    return qs.filter(parent=within).administrative()


def unit_bodies(unit: Unit) -> UnitQuerySet:
    """The departments and bodies directly inside ``unit``."""
    return (
        Unit.objects.active()
        .filter(parent=unit)
        .exclude(kind__in=ADMINISTRATIVE_KINDS)
        .select_related("leader")
        .order_by("sort_order", "name")
    )


def unit_scope(user) -> UnitScope:
    return UnitScope.of(user)


ACTIVE_UNIT_SESSION_KEY = "active_unit"


def active_unit(request) -> Unit | None:
    """The unit a staff user is working in now (chosen in the unit switcher), defaulting to
    the unit of their first membership."""
    units = staff_units(request.user)
    chosen = request.session.get(ACTIVE_UNIT_SESSION_KEY)
    for unit in units:
        if str(unit.public_id) == chosen:
            return unit
    return units[0] if units else None
