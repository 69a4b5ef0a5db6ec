"""Legal parameters as configuration with an effective date, not code.

An app declares each rule once with its baseline value and legal basis::

    RECEPTION_CUTOFF = declare_rule("reception_cutoff", "15:00", basis="Nghị định 61/2018 Điều 18")

and reads it for a given day with ``rule_value("reception_cutoff", on=day)``. Values entered by an
administrator (``RuleValue`` rows) take over from their effective date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rule:
    key: str
    default: Any
    basis: str
    description: str


RULES: dict[str, Rule] = {}


def declare_rule(key: str, default: Any, *, basis: str, description: str = "") -> str:
    RULES[key] = Rule(key=key, default=default, basis=basis, description=description)
    return key


def rule_value(key: str, *, on: dt.date) -> Any:
    """The value of rule ``key`` in force on ``on``."""
    from motcua.core.models import RuleValue

    if key not in RULES:
        raise KeyError(f"Undeclared legal rule: {key}")
    row = (
        RuleValue.objects.filter(key=key, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )
    return row.value if row else RULES[key].default
