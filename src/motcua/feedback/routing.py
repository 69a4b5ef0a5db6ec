"""Which unit handles a report: ordered first-match rules on category × unit (× time of day).

Rules of the report's ward come first, then those of the units above it (the city's rules are
the fallback for every ward), each level in the order of ``position``. With no matching rule
the ward itself handles the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from motcua.feedback.models import Category, InteriorOffice, RoutingRule
from motcua.organisations.models import Unit


@dataclass(frozen=True)
class Route:
    handling_unit: Unit
    officer: object | None
    rule: RoutingRule | None


def _ancestor_ids(unit: Unit) -> list[int]:
    return [int(part) for part in unit.path.strip("/").split("/") if part]


def rule_matches(rule: RoutingRule, *, category: Category, at: dt.time) -> bool:
    if rule.category_id and rule.category_id not in (category.pk, category.parent_id):
        return False
    if rule.starts_at is None or rule.ends_at is None:
        return True
    if rule.starts_at <= rule.ends_at:
        return rule.starts_at <= at < rule.ends_at
    return at >= rule.starts_at or at < rule.ends_at  # the window wraps midnight


def candidate_rules(unit: Unit) -> list[RoutingRule]:
    """Active rules that may apply to reports in ``unit``, in the order they are tried."""
    rules = list(
        RoutingRule.objects.filter(
            unit_id__in=_ancestor_ids(unit), is_active=True, handling_unit__is_active=True
        ).select_related("unit", "handling_unit", "officer")
    )
    return sorted(rules, key=lambda r: (-r.unit.depth, r.position, r.pk))


def route(*, unit: Unit, category: Category, at: dt.datetime | None = None) -> Route:
    local = timezone.localtime(at or timezone.now()).time()
    for rule in candidate_rules(unit):
        if rule_matches(rule, category=category, at=local):
            officer = rule.officer if rule.officer and rule.officer.is_active else None
            return Route(handling_unit=rule.handling_unit, officer=officer, rule=rule)
    return Route(handling_unit=unit, officer=None, rule=None)


def interior_office_for(unit: Unit) -> Unit | None:
    """The Interior office configured for the nearest area at or above ``unit``."""
    offices = {
        row.area_id: row.office
        for row in InteriorOffice.objects.filter(area_id__in=_ancestor_ids(unit)).select_related(
            "office"
        )
    }
    for unit_id in reversed(_ancestor_ids(unit)):
        if unit_id in offices:
            return offices[unit_id]
    return None
