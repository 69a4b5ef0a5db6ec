"""Who works on which reports.

Most roles act where their membership is (that unit and below). Two roles work for their
whole ward wherever their membership sits in it: the one-stop officer (the desk that receives
feedback for the ward, often a service centre inside it) and the Fatherland Front supervisor
(whose committee is a body inside the ward). ``visible_to`` and the workflow use the same rule.
"""

from __future__ import annotations

from django.db.models import Q

from motcua.accounts.roles import RoleCode
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.organisations.scoping import UnitScope
from motcua.organisations.selectors import has_role, memberships_of

WARD_WIDE_ROLES = frozenset({RoleCode.ONE_STOP_OFFICER, RoleCode.FRONT_SUPERVISOR})
#: Who works on reports in the back office and the staff API (PRODUCT.md §1). Editors and
#: administrators do not: a report carries the reporter's name and phone number.
STAFF_ROLES = (
    RoleCode.ONE_STOP_OFFICER,
    RoleCode.SPECIALIST,
    RoleCode.LEADER,
    RoleCode.FRONT_SUPERVISOR,
)


def _ward_path(unit: Unit) -> str:
    cache = getattr(unit, "_ward_path", None)
    if cache is None:
        cache = unit.path if unit.kind in ADMINISTRATIVE_KINDS else unit.administrative_unit().path
        unit._ward_path = cache
    return cache


def role_paths(user) -> list[tuple[str, str]]:
    """(role, path) pairs: the subtree each role of the user covers."""
    cached = getattr(user, "_feedback_role_paths", None)
    if cached is None:
        cached = [
            (
                m.role.code,
                _ward_path(m.unit) if m.role.code in WARD_WIDE_ROLES else m.unit.path,
            )
            for m in memberships_of(user)
        ]
        user._feedback_role_paths = cached
    return cached


def holds(user, role: str, unit: Unit) -> bool:
    """Whether ``user`` holds ``role`` over ``unit``."""
    if user is None or not user.is_authenticated:
        return False
    if has_role(user, role, unit):
        return True
    return role in WARD_WIDE_ROLES and any(
        code == role and unit.path.startswith(path) for code, path in role_paths(user)
    )


def report_scope(user) -> Q | None:
    """The reports a staff user sees (None: everything). Staff see the reports of their units'
    wards and those handled by their units; reports about officials also reach the official's
    unit and the Interior office. The Front supervisor sees conduct reports of the area only."""
    scope = UnitScope.of(user)
    if scope.everything:
        return None
    condition = Q(pk__in=[])
    for role, path in role_paths(user):
        if role not in STAFF_ROLES:
            continue
        if role == RoleCode.FRONT_SUPERVISOR:
            condition |= Q(category__is_conduct=True, unit__path__startswith=path)
        else:
            condition |= (
                Q(unit__path__startswith=path)
                | Q(handling_unit__path__startswith=path)
                | Q(official_unit__path__startswith=path)
                | Q(interior_unit__path__startswith=path)
            )
    return condition


def unit_scope(user, field: str) -> Q | None:
    """Rows whose unit (reached through ``field``) is covered by one of the user's roles, with
    the ward-wide rule above (None: everything)."""
    if UnitScope.of(user).everything:
        return None
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    condition = Q(pk__in=[])
    for _role, path in role_paths(user):
        condition |= Q(**{lookup: path})
    return condition
