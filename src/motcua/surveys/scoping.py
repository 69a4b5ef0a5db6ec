"""Scoping for the oversight roles of satisfaction and reform indices.

A PAR assessor works in the Interior department (Sở/Phòng Nội vụ) and a Front supervisor in
the Fatherland Front committee, both bodies *inside* an administrative unit; their work covers
that whole administrative unit (the city, the ward), not only their own body. Other roles see,
as everywhere, the units of their memberships and the units below them.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from motcua.accounts.roles import RoleCode
from motcua.organisations.models import Unit
from motcua.organisations.scoping import ScopedQuerySet, UnitScope
from motcua.organisations.selectors import memberships_of

AREA_ROLES = frozenset({RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR})


def area_paths(user, roles: frozenset[str] | None = None) -> tuple[bool, tuple[str, ...]]:
    """(sees everything, unit paths) for ``user``, the oversight roles widened to their
    administrative unit. With ``roles``, only memberships holding one of them count."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False, ()
    if user.is_superuser:
        return True, ()
    cache_key = ("_area_paths", roles)
    cached = getattr(user, "_area_paths_cache", {}).get(cache_key)
    if cached is not None:
        return cached
    everything, paths = False, set()
    for membership in memberships_of(user):
        if roles is not None and membership.role.code not in roles:
            continue
        if membership.role.sees_all_units:
            everything = True
        unit = membership.unit
        if membership.role.code in AREA_ROLES:
            unit = unit.administrative_unit()
        paths.add(unit.path)
    result = (everything, tuple(sorted(paths)))
    user.__dict__.setdefault("_area_paths_cache", {})[cache_key] = result
    return result


def area_q(user, field: str, roles: frozenset[str] | None = None) -> Q:
    everything, paths = area_paths(user, roles)
    if everything:
        return Q()
    if not paths:
        return Q(pk__in=[])
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    return reduce(or_, (Q(**{lookup: path}) for path in paths))


def covers(user, unit: Unit, roles: frozenset[str] | None = None) -> bool:
    """Whether ``unit`` is in the user's area (for the given roles)."""
    everything, paths = area_paths(user, roles)
    return everything or any(unit.path.startswith(path) for path in paths)


def units_in_area(user, roles: frozenset[str] | None = None):
    """Active administrative units in the user's area, in tree order (for filters)."""
    qs = Unit.objects.active().administrative().order_by("path")
    return qs.filter(area_q(user, "", roles))


class AreaScopedQuerySet(ScopedQuerySet):
    """``visible_to`` with the oversight roles widened to their administrative unit."""

    def visible_to(self, user):
        return self.filter(area_q(user, self.scope_field))


__all__ = ["AREA_ROLES", "AreaScopedQuerySet", "UnitScope", "area_paths", "area_q", "covers"]
