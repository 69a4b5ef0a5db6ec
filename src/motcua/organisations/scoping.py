"""One scoping mechanism for every staff query.

A user sees the units of their active memberships and every unit below them; a role marked
"sees every unit" (the administrator) and a superuser see everything. Every staff list and
detail goes through ``Model.objects.visible_to(user)``: a model's queryset subclasses
:class:`ScopedQuerySet` and names the path to its unit in ``scope_field``.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q


class UnitScope:
    """The set of unit paths a user may see, computed once per user object."""

    def __init__(self, everything: bool, paths: tuple[str, ...]):
        self.everything = everything
        self.paths = paths
        self._unit_ids: list[int] | None = None

    @classmethod
    def of(cls, user) -> UnitScope:
        if user is None or not user.is_authenticated or not user.is_active:
            return cls(False, ())
        cached = getattr(user, "_unit_scope", None)
        if cached is not None:
            return cached
        if user.is_superuser:
            scope = cls(True, ())
        else:
            rows = list(
                user.memberships.filter(is_active=True, unit__is_active=True).values_list(
                    "role__sees_all_units", "unit__path"
                )
            )
            everything = any(sees_all for sees_all, _path in rows)
            paths = tuple(sorted({path for _sees_all, path in rows}))
            # A path below another path adds nothing.
            paths = tuple(p for p in paths if not any(p != q and p.startswith(q) for q in paths))
            scope = cls(everything, paths)
        user._unit_scope = scope
        return scope

    def unit_ids(self) -> list[int]:
        """Ids of the units in scope (one indexed query on the unit tree, then remembered)."""
        if self._unit_ids is None:
            from motcua.organisations.models import Unit

            self._unit_ids = (
                list(Unit.objects.filter(self._path_q("")).values_list("id", flat=True))
                if self.paths
                else []
            )
        return self._unit_ids

    def _path_q(self, field: str) -> Q:
        lookup = f"{field}__path__startswith" if field else "path__startswith"
        return reduce(or_, (Q(**{lookup: path}) for path in self.paths))

    def q(self, field: str) -> Q:
        """A filter keeping rows whose unit (reached through ``field``) is in scope.

        Other tables filter on a list of unit ids rather than joining the unit tree, so that
        the database uses their own indexes on the unit column."""
        if self.everything:
            return Q()
        if not self.paths:
            return Q(pk__in=[])
        if not field:
            return self._path_q("")
        return Q(**{f"{field}__in": self.unit_ids()})

    def contains(self, unit) -> bool:
        return self.everything or any(unit.path.startswith(path) for path in self.paths)


class ScopedQuerySet(models.QuerySet):
    #: Path from the model to its ``Unit`` ("unit", "dossier__unit"); "" for Unit itself.
    scope_field = "unit"

    def visible_to(self, user):
        return self.filter(UnitScope.of(user).q(self.scope_field))
